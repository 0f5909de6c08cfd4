package io.skytrade.engine;

/** Configurations shared by the engine's integration tests. */
public final class TestConfigs {
    /**
     * The demo's stack (embedded simulator, synthetic feeds, every stage), with world time 120x
     * from a fixed instant of the seeded world (a weekday afternoon, Heathrow busy), so a test sees
     * the same hours whenever it runs; with the wall clock, a run at 05:50 UTC saw Heathrow's night
     * and no trades.
     */
    public static final String FAST_CONFIG = """
        pipeline:
          ringSize: 1024
          waitStrategy: blocking
        journal:
          blockSize: 1MiB
          pretouchAhead: 2MiB
        venue:
          mode: simulator
          seed: 7
          timeScale: 120
          worldStart: 2026-11-25T14:00:00Z
        feeds:
          synthetic:
            pollInterval: 200ms
        safeMode:
          maxMarketDataAge: 1h
        orders:
          ackTimeout: 1h
        timers:
          interval: 50ms
        status:
          interval: 500ms
        """;

    private TestConfigs() {
    }
}
