package io.skytrade.core.valuation;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;

import java.util.Arrays;

/**
 * The latest valuation of each instrument as the events carried it (fair value and its
 * components: nowcast, market-implied value, their standard deviations and the nowcast's weight),
 * so a decision about an instrument can be journaled with the valuation it was made on, whichever
 * event last revalued that instrument. Fed every event in order by the decisions journal and by
 * replay's verifier, it holds the same values in both.
 *
 * <p>Single-threaded (the order stage's). Hot-path cost: a loop over the event's touched
 * instruments (usually none or one), seven stores each; no allocation.
 */
public final class ValuationContext {
    private final double[] fair = new double[EngineEvent.MAX_INSTRUMENTS];
    private final double[] fairStd = new double[EngineEvent.MAX_INSTRUMENTS];
    private final double[] nowcast = new double[EngineEvent.MAX_INSTRUMENTS];
    private final double[] nowcastStd = new double[EngineEvent.MAX_INSTRUMENTS];
    private final double[] market = new double[EngineEvent.MAX_INSTRUMENTS];
    private final double[] marketStd = new double[EngineEvent.MAX_INSTRUMENTS];
    private final double[] weight = new double[EngineEvent.MAX_INSTRUMENTS];

    public ValuationContext() {
        Arrays.fill(fair, Double.NaN);
        Arrays.fill(fairStd, Double.NaN);
        Arrays.fill(nowcast, Double.NaN);
        Arrays.fill(nowcastStd, Double.NaN);
        Arrays.fill(market, Double.NaN);
        Arrays.fill(marketStd, Double.NaN);
        Arrays.fill(weight, Double.NaN);
    }

    /** Takes the valuations the event carries (its touched instruments, in {@code side}). */
    public void onEvent(final EngineEvent e, final SideBuffers side) {
        long touched = e.touchedInstruments;
        while (touched != 0) {
            final int i = Long.numberOfTrailingZeros(touched);
            touched &= touched - 1;
            if (i >= EngineEvent.MAX_INSTRUMENTS) {
                break;
            }
            fair[i] = side.fairValue(e, i);
            fairStd[i] = side.fairStd(e, i);
            nowcast[i] = side.nowcastValue(e, i);
            nowcastStd[i] = side.nowcastStd(e, i);
            market[i] = side.marketValue(e, i);
            marketStd[i] = side.marketStd(e, i);
            weight[i] = side.nowcastWeight(e, i);
        }
    }

    /** A context holding one instrument's valuation (tools and tests; allocates). */
    public static ValuationContext of(final int instrument, final double fairValue, final double fairValueStd, final double nowcastValue,
                                      final double nowcastValueStd, final double marketValue, final double marketValueStd,
                                      final double nowcastWeight) {
        final ValuationContext c = new ValuationContext();
        if (instrument >= 0 && instrument < EngineEvent.MAX_INSTRUMENTS) {
            c.fair[instrument] = fairValue;
            c.fairStd[instrument] = fairValueStd;
            c.nowcast[instrument] = nowcastValue;
            c.nowcastStd[instrument] = nowcastValueStd;
            c.market[instrument] = marketValue;
            c.marketStd[instrument] = marketValueStd;
            c.weight[instrument] = nowcastWeight;
        }
        return c;
    }

    private static double at(final double[] a, final int i) {
        return i >= 0 && i < a.length ? a[i] : Double.NaN;
    }

    public double fair(final int instrument) {
        return at(fair, instrument);
    }

    public double fairStd(final int instrument) {
        return at(fairStd, instrument);
    }

    public double nowcast(final int instrument) {
        return at(nowcast, instrument);
    }

    public double nowcastStd(final int instrument) {
        return at(nowcastStd, instrument);
    }

    public double market(final int instrument) {
        return at(market, instrument);
    }

    public double marketStd(final int instrument) {
        return at(marketStd, instrument);
    }

    public double nowcastWeight(final int instrument) {
        return at(weight, instrument);
    }
}
