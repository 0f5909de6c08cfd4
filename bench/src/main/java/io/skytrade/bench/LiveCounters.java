package io.skytrade.bench;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.order.OrderState;
import io.skytrade.core.order.OrderTable;
import io.skytrade.core.pipeline.StageObserver;
import io.skytrade.core.risk.RiskReason;
import io.skytrade.core.risk.TradingMode;
import io.skytrade.engine.metrics.EngineCounters;
import io.skytrade.engine.runtime.EngineAssembly;

/**
 * What an engine under {@link BusinessStagesBenchmark} did, counted outside the timed part: the
 * trading mode at each measured input, how often a product's book came exactly as long after its
 * previous one as that one after its own (what a cache keyed by the exact interval hits), the
 * mode changes by cause, and, on request, the venue's events and the live orders by state. The
 * intents by kind and the refusals by reason are the engine's own {@link EngineCounters}, filled by
 * its order-stage observer: the benchmark's (with {@code metrics=true}), or one run here after every
 * input has passed every stage, untimed (with {@code metrics=false}). Counting allocates nothing;
 * {@link #describe} does (report only).
 */
final class LiveCounters {
    final long[] modes = new long[4];
    /** Mode changes (SAFE, REDUCING, resumed) by their cause, since the start (warm-up included). */
    final long[] modeChangesByReason = new long[64];
    long measured;
    long sameIntervalBooks;
    long measuredBooks;
    long firstTime = Long.MIN_VALUE;
    long lastTime;
    private final EngineCounters engine;
    private final StageObserver orderObserver;
    private final long[] decisionsAtReset = new long[DecisionKind.ALERT + 1];
    private final long[] refusedAtReset = new long[EngineCounters.RISK_REASONS];
    private final long[] lastBook = new long[EngineEvent.MAX_INSTRUMENTS];
    private final long[] lastInterval = new long[EngineEvent.MAX_INSTRUMENTS];

    /**
     * @param engine        the engine's counters
     * @param orderObserver the observer that fills them, run here after each input (null when the
     *                      benchmark runs the engine's observers itself)
     */
    LiveCounters(final EngineCounters engine, final StageObserver orderObserver) {
        this.engine = engine;
        this.orderObserver = orderObserver;
    }

    void reset() {
        java.util.Arrays.fill(modes, 0);
        for (int k = 0; k < decisionsAtReset.length; k++) {
            decisionsAtReset[k] = engine.decisions(k);
        }
        for (int r = 0; r < refusedAtReset.length; r++) {
            refusedAtReset[r] = engine.riskRejects(r);
        }
        measured = 0;
        sameIntervalBooks = 0;
        measuredBooks = 0;
        firstTime = Long.MIN_VALUE;
    }

    /** Intents of {@link DecisionKind} {@code kind} since the last {@link #reset}, any verdict. */
    long intents(final int kind) {
        return engine.decisions(kind) - decisionsAtReset[kind];
    }

    /** Intents refused for {@link RiskReason} {@code reason} since the last {@link #reset}. */
    long refused(final int reason) {
        return engine.riskRejects(reason) - refusedAtReset[reason];
    }

    /** A measured input has passed every stage. */
    void measured(final EngineEvent e, final EngineAssembly.Stages stages) {
        measured++;
        modes[stages.risk().mode()]++;
        if (firstTime == Long.MIN_VALUE) {
            firstTime = e.eventTimeNanos;
        }
        lastTime = e.eventTimeNanos;
        if (e.type == EventType.MARKET_BOOK) {
            measuredBooks++;
            final int i = e.instrumentId;
            final long interval = e.eventTimeNanos - lastBook[i];
            if (interval == lastInterval[i]) {
                sameIntervalBooks++;
            }
            lastInterval[i] = interval;
        }
        decisions(e, stages);
    }

    /** An unmeasured input (timer, observation, venue event, book of the timer row) has passed every stage. */
    void untimed(final EngineEvent e, final EngineAssembly.Stages stages) {
        if (e.type == EventType.MARKET_BOOK) {
            final int i = e.instrumentId;
            lastInterval[i] = e.eventTimeNanos - lastBook[i];
            lastBook[i] = e.eventTimeNanos;
        }
        decisions(e, stages);
    }

    private void decisions(final EngineEvent e, final EngineAssembly.Stages stages) {
        if (e.type == EventType.MARKET_BOOK) {
            lastBook[e.instrumentId] = e.eventTimeNanos;
        }
        if (orderObserver != null) {
            orderObserver.afterStage(e, e.sequence);
        }
        final Decisions d = stages.side().decisions(e);
        for (int k = 0; k < d.count(); k++) {
            if (d.kind[k] == DecisionKind.MODE_CHANGE) {
                modeChangesByReason[(int) Math.min(d.priceTicks[k], modeChangesByReason.length - 1)]++;
            }
        }
    }

    /** The counts as one paragraph (allocates: the report only). */
    String describe(final EngineAssembly.Stages stages, final AcknowledgingVenue venue) {
        final StringBuilder b = new StringBuilder();
        b.append(measured).append(" measured inputs over ")
            .append(String.format("%.1f", (lastTime - firstTime) / 86_400e9)).append(" days of world time; mode at each: NORMAL ")
            .append(modes[TradingMode.NORMAL]).append(", REDUCING ").append(modes[TradingMode.REDUCING]).append(", SAFE ")
            .append(modes[TradingMode.SAFE]).append(", HALTED ").append(modes[TradingMode.HALTED])
            .append("; measured books ").append(measuredBooks).append(", of which at the same interval as the product's previous: ")
            .append(sameIntervalBooks);
        b.append("\nintents (all inputs): new ").append(intents(DecisionKind.ORDER_NEW)).append(", cancel ")
            .append(intents(DecisionKind.ORDER_CANCEL)).append("; refused by reason:");
        for (int r = 0; r < EngineCounters.RISK_REASONS; r++) {
            if (refused(r) > 0) {
                b.append(' ').append(RiskReason.name(r)).append('=').append(refused(r));
            }
        }
        b.append("; mode changes since the start, by reason:");
        for (int r = 0; r < modeChangesByReason.length; r++) {
            if (modeChangesByReason[r] > 0) {
                b.append(' ').append(RiskReason.name(r)).append('=').append(modeChangesByReason[r]);
            }
        }
        if (venue != null) {
            b.append("\nvenue sent: ACK ").append(venue.orderEvents[OrderEventKind.ACK]).append(", FILL ")
                .append(venue.orderEvents[OrderEventKind.FILL]).append(", CANCELLED ").append(venue.orderEvents[OrderEventKind.CANCELLED])
                .append(", REJECT ").append(venue.orderEvents[OrderEventKind.REJECT]).append(", CANCEL_REJECT ")
                .append(venue.orderEvents[OrderEventKind.CANCEL_REJECT]).append(", position reports ").append(venue.positionReports)
                .append("; engine sent: orders ").append(venue.newOrders).append(", cancels ").append(venue.cancels);
        }
        final OrderTable orders = stages.book().orders();
        final int[] byState = new int[OrderState.REJECTED + 1];
        for (int k = 0; k < orders.liveCount(); k++) {
            byState[orders.slotState(orders.liveSlot(k))]++;
        }
        b.append("\nlive orders now ").append(orders.liveCount()).append(": NEW ").append(byState[OrderState.NEW])
            .append(", SENT ").append(byState[OrderState.SENT]).append(", ACKED ").append(byState[OrderState.ACKED])
            .append(", PARTIALLY_FILLED ").append(byState[OrderState.PARTIALLY_FILLED]).append(", CANCEL_SENT ")
            .append(byState[OrderState.CANCEL_SENT]).append("; orders filled ").append(orders.filledOrders()).append(", cancelled ")
            .append(orders.cancelledOrders()).append(", rejected ").append(orders.rejectedOrders()).append(" (since start); ack timeouts ")
            .append(stages.book().ackTimeouts()).append("; mode now ").append(stages.risk().mode());
        return b.toString();
    }
}
