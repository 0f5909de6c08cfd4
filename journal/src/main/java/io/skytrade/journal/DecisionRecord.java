package io.skytrade.journal;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.valuation.ValuationContext;

/**
 * One journaled decision, as read back from the decisions queue: which input caused it
 * ({@link #inputSequence}), its position among that input's decisions, and its fields. Mutable
 * and reused by readers; compare with {@link #sameAs}.
 */
public final class DecisionRecord {
    public long inputSequence;
    public int index;
    public int kind;
    public int status;
    public int instrumentId;
    public int side;
    public long priceTicks;
    public long quantity;
    public long clientOrderId;
    public int reason;
    public int timeInForce;
    /** Whether the entry carries the valuation it was made on (layout version 2). */
    public boolean hasValuation;
    /** The decided instrument's fair value when the decision was made, and its components. */
    public double fair = Double.NaN;
    public double fairStd = Double.NaN;
    public double nowcast = Double.NaN;
    public double nowcastStd = Double.NaN;
    public double market = Double.NaN;
    public double marketStd = Double.NaN;
    public double nowcastWeight = Double.NaN;

    /**
     * Fills this record from decision {@code i} of {@code decisions}, caused by input
     * {@code inputSequence}, with its instrument's valuation from {@code valuation}.
     */
    public DecisionRecord set(final long inputSequence, final Decisions decisions, final int i, final ValuationContext valuation) {
        set(inputSequence, decisions, i);
        final int id = instrumentId;
        hasValuation = true;
        fair = valuation.fair(id);
        fairStd = valuation.fairStd(id);
        nowcast = valuation.nowcast(id);
        nowcastStd = valuation.nowcastStd(id);
        market = valuation.market(id);
        marketStd = valuation.marketStd(id);
        nowcastWeight = valuation.nowcastWeight(id);
        return this;
    }

    /** Fills this record from decision {@code i} of {@code decisions}, caused by input {@code inputSequence} (no valuation). */
    public DecisionRecord set(final long inputSequence, final Decisions decisions, final int i) {
        noValuation();
        this.inputSequence = inputSequence;
        this.index = i;
        this.kind = decisions.kind[i];
        this.status = decisions.status[i];
        this.instrumentId = decisions.instrumentId[i];
        this.side = decisions.side[i];
        this.priceTicks = decisions.priceTicks[i];
        this.quantity = decisions.quantity[i];
        this.clientOrderId = decisions.clientOrderId[i];
        this.reason = decisions.reason[i];
        this.timeInForce = decisions.timeInForce[i];
        return this;
    }

    /**
     * Fills this record as the {@link DecisionKind#STATE_HASH} checkpoint of stateful stage
     * {@code stage} (its index among the pipeline's stateful stages), journaled at position
     * {@code index} after input {@code inputSequence}'s decisions.
     */
    public DecisionRecord setStateHash(final long inputSequence, final int index, final int stage, final long hash) {
        noValuation();
        this.inputSequence = inputSequence;
        this.index = index;
        this.kind = DecisionKind.STATE_HASH;
        this.status = Decisions.STATUS_APPROVED;
        this.instrumentId = stage;
        this.side = Side.NONE;
        this.priceTicks = hash;
        this.quantity = 0;
        this.clientOrderId = 0;
        this.reason = 0;
        this.timeInForce = 0;
        return this;
    }

    private void noValuation() {
        hasValuation = false;
        fair = Double.NaN;
        fairStd = Double.NaN;
        nowcast = Double.NaN;
        nowcastStd = Double.NaN;
        market = Double.NaN;
        marketStd = Double.NaN;
        nowcastWeight = Double.NaN;
    }

    /** True when every field equals the other record's (the valuations when both carry one, bit for bit). */
    public boolean sameAs(final DecisionRecord o) {
        return inputSequence == o.inputSequence && index == o.index && kind == o.kind && status == o.status
            && instrumentId == o.instrumentId && side == o.side && priceTicks == o.priceTicks && quantity == o.quantity
            && clientOrderId == o.clientOrderId && reason == o.reason && timeInForce == o.timeInForce
            && (!hasValuation || !o.hasValuation || sameValuation(o));
    }

    private boolean sameValuation(final DecisionRecord o) {
        return bits(fair) == bits(o.fair) && bits(fairStd) == bits(o.fairStd) && bits(nowcast) == bits(o.nowcast)
            && bits(nowcastStd) == bits(o.nowcastStd) && bits(market) == bits(o.market) && bits(marketStd) == bits(o.marketStd)
            && bits(nowcastWeight) == bits(o.nowcastWeight);
    }

    private static long bits(final double v) {
        return Double.doubleToLongBits(v);
    }

    /** True when decision {@code i} of {@code decisions}, caused by {@code inputSequence}, equals this record. */
    public boolean sameAs(final long inputSequence, final Decisions d, final int i) {
        return this.inputSequence == inputSequence && index == i && kind == d.kind[i] && status == d.status[i]
            && instrumentId == d.instrumentId[i] && side == d.side[i] && priceTicks == d.priceTicks[i]
            && quantity == d.quantity[i] && clientOrderId == d.clientOrderId[i] && reason == d.reason[i]
            && timeInForce == d.timeInForce[i];
    }

    @Override
    public String toString() {
        if (kind == DecisionKind.STATE_HASH) {
            return "inputSeq=" + inputSequence + " #" + index + " STATE_HASH stage=" + instrumentId + " hash="
                + Long.toHexString(priceTicks);
        }
        return "inputSeq=" + inputSequence + " #" + index + ' ' + DecisionKind.name(kind) + " status=" + status
            + " id=" + instrumentId + ' ' + Side.name(side) + " px=" + priceTicks + " qty=" + quantity
            + " clOrdId=" + clientOrderId + " reason=" + reason + ' ' + TimeInForce.name(timeInForce)
            + (hasValuation && !Double.isNaN(fair) ? String.format(java.util.Locale.ROOT,
                " fair=%.4f+-%.4f nowcast=%.4f+-%.4f market=%.4f+-%.4f w=%.3f", fair, fairStd, nowcast, nowcastStd, market,
                marketStd, nowcastWeight) : "");
    }
}
