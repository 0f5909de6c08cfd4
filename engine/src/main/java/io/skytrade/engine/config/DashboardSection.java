package io.skytrade.engine.config;

/**
 * dashboard: the live browser dashboard of a running engine (prices, fair values, signals,
 * regimes, positions, PnL, risk mode, feeds, latency, the decision tape and a safe-mode button).
 *
 * @param enabled  serve the dashboard (default false; the demo turns it on)
 * @param bind     address it listens on (default 127.0.0.1); any address that is not loopback
 *                 requires the token of {@code tokenEnv} on every request
 * @param port     TCP port (default 8080; 0 picks a free port, printed at start-up)
 * @param tokenEnv environment variable holding that token (default SKYTRADE_OBS_TOKEN)
 */
public record DashboardSection(boolean enabled, String bind, int port, String tokenEnv) {
    public DashboardSection {
        EndpointChecks.check("dashboard", bind, port, tokenEnv);
    }

    public static DashboardSection defaults() {
        return new DashboardSection(false, "127.0.0.1", 8080, "SKYTRADE_OBS_TOKEN");
    }
}
