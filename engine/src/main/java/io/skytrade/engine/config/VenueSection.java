package io.skytrade.engine.config;

import java.util.Locale;

/**
 * venue: where orders go and market data comes from.
 *
 * @param mode              {@code simulator} (default: the embedded simulated exchange on loopback,
 *                          reached through the real WebSocket gateway), {@code remote} (a venue at
 *                          {@code url}), or {@code paper} (the seeded random-walk market of the
 *                          {@code market} section, orders counted but not sent; for benchmarks)
 * @param url               venue address in remote mode (default ws://127.0.0.1:8765/)
 * @param apiKeyEnv         environment variable holding the venue API key (default SKYTRADE_API_KEY);
 *                          the simulator accepts any key, so the demo needs none
 * @param port              simulator port, 0 for any free port (default 0)
 * @param seed              seed of the simulator's synthetic world and traders (default 7); the offline
 *                          feeds observe the same world
 * @param timeScale         simulated seconds per wall-clock second in simulator mode (default 1; the
 *                          demo uses 60)
 * @param backgroundTraders whether the simulator's background traders quote (default true)
 * @param feePerLot         simulator fee per lot filled (default 0)
 * @param connectTimeoutNanos how long start-up waits for the gateway to log in, nanoseconds (default 10s)
 * @param worldStartNanos   simulator mode: the world time at start, epoch nanoseconds, written as an
 *                          ISO instant ({@code venue.worldStart: 2026-02-27T11:30:00Z}); 0 (default)
 *                          starts the world at the wall-clock time. A fixed start makes a demo or a
 *                          test cover the same hours of the same seeded world on every run
 * @param market            simulator mode: what the background participants know ({@link VenueMarketSection})
 * @param protocol          {@code websocket} (default: skytrade's own, {@code exchange/PROTOCOL.md}) or {@code cmi}
 *                          (the CMI Exchange's REST and server-sent events, {@code exchange/CMI.md}); in simulator
 *                          mode the embedded simulator speaks it, in remote mode {@code url} is the venue's
 *                          {@code http(s)://} address
 * @param cmi               the CMI gateway's credentials, pace and timeouts ({@link VenueCmiSection})
 */
public record VenueSection(String mode, String url, String apiKeyEnv, int port, long seed, double timeScale,
                           boolean backgroundTraders, double feePerLot, long connectTimeoutNanos, long worldStartNanos,
                           VenueMarketSection market, String protocol, VenueCmiSection cmi) {
    public static final String SIMULATOR = "simulator";
    public static final String REMOTE = "remote";
    public static final String PAPER = "paper";
    public static final String WEBSOCKET = "websocket";
    public static final String CMI = "cmi";

    public VenueSection {
        mode = mode.toLowerCase(Locale.ROOT);
        if (!mode.equals(SIMULATOR) && !mode.equals(REMOTE) && !mode.equals(PAPER)) {
            throw new IllegalArgumentException("venue.mode: '" + mode + "' must be simulator, remote or paper");
        }
        protocol = protocol.toLowerCase(Locale.ROOT);
        if (!protocol.equals(WEBSOCKET) && !protocol.equals(CMI)) {
            throw new IllegalArgumentException("venue.protocol: '" + protocol + "' must be websocket or cmi");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("venue.port: " + port + " must be 0..65535");
        }
        if (!(timeScale >= 1.0) || timeScale > 100_000) {
            throw new IllegalArgumentException("venue.timeScale: " + timeScale + " must be in 1..100000");
        }
        if (protocol.equals(WEBSOCKET) && !url.startsWith("ws://") && !url.startsWith("wss://")) {
            throw new IllegalArgumentException("venue.url: '" + url + "' must start with ws:// or wss:// (venue.protocol: websocket)");
        }
        if (protocol.equals(CMI) && mode.equals(REMOTE) && !url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("venue.url: '" + url + "' must start with http:// or https:// (venue.protocol: cmi)");
        }
        if (feePerLot < 0) {
            throw new IllegalArgumentException("venue.feePerLot: " + feePerLot + " must be >= 0");
        }
        if (connectTimeoutNanos <= 0) {
            throw new IllegalArgumentException("venue.connectTimeout: must be > 0");
        }
        if (worldStartNanos < 0) {
            throw new IllegalArgumentException("venue.worldStart: must be an instant after 1970 or 0 (wall clock)");
        }
    }

    public static VenueSection defaults() {
        return new VenueSection(SIMULATOR, "ws://127.0.0.1:8765/", "SKYTRADE_API_KEY", 0, 7, 1.0, true, 0.0,
            10_000_000_000L, 0L, VenueMarketSection.defaults(), WEBSOCKET, VenueCmiSection.defaults());
    }

    /** True for {@code venue.protocol: cmi}. */
    public boolean isCmi() {
        return protocol.equals(CMI);
    }
}
