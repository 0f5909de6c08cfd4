package io.skytrade.feeds.synthetic;

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
class AnnouncedCapacitySourceTest {
    private static final long MIN = 60_000_000_000L;
    private static final SeriesIds IDS = SeriesIds.resolve(InstrumentRegistry.of(List.of("LHR_COUNT"),
        List.of(SeriesIds.THAMES_LEVEL, SeriesIds.AIR_TEMP, SeriesIds.REL_HUMIDITY, SeriesIds.PM25, SeriesIds.ARRIVALS,
            SeriesIds.DEPARTURES, SeriesIds.CAPACITY_SHARE, SeriesIds.CAPACITY_BINS)));
    private static final long START = nanos("2026-02-28T15:00:00Z");

    /** A disruption at 40% of the schedule from 15:00 to 17:00, announced when it begins. */
    private static final ObservableWorld WORLD = new ObservableWorld() {
        @Override
        public double value(final SeriesKind kind, final long epochNanos) {
            return 0;
        }

        @Override
        public double announcedCapacity(final long asOfNanos) {
            return asOfNanos >= START && asOfNanos < START + 120 * MIN ? 0.4 : 1.0;
        }

        @Override
        public int announcedCapacityBins(final long asOfNanos) {
            return asOfNanos >= START && asOfNanos < START + 120 * MIN ? (int) ((START + 120 * MIN - asOfNanos) / (30 * MIN)) : 0;
        }
    };

    private static List<Observation> poll(final AnnouncedCapacitySource s) throws Exception {
        final PollResult r = s.poll().get(1, TimeUnit.SECONDS);
        assertEquals(PollStatus.OK, r.status());
        return r.observations();
    }

    @Test
    void shouldAnnounceEveryHalfHourWhatIsKnownThenAndBackfillTheLastSixHours() throws Exception {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(nanos("2026-02-28T15:40:00Z"));
        final AnnouncedCapacitySource s = new AnnouncedCapacitySource(IDS, WORLD, clock, Duration.ofMinutes(1));
        final List<Observation> first = poll(s);
        assertEquals(2 * 13, first.size(), "the twelve past half hours and the current one, share and bins each");
        assertEquals(nanos("2026-02-28T09:30:00Z"), first.get(0).eventTimeNanos());
        assertTrue(first.stream().allMatch(o -> o.eventTimeNanos() <= clock.nanoTime()), "nothing timed in the future");
        final Observation share = first.get(first.size() - 2);
        final Observation bins = first.get(first.size() - 1);
        assertEquals(IDS.capacityShare(), share.seriesId());
        assertEquals(nanos("2026-02-28T15:30:00Z"), share.eventTimeNanos());
        assertEquals(0.4, share.value());
        assertEquals(IDS.capacityBins(), bins.seriesId());
        assertEquals(3.0, bins.value(), "15:30, 16:00 and 16:30 left");
        assertEquals(0.4, first.get(first.size() - 4).value(), "15:00: the disruption began");
        assertEquals(1.0, first.get(first.size() - 6).value(), "14:30 was before it began");

        clock.set(nanos("2026-02-28T15:59:00Z"));
        assertEquals(List.of(), poll(s), "nothing new within the half hour");
        clock.set(nanos("2026-02-28T17:05:00Z"));
        final List<Observation> later = poll(s);
        assertEquals(2 * 3, later.size(), "16:00, 16:30 and 17:00, each as announced then");
        assertEquals(2.0, later.get(1).value());
        assertEquals(1.0, later.get(4).value(), "the disruption is over at 17:00");
        assertEquals(0.0, later.get(5).value());
    }

    @Test
    void shouldNeedTheCapacitySeries() {
        final SeriesIds without = SeriesIds.resolve(io.skytrade.feeds.TestSupport.REGISTRY);
        assertThrows(IllegalArgumentException.class,
            () -> new AnnouncedCapacitySource(without, WORLD, new ManualEpochNanoClock(0), Duration.ofMinutes(1)));
    }
}
