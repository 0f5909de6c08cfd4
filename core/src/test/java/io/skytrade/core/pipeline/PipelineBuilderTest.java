package io.skytrade.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.time.ManualEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Timeout(30)
class PipelineBuilderTest {
    private static final InputTranslator<Long> TIMER_AT = (event, t) -> {
        event.type = EventType.TIMER;
        event.eventTimeNanos = t;
    };

    /**
     * Records the order in which it sees sequences and checks that every stage it depends on has
     * already processed the same sequence. Predecessors are checked through their own volatile
     * progress, never through a shared field of the event: stages that run in parallel on the same
     * slot (journal and business) must not write the same field.
     */
    static final class OrderedStage implements EventHandler<EngineEvent> {
        final List<OrderedStage> predecessors;
        final AtomicLong seen = new AtomicLong();
        volatile long lastSequence = -1;
        volatile boolean outOfOrder;
        volatile boolean predecessorMissing;

        OrderedStage(final OrderedStage... predecessors) {
            this.predecessors = List.of(predecessors);
        }

        @Override
        public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
            if (sequence != lastSequence + 1) {
                outOfOrder = true;
            }
            for (final OrderedStage predecessor : predecessors) {
                if (predecessor.lastSequence < sequence) {
                    predecessorMissing = true;
                }
            }
            lastSequence = sequence;
            seen.incrementAndGet();
        }
    }

    private static List<OrderedStage> runLayout(final List<List<String>> threads, final boolean parallel, final int events) {
        final OrderedStage a = new OrderedStage();
        final OrderedStage b = parallel ? new OrderedStage() : new OrderedStage(a);
        final OrderedStage c = new OrderedStage(a, b);
        final Pipeline p = new PipelineBuilder()
            .stage("a", a).stage("b", b).stage("c", c)
            .layout(new PipelineLayout(1024, WaitStrategyKind.YIELDING, threads, List.of(), parallel))
            .clock(new ManualEpochNanoClock(7)).build().start();
        for (long i = 0; i < events; i++) {
            p.publisher().publish(TIMER_AT, i);
        }
        assertTrue(p.drainAndStop(10, TimeUnit.SECONDS));
        assertEquals(events - 1, p.completedSequence());
        return List.of(a, b, c);
    }

    @Test
    void shouldRunEveryStageInOrderOnOneThread() {
        for (final OrderedStage s : runLayout(List.of(List.of("a", "b", "c")), false, 10_000)) {
            assertEquals(10_000, s.seen.get());
            assertFalse(s.outOfOrder);
            assertFalse(s.predecessorMissing);
        }
    }

    /**
     * On one thread every event passes every stage before the next, so side buffers of one entry
     * serve the whole ring: what a stage writes for an event is what the later stages read for it.
     */
    @Test
    void shouldLetTheStagesOfOneThreadShareOneSideBufferEntry() {
        final SideBuffers side = new SideBuffers(1, 1);
        final AtomicLong mismatches = new AtomicLong();
        final AtomicLong seen = new AtomicLong();
        final EventHandler<EngineEvent> writer = (event, sequence, endOfBatch) -> side.setSignal(event, 0, sequence);
        final EventHandler<EngineEvent> reader = (event, sequence, endOfBatch) -> {
            if (side.signal(event, 0) != sequence) {
                mismatches.incrementAndGet();
            }
            seen.incrementAndGet();
        };
        final Pipeline p = new PipelineBuilder().stage("writer", writer).stage("reader", reader).sideBuffers(side)
            .layout(new PipelineLayout(1024, WaitStrategyKind.YIELDING, List.of(List.of("writer", "reader")), List.of(), false))
            .clock(new ManualEpochNanoClock(7)).build().start();
        for (long i = 0; i < 20_000; i++) {
            p.publisher().publish(TIMER_AT, i);
        }
        assertTrue(p.drainAndStop(10, TimeUnit.SECONDS));
        assertEquals(20_000, seen.get());
        assertEquals(0, mismatches.get());
    }

    @Test
    void shouldRefuseSideBuffersSmallerThanTheRingWhenStagesRunOnSeveralThreads() {
        final EventHandler<EngineEvent> none = (event, sequence, endOfBatch) -> { };
        final PipelineBuilder builder = new PipelineBuilder().stage("a", none).stage("b", none).sideBuffers(new SideBuffers(1, 1))
            .layout(new PipelineLayout(1024, WaitStrategyKind.YIELDING, List.of(List.of("a"), List.of("b")), List.of(), false))
            .clock(new ManualEpochNanoClock(7));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains("side buffers of 1 slots for a ring of 1024 and 2 thread groups"), e.getMessage());
    }

    @Test
    void shouldChainThreadPerStage() {
        for (final OrderedStage s : runLayout(List.of(List.of("a"), List.of("b"), List.of("c")), false, 10_000)) {
            assertEquals(10_000, s.seen.get());
            assertFalse(s.outOfOrder);
            assertFalse(s.predecessorMissing);
        }
    }

    @Test
    void shouldGateLastGroupOnParallelJournalGroup() {
        // a = journal (parallel), b = business, c = outbound: c requires both a and b (bits 1|2).
        for (final OrderedStage s : runLayout(List.of(List.of("a"), List.of("b"), List.of("c")), true, 10_000)) {
            assertEquals(10_000, s.seen.get());
            assertFalse(s.outOfOrder);
            assertFalse(s.predecessorMissing, "outbound stage ran before the journal or business stage");
        }
    }

    @Test
    void shouldKeepJournalFailureAndBusinessFlagsApartInParallelLayout() {
        // The journal stage fails on every third input while the business stage flags every input
        // it rejects; both run on the same slot at the same time. The outbound stage must see each
        // journal failure and each business flag, and the journal's failure must not flag the event.
        final int events = 30_000;
        final boolean[] journalFailedSeen = new boolean[events];
        final int[] flagsSeen = new int[events];
        final EngineHealth health = new EngineHealth();
        final Pipeline p = runParallelJournalLayout(events, health,
            (e, seq, end) -> {
                if (seq % 3 == 0) {
                    e.journalFailed = true;
                    throw new IllegalStateException("disk full");
                }
            },
            (e, seq, end) -> {
                if (seq % 2 == 0) {
                    e.flags |= EngineEvent.FLAG_INPUT_REJECTED;
                }
            },
            (e, seq, end) -> {
                journalFailedSeen[(int) seq] = e.journalFailed;
                flagsSeen[(int) seq] = e.flags;
            });
        for (int seq = 0; seq < events; seq++) {
            assertEquals(seq % 3 == 0, journalFailedSeen[seq], "journal failure at sequence " + seq);
            assertEquals(seq % 2 == 0 ? EngineEvent.FLAG_INPUT_REJECTED : 0, flagsSeen[seq], "flags at sequence " + seq);
        }
        assertEquals(events / 3, p.failures().failureCount());
        assertEquals(EngineHealth.State.SAFE, health.state());
    }

    @Test
    void shouldHaltWithoutTouchingTheSlotWhenTheParallelJournalGroupThrowsAnError() {
        final int events = 2_000;
        final int[] flagsSeen = new int[events];
        final EngineHealth health = new EngineHealth();
        final Pipeline p = runParallelJournalLayout(events, health,
            (e, seq, end) -> {
                if (seq == 700) {
                    throw new StackOverflowError("journal group");
                }
            },
            (e, seq, end) -> e.flags |= EngineEvent.FLAG_INPUT_REJECTED,
            (e, seq, end) -> flagsSeen[(int) seq] = e.flags);
        for (int seq = 0; seq < events; seq++) {
            assertEquals(EngineEvent.FLAG_INPUT_REJECTED, flagsSeen[seq], "flags at sequence " + seq);
        }
        assertEquals(EngineHealth.State.HALTED, health.state());
        assertEquals(700, p.failures().lastFailureSequence());
        assertTrue(p.failures().lastFailure().contains("StackOverflowError"), p.failures().lastFailure());
    }

    /**
     * Publishes {@code events} timer inputs through journal, business and outbound stages on three
     * threads, the journal in parallel with the business stage and the outbound stage gated on both,
     * and waits until every one is handled.
     */
    private static Pipeline runParallelJournalLayout(final int events, final EngineHealth health,
                                                     final EventHandler<EngineEvent> journal,
                                                     final EventHandler<EngineEvent> business,
                                                     final EventHandler<EngineEvent> outbound) {
        final Pipeline p = new PipelineBuilder()
            .stage("journal", journal).stage("business", business).stage("outbound", outbound)
            .layout(new PipelineLayout(1024, WaitStrategyKind.YIELDING,
                List.of(List.of("journal"), List.of("business"), List.of("outbound")), List.of(), true))
            .clock(new ManualEpochNanoClock(7)).health(health).build().start();
        for (long i = 0; i < events; i++) {
            p.publisher().publish(TIMER_AT, i);
        }
        assertTrue(p.drainAndStop(10, TimeUnit.SECONDS));
        return p;
    }

    @Test
    void shouldStampSequenceAndReceiveTime() {
        final List<Long> stamps = new ArrayList<>();
        final Pipeline p = new PipelineBuilder()
            .stage("rec", (e, seq, end) -> stamps.add(e.sequence * 1000 + e.receiveTimeNanos))
            .layout(PipelineLayout.singleThread(8, WaitStrategyKind.BLOCKING, List.of("rec")))
            .clock(new ManualEpochNanoClock(5)).build().start();
        assertEquals(0, p.publisher().publish(TIMER_AT, 1L));
        assertEquals(1, p.publisher().publish(TIMER_AT, 2L));
        p.drainAndStop(5, TimeUnit.SECONDS);
        assertEquals(List.of(5L, 1005L), stamps);
    }

    @Test
    void shouldKeepRunningAndFlagEventWhenStageThrows() {
        final List<Integer> flagsSeenDownstream = new ArrayList<>();
        final EngineHealth health = new EngineHealth();
        final Pipeline p = new PipelineBuilder()
            .stage("boom", (e, seq, end) -> {
                if (seq == 3) {
                    throw new IllegalStateException("bad state");
                }
            })
            .stage("after", (e, seq, end) -> flagsSeenDownstream.add(e.flags))
            .layout(PipelineLayout.threadPerStage(16, WaitStrategyKind.BLOCKING, List.of("boom", "after")))
            .clock(new ManualEpochNanoClock(0)).health(health).build().start();
        for (long i = 0; i < 6; i++) {
            p.publisher().publish(TIMER_AT, i);
        }
        assertTrue(p.drainAndStop(5, TimeUnit.SECONDS));
        assertEquals(6, flagsSeenDownstream.size(), "the stage thread survived the exception");
        assertEquals(EngineEvent.FLAG_STAGE_FAILED, flagsSeenDownstream.get(3));
        assertEquals(0, flagsSeenDownstream.get(4));
        assertEquals(1, p.failures().failureCount());
        assertEquals(3, p.failures().lastFailureSequence());
        assertTrue(p.failures().lastFailure().contains("stage 'boom' failed at sequence 3"), p.failures().lastFailure());
        assertEquals(EngineHealth.State.SAFE, health.state());
    }

    @Test
    void shouldLeaveVoidSlotWhenTranslatorThrows() {
        final List<Integer> types = new ArrayList<>();
        final Pipeline p = new PipelineBuilder()
            .stage("rec", (e, seq, end) -> types.add(e.type))
            .layout(PipelineLayout.singleThread(8, WaitStrategyKind.BLOCKING, List.of("rec")))
            .clock(new ManualEpochNanoClock(0)).build().start();
        final InputTranslator<String> failing = (e, s) -> {
            e.type = EventType.TIMER;
            throw new IllegalArgumentException(s);
        };
        assertThrows(IllegalArgumentException.class, () -> p.publisher().publish(failing, "malformed"));
        p.publisher().publish(TIMER_AT, 1L);
        p.drainAndStop(5, TimeUnit.SECONDS);
        assertEquals(List.of(EventType.NONE, EventType.TIMER), types);
    }

    @Test
    void shouldRejectLayoutNamingUnknownOrMissingStages() {
        final EventHandler<EngineEvent> noop = (e, s, b) -> { };
        final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> new PipelineBuilder()
            .stage("a", noop).layout(PipelineLayout.singleThread(8, WaitStrategyKind.BLOCKING, List.of("a", "x")))
            .clock(new ManualEpochNanoClock(0)).build());
        assertTrue(unknown.getMessage().contains("unknown stage 'x'"), unknown.getMessage());
        final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> new PipelineBuilder()
            .stage("a", noop).stage("b", noop).layout(PipelineLayout.singleThread(8, WaitStrategyKind.BLOCKING, List.of("a")))
            .clock(new ManualEpochNanoClock(0)).build());
        assertTrue(missing.getMessage().contains("[b] are not placed"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PipelineLayout(1000, WaitStrategyKind.BLOCKING,
            List.of(List.of("a")), List.of(), false));
        assertThrows(IllegalArgumentException.class, () -> new PipelineLayout(8, WaitStrategyKind.BLOCKING,
            List.of(List.of("a", "b"), List.of("c")), List.of(), true));
        assertThrows(IllegalArgumentException.class, () -> new PipelineLayout(8, WaitStrategyKind.BLOCKING,
            List.of(List.of("a")), List.of(1, 2), false));
    }

    @Test
    void shouldPinEachThreadGroupThroughTheGivenPinnerAndReleaseItAtStop() {
        final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        final ThreadPinner pinner = cpu -> {
            calls.add("pin " + cpu + " " + Thread.currentThread().getName());
            return new ThreadPinner.Pin() {
                @Override
                public int cpu() {
                    return cpu;
                }

                @Override
                public void release() {
                    calls.add("release " + cpu + " " + Thread.currentThread().getName());
                }
            };
        };
        final List<String> warnings = new ArrayList<>();
        final Pipeline p = new PipelineBuilder()
            .stage("a", (e, s, b) -> { })
            .stage("b", (e, s, b) -> { })
            .layout(new PipelineLayout(8, WaitStrategyKind.BLOCKING, List.of(List.of("a"), List.of("b")), List.of(3, -1), false))
            .clock(new ManualEpochNanoClock(0)).warnings(warnings::add).pinner(pinner).build().start();
        p.publisher().publish(TIMER_AT, 1L);
        p.drainAndStop(5, TimeUnit.SECONDS);
        // the stage thread releases its CPU in onShutdown, which may run just after drainAndStop returns
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (calls.size() < 2 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
        }
        assertEquals(List.of(), warnings);
        // the stage thread releases its CPU as it ends, which may be just after drainAndStop returns
        await("the pinned thread releases its CPU").atMost(Duration.ofSeconds(10)).until(() -> calls.size() >= 2);
        assertEquals(2, calls.size(), calls.toString());
        assertTrue(calls.get(0).startsWith("pin 3 ") && calls.get(1).startsWith("release 3 "), calls.toString());
        assertEquals(calls.get(0).substring("pin 3 ".length()), calls.get(1).substring("release 3 ".length()),
            "the pinned thread releases its CPU");
    }

    @Test
    void shouldWarnOnceAndRunUnpinnedWhenThePinnerOffersAnotherCpu() {
        final List<String> warnings = new ArrayList<>();
        final List<Integer> released = new java.util.concurrent.CopyOnWriteArrayList<>();
        final ThreadPinner elsewhere = cpu -> new ThreadPinner.Pin() {
            @Override
            public int cpu() {
                return cpu + 1;
            }

            @Override
            public void release() {
                released.add(cpu + 1);
            }
        };
        final Pipeline p = new PipelineBuilder()
            .stage("a", (e, s, b) -> { })
            .layout(new PipelineLayout(8, WaitStrategyKind.BLOCKING, List.of(List.of("a")), List.of(1), false))
            .clock(new ManualEpochNanoClock(0)).warnings(warnings::add).pinner(elsewhere).build().start();
        p.drainAndStop(5, TimeUnit.SECONDS);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("to CPU 1 (got 2); running unpinned"), warnings.get(0));
        assertEquals(List.of(2), released, "the binding it did not want is given back at once");
    }

    @Test
    void shouldWarnOnceAndRunUnpinnedWhenCpuUnavailable() {
        final List<String> warnings = new ArrayList<>();
        final AtomicLong seen = new AtomicLong();
        final Pipeline p = new PipelineBuilder()
            .stage("a", (e, s, b) -> seen.incrementAndGet())
            .layout(new PipelineLayout(8, WaitStrategyKind.BLOCKING, List.of(List.of("a")), List.of(4096), false))
            .clock(new ManualEpochNanoClock(0)).warnings(warnings::add).build().start();
        p.publisher().publish(TIMER_AT, 1L);
        p.drainAndStop(5, TimeUnit.SECONDS);
        assertEquals(1, seen.get());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("CPU 4096"), warnings.get(0));
    }

    @Test
    void shouldParseWaitStrategyNames() {
        assertEquals(WaitStrategyKind.BUSY_SPIN, WaitStrategyKind.fromConfig("busy-spin"));
        assertEquals(WaitStrategyKind.SLEEPING, WaitStrategyKind.fromConfig(" Sleeping "));
        for (final WaitStrategyKind k : WaitStrategyKind.values()) {
            assertEquals(k, WaitStrategyKind.fromConfig(k.configName()));
            k.create();
        }
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WaitStrategyKind.fromConfig("fast"));
        assertTrue(e.getMessage().contains("'fast'"));
    }

    /** Reads the rest of its ring batch at the batch's first event, as the input journal does. */
    static final class BatchPeekingStage implements EventHandler<EngineEvent>, BatchReader {
        private final CountDownLatch released;
        private LongFunction<EngineEvent> slots;
        private long batchSize;
        final AtomicLong seen = new AtomicLong();
        volatile long largestBatch;
        volatile boolean wrongSlot;
        volatile boolean unbound;

        BatchPeekingStage(final CountDownLatch released) {
            this.released = released;
        }

        @Override
        public void bindSlots(final LongFunction<EngineEvent> slots) {
            this.slots = slots;
        }

        @Override
        public void onBatchStart(final long size, final long queueDepth) {
            batchSize = size;
        }

        @Override
        public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) throws InterruptedException {
            if (sequence == 0 && !released.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not publish the events the next batch is made of");
            }
            if (batchSize > 0) {
                if (slots == null) {
                    unbound = true;
                } else {
                    for (long s = sequence; s < sequence + batchSize; s++) {
                        final EngineEvent ahead = slots.apply(s);
                        if (ahead.sequence != s || ahead.eventTimeNanos != s) {
                            wrongSlot = true;
                        }
                    }
                }
                largestBatch = Math.max(largestBatch, batchSize);
                batchSize = 0;
            }
            seen.incrementAndGet();
        }
    }

    @Test
    void shouldBindABatchReaderToTheRingSoThatItReadsItsWholeBatchAtTheFirstEvent() {
        final CountDownLatch published = new CountDownLatch(1);
        final BatchPeekingStage stage = new BatchPeekingStage(published);
        final Pipeline p = new PipelineBuilder().stage("peek", stage)
            .layout(PipelineLayout.singleThread(1024, WaitStrategyKind.BLOCKING, List.of("peek")))
            .clock(new ManualEpochNanoClock(7)).build().start();
        for (long i = 0; i < 5_000; i++) {
            p.publisher().publish(TIMER_AT, i);
            if (i == 500) {
                published.countDown();
            }
        }
        assertTrue(p.drainAndStop(10, TimeUnit.SECONDS));
        assertEquals(5_000, stage.seen.get());
        assertFalse(stage.unbound, "the pipeline binds a BatchReader stage to the ring's slots");
        assertFalse(stage.wrongSlot, "every slot of the batch holds its published event at the batch's first event");
        assertTrue(stage.largestBatch >= 500, "the events published while the stage was held came as one batch: " + stage.largestBatch);
    }

    /**
     * Publishes one event at a time and waits for the stage thread to handle it, so every publish
     * races the stage thread going back to sleep: a lost wake-up (the risk of the lock-eliding
     * strategies, which the Disruptor calls experimental) would leave an event unhandled.
     */
    @Test
    void shouldWakeTheWaitingStageThreadForEveryEventWithEveryBlockingStrategy() {
        for (final WaitStrategyKind kind : List.of(WaitStrategyKind.LITE_BLOCKING, WaitStrategyKind.PHASED,
            WaitStrategyKind.SPIN_THEN_BLOCK, WaitStrategyKind.BLOCKING)) {
            final OrderedStage a = new OrderedStage();
            final Pipeline p = new PipelineBuilder().stage("a", a)
                .layout(PipelineLayout.singleThread(8, kind, List.of("a")))
                .clock(new ManualEpochNanoClock(7)).build().start();
            publishEachAndAwaitIt(p, a, kind.toString(), 0);
        }
    }

    /**
     * The same race for {@link BackoffWaitStrategy}, given through {@link PipelineBuilder#waitStrategy}: blocking at once,
     * after a spin and a yield phase, and blocking with a beat; events published back to back and after a sleep, so
     * publishes meet the stage thread in every phase.
     */
    @Test
    void shouldWakeTheWaitingStageThreadForEveryEventWithTheBackoffStrategy() {
        for (final long[] phases : new long[][]{{0, 0, 0}, {2_000, 20_000, 0}, {0, 0, 200_000}, {1_000, 5_000, 50_000}}) {
            final OrderedStage a = new OrderedStage();
            final Pipeline p = new PipelineBuilder().stage("a", a)
                .layout(PipelineLayout.singleThread(8, WaitStrategyKind.BLOCKING, List.of("a")))
                .waitStrategy(() -> new BackoffWaitStrategy(phases[0], phases[1], phases[2]))
                .clock(new ManualEpochNanoClock(7)).build().start();
            publishEachAndAwaitIt(p, a, Arrays.toString(phases), 30_000);
        }
    }

    /**
     * Publishes 3,000 timers one at a time, each only after the stage handled the one before (so every publish meets the
     * stage thread waiting), sleeping {@code sleepNanos} after every hundredth when it is not 0 (so publishes also meet
     * the later phases of a wait); fails naming {@code strategy} when an event is not handled within 5 s, then stops.
     */
    private static void publishEachAndAwaitIt(final Pipeline p, final OrderedStage a, final String strategy, final long sleepNanos) {
        for (long i = 0; i < 3_000; i++) {
            p.publisher().publish(TIMER_AT, i);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (a.seen.get() <= i) {
                if (System.nanoTime() > deadline) {
                    fail(strategy + ": event " + i + " not handled within 5 s of its publication: a lost wake-up");
                }
                Thread.onSpinWait();
            }
            if (sleepNanos > 0 && i % 100 == 0) {
                LockSupport.parkNanos(sleepNanos);
            }
        }
        assertTrue(p.drainAndStop(10, TimeUnit.SECONDS));
        assertFalse(a.outOfOrder);
    }
}
