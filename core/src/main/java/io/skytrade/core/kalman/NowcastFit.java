package io.skytrade.core.kalman;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fits a nowcast model's parameters ({@link NowcastModelSpec}) to a record of readings: the
 * standard deviations and length scales of its Matern and Ornstein-Uhlenbeck components (the
 * standard deviation of its knot processes, whose knot times are structure), the
 * noise of its random-walk levels, the loadings of components shared by several series (beyond
 * the first, which fixes their scale), and the count-noise ratio of a profiled model, by maximising
 * the readings' predictive log-likelihood at the horizons a settlement window needs (each reading
 * scored as forecast from the posterior {@code h} earlier, for every {@code h} given), with
 * Nelder-Mead on the parameters' logarithms. A profiled model's profile is first set to the
 * readings' per-slot means (their logs' for a log-scale model, relative to the overall mean).
 * Harmonic periods, priors, reading and sample noise stay as configured: they come from the
 * sources, not from the fit.
 *
 * <p>Offline tool (the {@code nowcast fit} command): allocates; a model and a month of 15-minute
 * readings take seconds.
 */
public final class NowcastFit {
    private final NowcastModelSpec base;
    private final int[] rows;
    private final long[] times;
    private final double[] values;
    private final long[] horizons;
    private final String[] names;
    private final double[] start;
    /** Per reading index: the readings of each row at (segment, time), for scoring forecasts of them. */
    private final Map<Long, int[]> targets = new HashMap<>();
    private final int[] segmentOf;
    private int evaluations;

    /** The outcome: the fitted spec and the mean negative log predictive density before and after. */
    public record Result(NowcastModelSpec spec, double startScore, double score, int evaluations, int scored) {
    }

    /**
     * @param readingRows  the series (row of the spec) of each reading
     * @param readingTimes observation times, in time order within each record; a time earlier than its
     *                     predecessor's starts a new record (another journal), scored separately
     * @param horizons forecast horizons scored, nanoseconds (0 scores the one-step prediction)
     */
    public NowcastFit(final NowcastModelSpec spec, final int[] readingRows, final long[] readingTimes, final double[] readingValues,
                      final long[] horizons) {
        if (readingRows.length != readingTimes.length || readingTimes.length != readingValues.length || readingRows.length < 10) {
            throw new IllegalArgumentException("NowcastFit: " + readingRows.length + " readings; need at least 10, with a row, time and value each");
        }
        this.rows = readingRows.clone();
        this.times = readingTimes.clone();
        this.values = readingValues.clone();
        this.horizons = horizons.clone();
        this.base = withProfileFromReadings(spec);
        segmentOf = new int[times.length];
        for (int i = 1; i < times.length; i++) {
            segmentOf[i] = segmentOf[i - 1] + (times[i] < times[i - 1] ? 1 : 0);
        }
        for (int i = 0; i < times.length; i++) {
            targets.computeIfAbsent(key(segmentOf[i], times[i]), k -> {
                final int[] slot = new int[base.seriesNames().length];
                Arrays.fill(slot, -1);
                return slot;
            })[rows[i]] = i;
        }
        final Map<String, Double> params = new LinkedHashMap<>();
        for (final Map.Entry<String, ModelComponent> e : base.components().entrySet()) {
            final ModelComponent c = e.getValue();
            switch (c.type()) {
                case MATERN32, MATERN52, OU -> {
                    params.put(e.getKey() + ".sigma", Math.log(c.sigma()));
                    params.put(e.getKey() + ".lengthHours", Math.log(c.lengthHours()));
                }
                case KNOT -> params.put(e.getKey() + ".sigma", Math.log(c.sigma()));
                case LEVEL -> {
                    if (c.noisePerHour() > 0) {
                        params.put(e.getKey() + ".noisePerHour", Math.log(c.noisePerHour()));
                    }
                }
                default -> { }
            }
            int first = -1;
            for (int r = 0; r < c.loadings().length; r++) {
                if (c.loadings()[r] != 0.0) {
                    if (first < 0) {
                        first = r;
                    } else {
                        params.put(e.getKey() + ".loadings." + r, c.loadings()[r]);
                    }
                }
            }
        }
        if (base.profile() == NowcastModelSpec.ProfileKind.MULTIPLICATIVE) {
            for (int r = 0; r < base.sampleNoisePerUnit().length; r++) {
                if (base.sampleNoisePerUnit()[r] > 0) {
                    params.put("sampleNoisePerUnit." + r, Math.log(base.sampleNoisePerUnit()[r]));
                }
            }
        }
        names = params.keySet().toArray(new String[0]);
        start = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            start[i] = params.get(names[i]);
        }
    }

    /** A (segment, time) key: readings of separate records (journals) are never each other's targets. */
    private static long key(final int segment, final long time) {
        return time * 31 + segment;
    }

    /** The names of the fitted parameters, in the order of the internal vector (for reports). */
    public String[] parameterNames() {
        return names.clone();
    }

    /** Fits with at most {@code maxEvaluations} likelihood evaluations. */
    public Result fit(final int maxEvaluations) {
        evaluations = 0;
        final double startScore = score(start);
        final double[] best = nelderMead(start, maxEvaluations);
        final double score = score(best);
        return new Result(spec(best), startScore, score, evaluations, scoredCount);
    }

    private int scoredCount;

    /** Mean negative log predictive density of the readings under the spec built from {@code theta}. */
    double score(final double[] theta) {
        evaluations++;
        final NowcastModelSpec spec;
        try {
            spec = spec(theta);
        } catch (final IllegalArgumentException e) {
            return Double.POSITIVE_INFINITY;
        }
        StructuralModel m = new StructuralModel(spec, 1e9, 1_000_000);
        double sum = 0.0;
        int n = 0;
        long warmUp = times[0] + 86_400_000_000_000L;
        for (int i = 0; i < times.length; i++) {
            if (i > 0 && times[i] < times[i - 1]) {
                m = new StructuralModel(spec, 1e9, 1_000_000);
                warmUp = times[i] + 86_400_000_000_000L;
            }
            final int row = rows[i];
            if (m.isStarted() && times[i] >= warmUp) {
                // one-step: the reading as predicted before it is folded in
                sum += nll(m, row, times[i], values[i]);
                n++;
            }
            m.update(row, times[i], values[i]);
            if (times[i] < warmUp) {
                continue;
            }
            if (i + 1 < times.length && times[i + 1] == times[i]) {
                continue;
            }
            for (final long h : horizons) {
                if (h <= 0) {
                    continue;
                }
                final int[] slot = targets.get(key(segmentOf[i], times[i] + h));
                if (slot == null) {
                    continue;
                }
                for (int r = 0; r < slot.length; r++) {
                    if (slot[r] >= 0) {
                        sum += nll(m, r, times[slot[r]], values[slot[r]]);
                        n++;
                    }
                }
            }
        }
        scoredCount = n;
        final double s = n == 0 ? Double.POSITIVE_INFINITY : sum / n;
        return Double.isFinite(s) ? s : Double.POSITIVE_INFINITY;
    }

    private static double nll(final StructuralModel m, final int row, final long t, final double value) {
        double z = value;
        double noise = m.readingVariance(row) + m.sampleVariance(row, t);
        if (m.logScale()) {
            final double v = Math.max(value, StructuralModel.LOG_FLOOR);
            z = Math.log(v);
            noise /= v * v;
        }
        final double mean = m.mean(row, t);
        final double var = m.latentVariance(row, t) + noise;
        if (!(var > 0.0)) {
            return 0.0;
        }
        final double y = z - mean;
        return 0.5 * (Math.log(2.0 * Math.PI * var) + y * y / var);
    }

    /** The spec with the parameters {@code theta}. */
    NowcastModelSpec spec(final double[] theta) {
        final Map<String, ModelComponent> comps = new LinkedHashMap<>();
        for (final Map.Entry<String, ModelComponent> e : base.components().entrySet()) {
            final ModelComponent c = e.getValue();
            double sigma = c.sigma();
            double length = c.lengthHours();
            double noise = c.noisePerHour();
            final double[] loadings = c.loadings().clone();
            for (int i = 0; i < names.length; i++) {
                final String key = names[i];
                if (!key.startsWith(e.getKey() + ".")) {
                    continue;
                }
                final String what = key.substring(e.getKey().length() + 1);
                if (what.equals("sigma")) {
                    sigma = Math.exp(theta[i]);
                } else if (what.equals("lengthHours")) {
                    length = Math.exp(theta[i]);
                } else if (what.equals("noisePerHour")) {
                    noise = Math.exp(theta[i]);
                } else if (what.startsWith("loadings.")) {
                    loadings[Integer.parseInt(what.substring("loadings.".length()))] = theta[i];
                }
            }
            comps.put(e.getKey(), new ModelComponent(c.type(), c.periodHours(), sigma, length, noise, c.initialMean(),
                c.initialVariance(), loadings));
        }
        final double[] perUnit = base.sampleNoisePerUnit().clone();
        for (int i = 0; i < names.length; i++) {
            if (names[i].startsWith("sampleNoisePerUnit.")) {
                perUnit[Integer.parseInt(names[i].substring("sampleNoisePerUnit.".length()))] = Math.exp(theta[i]);
            }
        }
        return new NowcastModelSpec(base.series(), base.readingNoise(), base.sampleNoise(), perUnit, base.logScale(), base.profile(),
            base.profileSlots(), base.profileInitial(), base.profileDays(), base.spikes(), base.disruptions(), comps);
    }

    /** The spec with its profile (if any) set from the readings' per-slot means. */
    private NowcastModelSpec withProfileFromReadings(final NowcastModelSpec spec) {
        if (spec.profile() == NowcastModelSpec.ProfileKind.NONE) {
            return spec;
        }
        final int slots = spec.profileSlots();
        final int seriesCount = spec.seriesNames().length;
        final double[] sum = new double[slots * seriesCount];
        final int[] count = new int[slots * seriesCount];
        final double[] overall = new double[seriesCount];
        final int[] overallCount = new int[seriesCount];
        final long slotNanos = 86_400_000_000_000L / slots;
        for (int i = 0; i < times.length; i++) {
            final double v = spec.logScale() ? Math.log(Math.max(values[i], StructuralModel.LOG_FLOOR)) : values[i];
            final int k = rows[i] * slots + (int) (Math.floorMod(times[i], 86_400_000_000_000L) / slotNanos);
            sum[k] += v;
            count[k]++;
            overall[rows[i]] += v;
            overallCount[rows[i]]++;
        }
        final double[] profile = spec.profileInitial().clone();
        for (int k = 0; k < profile.length; k++) {
            if (count[k] > 0) {
                final int r = k / slots;
                profile[k] = sum[k] / count[k] - (spec.profile() == NowcastModelSpec.ProfileKind.ADDITIVE
                    ? overall[r] / Math.max(1, overallCount[r]) : 0.0);
            }
        }
        return new NowcastModelSpec(spec.series(), spec.readingNoise(), spec.sampleNoise(), spec.sampleNoisePerUnit(), spec.logScale(),
            spec.profile(), slots, profile, spec.profileDays(), spec.spikes(), spec.disruptions(), spec.components());
    }

    /** Nelder-Mead minimisation of {@link #score} from {@code x0} (steps of 0.3 in each coordinate). */
    private double[] nelderMead(final double[] x0, final int maxEvaluations) {
        final int d = x0.length;
        if (d == 0) {
            return x0;
        }
        final double[][] simplex = new double[d + 1][];
        final double[] f = new double[d + 1];
        simplex[0] = x0.clone();
        f[0] = score(simplex[0]);
        for (int i = 0; i < d; i++) {
            simplex[i + 1] = x0.clone();
            simplex[i + 1][i] += names[i].contains(".loadings.") ? 0.3 * Math.max(1.0, Math.abs(x0[i])) : 0.3;
            f[i + 1] = score(simplex[i + 1]);
        }
        final Integer[] order = new Integer[d + 1];
        while (evaluations < maxEvaluations) {
            for (int i = 0; i <= d; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(f[a], f[b]));
            final double[][] s2 = new double[d + 1][];
            final double[] f2 = new double[d + 1];
            for (int i = 0; i <= d; i++) {
                s2[i] = simplex[order[i]];
                f2[i] = f[order[i]];
            }
            System.arraycopy(s2, 0, simplex, 0, d + 1);
            System.arraycopy(f2, 0, f, 0, d + 1);
            if (Math.abs(f[d] - f[0]) < 1e-7 * (1 + Math.abs(f[0]))) {
                break;
            }
            final double[] centroid = new double[d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    centroid[j] += simplex[i][j] / d;
                }
            }
            final double[] reflected = move(centroid, simplex[d], -1.0);
            final double fr = score(reflected);
            if (fr < f[0]) {
                final double[] expanded = move(centroid, simplex[d], -2.0);
                final double fe = score(expanded);
                if (fe < fr) {
                    simplex[d] = expanded;
                    f[d] = fe;
                } else {
                    simplex[d] = reflected;
                    f[d] = fr;
                }
            } else if (fr < f[d - 1]) {
                simplex[d] = reflected;
                f[d] = fr;
            } else {
                final double[] contracted = move(centroid, fr < f[d] ? reflected : simplex[d], 0.5);
                final double fc = score(contracted);
                if (fc < Math.min(fr, f[d])) {
                    simplex[d] = contracted;
                    f[d] = fc;
                } else {
                    for (int i = 1; i <= d; i++) {
                        simplex[i] = move(simplex[0], simplex[i], 0.5);
                        f[i] = score(simplex[i]);
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= d; i++) {
            if (f[i] < f[best]) {
                best = i;
            }
        }
        return simplex[best];
    }

    /** {@code c + t (p - c)}. */
    private static double[] move(final double[] c, final double[] p, final double t) {
        final double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            out[i] = c[i] + t * (p[i] - c[i]);
        }
        return out;
    }
}
