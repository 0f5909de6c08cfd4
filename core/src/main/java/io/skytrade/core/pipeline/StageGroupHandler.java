package io.skytrade.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Runs several stages in order on one thread: the unit of the configurable thread layout. Each
 * stage's failure is isolated: an exception from stage i is reported to the
 * {@link StageFailureRecorder} with the event's sequence, the event is flagged, and the following
 * stages still see the event (so risk and orders can enter the safe state at that very sequence).
 * A group that runs beside other groups on the same slot (the journal group of the parallel
 * layout) reports its failures without writing to the event, whose shared fields the other
 * groups own. On a state-hash checkpoint ({@link EngineEvent#stateHashCount} &gt; 0) each
 * {@link StateHash} stage's hash is written to its own entry of {@link io.skytrade.core.event.SideBuffers#stateHash}
 * right after it handled the event (even when it threw: its state is what it is).
 *
 * Each stage may have a read-only {@link StageObserver} called right after it on this thread.
 *
 * <p>Hot-path cost: one virtual call per stage per event (two with an observer); no allocation.
 */
public final class StageGroupHandler implements EventHandler<EngineEvent> {
    private final String threadName;
    private final Stage[] stages;
    private final int[] stageIndexes;
    private final StateHash[] hashed;
    private final int[] hashSlots;
    private final SideBuffers side;
    private final StageFailureRecorder failures;
    private final CpuPinning pinning;
    private final CountDownLatch started;
    private final boolean concurrentWithOtherGroups;
    private final StageObserver[] observers;

    /**
     * @param threadName   name of the thread running the group (for reports)
     * @param stages       stages in the order they run
     * @param stageIndexes each stage's index in the whole pipeline (for {@link EngineEvent#failedStage})
     */
    public StageGroupHandler(final String threadName, final Stage[] stages, final int[] stageIndexes,
                             final StageFailureRecorder failures, final CpuPinning pinning,
                             final CountDownLatch started) {
        this(threadName, stages, stageIndexes, noHashes(stages.length), null, failures, pinning, started, false,
            new StageObserver[stages.length]);
    }

    /**
     * @param hashSlots                 each stage's entry in {@link io.skytrade.core.event.SideBuffers#stateHash}, -1 for a
     *                                  stage that is not a {@link StateHash}
     * @param side                      the ring's side buffers, where the state hashes go (may be null
     *                                  when no stage has a hash slot)
     * @param concurrentWithOtherGroups the group handles each slot at the same time as another
     *                                  group, so a failure must not flag the event
     * @param observers                 one entry per stage (null for none): a read-only
     *                                  {@link StageObserver} called after that stage on this thread
     */
    public StageGroupHandler(final String threadName, final Stage[] stages, final int[] stageIndexes,
                             final int[] hashSlots, final SideBuffers side, final StageFailureRecorder failures,
                             final CpuPinning pinning,
                             final CountDownLatch started, final boolean concurrentWithOtherGroups,
                             final StageObserver[] observers) {
        if (observers.length != stages.length || hashSlots.length != stages.length) {
            throw new IllegalArgumentException("one observer and one hash slot per stage expected: " + observers.length
                + " and " + hashSlots.length + " for " + stages.length + " stages");
        }
        this.observers = observers.clone();
        this.concurrentWithOtherGroups = concurrentWithOtherGroups;
        this.threadName = threadName;
        this.stages = stages.clone();
        this.stageIndexes = stageIndexes.clone();
        this.hashSlots = hashSlots.clone();
        this.side = side;
        this.hashed = new StateHash[stages.length];
        for (int i = 0; i < stages.length; i++) {
            if (hashSlots[i] >= 0) {
                hashed[i] = (StateHash) stages[i].handler();
            }
        }
        this.failures = failures;
        this.pinning = pinning;
        this.started = started;
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        final Stage[] stages = this.stages;
        for (int i = 0; i < stages.length; i++) {
            try {
                stages[i].handler().onEvent(event, sequence, endOfBatch);
            } catch (final Exception failure) {
                // Isolation boundary of the stage: record, flag the event and go on (see class doc).
                if (concurrentWithOtherGroups) {
                    failures.onConcurrentStageFailure(stageIndexes[i], stages[i].name(), sequence, failure);
                } else {
                    failures.onStageFailure(stageIndexes[i], stages[i].name(), sequence, event, failure);
                }
            }
            final int slot = hashSlots[i];
            if (slot >= 0 && event.stateHashCount > 0) {
                side.setStateHash(event, slot, hashed[i].stateHash());
            }
            final StageObserver observer = observers[i];
            if (observer != null) {
                try {
                    observer.afterStage(event, sequence);
                } catch (final RuntimeException failure) {
                    // A broken observer costs its figures, never the trading: recorded, event untouched.
                    failures.onObserverFailure(stages[i].name(), sequence, failure);
                }
            }
        }
    }

    private static int[] noHashes(final int n) {
        final int[] slots = new int[n];
        Arrays.fill(slots, -1);
        return slots;
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth) {
        for (final Stage stage : stages) {
            stage.handler().onBatchStart(batchSize, queueDepth);
        }
    }

    @Override
    public void onStart() {
        pinning.pinCurrentThread(threadName);
        for (final Stage stage : stages) {
            stage.handler().onStart();
        }
        started.countDown();
    }

    @Override
    public void onShutdown() {
        for (final Stage stage : stages) {
            stage.handler().onShutdown();
        }
        pinning.release();
    }


    public String threadName() {
        return threadName;
    }
}
