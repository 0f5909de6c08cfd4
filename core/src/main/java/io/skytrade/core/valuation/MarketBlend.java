package io.skytrade.core.valuation;

import io.skytrade.core.math.FdlibmPort;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.settlement.SettlementRules;

/**
 * Fair value that learns from the market: per product, the nowcast (mean {@code n}, variance
 * {@code vn}) and the market-implied value (the Kalman stage's filtered mid {@code m}) are two noisy
 * estimates of the settlement, combined by precision weighting. Their errors are not independent:
 * both miss the future that no one can know yet. The model splits the nowcast's error into a part
 * the market shares, of variance {@code F = s vn} ({@code s}: the product's entry of
 * {@code sharedErrorShares}, or {@code sharedErrorShare}), and its own
 * part, of variance {@code A = (1 - s) vn}; the market's error is the shared part plus its own noise
 * of variance {@code B}. Their disagreement {@code m - n} is then the difference of the two own
 * parts, so {@code (m - n)^2} estimates {@code A + B}, and an event-time EWMA of the excess
 * {@code (m - n)^2 - A} (each taken against the nowcast variance of its moment: the nowcast's
 * variance falls through the day) learns {@code B = max(minMarketStd^2, EWMA)}. The blend weighs
 * the nowcast by {@code w = B / (A + B)} and its variance is {@code F + A B / (A + B)}: the market
 * can only remove the nowcast's own error, never the shared future. With {@code s = 0} this is plain
 * precision weighting of independent estimates. The blend also claims at most
 * {@code maxPrecisionGain} times the nowcast's precision. A mid older than {@code maxMarketAge} is
 * not used.
 *
 * <p>Single-threaded (owned by the valuation stage); primitive arrays per instrument. Hot-path
 * cost: a few dozen flops and one exponential per book event or revaluation; no allocation.
 */
public final class MarketBlend {
    private static final double NANOS_PER_HOUR = 3_600_000_000_000.0;
    /** ln 2 as {@link StrictMath} gives it: the same bits on every JVM (Math.log may be an intrinsic). */
    private static final double LN2 = StrictMath.log(2.0);
    private final double maxGain;
    private final double[] sharedOf;
    private final double halfLifeHours;
    private final double minStd;
    private final long maxAgeNanos;
    private final boolean enabled;
    private final double[] mid;
    private final long[] midTime;
    private final double[] disagreement;
    private final long[] learnedAt;
    private final boolean[] learned;

    private double mean;
    private double std;
    private double weight;
    private double marketStd;

    /** A blend whose every instrument has {@code params.sharedErrorShare()}. */
    public MarketBlend(final int instruments, final ValuationParams params) {
        this(kinds(instruments), params);
    }

    /** A blend of the registry's instruments, each with the shared-error share of the product the rules settle it as. */
    public MarketBlend(final InstrumentRegistry registry, final SettlementRules rules, final ValuationParams params) {
        this(kinds(registry, rules), params);
    }

    /**
     * A blend of instruments {@code 0 .. kinds.length - 1}, instrument i settling as product kind
     * {@code kinds[i]} (-1: none), each with its product's shared-error share
     * ({@link ValuationParams#sharedErrorShareOf}).
     */
    public MarketBlend(final int[] kinds, final ValuationParams params) {
        final int instruments = kinds.length;
        enabled = params.blendWithMarket();
        maxGain = params.maxPrecisionGain();
        sharedOf = new double[Math.max(1, instruments)];
        for (int i = 0; i < instruments; i++) {
            sharedOf[i] = params.sharedErrorShareOf(kinds[i]);
        }
        halfLifeHours = params.marketNoiseHalfLifeNanos() / NANOS_PER_HOUR;
        minStd = params.minMarketStd();
        maxAgeNanos = params.maxMarketAgeNanos();
        final int n = Math.max(1, instruments);
        mid = new double[n];
        midTime = new long[n];
        disagreement = new double[n];
        learnedAt = new long[n];
        learned = new boolean[n];
        java.util.Arrays.fill(mid, Double.NaN);
    }

    /**
     * Records instrument {@code id}'s filtered mid at {@code t} and, when a nowcast is known
     * ({@code nowcastStd} finite), learns the market's noise from their disagreement.
     */
    public void onMid(final int id, final long t, final double filteredMid, final double nowcast, final double nowcastStd) {
        if (!enabled || !Double.isFinite(filteredMid)) {
            return;
        }
        mid[id] = filteredMid;
        midTime[id] = t;
        if (!Double.isFinite(nowcast) || !Double.isFinite(nowcastStd)) {
            return;
        }
        final double d = filteredMid - nowcast;
        final double excess = d * d - (1.0 - sharedOf[id]) * nowcastStd * nowcastStd;
        if (!learned[id]) {
            disagreement[id] = excess;
            learned[id] = true;
        } else {
            final double hours = Math.max(0L, t - learnedAt[id]) / NANOS_PER_HOUR;
            final double alpha = -FdlibmPort.expm1(-hours * LN2 / halfLifeHours);
            disagreement[id] += alpha * (excess - disagreement[id]);
        }
        learnedAt[id] = t;
    }

    /**
     * Blends instrument {@code id}'s nowcast with its market at {@code t}; read the outcome with
     * {@link #mean()}, {@link #std()}, {@link #nowcastWeight()}, {@link #market()} and
     * {@link #marketStd()}. Without a usable market the outcome is the nowcast (weight 1, market NaN).
     */
    public void blend(final int id, final long t, final double nowcast, final double nowcastStd) {
        mean = nowcast;
        std = nowcastStd;
        weight = 1.0;
        marketStd = Double.NaN;
        if (!enabled || !learned[id] || Double.isNaN(mid[id]) || t - midTime[id] > maxAgeNanos || !(nowcastStd > 0.0)) {
            return;
        }
        final double shared = sharedOf[id];
        final double vn = nowcastStd * nowcastStd;
        final double own = (1.0 - shared) * vn;
        final double vm = Math.max(minStd * minStd, disagreement[id]);
        final double w = vm / (own + vm);
        final double var = Math.max(shared * vn + own * vm / (own + vm), vn / maxGain);
        weight = w;
        marketStd = Math.sqrt(shared * vn + vm);
        mean = w * nowcast + (1.0 - w) * mid[id];
        std = Math.sqrt(var);
    }

    private static int[] kinds(final InstrumentRegistry registry, final SettlementRules rules) {
        final int[] kinds = new int[registry.instrumentCount()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = rules.kindOf(registry.instrumentName(i));
        }
        return kinds;
    }

    private static int[] kinds(final int instruments) {
        final int[] kinds = new int[instruments];
        java.util.Arrays.fill(kinds, -1);
        return kinds;
    }

    /** The latest filtered mid of {@code id} (NaN when none). */
    public double market(final int id) {
        return mid[id];
    }

    public double mean() {
        return mean;
    }

    public double std() {
        return std;
    }

    /** Weight of the nowcast in the last blend (1: the market was not used). */
    public double nowcastWeight() {
        return weight;
    }

    /** The market's standard deviation in the last blend, its own noise and the shared future together (NaN when not used). */
    public double marketStd() {
        return marketStd;
    }

    public long stateHash() {
        long h = 19;
        for (int i = 0; i < mid.length; i++) {
            h = 31 * h + Double.doubleToLongBits(mid[i]) + midTime[i] + 7 * Double.doubleToLongBits(disagreement[i]) + learnedAt[i];
        }
        return h;
    }
}
