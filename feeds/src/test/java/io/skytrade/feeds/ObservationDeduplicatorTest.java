package io.skytrade.feeds;

import io.skytrade.core.event.EngineEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
