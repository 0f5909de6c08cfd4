package io.skytrade.engine.runtime;

import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.exchange.sim.ExchangeSimulator;
import io.skytrade.journal.RunDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16's end-to-end run: the demo's own configuration with {@code venue.protocol: cmi} over a
 * whole simulated day (the clock and event-time limits of {@link DemoSimulatedDayTest}): the
 * embedded simulator speaks CMI over loopback HTTP and SSE, the engine reaches it through the CMI
 * gateway. The journal must show fills, the session must settle, no stage may fail, the venue must
 * count no breach of its one-request-a-second limit, and replay must verify identically.
 */
@Tag("integration")
@Timeout(120)
class CmiDemoDayTest {
    private static final long DAY_NANOS = 86_400_000_000_000L;
    private static final double TIME_SCALE = 2400;
    private static final long WALL_NANOS = (long) (DAY_NANOS / TIME_SCALE) + 1_000_000_000L;

    @TempDir
    Path tmp;

    @Test
    void shouldTradeASimulatedDayOverCmiAndReplayIdentically() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final LiveRun live = LiveRun.start(new ConfigLoader(Map.of()).load(DemoSimulatedDayTest.dayConfigs(tmp, "venue: {protocol: cmi}\n")),
            tmp.resolve("journal"), new PrintStream(out, true, StandardCharsets.UTF_8), Map.of());
        final ExchangeSimulator venue = live.simulator();
        assertTrue(venue.isCmi() && venue.uri().startsWith("http://127.0.0.1:"), "the embedded venue speaks CMI: " + venue.uri());
        final long breaches;
        final long requests;
        try {
            live.awaitStop(WALL_NANOS);
            breaches = venue.cmiRateLimitBreaches();
            requests = venue.cmiRequests();
        } finally {
            live.close();
        }
        final String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, live.pipeline().failures().failureCount(), printed);
        final RunDirectory run = RunDirectory.open(live.runDirectory().dir());
        final DemoSimulatedDayTest.Summary s = DemoSimulatedDayTest.Summary.of(run);
        final String report = s + ", venue requests " + requests + ", breaches " + breaches + "\n" + printed;
        System.out.println("simulated CMI day: " + report.lines().findFirst().orElse(""));
        assertTrue(s.lastEventNanos - s.firstEventNanos >= DAY_NANOS * 9 / 10, "covers a simulated day: " + report);
        assertTrue(!s.fillsByProduct.isEmpty(), "fills: " + report);
        assertTrue(s.settlements > 0, "the session settled with positions to settle: " + report);
        assertEquals(0, breaches, "never faster than the venue's limit: " + report);
        assertEquals(0, s.safeEntries, "never forced into SAFE (a position mismatch would be): " + report);

        final ReplayRunner.Result r = new ReplayRunner(run, Map.of()).replay(true);
        assertEquals(live.inputsJournaled(), r.events());
        assertEquals(0, r.differences(), r.firstDifference());
        assertEquals(live.decisionsJournaled(), r.decisions());
    }
}
