package io.skytrade.core.pipeline;

/**
 * The engine's operational state as the operator sees it (status line, control channel): RUNNING,
 * SAFE after a stage failure, HALTED after a fatal error. Business decisions never read it (they
 * react to flags on the events, so replay is exact); it exists to make failures visible.
 *
 * <p>Thread-safety: volatile fields, written by any stage thread, read by the status thread.
 * Hot-path cost: none unless a stage fails.
 */
public final class EngineHealth {
    /** Operational states. */
    public enum State { RUNNING, SAFE, HALTED }

    private volatile State state = State.RUNNING;
    private volatile String reason = "";

    public State state() {
        return state;
    }

    public String reason() {
        return reason;
    }

    /** Moves to SAFE unless already HALTED. */
    public void enterSafe(final String why) {
        if (state != State.HALTED) {
            reason = why;
            state = State.SAFE;
        }
    }

    /** Moves to HALTED for good. */
    public void halt(final String why) {
        reason = why;
        state = State.HALTED;
    }
}
