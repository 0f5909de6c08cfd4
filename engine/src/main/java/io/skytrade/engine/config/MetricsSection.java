package io.skytrade.engine.config;

/**
 * metrics: the engine's counters and latency histograms are always kept in a live run (the status
 * line and {@code skytrade ctl status} read them); this section sets how often the reporter thread
 * samples them and whether they are also served at {@code /metrics} in the Prometheus text format.
 *
 * @param enabled        serve {@code /metrics} (default false; the demo turns it on)
 * @param bind           address the endpoint listens on (default 127.0.0.1); any address that is
 *                       not loopback requires the token of {@code tokenEnv}
 * @param port           TCP port (default 9464; 0 picks a free port, printed at start-up)
 * @param tokenEnv       environment variable holding the bearer token required when bound beyond
 *                       loopback (default SKYTRADE_OBS_TOKEN; shared with the dashboard)
 * @param intervalNanos  reporter period: histogram intervals, ring capacity, venue and feed status,
 *                       decision tape (default 500ms, at least 50ms)
 */
public record MetricsSection(boolean enabled, String bind, int port, String tokenEnv, long intervalNanos) {
    public MetricsSection {
        EndpointChecks.check("metrics", bind, port, tokenEnv);
        if (intervalNanos < 50_000_000L) {
            throw new IllegalArgumentException("metrics.interval: " + intervalNanos + "ns must be at least 50ms");
        }
    }

    public static MetricsSection defaults() {
        return new MetricsSection(false, "127.0.0.1", 9464, "SKYTRADE_OBS_TOKEN", 500_000_000L);
    }
}
