package io.skytrade.core.risk;

import io.skytrade.core.event.ControlCode;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.order.OrderManagerConfig;
import io.skytrade.core.order.OrderState;
import io.skytrade.core.order.OrderTable;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Plays a session decoded from a list of generated ints through both stages: market data with
 * fair values, strategy intents, venue acks, fills (never beyond an order's remaining quantity),
 * cancels, timers, position reports and operator commands. The venue only answers orders the
 * gateway really sent, as a real one would.
 */
public final class ScriptedSession {
    public static final int INSTRUMENTS = 3;
    public static final RiskLimits LIMITS = StagePair.limits(50, 120, 30, 5, 50, 50, 16);

    public final StagePair stages = new StagePair(LIMITS, DrawdownLimits.defaults(), SafeModeConfig.defaults(),
        OrderManagerConfig.defaults());
    public final long[] filledSum = new long[INSTRUMENTS];
    private final EngineEvent e = new EngineEvent();
    private final long[] fair = {100, 100, 100};
    /** Whether the last step's event approved a new order (exposure limits are judged then). */
    public boolean approvedNew;
    /** Per-product exposure (worst-case lots x fair value) before the last step, and its sum. */
    public final double[] exposureBefore = new double[INSTRUMENTS];
    public double grossBefore;
    private long t = 1;

    public ScriptedSession play(final List<Integer> ops, final Consumer<ScriptedSession> afterEach) {
        for (final int x : ops) {
            step(x);
            afterEach.accept(this);
        }
        return this;
    }

    /** A product's exposure now: worst-case lots at the fair value the session gave it. */
    public double exposure(final int instrument) {
        final OrderTable table = stages.book.orders();
        return PreTradeRiskCheck.worstCase(stages.book.position(instrument), table.openBuyQty(instrument),
            table.openSellQty(instrument)) * (double) fair[instrument];
    }

    private void step(final int x) {
        grossBefore = 0;
        for (int i = 0; i < INSTRUMENTS; i++) {
            exposureBefore[i] = exposure(i);
            grossBefore += exposureBefore[i];
        }
        t += ((x >>> 20) % 200) * 1_000_000L;
        final int instrument = (x >>> 3) % INSTRUMENTS;
        switch (x % 8) {
            case 0 -> {
                final long mid = 80 + (x >>> 5) % 40;
                fair[instrument] = mid + ((x >>> 11) % 7) - 3;
                TestEvents.fair(TestEvents.book(e, t, instrument, mid - 1, mid + 1), instrument, fair[instrument]);
            }
            case 1, 2 -> {
                TestEvents.timer(e, t);
                final int n = 1 + (x >>> 5) % 3;
                for (int k = 0; k < n; k++) {
                    final int y = Integer.rotateRight(x, 7 * k + 5);
                    final int inst = (instrument + k) % INSTRUMENTS;
                    final int side = (y & 1) == 0 ? Side.BUY : Side.SELL;
                    final long price = fair[inst] + ((y >>> 1) % 41) - 20;
                    final long qty = 1 + ((y >>> 7) & 0x7FFF) % 30;
                    TestEvents.propose(e, inst, side, price, qty);
                }
            }
            case 3 -> {
                final long id = pickLive(x);
                if (id == 0) {
                    TestEvents.timer(e, t);
                } else {
                    TestEvents.orderEvent(e, t, venueReply(stages.book.orders().state(id), x), id);
                }
            }
            case 4 -> {
                final long id = pickLive(x);
                final OrderTable table = stages.book.orders();
                final long leaves = table.leaves(id);
                if (id == 0 || leaves == 0) {
                    TestEvents.timer(e, t);
                } else {
                    final int slot = table.slotOf(id);
                    final long qty = 1 + ((x >>> 9) & 0xFFFF) % leaves;
                    final int inst = table.slotInstrument(slot);
                    filledSum[inst] += Side.sign(table.slotSide(slot)) * qty;
                    TestEvents.fill(e, t, id, qty, fair[inst], 0.01 * qty);
                }
            }
            case 5 -> {
                final long id = pickLive(x);
                TestEvents.timer(e, t);
                TestEvents.proposeCancel(e, 0, id);
            }
            case 6 -> TestEvents.timer(e, t);
            default -> {
                if ((x >>> 5) % 30 == 0) {
                    TestEvents.control(e, t, (x >>> 9) % 2 == 0 ? ControlCode.SAFE : ControlCode.RESUME);
                } else {
                    TestEvents.positionReport(e, t, instrument, stages.book.positions().position(instrument));
                }
            }
        }
        stages.run(e);
        approvedNew = false;
        for (int i = 0; i < TestEvents.decisions(e).count(); i++) {
            approvedNew |= TestEvents.decisions(e).kind[i] == DecisionKind.ORDER_NEW
                && TestEvents.decisions(e).status[i] == Decisions.STATUS_APPROVED;
        }
    }

    /** Fair value the session last gave {@code instrument}. */
    public long fair(final int instrument) {
        return fair[instrument];
    }

    /** A reply the venue may legally send for an order in {@code state}. */
    private static int venueReply(final int state, final int x) {
        if (state == OrderState.SENT) {
            return switch ((x >>> 13) % 4) {
                case 0, 1 -> OrderEventKind.ACK;
                case 2 -> OrderEventKind.CANCELLED;
                default -> OrderEventKind.REJECT;
            };
        }
        if (state == OrderState.CANCEL_SENT && (x >>> 13) % 4 == 0) {
            return OrderEventKind.CANCEL_REJECT;
        }
        return OrderEventKind.CANCELLED;
    }

    /** A live order id of the order stage chosen from {@code x}, or 0 when none is live. */
    private long pickLive(final int x) {
        final OrderTable table = stages.book.orders();
        final List<Long> live = new ArrayList<>();
        for (int s = 0; s < table.capacity(); s++) {
            if (OrderState.isLive(table.slotState(s))) {
                live.add(table.slotClientOrderId(s));
            }
        }
        return live.isEmpty() ? 0 : live.get((x >>> 17) % live.size());
    }
}
