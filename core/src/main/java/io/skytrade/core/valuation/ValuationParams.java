package io.skytrade.core.valuation;

import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.world.WorldProduct;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Parameters of settlement valuation that are not settlement rules (those are
 * {@link SettlementRules}, shared with the simulated venue): the first window, whether to roll to
 * later sessions, how far a reading may be from its grid time, and the blend with the market. Times are epoch nanoseconds.
 * Immutable; read at start-up only (no hot-path cost).
 *
 * @param windowStartNanos     start of the first settlement window; default 2026-02-27 12:00 Europe/London
 * @param windowEndNanos       end of the first window (the settlement instant); default 2026-02-28 12:00 Europe/London
 * @param rollSessions         when an event is later than the window end plus the tolerance, move to
 *                             the session of the settlement rules that contains it and forget the old
 *                             window's readings; default true
 * @param sampleToleranceNanos how far a reading's time may be from a grid point (or from the window
 *                             end for spot products) and still count as that sample; default 2 min
 * @param blendWithMarket      combine each product's nowcast with its market's filtered mid by
 *                             precision weighting ({@link MarketBlend}); default true
 * @param marketNoiseHalfLifeNanos half-life of the event-time EWMA that learns each market's noise
 *                             from its disagreement with the nowcast; default 2 h
 * @param minMarketStd         the market's learned standard deviation never goes below this (price
 *                             units); default 2
 * @param maxMarketAgeNanos    a filtered mid older than this is not blended; default 5 min
 * @param maxPrecisionGain     the blend's precision is at most this multiple of the nowcast's (the
 *                             market's error shares the nowcast's unforecastable future); default 2
 * @param sharedErrorShare     the share of the nowcast's variance that the market's error shares (the
 *                             future neither can know yet), in [0, 1): 0 treats the two errors as
 *                             independent; default 0.8 (chosen on tuning seeds 1-10); the share of
 *                             every product that {@code sharedErrorShares} does not name
 * @param sharedErrorShares    per settlement product, in the order of {@link WorldProduct} (TIDE_SPOT,
 *                             TIDE_SWING, WX_SPOT, WX_SUM, LHR_COUNT, LHR_INDEX, AQ_SPOT, LON_ETF,
 *                             LON_FLY), its own shared-error share, each in [0, 1); empty: all
 *                             {@code sharedErrorShare}; default {@link #FITTED_SHARES}
 * @param learnShares          learn each product's shared-error share online from the nowcast's own
 *                             later revisions ({@link MarketBlend}), starting from the configured share
 *                             as a prior; false: the configured shares as they are; default true
 * @param shareLearningLagNanos how long after a sample the nowcast's revision is read against the
 *                             market's disagreement at the sample (at most {@link MarketBlend#MAX_LEARNING_LAG_NANOS}); default 1 h
 * @param sharePriorWeight     weight of the configured share in the learned one, in samples (one
 *                             sample every {@link MarketBlend#SAMPLE_INTERVAL_NANOS}), >= 1; default 16
 */
public record ValuationParams(long windowStartNanos, long windowEndNanos, boolean rollSessions, long sampleToleranceNanos,
                              boolean blendWithMarket, long marketNoiseHalfLifeNanos, double minMarketStd,
                              long maxMarketAgeNanos, double maxPrecisionGain, double sharedErrorShare,
                              double[] sharedErrorShares, boolean learnShares, long shareLearningLagNanos,
                              double sharePriorWeight) {

    private static final long MINUTE = 60_000_000_000L;

    /**
     * The default per-product shared-error shares (order of {@link WorldProduct}), each the best
     * of 0, 0.8 and 0.95 for its product on tuning seeds 1-40 at the medium and the sharp market
     * (the engine cannot tell which it trades in): the smallest sum over both skills and over 2 h,
     * 1 h and 30 min before settlement of (fair-value RMSE / book-mid RMSE) squared,
     * {@code skytrade evaluate}, one run per value and skill (docs/evaluation-log.md, "Fair value against the market").
     * AQ_SPOT's was 0 until its nowcast followed rising pollution spikes (SpikeTracker's shape
     * posterior); re-chosen then on tuning seeds 1-100 by the same objective: 0.95; raised to 0.99
     * when its unseen-spike variance stopped counting visible bumps (SpikeSpec#visibleWidths): on
     * tuning seeds 1-100 the nowcast alone beat the blend at 2 h and 1 h on both skills (the
     * market's mid then holds an older reading; the best constant weight on the nowcast was above
     * 1) and equalled it at 30 min. With {@code learnShares} (the default) they are the prior of
     * each product's learned share.
     */
    public static final double[] FITTED_SHARES = {0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.99, 0.95, 0.95};

    public ValuationParams {
        if (windowEndNanos <= windowStartNanos) {
            throw new IllegalArgumentException("valuation.windowEndNanos: " + windowEndNanos
                + " must be > valuation.windowStartNanos (" + windowStartNanos + ")");
        }
        if (sampleToleranceNanos < 0) {
            throw new IllegalArgumentException("valuation.sampleToleranceNanos: " + sampleToleranceNanos + " must be >= 0");
        }
        if (marketNoiseHalfLifeNanos <= 0 || maxMarketAgeNanos <= 0) {
            throw new IllegalArgumentException("valuation.marketNoiseHalfLife and valuation.maxMarketAge: "
                + marketNoiseHalfLifeNanos + " and " + maxMarketAgeNanos + " ns must be > 0");
        }
        if (!(minMarketStd > 0.0) || Double.isInfinite(minMarketStd)) {
            throw new IllegalArgumentException("valuation.minMarketStd: " + minMarketStd + " must be > 0 and finite");
        }
        if (!(maxPrecisionGain >= 1.0) || Double.isInfinite(maxPrecisionGain)) {
            throw new IllegalArgumentException("valuation.maxPrecisionGain: " + maxPrecisionGain + " must be >= 1 and finite");
        }
        if (!(sharedErrorShare >= 0.0 && sharedErrorShare < 1.0)) {
            throw new IllegalArgumentException("valuation.sharedErrorShare: " + sharedErrorShare + " must be in [0, 1)");
        }
        sharedErrorShares = sharedErrorShares == null ? new double[0] : sharedErrorShares.clone();
        if (sharedErrorShares.length != 0 && sharedErrorShares.length != WorldProduct.COUNT) {
            throw new IllegalArgumentException("valuation.sharedErrorShares: " + sharedErrorShares.length
                + " values, expected " + WorldProduct.COUNT + " (one per settlement product) or none");
        }
        for (final double share : sharedErrorShares) {
            if (!(share >= 0.0 && share < 1.0)) {
                throw new IllegalArgumentException("valuation.sharedErrorShares: " + share + " must be in [0, 1)");
            }
        }
        if (shareLearningLagNanos < MarketBlend.SAMPLE_INTERVAL_NANOS || shareLearningLagNanos > MarketBlend.MAX_LEARNING_LAG_NANOS) {
            throw new IllegalArgumentException("valuation.shareLearningLag: " + shareLearningLagNanos + " ns must be in ["
                + MarketBlend.SAMPLE_INTERVAL_NANOS + ", " + MarketBlend.MAX_LEARNING_LAG_NANOS + "] (15m .. 6h)");
        }
        if (!(sharePriorWeight >= 1.0) || Double.isInfinite(sharePriorWeight)) {
            throw new IllegalArgumentException("valuation.sharePriorWeight: " + sharePriorWeight + " must be >= 1 and finite");
        }
    }

    /**
     * Checks these parameters against the settlement rules they value: both grid steps divide the
     * first window, and the tolerance is below half the sampling interval.
     *
     * @throws IllegalArgumentException naming the key and what was expected
     */
    public void checkAgainst(final SettlementRules rules) {
        final long len = windowEndNanos - windowStartNanos;
        divides("settlement.sampleInterval", rules.sampleIntervalNanos(), len);
        divides("settlement.lhrBin", rules.lhrBinNanos(), len);
        if (2 * sampleToleranceNanos >= rules.sampleIntervalNanos()) {
            throw new IllegalArgumentException("valuation.sampleTolerance: " + sampleToleranceNanos
                + " ns must be < half of settlement.sampleInterval (" + rules.sampleIntervalNanos() + " ns)");
        }
    }

    private static void divides(final String key, final long step, final long len) {
        if (len % step != 0 || len / step > SettlementRules.MAX_SLOTS) {
            throw new IllegalArgumentException(key + ": " + step + " ns must divide the valuation window ("
                + len + " ns) and give at most " + SettlementRules.MAX_SLOTS + " slots");
        }
    }

    /** Longest window the valuator must hold: the first one, or the rules' longest session when rolling. */
    public long maxWindowNanos(final SettlementRules rules) {
        final long len = windowEndNanos - windowStartNanos;
        return rollSessions ? Math.max(len, rules.maxSessionNanos()) : len;
    }

    /** Start and end (epoch nanos) of the 24 h session ending at 12:00 Europe/London on {@code date}. */
    public static long[] londonSession(final LocalDate date) {
        final ZoneId london = ZoneId.of("Europe/London");
        final ZonedDateTime end = ZonedDateTime.of(date, LocalTime.NOON, london);
        final ZonedDateTime start = ZonedDateTime.of(date.minusDays(1), LocalTime.NOON, london);
        return new long[] {toNanos(start), toNanos(end)};
    }

    private static long toNanos(final ZonedDateTime t) {
        return t.toEpochSecond() * 1_000_000_000L + t.getNano();
    }

    /** The shared-error share of settlement product kind {@code kind} ({@link WorldProduct}; -1: not a settlement product). */
    public double sharedErrorShareOf(final int kind) {
        return kind >= 0 && kind < sharedErrorShares.length ? sharedErrorShares[kind] : sharedErrorShare;
    }

    /** These parameters with the market blend switched on or off. */
    public ValuationParams withBlend(final boolean blend) {
        return new ValuationParams(windowStartNanos, windowEndNanos, rollSessions, sampleToleranceNanos, blend,
            marketNoiseHalfLifeNanos, minMarketStd, maxMarketAgeNanos, maxPrecisionGain, sharedErrorShare,
            sharedErrorShares, learnShares, shareLearningLagNanos, sharePriorWeight);
    }

    /** These parameters with the first window set to {@code [startNanos, endNanos]}. */
    public ValuationParams withWindow(final long startNanos, final long endNanos) {
        return new ValuationParams(startNanos, endNanos, rollSessions, sampleToleranceNanos, blendWithMarket,
            marketNoiseHalfLifeNanos, minMarketStd, maxMarketAgeNanos, maxPrecisionGain, sharedErrorShare,
            sharedErrorShares, learnShares, shareLearningLagNanos, sharePriorWeight);
    }

    /** The documented defaults (session ending 2026-02-28 12:00 Europe/London). */
    public static ValuationParams defaults() {
        final long[] w = londonSession(LocalDate.of(2026, 2, 28));
        return new ValuationParams(w[0], w[1], true, 2 * MINUTE, true, 120 * MINUTE, 2.0, 5 * MINUTE, 2.0, 0.8,
            FITTED_SHARES, true, 60 * MINUTE, 16.0);
    }
}
