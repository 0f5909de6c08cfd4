package io.skytrade.engine.config;

/**
 * venue.cmi: the CMI Exchange protocol ({@code venue.protocol: cmi}, {@code exchange/CMI.md}): the
 * gateway's credentials (the names of the environment variables holding them, never the values),
 * its pace and timeouts, and the embedded simulator's own limits in simulator mode. The pace, the
 * backoff, the queue age and the simulator's token lifetime are engine-clock time (world time in the
 * demo); the waits for the network (requestTimeout, streamReadTimeout, pendingTrade,
 * mismatchTimeout) are wall time.
 *
 * @param usernameEnv              environment variable holding the user name (default CMI_USERNAME; the simulator accepts any)
 * @param passwordEnv              environment variable holding the password (default CMI_PASSWORD)
 * @param requestsPerSecond        REST requests a second the gateway allows itself (default 1, the venue's limit)
 * @param burst                    requests it may send back to back after a quiet spell (default 1)
 * @param maxQueueAgeNanos         a new order queued longer is dropped unsent, rejected QUEUE_TIMEOUT (default 30s)
 * @param mismatchTimeoutNanos     longest the venue's view of our resting orders may disagree with ours before they are reconciled (default 5s)
 * @param pendingTradeNanos        longest a trade report waits for an order to attribute it to (default 5s)
 * @param reconcileLookbackNanos   trades asked for again from this long before a stream loss (default 10s)
 * @param fillDedupeWindowNanos    how long fill identities are remembered (default 10m)
 * @param backoffInitialNanos      first wait after a 429, 5xx or I/O failure, doubling (default 1s)
 * @param backoffMaxNanos          longest such wait (default 30s)
 * @param streamReadTimeoutNanos   wall time of stream silence after which it is reopened (default 30s)
 * @param requestTimeoutNanos      wall time allowed for one REST request (default 10s)
 * @param marketVolumeIncludesOwn  whether the stream's marketVolume counts our userVolume (default true)
 * @param venueRequestsPerSecond   simulator mode: the venue's limit per user, answered 429 beyond (default 1)
 * @param venueTokenTtlNanos       simulator mode: how long a login token lasts, venue time (default 24h)
 */
public record VenueCmiSection(String usernameEnv, String passwordEnv, double requestsPerSecond, int burst, long maxQueueAgeNanos,
                              long mismatchTimeoutNanos, long pendingTradeNanos, long reconcileLookbackNanos,
                              long fillDedupeWindowNanos, long backoffInitialNanos, long backoffMaxNanos,
                              long streamReadTimeoutNanos, long requestTimeoutNanos, boolean marketVolumeIncludesOwn,
                              double venueRequestsPerSecond, long venueTokenTtlNanos) {
    private static final long SECOND = 1_000_000_000L;

    public VenueCmiSection {
        if (usernameEnv == null || usernameEnv.isBlank() || passwordEnv == null || passwordEnv.isBlank()) {
            throw new IllegalArgumentException("venue.cmi.usernameEnv and passwordEnv: must name environment variables");
        }
        if (!(requestsPerSecond > 0 && requestsPerSecond <= 1000) || !(venueRequestsPerSecond > 0 && venueRequestsPerSecond <= 1000)) {
            throw new IllegalArgumentException("venue.cmi.requestsPerSecond and venueRequestsPerSecond: must be in (0, 1000]");
        }
        if (burst < 1 || burst > 1000) {
            throw new IllegalArgumentException("venue.cmi.burst: " + burst + " must be 1..1000");
        }
        if (maxQueueAgeNanos <= 0 || mismatchTimeoutNanos < 0 || pendingTradeNanos < 0 || reconcileLookbackNanos < 0
            || venueTokenTtlNanos <= 0) {
            throw new IllegalArgumentException("venue.cmi: maxQueueAge and venueTokenTtl must be > 0; mismatchTimeout, pendingTrade and "
                + "reconcileLookback >= 0");
        }
        if (fillDedupeWindowNanos < 2 * reconcileLookbackNanos || fillDedupeWindowNanos < SECOND) {
            throw new IllegalArgumentException("venue.cmi.fillDedupeWindow: must be at least 1s and twice reconcileLookback");
        }
        if (backoffInitialNanos < 1_000_000 || backoffMaxNanos < backoffInitialNanos) {
            throw new IllegalArgumentException("venue.cmi.backoffInitial: at least 1ms; backoffMax: at least backoffInitial");
        }
        if (streamReadTimeoutNanos < 100_000_000 || requestTimeoutNanos < 10_000_000) {
            throw new IllegalArgumentException("venue.cmi.streamReadTimeout: at least 100ms; requestTimeout: at least 10ms");
        }
    }

    public static VenueCmiSection defaults() {
        return new VenueCmiSection("CMI_USERNAME", "CMI_PASSWORD", 1.0, 1, 30 * SECOND, 5 * SECOND, 5 * SECOND, 10 * SECOND,
            600 * SECOND, SECOND, 30 * SECOND, 30 * SECOND, 10 * SECOND, true, 1.0, 86_400 * SECOND);
    }
}
