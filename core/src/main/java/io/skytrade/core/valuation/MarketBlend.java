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
 * <p><b>The share is learned</b> ({@code learnShares}, per product): the blend's market weight is
 * right when {@code A = E[(n - y)(n - m)]} (the nowcast's error against the settlement {@code y},
 * times the disagreement: the part of the nowcast's error the market can correct), so
 * {@code 1 - s = A / vn}. The settlement comes once a session, after every horizon that matters,
 * so the learner reads the nowcast's own revision instead: every {@value #SAMPLE_MINUTES} minutes of
 * event time it keeps {@code (n, m, vn)}, and {@code shareLearningLag} later, in the same settlement
 * session, it adds {@code (n - n_later)(n - m) / vn}: the part of the disagreement the nowcast's
 * later data confirmed. Where the market is the engine's own models plus noise (the sharp market)
 * the nowcast's revisions do not follow the market's noise and the learned {@code 1 - s} falls to 0
 * (the blend leans on the nowcast). The estimate is a weighted mean with the configured share as a
 * prior of {@code sharePriorWeight} samples, the samples fading with a memory of
 * {@value #MEMORY_SAMPLES} (four days), clamped to [0, the prior's {@code 1 - s}]: the learner only
 * ever takes weight off the market. It does not raise it above the configured weight, because a
 * nowcast that overreacts to a noisy reading and partly reverts, beside a market that lags it,
 * looks like a market the nowcast later agreed with (on tuning seeds 1-40 an uncapped learner
 * moved the medium market's tide cells the wrong way).
 *
 * <p>Single-threaded (owned by the valuation stage); primitive arrays per instrument (a ring of
 * {@value #RING} pending samples each). Hot-path cost: a few dozen flops and one exponential per
 * book event or revaluation (none when the book's interval since its product's last one is the
 * previous book's), a few more flops when a sample matures; no allocation.
 */
public final class MarketBlend {
    private static final double NANOS_PER_HOUR = 3_600_000_000_000.0;
    /** ln 2 as {@link StrictMath} gives it: the same bits on every JVM (Math.log may be an intrinsic). */
    private static final double LN2 = StrictMath.log(2.0);
    static final long SAMPLE_MINUTES = 15;
    /** Event time between the learner's samples of one product. */
    public static final long SAMPLE_INTERVAL_NANOS = SAMPLE_MINUTES * 60_000_000_000L;
    /** Longest {@code shareLearningLag}: the ring holds that many sample intervals. */
    public static final long MAX_LEARNING_LAG_NANOS = 6 * 3_600_000_000_000L;
    static final int RING = (int) (MAX_LEARNING_LAG_NANOS / SAMPLE_INTERVAL_NANOS) + 1;
    /** Samples the learned share remembers (four days of samples): each new one fades the old by 1 - 1/this. */
    static final int MEMORY_SAMPLES = 384;
    private static final double KEEP = 1.0 - 1.0 / MEMORY_SAMPLES;
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
    private final boolean learnShares;
    private final long learningLag;
    private final double priorWeight;
    private final double[] ownPrior;
    private final double[] ownShare;
    private final double[] ownSum;
    private final double[] ownCount;
    private final long[] nextSampleAt;
    private final int[] ringHead;
    private final int[] ringSize;
    private final long[] sampleTime;
    private final long[] sampleSession;
    private final double[] sampleNowcast;
    private final double[] sampleMid;
    private final double[] sampleVariance;

    /** The interval of the last {@link #noiseWeight} and its weight (-1: none yet; intervals are >= 0). */
    private long lastWeightDt = -1;
    private double lastWeight;

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
        learnShares = params.learnShares();
        learningLag = params.shareLearningLagNanos();
        priorWeight = params.sharePriorWeight();
        ownPrior = new double[n];
        ownShare = new double[n];
        for (int i = 0; i < n; i++) {
            ownPrior[i] = 1.0 - sharedOf[i];
            ownShare[i] = ownPrior[i];
        }
        ownSum = new double[n];
        ownCount = new double[n];
        nextSampleAt = new long[n];
        java.util.Arrays.fill(nextSampleAt, Long.MIN_VALUE);
        ringHead = new int[n];
        ringSize = new int[n];
        sampleTime = new long[n * RING];
        sampleSession = new long[n * RING];
        sampleNowcast = new double[n * RING];
        sampleMid = new double[n * RING];
        sampleVariance = new double[n * RING];
    }

    /**
     * Records instrument {@code id}'s filtered mid at {@code t} and, when a nowcast is known
     * ({@code nowcastStd} finite), learns the market's noise from their disagreement and (with
     * {@code learnShares}) the product's shared-error share; {@code session} names the settlement
     * the nowcast is for (its window's end): a sample is read only against a nowcast of the same one.
     */
    public void onMid(final int id, final long t, final double filteredMid, final double nowcast, final double nowcastStd,
                      final long session) {
        if (!enabled || !Double.isFinite(filteredMid)) {
            return;
        }
        mid[id] = filteredMid;
        midTime[id] = t;
        if (!Double.isFinite(nowcast) || !Double.isFinite(nowcastStd)) {
            return;
        }
        if (learnShares) {
            learnShare(id, t, filteredMid, nowcast, nowcastStd * nowcastStd, session);
        }
        final double d = filteredMid - nowcast;
        final double excess = d * d - ownShare[id] * nowcastStd * nowcastStd;
        if (!learned[id]) {
            disagreement[id] = excess;
            learned[id] = true;
        } else {
            final double alpha = noiseWeight(Math.max(0L, t - learnedAt[id]));
            disagreement[id] += alpha * (excess - disagreement[id]);
        }
        learnedAt[id] = t;
    }

    /**
     * The noise EWMA's weight {@code 1 - 2^(-dt / halfLife)} of a disagreement {@code dt >= 0} ns after
     * the product's previous one. Books come at a fixed interval in the simulated and the replayed
     * markets (every product every 15 s of world time), so consecutive products mostly have the same
     * {@code dt}: the last one's weight is kept, the same bits as computing it again.
     */
    private double noiseWeight(final long dt) {
        if (dt != lastWeightDt) {
            final double hours = dt / NANOS_PER_HOUR;
            lastWeight = -FdlibmPort.expm1(-hours * LN2 / halfLifeHours);
            lastWeightDt = dt;
        }
        return lastWeight;
    }

    /**
     * Reads the samples of {@code id} taken at least the learning lag ago against the nowcast now
     * (those of another session are dropped), updates the learned own share, and takes a sample
     * when the product's next sample time has come.
     */
    private void learnShare(final int id, final long t, final double m, final double n, final double vn, final long session) {
        final int base = id * RING;
        boolean changed = false;
        while (ringSize[id] > 0 && t - sampleTime[base + ringHead[id]] >= learningLag) {
            final int k = base + ringHead[id];
            if (sampleSession[k] == session) {
                final double revision = sampleNowcast[k] - n;
                ownSum[id] = KEEP * ownSum[id] + revision * (sampleNowcast[k] - sampleMid[k]) / sampleVariance[k];
                ownCount[id] = KEEP * ownCount[id] + 1.0;
                changed = true;
            }
            ringHead[id] = (ringHead[id] + 1) % RING;
            ringSize[id]--;
        }
        if (changed) {
            final double own = (priorWeight * ownPrior[id] + ownSum[id]) / (priorWeight + ownCount[id]);
            ownShare[id] = Math.max(0.0, Math.min(ownPrior[id], own));
        }
        if (t >= nextSampleAt[id] && vn > 0.0) {
            if (ringSize[id] == RING) {
                ringHead[id] = (ringHead[id] + 1) % RING;
                ringSize[id]--;
            }
            final int k = base + (ringHead[id] + ringSize[id]) % RING;
            sampleTime[k] = t;
            sampleSession[k] = session;
            sampleNowcast[k] = n;
            sampleMid[k] = m;
            sampleVariance[k] = vn;
            ringSize[id]++;
            nextSampleAt[id] = (Math.floorDiv(t, SAMPLE_INTERVAL_NANOS) + 1) * SAMPLE_INTERVAL_NANOS;
        }
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
        final double shared = 1.0 - ownShare[id];
        final double vn = nowcastStd * nowcastStd;
        final double own = ownShare[id] * vn;
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

    /** The shared-error share instrument {@code id} blends with now: the configured one, or the learned one with {@code learnShares}. */
    public double sharedShare(final int id) {
        return 1.0 - ownShare[id];
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
            if (learnShares) {
                h = 31 * h + Double.doubleToLongBits(ownSum[i]) + 3 * Double.doubleToLongBits(ownCount[i]) + ringSize[i];
            }
        }
        return h;
    }
}
