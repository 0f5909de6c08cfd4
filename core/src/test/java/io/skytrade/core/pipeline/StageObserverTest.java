package io.skytrade.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.time.ManualEpochNanoClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StageObserverTest {
    private static final InputTranslator<Long> TIMER_AT = (e, t) -> {
        e.type = EventType.TIMER;
        e.eventTimeNanos = t;
    };

    @Test
    void shouldCallTheObserverRightAfterItsStageOnThatStagesThread() {
        final List<String> seen = new ArrayList<>();
        final EventHandler<EngineEvent> a = (e, s, b) -> seen.add("a" + s + "@" + Thread.currentThread().getName());
        final EventHandler<EngineEvent> c = (e, s, b) -> seen.add("c" + s + "@" + Thread.currentThread().getName());
        final Pipeline p = new PipelineBuilder().stage("a", a).stage("c", c)
            .observe("a", (e, s) -> seen.add("obs-a" + s + "@" + Thread.currentThread().getName()))
            .layout(PipelineLayout.threadPerStage(8, WaitStrategyKind.BLOCKING, List.of("a", "c")))
            .clock(new ManualEpochNanoClock(0)).build().start();
        p.publisher().publish(TIMER_AT, 1L);
        assertTrue(p.drainAndStop(5, TimeUnit.SECONDS));
        assertEquals(3, seen.size(), seen.toString());
        assertEquals("a0@skytrade-a", seen.get(seen.indexOf("obs-a0@skytrade-a") - 1), "the observer runs after its stage, on its thread");
        assertTrue(seen.contains("c0@skytrade-c"), seen.toString());
    }

    @Test
    void shouldRecordAFailingObserverWithoutFlaggingTheEventOrLeavingRunning() {
        final List<Integer> flagsDownstream = new ArrayList<>();
        final EngineHealth health = new EngineHealth();
        final Pipeline p = new PipelineBuilder().stage("a", (e, s, b) -> { })
            .stage("after", (e, s, b) -> flagsDownstream.add(e.flags))
            .observe("a", (e, s) -> {
                if (s == 1) {
                    throw new IllegalStateException("broken gauge");
                }
            })
            .layout(PipelineLayout.singleThread(8, WaitStrategyKind.BLOCKING, List.of("a", "after")))
            .clock(new ManualEpochNanoClock(0)).health(health).build().start();
        for (long i = 0; i < 3; i++) {
            p.publisher().publish(TIMER_AT, i);
        }
        assertTrue(p.drainAndStop(5, TimeUnit.SECONDS));
        assertEquals(List.of(0, 0, 0), flagsDownstream);
        assertEquals(EngineHealth.State.RUNNING, health.state());
        assertEquals(0, p.failures().failureCount());
        assertEquals(1, p.failures().observerFailures());
        assertTrue(p.failures().firstObserverFailure().contains("observer of stage 'a' failed at sequence 1"),
            p.failures().firstObserverFailure());
    }

    @Test
    void shouldObserveInlinePipelinesToo() {
        final List<Long> observed = new ArrayList<>();
        final InlinePipeline p = new PipelineBuilder().clock(new ManualEpochNanoClock(0)).stage("a", (e, s, b) -> { })
            .observe("a", (e, s) -> observed.add(e.eventTimeNanos)).buildInline(4).start();
        p.publish(TIMER_AT, 42L);
        p.drain();
        assertEquals(List.of(42L), observed);
    }

    @Test
    void shouldRejectAnObserverOfAnUnknownStageOrASecondObserver() {
        final PipelineBuilder b = new PipelineBuilder().stage("a", (e, s, x) -> { }).observe("zz", (e, s) -> { })
            .layout(PipelineLayout.singleThread(8, WaitStrategyKind.BLOCKING, List.of("a"))).clock(new ManualEpochNanoClock(0));
        final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(unknown.getMessage().contains("observer for unknown stage 'zz'"), unknown.getMessage());
        final IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
            () -> new PipelineBuilder().observe("a", (e, s) -> { }).observe("a", (e, s) -> { }));
        assertTrue(twice.getMessage().contains("already has an observer"), twice.getMessage());
    }
}
