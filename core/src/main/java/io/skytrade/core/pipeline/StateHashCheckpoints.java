package io.skytrade.core.pipeline;

import io.skytrade.core.event.EngineEvent;

/**
 * Which inputs are state-hash checkpoints: every input whose sequence is a multiple of the
 * interval (a power of two; 0 turns checkpoints off), for a pipeline with {@code stages} stateful
 * stages. The publisher stamps {@link EngineEvent#stateHashCount} with {@link #countAt}; each
 * stateful stage's thread then writes its hash, and the decisions journal records them.
 *
 * <p>Immutable. Hot-path cost: one mask and compare per publish.
 */
public final class StateHashCheckpoints {
    /** No checkpoints. */
    public static final StateHashCheckpoints NONE = new StateHashCheckpoints(0, 0);

    private final long mask;
    private final int stages;

    /**
     * @param interval inputs between checkpoints, a power of two, or 0 for none
     * @param stages   stateful stages in the pipeline, at most {@link EngineEvent#MAX_HASHED_STAGES}
     */
    public StateHashCheckpoints(final int interval, final int stages) {
        requireInterval(interval);
        if (stages < 0 || stages > EngineEvent.MAX_HASHED_STAGES) {
            throw new IllegalArgumentException(stages + " stateful stages: at most " + EngineEvent.MAX_HASHED_STAGES
                + " can be hashed");
        }
        this.mask = interval - 1L;
        this.stages = interval == 0 ? 0 : stages;
    }

    /** Checks a checkpoint interval: 0 or a power of two. */
    public static int requireInterval(final int interval) {
        if (interval < 0 || interval > 0 && Integer.bitCount(interval) != 1) {
            throw new IllegalArgumentException("state-hash interval " + interval + " must be 0 or a power of two");
        }
        return interval;
    }

    /** Number of stage hashes the input at {@code sequence} carries: all of them at a checkpoint, else 0. */
    public int countAt(final long sequence) {
        return stages != 0 && (sequence & mask) == 0 ? stages : 0;
    }
}
