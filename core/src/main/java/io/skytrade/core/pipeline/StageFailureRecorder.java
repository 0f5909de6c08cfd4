package io.skytrade.core.pipeline;

import com.lmax.disruptor.ExceptionHandler;
import io.skytrade.core.event.EngineEvent;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Records stage failures so that an exception never silently kills a stage thread: the failing
 * event is flagged ({@link EngineEvent#FLAG_STAGE_FAILED}, {@link EngineEvent#failedStage}) so the
 * stages after it (risk, orders) see the failure at that sequence and put the engine into its safe
 * state deterministically, and the engine's {@link EngineHealth} turns SAFE (or HALTED for a JVM
 * {@link Error}) for the operator's status line.
 *
 * <p>Also the Disruptor's exception handler for what escapes a stage group (Errors, start-up and
 * shutdown failures). Thread-safety: called from any stage thread; counters are atomic, the
 * latest report is a volatile reference. Cost: nothing until a stage throws; on failure it
 * allocates the report string (the failure path is not the hot path).
 */
public final class StageFailureRecorder implements ExceptionHandler<EngineEvent> {
    private final EngineHealth health;
    private final AtomicLong failures = new AtomicLong();
    private volatile String firstFailure;
    private volatile String lastFailure;
    private volatile long lastFailureSequence = -1;
    private volatile FailureListener listener;
    private final AtomicLong observerFailures = new AtomicLong();
    private volatile String firstObserverFailure;

    /**
     * Told of each stage failure after it is recorded, on the failing stage's thread; a live engine
     * uses it to publish a journaled CONTROL SAFE input, so stages that ran before the failing one
     * (risk, when the order stage fails) also enter their safe state, and a replay reproduces it.
     */
    @FunctionalInterface
    public interface FailureListener {
        void onStageFailure(long sequence, int stageIndex);
    }

    public StageFailureRecorder(final EngineHealth health) {
        this.health = health;
    }

    /**
     * Records that stage {@code stageIndex} ({@code stageName}) threw {@code failure} while handling
     * the event at {@code sequence}, flags the event, and moves the engine to SAFE.
     */
    public void onStageFailure(final int stageIndex, final String stageName, final long sequence,
                               final EngineEvent event, final Throwable failure) {
        event.flags |= EngineEvent.FLAG_STAGE_FAILED;
        if (event.failedStage < 0) {
            event.failedStage = stageIndex;
        }
        onConcurrentStageFailure(stageIndex, stageName, sequence, failure);
    }

    /**
     * Records a failure of a stage that runs at the same time as other stages on the same slot
     * (the journal group of the parallel layout): everything {@link #onStageFailure} does except
     * writing to the event, which the stages running beside it own. Such a stage marks the event
     * through a field of its own (for the journal, {@link EngineEvent#journalFailed}).
     */
    public void onConcurrentStageFailure(final int stageIndex, final String stageName, final long sequence,
                                         final Throwable failure) {
        record("stage '" + stageName + "' failed at sequence " + sequence + ": " + failure, sequence);
        health.enterSafe(lastFailure);
        final FailureListener l = listener;
        if (l != null) {
            l.onStageFailure(sequence, stageIndex);
        }
    }

    /** Installs the failure listener (live runs only; replay reproduces its effect from the journal). */
    public void setFailureListener(final FailureListener listener) {
        this.listener = listener;
    }

    /**
     * Records that the read-only observer of stage {@code stageName} threw while looking at the
     * event at {@code sequence}: counted and kept for the status line, but the event is not flagged
     * and the engine's health does not change (an observer never influences trading).
     */
    public void onObserverFailure(final String stageName, final long sequence, final Throwable failure) {
        if (observerFailures.getAndIncrement() == 0) {
            firstObserverFailure = "observer of stage '" + stageName + "' failed at sequence " + sequence + ": " + failure;
        }
    }

    /** Observer failures so far (see {@link #onObserverFailure}). */
    public long observerFailures() {
        return observerFailures.get();
    }

    /** The first observer failure of the run, or null. */
    public String firstObserverFailure() {
        return firstObserverFailure;
    }

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final EngineEvent event) {
        if (event != null) {
            event.flags |= EngineEvent.FLAG_STAGE_FAILED;
        }
        recordThreadError(ex, sequence);
    }

    private void recordThreadError(final Throwable ex, final long sequence) {
        record("stage thread error at sequence " + sequence + ": " + ex, sequence);
        if (ex instanceof Error) {
            health.halt(lastFailure);
        } else {
            health.enterSafe(lastFailure);
        }
    }

    /**
     * The exception handler for a group that runs beside other groups on the same slot (the
     * journal group of the parallel layout): records and moves the engine's health like this
     * recorder, but never writes to the event, whose shared fields the other groups own.
     */
    public ExceptionHandler<EngineEvent> withoutTouchingEvents() {
        final StageFailureRecorder recorder = this;
        return new ExceptionHandler<>() {
            @Override
            public void handleEventException(final Throwable ex, final long sequence, final EngineEvent event) {
                recorder.recordThreadError(ex, sequence);
            }

            @Override
            public void handleOnStartException(final Throwable ex) {
                recorder.handleOnStartException(ex);
            }

            @Override
            public void handleOnShutdownException(final Throwable ex) {
                recorder.handleOnShutdownException(ex);
            }
        };
    }

    @Override
    public void handleOnStartException(final Throwable ex) {
        record("stage failed to start: " + ex, -1);
        health.halt(lastFailure);
    }

    @Override
    public void handleOnShutdownException(final Throwable ex) {
        record("stage failed to shut down: " + ex, -1);
    }

    private void record(final String report, final long sequence) {
        if (failures.getAndIncrement() == 0) {
            firstFailure = report;
        }
        lastFailure = report;
        lastFailureSequence = sequence;
    }

    public long failureCount() {
        return failures.get();
    }

    /** The first failure of the run, or null. */
    public String firstFailure() {
        return firstFailure;
    }

    /** The latest failure of the run, or null. */
    public String lastFailure() {
        return lastFailure;
    }

    public long lastFailureSequence() {
        return lastFailureSequence;
    }
}
