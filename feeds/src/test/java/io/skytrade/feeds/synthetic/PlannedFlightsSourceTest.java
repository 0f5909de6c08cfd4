package io.skytrade.feeds.synthetic;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.feeds.Observation;
import io.skytrade.feeds.PollResult;
import io.skytrade.feeds.PollStatus;
import io.skytrade.feeds.SeriesIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.skytrade.feeds.TestSupport.nanos;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PlannedFlightsSourceTest {
    private static final long MIN = 60_000_000_000L;
    private static final SeriesIds IDS = SeriesIds.resolve(InstrumentRegistry.of(List.of("LHR_COUNT"),
        List.of(SeriesIds.THAMES_LEVEL, SeriesIds.AIR_TEMP, SeriesIds.REL_HUMIDITY, SeriesIds.PM25, SeriesIds.ARRIVALS,
            SeriesIds.DEPARTURES, SeriesIds.PLANNED_ARRIVALS, SeriesIds.PLANNED_DEPARTURES)));
    private static final long DISRUPTION = nanos("2026-02-28T15:00:00Z");

    /** 20 arrivals and 10 departures a bin; from 15:00 a disruption, announced at 15:00, halves 15:00-16:30. */
    private static final ObservableWorld WORLD = new ObservableWorld() {
        @Override
        public double value(final SeriesKind kind, final long epochNanos) {
            return 0;
        }

        @Override
        public double planned(final SeriesKind kind, final long binStartNanos, final long asOfNanos) {
            final double scheduled = kind == SeriesKind.ARRIVALS_30M ? 20 : 10;
            final boolean cut = asOfNanos >= DISRUPTION && binStartNanos >= DISRUPTION && binStartNanos < DISRUPTION + 90 * MIN;
            return cut ? scheduled / 2 : scheduled;
        }
    };

    private static List<Observation> poll(final PlannedFlightsSource s) throws Exception {
        final PollResult r = s.poll().get(1, TimeUnit.SECONDS);
        assertEquals(PollStatus.OK, r.status());
        return r.observations();
    }

    @Test
    void shouldPublishTheNextTwelveHoursOfPlansThenOnlyNewBinsAndRevisions() throws Exception {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(nanos("2026-02-28T14:10:00Z"));
        final PlannedFlightsSource s = new PlannedFlightsSource(IDS, WORLD, clock, Duration.ofMinutes(1));
        final List<Observation> first = poll(s);
        assertEquals(2 * 24, first.size(), "24 half-hour bins of arrivals and departures");
        assertEquals(nanos("2026-02-28T14:00:00Z"), first.get(0).eventTimeNanos(), "from the bin under way");
        assertEquals(nanos("2026-02-28T14:00:00Z") + 23 * 30 * MIN, first.get(first.size() - 1).eventTimeNanos());
        assertTrue(first.stream().allMatch(o -> o.quality() == EngineEvent.QUALITY_PLANNED), "flagged as plans");
        assertEquals(20.0, first.get(0).value());
        assertEquals(IDS.plannedArrivals(), first.get(0).seriesId());
        assertEquals(IDS.plannedDepartures(), first.get(1).seriesId());
        assertTrue(first.stream().allMatch(o -> o.value() == (o.seriesId() == IDS.plannedArrivals() ? 20 : 10)),
            "the disruption is not announced before 15:00");

        clock.set(nanos("2026-02-28T14:29:00Z"));
        assertEquals(List.of(), poll(s), "nothing new within the half hour");
        clock.set(nanos("2026-02-28T14:30:00Z"));
        final List<Observation> next = poll(s);
        assertEquals(2, next.size(), "the bin entering the look-ahead");
        assertEquals(nanos("2026-03-01T02:00:00Z"), next.get(0).eventTimeNanos());

        clock.set(DISRUPTION);
        final List<Observation> revised = poll(s);
        assertEquals(2 * 3 + 2, revised.size(), "three revised bins and the new one");
        assertEquals(DISRUPTION, revised.get(0).eventTimeNanos());
        assertEquals(10.0, revised.get(0).value());
        assertEquals(5.0, revised.get(1).value());
    }

    @Test
    void shouldNeedThePlannedSeries() {
        final SeriesIds without = SeriesIds.resolve(io.skytrade.feeds.TestSupport.REGISTRY);
        assertThrows(IllegalArgumentException.class,
            () -> new PlannedFlightsSource(without, WORLD, new ManualEpochNanoClock(0), Duration.ofMinutes(1)));
    }
}
