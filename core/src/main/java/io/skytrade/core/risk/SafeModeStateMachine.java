package io.skytrade.core.risk;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.position.PositionTracker;

/**
 * The trading-mode state machine (see {@link TradingMode}):
 * <pre>
 * NORMAL --soft drawdown--> REDUCING --recovered--> NORMAL
 * NORMAL/REDUCING --hard drawdown, daily loss, stage or journal failure, stale data,
 *                   reconciliation mismatch, operator SAFE--> SAFE
 * SAFE --operator RESUME (only)--> NORMAL
 * any --operator HALT--> HALTED (final)
 * </pre>
 * Every transition appends a MODE_CHANGE decision to the event (status APPROVED, {@code reason} =
 * new mode, {@code quantity} = old mode, {@code priceTicks} = cause as a {@link RiskReason} code,
 * {@code instrumentId} = the market concerned or -1), so the decisions journal records it at the
 * sequence that caused it; the event's decisions are fetched from the side buffers only then, so a
 * call that changes nothing leaves the (cache-cold) entry alone. There is deliberately no timed
 * exit from SAFE. Single-threaded. Hot-path cost: a comparison per call; a decision store per
 * transition.
 */
public final class SafeModeStateMachine {
    private final SideBuffers side;
    private int mode = TradingMode.NORMAL;
    private long transitions;
    private long unrecorded;

    /** @param side the ring's side buffers, where each transition goes with its event's decisions */
    public SafeModeStateMachine(final SideBuffers side) {
        this.side = side;
    }

    public int mode() {
        return mode;
    }

    /** NORMAL or REDUCING to SAFE; true when the mode changed. */
    public boolean enterSafe(final int cause, final int instrument, final EngineEvent event) {
        if (mode == TradingMode.NORMAL || mode == TradingMode.REDUCING) {
            change(TradingMode.SAFE, cause, instrument, event);
            return true;
        }
        return false;
    }

    /** NORMAL to REDUCING (sizes halved); true when the mode changed. */
    public boolean enterReducing(final int cause, final EngineEvent event) {
        if (mode == TradingMode.NORMAL) {
            change(TradingMode.REDUCING, cause, -1, event);
            return true;
        }
        return false;
    }

    /** REDUCING back to NORMAL once the drawdown recovered; true when the mode changed. */
    public boolean recover(final EngineEvent event) {
        if (mode == TradingMode.REDUCING) {
            change(TradingMode.NORMAL, RiskReason.DRAWDOWN_RECOVERED, -1, event);
            return true;
        }
        return false;
    }

    /** Operator RESUME: SAFE to NORMAL, the only way out of SAFE; true when the mode changed. */
    public boolean resume(final EngineEvent event) {
        if (mode == TradingMode.SAFE) {
            change(TradingMode.NORMAL, RiskReason.OPERATOR_RESUME, -1, event);
            return true;
        }
        return false;
    }

    /** Operator HALT: any mode to HALTED, for the rest of the run; true when the mode changed. */
    public boolean halt(final EngineEvent event) {
        if (mode != TradingMode.HALTED) {
            change(TradingMode.HALTED, RiskReason.OPERATOR_HALT, -1, event);
            return true;
        }
        return false;
    }

    private void change(final int next, final int cause, final int instrument, final EngineEvent event) {
        final int previous = mode;
        mode = next;
        transitions++;
        final Decisions out = side.decisionsToWrite(event);
        final int i = out.add(DecisionKind.MODE_CHANGE, instrument, Side.NONE, cause, previous, 0, next);
        if (i < 0) {
            unrecorded++;
        } else {
            out.status[i] = Decisions.STATUS_APPROVED;
        }
    }

    public long transitions() {
        return transitions;
    }

    /** Transitions that found the event's decision buffer full (made, but not journaled). */
    public long unrecordedTransitions() {
        return unrecorded;
    }

    public long stateHash() {
        return PositionTracker.mix(PositionTracker.mix(mode, transitions), unrecorded);
    }
}
