package io.skytrade.feeds;

import com.lmax.disruptor.RingBuffer;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.time.ManualEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static io.skytrade.feeds.TestSupport.IDS;
import static io.skytrade.feeds.TestSupport.nanos;
import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ObservationPublisherTest {
    @Test
    void shouldWriteObservationFieldsIntoARealRingSlot() {
        final RingBuffer<EngineEvent> ring = RingInboundPublisher.ring(8);
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(nanos("2026-02-28T12:03:00Z"));
        final ObservationPublisher publisher = new ObservationPublisher(new RingInboundPublisher(ring, clock));
        final long seq = publisher.publish(new Observation(IDS.thamesLevel(), 2.605, nanos("2026-02-28T12:00:00Z"),
            FeedSource.EA_FLOOD.code(), EngineEvent.QUALITY_STALE));
        final EngineEvent e = ring.get(seq);
        assertEquals(EventType.OBSERVATION, e.type);
        assertEquals(IDS.thamesLevel(), e.instrumentId);
        assertEquals(2.605, e.value);
        assertEquals(EngineEvent.QUALITY_STALE, e.quality);
        assertEquals(nanos("2026-02-28T12:00:00Z"), e.eventTimeNanos);
        assertEquals(nanos("2026-02-28T12:03:00Z"), e.receiveTimeNanos);
        assertEquals(FeedSource.EA_FLOOD.code(), e.source);
        assertEquals(ring.getCursor(), seq);
    }

    @Test
    void shouldOverwriteStaleSlotFieldsWhenTheRingWraps() {
        final RingBuffer<EngineEvent> ring = RingInboundPublisher.ring(2);
        final ObservationPublisher publisher = new ObservationPublisher(new RingInboundPublisher(ring, new ManualEpochNanoClock(1)));
        publisher.publish(new Observation(1, 5.0, 10, 2, EngineEvent.QUALITY_ESTIMATED));
        ring.get(0).tradeQty = 99;
        publisher.publish(new Observation(2, 6.0, 11, 2, 0));
        final long third = publisher.publish(new Observation(3, 7.0, 12, 2, 0));
        final EngineEvent e = ring.get(third);
        assertEquals(3, e.instrumentId);
        assertEquals(0, e.quality);
        assertEquals(0, e.tradeQty, "publisher clears the slot first");
    }

    @Test
    void shouldPublishEachScheduledPollOnceIntoTheRing() throws Exception {
        final RingBuffer<EngineEvent> ring = RingInboundPublisher.ring(64);
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(nanos("2026-02-28T12:20:00Z"));
        final Observation a = new Observation(IDS.thamesLevel(), 2.605, nanos("2026-02-28T12:00:00Z"), 7, 0);
        final Observation b = new Observation(IDS.thamesLevel(), 2.799, nanos("2026-02-28T11:45:00Z"), 7, 0);
        final Observation late = new Observation(IDS.thamesLevel(), 2.9, nanos("2026-02-28T11:30:00Z"), 7, 0);
        final List<List<Observation>> polls = List.of(List.of(a, b), List.of(a, b, late), List.of(a, b, late));
        final ScriptedClient client = new ScriptedClient(polls);
        try (FeedScheduler scheduler = new FeedScheduler(List.of(client),
            new ObservationPublisher(new RingInboundPublisher(ring, clock)), new CollectingLog())) {
            scheduler.start();
            await("three polls handled").atMost(Duration.ofSeconds(30)).until(() -> scheduler.pollsHandled() >= 3);
        }
        assertEquals(2, ring.getCursor(), "three distinct readings, the repeated ones not counted twice");
        assertEquals(nanos("2026-02-28T11:30:00Z"), ring.get(2).eventTimeNanos, "a late reading keeps its own time");
    }
}
