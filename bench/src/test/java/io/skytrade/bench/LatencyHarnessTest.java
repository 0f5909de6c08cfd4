package io.skytrade.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyHarnessTest {
    @TempDir
    Path dir;

    /**
     * The diagnostic probes see every recorded event, before the later stages (no later than the
     * probe at the end), and split each one's time since publish at the pick-up of its batch.
     */
    @Test
    void shouldBreakEveryEventsLatencyDownAtTheHopProbes() {
        try (LatencyHarness.Scenario s = LatencyHarness.create("b+hops", dir)) {
            final Histogram[] h = LatencyHarness.runAtRate(s, 20_000, 1);
            final List<LatencyProbe.Hop> hops = s.probe().hops();
            assertEquals(1, hops.size(), "no journal: one probe, before the business stages");
            final LatencyProbe.Hop start = hops.get(0);
            assertEquals("hop:start", start.name);
            assertEquals(h[0].getTotalCount(), start.sincePublish.getTotalCount());
            assertEquals(h[0].getTotalCount(), start.beforePickUp.getTotalCount());
            assertEquals(h[0].getTotalCount(), start.inBatch.getTotalCount());
            assertEquals(start.batch.getTotalCount(), start.wake.getTotalCount(), "one first event per batch");
            assertTrue(h[0].getTotalCount() >= 19_000, "about 20,000 events recorded in 1 s: " + h[0].getTotalCount());
            assertTrue(start.sincePublish.getValueAtPercentile(50) <= h[0].getValueAtPercentile(50),
                "the hand-off comes before the stages: " + start.sincePublish.getValueAtPercentile(50) + " ns vs "
                    + h[0].getValueAtPercentile(50));
        }
    }

    /** With the stages on the producer's thread every event is recorded and no hop probe is added. */
    @Test
    void shouldRunTheStagesOnTheProducersThreadInline() {
        try (LatencyHarness.Scenario s = LatencyHarness.create("b+inline", dir)) {
            final Histogram[] h = LatencyHarness.runAtRate(s, 20_000, 1);
            assertTrue(h[0].getTotalCount() >= 19_000, "about 20,000 events recorded in 1 s: " + h[0].getTotalCount());
            assertEquals(h[0].getTotalCount(), h[1].getTotalCount());
            assertTrue(s.probe().hops().isEmpty());
        }
    }

    /** A wait named in the scenario (a configuration name or backoff-S-Y-B) runs; rate 0 publishes nothing. */
    @Test
    void shouldRunAnyNamedWaitAndAnIdleEngine() {
        for (final String name : List.of("b-lite-blocking", "b-backoff-10-50-1000")) {
            try (LatencyHarness.Scenario s = LatencyHarness.create(name, dir)) {
                final Histogram[] h = LatencyHarness.runAtRate(s, 5_000, 1);
                assertTrue(h[0].getTotalCount() >= 4_500, name + ": about 5,000 events recorded in 1 s: " + h[0].getTotalCount());
                assertEquals(0, LatencyHarness.runAtRate(s, 0, 1)[0].getTotalCount(), name + ": no input at rate 0");
            }
        }
    }

    @Test
    void shouldRefuseAnUnknownWaitOrBadBackoff() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatencyHarness.create("b-fast", dir));
        assertTrue(e.getMessage().startsWith("unknown scenario b-fast ("), e.getMessage());
        final IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
            () -> LatencyHarness.create("b-backoff-10-50", dir));
        assertEquals("scenario b-backoff-10-50: backoff takes SPIN-YIELD-BEAT in microseconds, e.g. backoff-100-2000-0", bad.getMessage());
    }

    @Test
    void shouldRefuseADiagnosticFormOfTheBaseline() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LatencyHarness.create("c+hops", dir));
        assertEquals("no diagnostic form of scenario c", e.getMessage());
    }
}
