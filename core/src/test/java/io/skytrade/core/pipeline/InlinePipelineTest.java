package io.skytrade.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.time.ManualEpochNanoClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InlinePipelineTest {
    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(1_000);
    private final List<String> seen = new ArrayList<>();

    private EventHandler<EngineEvent> recorder(final String name) {
        return (event, sequence, endOfBatch) -> seen.add(name + ":" + sequence + ":" + EventType.name(event.type));
    }

    @Test
    void shouldRunEveryStageInOrderOnEachEventWithDenseSequences() {
        final InlinePipeline pipeline = new PipelineBuilder().clock(clock)
            .stage("a", recorder("a")).stage("b", recorder("b")).buildInline(4).start();
        pipeline.publish((e, type) -> e.type = type, EventType.TIMER);
        pipeline.publish((e, type) -> e.type = type, EventType.OBSERVATION);
        assertEquals(List.of(), seen, "nothing runs before a drain");
        assertEquals(2, pipeline.drain());
        assertEquals(List.of("a:0:TIMER", "b:0:TIMER", "a:1:OBSERVATION", "b:1:OBSERVATION"), seen);
        assertEquals(List.of("a", "b"), pipeline.stageNames());
        assertEquals(2, pipeline.publishedCount());
    }

    @Test
    void shouldStampTheReceiveTimeFromTheClockAndKeepItOnCopies() {
        final List<Long> receiveTimes = new ArrayList<>();
        final InlinePipeline pipeline = new PipelineBuilder().clock(clock)
            .stage("times", (e, s, b) -> receiveTimes.add(e.receiveTimeNanos)).buildInline(4);
        clock.set(5_000);
        pipeline.publish((e, type) -> e.type = type, EventType.TIMER);
        final EngineEvent recorded = new EngineEvent();
        recorded.type = EventType.TIMER;
        recorded.receiveTimeNanos = 42;
        pipeline.publishCopy(recorded);
        pipeline.drain();
        assertEquals(List.of(5_000L, 42L), receiveTimes);
    }

    @Test
    void shouldQueueWhatASourceWritesIntoTheSlotAsACopyOfItWouldBeAndStopWhenItHasNone() {
        final List<String> copies = new ArrayList<>();
        final InlinePipeline pipeline = new PipelineBuilder().clock(clock)
            .stage("rec", (e, s, b) -> copies.add(e + " rx " + e.receiveTimeNanos)).buildInline(4);
        final EngineEvent recorded = recordedBook();
        pipeline.publishCopy(recorded);
        pipeline.drain();
        final int[] left = {1};
        final InputSource source = into -> {
            if (left[0]-- == 0) {
                return false;
            }
            into.clear();
            into.copyInputsFrom(recorded);
            into.sequence = recorded.sequence;
            return true;
        };
        assertTrue(pipeline.publishFrom(source));
        assertEquals(false, pipeline.publishFrom(source), "the source has no next input");
        assertEquals(2, pipeline.publishedCount());
        pipeline.drain();
        assertEquals(2, copies.size());
        assertTrue(copies.get(0).startsWith("seq=0 MARKET_BOOK") && copies.get(0).endsWith(" rx 42"), copies.get(0));
        assertEquals(copies.get(0).replace("seq=0", "seq=1"), copies.get(1), "the same event, with the next sequence");
    }

    @Test
    void shouldQueueAClearedInputItselfAsACopyOfItWouldBeAndHandBackTheSlotsEvent() {
        final List<String> copies = new ArrayList<>();
        final List<EngineEvent> handled = new ArrayList<>();
        final InlinePipeline pipeline = new PipelineBuilder().clock(clock)
            .stage("rec", (e, s, b) -> {
                copies.add(e + " rx " + e.receiveTimeNanos + " failedStage " + e.failedStage + " hashes " + e.stateHashCount);
                handled.add(e);
                e.touchedInstruments = 5;
            }).buildInline(4);
        final EngineEvent recorded = recordedBook();
        pipeline.publishCopy(recorded);
        pipeline.drain();
        final EngineEvent spare = pipeline.publishInPlace(recorded);
        pipeline.drain();
        assertEquals(2, copies.size());
        assertEquals(copies.get(0).replace("seq=0", "seq=1"), copies.get(1), "the same event, with the next sequence");
        assertTrue(handled.get(1) == recorded, "the input itself was queued");
        assertTrue(spare == handled.get(0) && spare != recorded, "the slot's previous event is handed back");
        spare.clear();
        spare.type = EventType.TIMER;
        assertTrue(pipeline.publishInPlace(spare) == recorded, "the two events take turns in the reused slot");
        pipeline.drain();
        assertTrue(copies.get(2).startsWith("seq=2 TIMER"), copies.get(2));
    }

    @Test
    void shouldHandleEventsPublishedByAStageInTheSameDrainAfterTheCurrentOne() {
        final InlinePipeline[] self = new InlinePipeline[1];
        final EventHandler<EngineEvent> echo = (event, sequence, endOfBatch) -> {
            if (event.type == EventType.MARKET_TRADE) {
                self[0].publish((e, type) -> e.type = type, EventType.ORDER_EVENT);
                assertEquals(0, self[0].drain(), "a nested drain returns at once");
            }
        };
        self[0] = new PipelineBuilder().clock(clock).stage("echo", echo).stage("rec", recorder("rec")).buildInline(4);
        self[0].publish((e, type) -> e.type = type, EventType.MARKET_TRADE);
        assertEquals(2, self[0].drain());
        assertEquals(List.of("rec:0:MARKET_TRADE", "rec:1:ORDER_EVENT"), seen);
    }

    @Test
    void shouldIsolateAFailingStageFlagTheEventAndGoOn() {
        final EventHandler<EngineEvent> failing = (event, sequence, endOfBatch) -> {
            throw new IllegalStateException("boom");
        };
        final List<Integer> flags = new ArrayList<>();
        final InlinePipeline pipeline = new PipelineBuilder().clock(clock).stage("bad", failing)
            .stage("after", (e, s, b) -> flags.add(e.failedStage)).buildInline(2);
        pipeline.publish((e, type) -> e.type = type, EventType.TIMER);
        pipeline.drain();
        assertEquals(List.of(0), flags, "the next stage saw the event flagged with the failing stage's index");
        assertEquals(1, pipeline.failures().failureCount());
        assertTrue(pipeline.failures().firstFailure().contains("'bad'"), pipeline.failures().firstFailure());
        assertEquals(EngineHealth.State.SAFE, pipeline.health().state());
    }

    @Test
    void shouldLeaveAVoidSlotWhenTheTranslatorThrows() {
        final InlinePipeline pipeline = new PipelineBuilder().clock(clock).stage("rec", recorder("rec")).buildInline(2);
        assertThrows(IllegalArgumentException.class, () -> pipeline.publish((e, x) -> {
            e.type = EventType.TIMER;
            throw new IllegalArgumentException("bad input");
        }, null));
        pipeline.drain();
        assertEquals(List.of("rec:0:NONE"), seen);
    }

    @Test
    void shouldRefuseToOverwriteUndrainedEventsNamingTheCapacity() {
        final InlinePipeline pipeline = new PipelineBuilder().clock(clock).stage("rec", recorder("rec")).buildInline(2);
        pipeline.publish((e, type) -> e.type = type, EventType.TIMER);
        pipeline.publish((e, type) -> e.type = type, EventType.TIMER);
        final IllegalStateException full = assertThrows(IllegalStateException.class,
            () -> pipeline.publish((e, type) -> e.type = type, EventType.TIMER));
        assertTrue(full.getMessage().contains("2 events"), full.getMessage());
        pipeline.stop();
        assertEquals(2, seen.size(), "stop drains what is queued");
        assertThrows(IllegalArgumentException.class, () -> new PipelineBuilder().clock(clock).buildInline(3));
    }

    @Test
    void shouldReuseTheFirstSlotOnceDrainedSoTheSameEventsStayHot() {
        final List<EngineEvent> slots = new ArrayList<>();
        final InlinePipeline pipeline = new PipelineBuilder().clock(clock)
            .stage("slots", (e, s, b) -> slots.add(e)).buildInline(8);
        for (int i = 0; i < 5; i++) {
            pipeline.publish((e, type) -> e.type = type, EventType.TIMER);
            pipeline.publish((e, type) -> e.type = type, EventType.TIMER);
            pipeline.drain();
        }
        assertEquals(10, slots.size());
        for (int i = 0; i < 10; i += 2) {
            assertTrue(slots.get(i) == slots.get(0) && slots.get(i + 1) == slots.get(1), "pair " + i / 2 + " reuses slots 0 and 1");
        }
        assertEquals(10, pipeline.publishedCount(), "sequences stay dense");
    }

    /** A cleared one-level book as a journal reader would decode it: sequence 77, received at 42, a bid of 3 at 99. */
    private static EngineEvent recordedBook() {
        final EngineEvent recorded = new EngineEvent();
        recorded.clear();
        recorded.type = EventType.MARKET_BOOK;
        recorded.sequence = 77;
        recorded.receiveTimeNanos = 42;
        recorded.instrumentId = 1;
        recorded.bidLevels = 1;
        recorded.bidPrices[0] = 99;
        recorded.bidQtys[0] = 3;
        return recorded;
    }
}
