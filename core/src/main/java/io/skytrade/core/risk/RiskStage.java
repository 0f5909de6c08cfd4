package io.skytrade.core.risk;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.book.TradingBook;
import io.skytrade.core.event.ControlCode;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.pipeline.StateHash;
import io.skytrade.core.position.PositionTracker;

/**
 * Pipeline stage "risk", the {@link TradingBook}'s pre-trade phase: approves or rejects the
 * strategy's PROPOSED intents in {@link io.skytrade.core.event.SideBuffers#decisions} with a {@link RiskReason} against
 * the book's orders, positions and market, records each approved order in the book (which assigns
 * its client order id) and each approved cancel, runs the drawdown monitor and the safe-mode state
 * machine, and in SAFE appends the cancels and flattening orders (see the package documentation
 * for the event order and the decision layout). It keeps no orders or positions of its own. A
 * runtime exception inside it is caught, flags the event FLAG_STAGE_FAILED, rejects the remaining
 * intents and enters SAFE. Thread-safety: one thread, the book's; getters are for that thread or
 * tests. Hot-path cost: constant work per intent plus a pass over the instruments for equity and
 * gross exposure, a pass over the live orders in SAFE; no allocation, logging or clock.
 */
public final class RiskStage implements EventHandler<EngineEvent>, StateHash {
    private final SafeModeConfig safeModeConfig;
    private final TradingBook book;
    private final PreTradeRiskCheck check;
    private final DrawdownMonitor drawdown;
    private final SafeModeStateMachine safeMode;
    private final SafeModeUnwinder unwinder;
    private final SideBuffers side;

    private long latestTime = Long.MIN_VALUE;
    private long approved;
    private long rejected;
    private long alerts;
    private long failures;
    private long decisionOverflows;

    /**
     * @param side    the ring's side buffers, where risk's verdicts, alerts and unwinds go with the event's decisions
     * @param capital the one capital figure (price units) exposure and drawdown limits are fractions of
     */
    public RiskStage(final TradingBook book, final SideBuffers side, final RiskLimits limits, final DrawdownLimits drawdownLimits,
                     final SafeModeConfig safeModeConfig, final double capital) {
        if (book.orders().capacity() < limits.maxOpenOrders() + EngineEvent.MAX_INSTRUMENTS) {
            throw new IllegalArgumentException("orders.orderCapacity=" + book.orders().capacity()
                + ": expected >= risk.maxOpenOrders + " + EngineEvent.MAX_INSTRUMENTS + " ("
                + (limits.maxOpenOrders() + EngineEvent.MAX_INSTRUMENTS) + ")");
        }
        this.safeModeConfig = safeModeConfig;
        this.book = book;
        this.side = side;
        this.safeMode = new SafeModeStateMachine(side);
        this.check = new PreTradeRiskCheck(limits, book, capital);
        this.drawdown = new DrawdownMonitor(drawdownLimits, capital);
        this.unwinder = new SafeModeUnwinder(limits, safeModeConfig, book, check);
    }

    /** Risk stage with every default over {@code book}, on {@code capital}. */
    public static RiskStage withDefaults(final TradingBook book, final SideBuffers side, final double capital) {
        return new RiskStage(book, side, RiskLimits.defaults(), DrawdownLimits.defaults(), SafeModeConfig.defaults(), capital);
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        handle(event);
    }

    /** Processes one event (what {@link #onEvent} does; tests call it directly). */
    public void handle(final EngineEvent event) {
        // read-only until something is to be written: an input without intents and without a verdict
        // to record leaves its (cache-cold) decisions entry untouched, and readers see none
        final int intents = side.decisions(event).count();
        try {
            process(event, intents);
        } catch (final RuntimeException e) {
            failures++;
            event.flags |= EngineEvent.FLAG_STAGE_FAILED;
            final Decisions decisions = side.decisionsToWrite(event);
            for (int i = 0; i < intents; i++) {
                if (decisions.status[i] == Decisions.STATUS_PROPOSED) {
                    reject(decisions, i, RiskReason.STAGE_FAILED);
                }
            }
            safeMode.enterSafe(RiskReason.STAGE_FAILED, -1, event);
        }
    }

    private void process(final EngineEvent event, final int intents) {
        // Observations carry their (earlier) observation time: risk's clock is the latest event time
        // seen, so an order is never born in the past (ack timeouts, quote ages and rates count from it).
        latestTime = Math.max(latestTime, event.eventTimeNanos);
        final long now = latestTime;
        if ((event.flags & EngineEvent.FLAG_INPUT_REJECTED) == 0) {
            onInput(event, now);
        }
        if ((event.flags & EngineEvent.FLAG_STAGE_FAILED) != 0) {
            safeMode.enterSafe(RiskReason.STAGE_FAILED, -1, event);
        }
        // Set before this stage only in the chained layout; in the parallel layout the order stage,
        // gated on the journal, is what keeps an unjournaled input's orders in.
        final boolean journalFailed = event.journalFailed;
        if (journalFailed) {
            safeMode.enterSafe(RiskReason.JOURNAL_FAILED, -1, event);
        }
        onEquity(event, now);

        final int mode = safeMode.mode();
        if (intents > 0) {
            final Decisions decisions = side.decisionsToWrite(event);
            for (int i = 0; i < intents; i++) {
                if (decisions.status[i] != Decisions.STATUS_PROPOSED) {
                    continue;
                }
                if (journalFailed) {
                    reject(decisions, i, RiskReason.JOURNAL_FAILED);
                } else if (mode == TradingMode.SAFE) {
                    reject(decisions, i, RiskReason.SAFE_MODE);
                } else if (mode == TradingMode.HALTED) {
                    reject(decisions, i, RiskReason.HALTED);
                } else if (decisions.kind[i] == DecisionKind.ORDER_NEW) {
                    evaluateNew(decisions, i, mode, now);
                } else if (decisions.kind[i] == DecisionKind.ORDER_CANCEL) {
                    evaluateCancel(decisions, i, now);
                } else {
                    reject(decisions, i, RiskReason.INVALID_INTENT);
                }
            }
        }
        if (!journalFailed && (mode == TradingMode.SAFE || mode == TradingMode.HALTED)) {
            final Decisions out = side.decisionsToWrite(event);
            unwinder.cancelAll(out, now);
            if (mode == TradingMode.SAFE) {
                unwinder.flatten(out, now);
            }
        }
    }

    private void onInput(final EngineEvent event, final long now) {
        switch (event.type) {
            case EventType.POSITION_REPORT -> reconcile(event);
            case EventType.TIMER -> {
                final int stale = book.market().firstStale(now, safeModeConfig.maxMarketDataAgeNanos());
                if (stale >= 0) {
                    safeMode.enterSafe(RiskReason.STALE_MARKET_DATA, stale, event);
                }
            }
            case EventType.CONTROL -> onControl(event);
            default -> {
            }
        }
    }

    private void reconcile(final EngineEvent event) {
        final int instrument = event.instrumentId;
        if (!PositionTracker.isValidInstrument(instrument)) {
            return;
        }
        final long ours = book.position(instrument);
        if (Math.abs(ours - event.position) > safeModeConfig.reconcileToleranceLots()) {
            alert(side.decisionsToWrite(event), RiskReason.POSITION_MISMATCH, instrument, ours, event.position);
            safeMode.enterSafe(RiskReason.POSITION_MISMATCH, instrument, event);
        }
    }

    private void onControl(final EngineEvent event) {
        switch (event.controlCode) {
            case ControlCode.SAFE -> safeMode.enterSafe(RiskReason.OPERATOR_SAFE, -1, event);
            case ControlCode.RESUME -> {
                if (safeMode.resume(event)) {
                    drawdown.rebase();
                }
            }
            case ControlCode.HALT -> safeMode.halt(event);
            default -> {
            }
        }
    }

    private void onEquity(final EngineEvent event, final long now) {
        final int bits = drawdown.update(book.equity(), now);
        if ((bits & DrawdownMonitor.HARD) != 0) {
            safeMode.enterSafe(RiskReason.HARD_DRAWDOWN, -1, event);
        }
        if ((bits & DrawdownMonitor.DAILY) != 0) {
            safeMode.enterSafe(RiskReason.DAILY_LOSS, -1, event);
        }
        if ((bits & DrawdownMonitor.SOFT) != 0) {
            if (safeMode.enterReducing(RiskReason.SOFT_DRAWDOWN, event)) {
                alert(side.decisionsToWrite(event), RiskReason.SOFT_DRAWDOWN, -1, (long) drawdown.drawdown(), 0);
            }
        } else if ((bits & DrawdownMonitor.RECOVERED) != 0) {
            safeMode.recover(event);
        }
    }

    private void evaluateNew(final Decisions decisions, final int i, final int mode, final long now) {
        long qty = decisions.quantity[i];
        if (mode == TradingMode.REDUCING && qty > 0) {
            qty /= 2;
            if (qty == 0) {
                reject(decisions, i, RiskReason.SIZE_REDUCED_TO_ZERO);
                return;
            }
            decisions.quantity[i] = qty;
        }
        final int instrument = decisions.instrumentId[i];
        final int side = decisions.side[i];
        final long price = decisions.priceTicks[i];
        final int reason = check.checkNew(instrument, side, price, qty, now);
        if (reason != RiskReason.NONE) {
            reject(decisions, i, reason);
            return;
        }
        final long id = book.open(instrument, side, price, qty, decisions.timeInForce[i], now, decisions.purpose[i]);
        if (id == 0) {
            reject(decisions, i, RiskReason.ORDER_TABLE_FULL);
            return;
        }
        check.onNewApproved(now);
        decisions.clientOrderId[i] = id;
        decisions.status[i] = Decisions.STATUS_APPROVED;
        approved++;
    }

    private void evaluateCancel(final Decisions decisions, final int i, final long now) {
        final long id = decisions.clientOrderId[i];
        final int reason = check.checkCancel(id, now);
        if (reason != RiskReason.NONE) {
            reject(decisions, i, reason);
            return;
        }
        decisions.instrumentId[i] = book.orders().slotInstrument(book.orders().slotOf(id));
        book.requestCancel(id);
        check.onCancelApproved(now);
        decisions.status[i] = Decisions.STATUS_APPROVED;
        approved++;
    }

    private void reject(final Decisions decisions, final int i, final int reason) {
        decisions.status[i] = Decisions.STATUS_REJECTED;
        decisions.reason[i] = reason;
        rejected++;
    }

    private void alert(final Decisions decisions, final int reason, final int instrument, final long price, final long qty) {
        alerts++;
        final int i = decisions.add(DecisionKind.ALERT, instrument, Side.NONE, price, qty, 0, reason);
        if (i < 0) {
            decisionOverflows++;
        } else {
            decisions.status[i] = Decisions.STATUS_APPROVED;
        }
    }

    /** Current {@link TradingMode}. */
    public int mode() {
        return safeMode.mode();
    }

    /** The book this stage guards (read on the stage's thread or in tests). */
    public TradingBook book() {
        return book;
    }

    public DrawdownMonitor drawdown() {
        return drawdown;
    }

    /** Gross exposure in price units, counting open orders. */
    public double grossExposure() {
        return check.grossExposure();
    }

    public long approvedCount() {
        return approved;
    }

    public long rejectedCount() {
        return rejected;
    }

    public long alertCount() {
        return alerts;
    }

    /** Runtime exceptions caught inside this stage. */
    public long failureCount() {
        return failures;
    }

    /** Decisions lost to a full buffer: alerts, mode changes and SAFE actions. */
    public long decisionOverflowCount() {
        return decisionOverflows + safeMode.unrecordedTransitions() + unwinder.overflows();
    }

    /** Hash of risk's own state (not the book's: the book stage hashes that), for replay checks. */
    @Override
    public long stateHash() {
        long h = check.stateHash();
        h = PositionTracker.mix(h, drawdown.stateHash());
        h = PositionTracker.mix(h, safeMode.stateHash());
        h = PositionTracker.mix(h, unwinder.stateHash());
        h = PositionTracker.mix(h, latestTime);
        h = PositionTracker.mix(h, approved);
        h = PositionTracker.mix(h, rejected);
        return PositionTracker.mix(h, alerts);
    }
}
