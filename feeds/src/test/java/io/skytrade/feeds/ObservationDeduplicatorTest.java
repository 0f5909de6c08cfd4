package io.skytrade.feeds;

import io.skytrade.core.event.EngineEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ObservationDeduplicatorTest {
    private static Observation at(final int series, final long t) {
        return new Observation(series, t, t, 7, 0);
    }

    @Test
    void shouldPassEachSeriesAndTimeOnce() {
        final ObservationDeduplicator d = new ObservationDeduplicator(1000);
        assertEquals(2, d.fresh(List.of(at(0, 10), at(1, 10))).size());
        assertEquals(List.of(at(0, 20)), d.fresh(List.of(at(0, 10), at(0, 20), at(1, 10))));
    }

    @Test
    void shouldPassLateReadingsForUnseenTimes() {
        final ObservationDeduplicator d = new ObservationDeduplicator(1000);
        d.fresh(List.of(at(0, 100), at(0, 130)));
        assertEquals(List.of(at(0, 115)), d.fresh(List.of(at(0, 130), at(0, 115))));
    }

    @Test
    void shouldAlwaysPassStaleObservations() {
        final ObservationDeduplicator d = new ObservationDeduplicator(1000);
        d.fresh(List.of(at(0, 100)));
        final Observation stale = at(0, 100).withQuality(EngineEvent.QUALITY_STALE);
        assertEquals(List.of(stale), d.fresh(List.of(stale)));
        assertEquals(List.of(stale), d.fresh(List.of(stale)));
    }

    @Test
    void shouldDropReadingsOlderThanTheHorizon() {
        final ObservationDeduplicator d = new ObservationDeduplicator(100);
        d.fresh(List.of(at(0, 1000)));
        assertEquals(List.of(), d.fresh(List.of(at(0, 800))));
        assertEquals(List.of(at(0, 950)), d.fresh(List.of(at(0, 950))));
    }

    @Test
    void shouldNeverPassTheSameSeriesAndTimeTwiceAcrossRandomBatches() {
        qt().withFixedSeed(11L).withExamples(300)
            .forAll(lists().of(lists().of(integers().between(0, 200)).ofSizeBetween(0, 20)).ofSizeBetween(1, 10))
            .checkAssert(batches -> {
                final ObservationDeduplicator d = new ObservationDeduplicator(1_000_000);
                final Set<Long> seen = new HashSet<>();
                final Set<Long> offered = new HashSet<>();
                for (final List<Integer> batch : batches) {
                    final List<Observation> obs = new ArrayList<>();
                    for (final int code : batch) {
                        obs.add(at(code % 3, code / 3));
                        offered.add((long) code % 3 * 1000 + code / 3);
                    }
                    for (final Observation o : d.fresh(obs)) {
                        assertTrue(seen.add(o.seriesId() * 1000L + o.eventTimeNanos()), "passed twice: " + o);
                    }
                }
                assertEquals(offered, seen, "every distinct reading passes once");
            });
    }
}
