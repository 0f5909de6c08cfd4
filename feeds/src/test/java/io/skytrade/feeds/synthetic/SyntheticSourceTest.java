package io.skytrade.feeds.synthetic;

import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.feeds.FeedSource;
import io.skytrade.feeds.Observation;
import io.skytrade.feeds.PollResult;
import io.skytrade.feeds.PollStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.skytrade.feeds.TestSupport.IDS;
import static io.skytrade.feeds.TestSupport.nanos;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SyntheticSourceTest {
    private static final SyntheticSourceSpec EA = new SyntheticSourceSpec("synthetic-ea-flood", FeedSource.EA_FLOOD,
        List.of(SeriesKind.THAMES_LEVEL), Duration.ofMinutes(15), Duration.ofMinutes(4), Duration.ofMinutes(30), 8);
    private static final SyntheticSourceSpec METEO = new SyntheticSourceSpec("synthetic-open-meteo", FeedSource.OPEN_METEO_FORECAST,
        List.of(SeriesKind.AIR_TEMP, SeriesKind.REL_HUMIDITY), Duration.ofMinutes(15), Duration.ofMinutes(2), Duration.ofMinutes(15), 4);

    private static List<Observation> poll(final SyntheticSource s) throws Exception {
        final PollResult r = s.poll().get(1, TimeUnit.SECONDS);
        assertEquals(PollStatus.OK, r.status());
        return r.observations();
    }

    private static SyntheticSource source(final SyntheticSourceSpec spec, final ManualEpochNanoClock clock, final long seed) {
        return new SyntheticSource(spec, IDS, new SeededWorld(seed), seed, 1.0, clock, Duration.ofSeconds(30));
    }

    @Test
    void shouldBackfillThenDeliverEaReadingsLateAndInBatches() throws Exception {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(nanos("2026-02-28T12:10:00Z"));
        final SyntheticSource s = source(EA, clock, 7);
        final List<Observation> first = poll(s);
        assertEquals(8, first.size());
        assertEquals(nanos("2026-02-28T11:45:00Z"), first.get(first.size() - 1).eventTimeNanos(),
            "12:00 reading is due at 12:04 but released with the 12:30 batch");
        clock.set(nanos("2026-02-28T12:29:00Z"));
        assertEquals(0, poll(s).size());
        clock.set(nanos("2026-02-28T12:30:00Z"));
        final List<Observation> batch = poll(s);
        assertEquals(List.of(nanos("2026-02-28T12:00:00Z"), nanos("2026-02-28T12:15:00Z")),
            batch.stream().map(Observation::eventTimeNanos).toList());
        assertTrue(batch.stream().allMatch(o -> o.seriesId() == IDS.thamesLevel() && o.source() == FeedSource.EA_FLOOD.code()));
        assertEquals(0, poll(s).size(), "never delivered twice");
    }

    @Test
    void shouldFollowOpenMeteoCadenceAndDelay() throws Exception {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(nanos("2026-02-28T12:01:00Z"));
        final SyntheticSource s = source(METEO, clock, 7);
        final List<Observation> first = poll(s);
        assertEquals(8, first.size());
        assertEquals(nanos("2026-02-28T11:45:00Z"), first.get(first.size() - 1).eventTimeNanos());
        clock.set(nanos("2026-02-28T12:17:00Z"));
        final List<Observation> next = poll(s);
        assertEquals(2, next.size());
        assertEquals(nanos("2026-02-28T12:00:00Z"), next.get(0).eventTimeNanos());
    }

    @Test
    void shouldBeRepeatableForASeedAndDifferForAnother() throws Exception {
        final long t = nanos("2026-02-28T12:31:00Z");
        final List<Observation> a = poll(source(EA, new ManualEpochNanoClock(t), 7));
        final List<Observation> b = poll(source(EA, new ManualEpochNanoClock(t), 7));
        final List<Observation> c = poll(source(EA, new ManualEpochNanoClock(t), 8));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    @Test
    void shouldStayWithinPlausibleRangesAndReportedDecimals() throws Exception {
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(nanos("2026-02-28T00:00:00Z"));
        final SyntheticSourceSpec wide = new SyntheticSourceSpec("all", FeedSource.EA_FLOOD, List.of(SeriesKind.values()),
            Duration.ofMinutes(30), Duration.ZERO, Duration.ofMinutes(30), 48 * 7);
        final List<Observation> obs = poll(source(wide, clock, 3));
        assertEquals(48 * 7 * SeriesKind.values().length, obs.size());
        for (final Observation o : obs) {
            assertTrue(Double.isFinite(o.value()));
            if (o.seriesId() == IDS.relHumidity()) {
                assertTrue(o.value() >= 0 && o.value() <= 100, o.toString());
            }
            if (o.seriesId() == IDS.thamesLevel()) {
                assertTrue(o.value() > -5 && o.value() < 7, o.toString());
                assertEquals(o.value(), Math.rint(o.value() * 1000) / 1000);
            }
            if (o.seriesId() == IDS.arrivals() || o.seriesId() == IDS.departures()) {
                assertEquals(Math.rint(o.value()), o.value());
                assertTrue(o.value() >= 0);
            }
        }
    }

    @Test
    void shouldObserveTheInjectedWorld() throws Exception {
        final ObservableWorld constant = (kind, t) -> kind == SeriesKind.AIR_TEMP ? 12.34 : 50;
        final SyntheticSource s = new SyntheticSource(METEO, IDS, constant, 1, 0.0,
            new ManualEpochNanoClock(nanos("2026-02-28T12:01:00Z")), Duration.ofSeconds(30));
        final List<Observation> obs = poll(s);
        assertTrue(obs.stream().filter(o -> o.seriesId() == IDS.airTemp()).allMatch(o -> o.value() == 12.3));
        assertTrue(obs.stream().filter(o -> o.seriesId() == IDS.relHumidity()).allMatch(o -> o.value() == 50));
    }
}
