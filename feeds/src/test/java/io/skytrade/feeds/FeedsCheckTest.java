package io.skytrade.feeds;

import com.lmax.disruptor.RingBuffer;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.feeds.config.FeedsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static io.skytrade.feeds.TestSupport.nanos;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class FeedsCheckTest {
    @Test
    void shouldTabulateEveryOfflineSourceAsOk() throws Exception {
        try (Feeds feeds = Feeds.create(FeedsConfig.defaults(), TestSupport.REGISTRY, Map.of(),
            new ManualEpochNanoClock(nanos("2026-02-28T12:10:00Z")), new CollectingLog())) {
            final List<FeedsCheck.Row> rows = new FeedsCheck(feeds.clients()).run(Duration.ofSeconds(5));
            assertEquals(4, rows.size());
            assertTrue(FeedsCheck.allOk(rows));
            assertTrue(rows.stream().allMatch(r -> r.observations() > 0));
            final String table = FeedsCheck.format(rows);
            assertTrue(table.startsWith("SOURCE"), table);
            assertTrue(table.contains("synthetic-ea-flood") && table.contains("OK"), table);
        }
    }

    @Test
    void shouldLeaveOutTheWarningsTheTableAlreadyShows() {
        final List<FeedsCheck.Row> rows = List.of(
            new FeedsCheck.Row("open-meteo", "FAILED", 401, 0, "minutely15: I/O error UnknownHostException: api.open-meteo.com"),
            new FeedsCheck.Row("ea-flood", "OK", 20, 12, ""));
        final List<String> warnings = List.of(
            "open-meteo: FAILED (minutely15: I/O error UnknownHostException: api.open-meteo.com); next attempt in 30 s",
            "ea-flood: could not cache response readings: disk full",
            "ea-flood: FAILED (readings: timeout); next attempt in 30 s");
        assertEquals(List.of(warnings.get(1), warnings.get(2)), FeedsCheck.unreported(rows, warnings),
            "the failure in the table is printed once; a cache problem and a failure the table does not show are kept");
    }

    @Test
    void shouldReportSlowAndFailingClientsWithoutThrowing() throws Exception {
        final DataClient never = new DataClient() {
            @Override
            public String name() {
                return "never";
            }

            @Override
            public FeedSource source() {
                return FeedSource.OPENSKY;
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofMinutes(1);
            }

            @Override
            public CompletableFuture<PollResult> poll() {
                return new CompletableFuture<>();
            }
        };
        final List<FeedsCheck.Row> rows = new FeedsCheck(List.of(never)).run(Duration.ofMillis(100));
        assertEquals("TIMEOUT", rows.get(0).status());
        assertFalse(FeedsCheck.allOk(rows));
    }

    @Test
    void shouldRunOfflineByDefaultAndPublishEverySeriesIntoTheRing() throws Exception {
        final RingBuffer<EngineEvent> ring = RingInboundPublisher.ring(1 << 14);
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(nanos("2026-02-28T12:10:00Z"));
        try (Feeds feeds = Feeds.create(FeedsConfig.defaults(), TestSupport.REGISTRY, Map.of(), clock, new CollectingLog());
             FeedScheduler scheduler = feeds.scheduler(new ObservationPublisher(new RingInboundPublisher(ring, clock)))) {
            scheduler.start();
            await("a poll of each of the four sources").atMost(Duration.ofSeconds(30)).until(() -> scheduler.lastResults().size() >= 4);
            assertEquals(4, scheduler.lastResults().size());
        }
        assertTrue(ring.getCursor() < ring.getBufferSize(), "the first polls' backfill fits the ring unwrapped: " + (ring.getCursor() + 1));
        final Set<Integer> series = new HashSet<>();
        for (long s = 0; s <= ring.getCursor(); s++) {
            final EngineEvent e = ring.get(s);
            assertEquals(EventType.OBSERVATION, e.type);
            assertTrue(e.eventTimeNanos <= clock.nanoTime());
            series.add(e.instrumentId);
        }
        assertEquals(Set.of(0, 1, 2, 3, 4, 5), series);
    }
}
