package io.skytrade.core.pipeline;

/**
 * Binds the calling thread to one CPU: how a stage thread takes the CPU its layout names. The
 * composition root supplies the platform's implementation (the engine's OpenHFT affinity pinner),
 * so {@code core} itself has no I/O or platform dependency; without one every configured CPU is
 * reported once and its thread runs unpinned.
 *
 * <p>Called once per stage thread at start and stop; never on the hot path.
 */
@FunctionalInterface
public interface ThreadPinner {
    /** A pinner that cannot pin: a configured CPU gets a warning and its thread runs unpinned. */
    ThreadPinner UNAVAILABLE = cpu -> {
        throw new IllegalStateException("no CPU pinner was given to the pipeline");
    };

    /**
     * Binds the calling thread to {@code cpu}.
     *
     * @return the binding, to be released by the same thread; its {@link Pin#cpu()} may differ from
     *         {@code cpu} when the platform chose another one
     * @throws IllegalStateException naming why the thread cannot be pinned
     */
    Pin pin(int cpu);

    /** A thread's binding to a CPU. */
    interface Pin {
        /** The CPU the thread is bound to. */
        int cpu();

        /** Unbinds the thread (call from the pinned thread). */
        void release();
    }
}
