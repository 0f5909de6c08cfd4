package io.skytrade.core.valuation;

import io.skytrade.core.kalman.HarmonicModel;
import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.kalman.LocalLinearTrend;
import io.skytrade.core.kalman.SeriesNoise;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.settlement.OptionPayoff;
import io.skytrade.core.settlement.SettlementFormulas;
import io.skytrade.core.settlement.SettlementRules;

import java.util.Arrays;

/**
 * Expected settlement and its standard deviation for every default product under the configured
 * {@link SettlementRules} (the ones the simulated venue settles by), from the readings of the
 * current settlement window (exact, with {@link SettlementFormulas}) and the series nowcasts
 * (forecast for the rest):
 * TIDE_SPOT, AQ_SPOT and WX_SPOT from the reading at the window end or its forecast; TIDE_SWING and
 * WX_SUM over the 15-minute grid; LHR_COUNT and LHR_INDEX over the flight-count bins; LON_ETF as
 * the sum of its legs (variances added, legs taken as independent); LON_FLY as the closed-form
 * expected payoff of its option legs under a normal distribution of the ETF.
 *
 * <p>Approximations, all documented: readings are forecast by the local linear trend model with a
 * damped trend and a capped variance ({@link SeriesNoise}), plus, for a series with harmonics
 * ({@link HarmonicModel}, the tide by default), its learned periodic components at the forecast
 * time with their full posterior covariance (the trend's capped variance plus the harmonic
 * terms, and the coefficients' drift); forecast humidity is clamped to
 * [0, 100] and forecast flight counts to at least 0; the
 * LHR_INDEX bins are taken as independent; the forecast errors of the TIDE_SWING pairs as perfectly
 * correlated (standard deviations add: they share the tide's uncertain amplitude and phase, and
 * adding variances made a cold-started engine overconfident; an unobserved pair's change ignores
 * the covariance between the trend and the harmonic coefficients); a bin ratio's delta
 * method variance is capped at 1 (the ratio lies in [-1, 1]; forecasts of near-empty night bins
 * would otherwise explode it); the forecast errors of the
 * WX_SUM samples are taken as perfectly correlated (standard deviations add, a conservative bound);
 * LHR_COUNT adds the level uncertainty of its bins as perfectly correlated and their reading noise
 * as independent; WX products take temperature and humidity as independent; the bin ratio of
 * LHR_INDEX uses the delta method.
 *
 * <p>Products or series missing from the registry are skipped. Single-threaded; primitive arrays
 * allocated once. Hot-path cost of {@link #revalue}: only the products whose series changed are
 * recomputed, O(grid size) each; a tide reading costs about 100 normal cdf evaluations for
 * TIDE_SWING (several microseconds), other readings around a microsecond. Nothing runs on book events.
 */
public final class SettlementValuator {
    private final ValuationParams p;
    private final SettlementRules r;
    private final int instrumentCount;
    private final int tideSpot;
    private final int tideSwing;
    private final int wxSpot;
    private final int wxSum;
    private final int lhrCount;
    private final int lhrIndex;
    private final int aqSpot;
    private final int etf;
    private final int fly;
    private final int[] etfLegs;
    private final long etfLegMask;
    private final int sTide;
    private final int sTemp;
    private final int sRh;
    private final int sPm;
    private final int sArr;
    private final int sDep;

    private final double[] level;
    private final double[] slope;
    private final double[] p00;
    private final double[] p01;
    private final double[] p11;
    private final long[] stateTime;
    private final boolean[] hasState;
    private final SeriesNoise[] noise;
    private static final int N = HarmonicModel.MAX_STATE;
    private static final int MH = HarmonicModel.MAX_HARMONICS;
    private final int[] harmonics;
    private final long[] periodNanos;
    private final double[] coefNoise;
    private final double[] hState;
    private final double[] hCov;
    /** Per harmonic series: cos/sin regressors at every grid sample of the window (2 MH per sample); null otherwise. */
    private final double[][] gridReg;
    private final double[] reg = new double[2 * MH];
    private final double[] regA = new double[2 * MH];

    private long windowLength;
    private long start;
    private long end;
    private int samples;
    private int bins;
    private final double[] tide;
    private final double[] temp;
    private final double[] rh;
    private final double[] arr;
    private final double[] dep;
    private double pmAtEnd;

    private final double[] fair;
    private final double[] std;
    private final boolean[] valid;
    /** Product kind of each instrument under the settlement rules, -1 for none. */
    private final int[] kindOf;

    private final PiecewiseLinearPayoff tideSpotPayoff;
    private final PiecewiseLinearPayoff aqPayoff;
    private final PiecewiseLinearPayoff swingPayoff;
    private final PiecewiseLinearPayoff absPayoff;
    private final PiecewiseLinearPayoff flyPayoff;
    private final OptionPayoff flyStructure;

    private double fm;
    private double fv;
    private boolean dirtyTide;
    private boolean dirtyWx;
    private boolean dirtyLhr;
    private boolean dirtyAq;
    private long changed;

    /**
     * @throws IllegalArgumentException when the valuation's first window does not fit the rules' grid
     */
    public SettlementValuator(final InstrumentRegistry registry, final ValuationParams params, final SettlementRules rules,
                              final KalmanParams kalman) {
        params.checkAgainst(rules);
        p = params;
        r = rules;
        instrumentCount = registry.instrumentCount();
        tideSpot = registry.instrumentId(rules.tideSpotSymbol());
        tideSwing = registry.instrumentId(rules.tideSwingSymbol());
        wxSpot = registry.instrumentId(rules.wxSpotSymbol());
        wxSum = registry.instrumentId(rules.wxSumSymbol());
        lhrCount = registry.instrumentId(rules.lhrCountSymbol());
        lhrIndex = registry.instrumentId(rules.lhrIndexSymbol());
        aqSpot = registry.instrumentId(rules.aqSpotSymbol());
        etf = registry.instrumentId(rules.etfSymbol());
        fly = registry.instrumentId(rules.flySymbol());
        final String[] legs = rules.etfLegs().split(",");
        etfLegs = new int[legs.length];
        long legMask = 0;
        for (int i = 0; i < legs.length; i++) {
            etfLegs[i] = registry.instrumentId(legs[i].trim());
            if (etfLegs[i] >= 0) {
                legMask |= 1L << etfLegs[i];
            }
        }
        etfLegMask = legMask;
        sTide = registry.seriesId(rules.tideSeries());
        sTemp = registry.seriesId(rules.temperatureSeries());
        sRh = registry.seriesId(rules.humiditySeries());
        sPm = registry.seriesId(rules.pm25Series());
        sArr = registry.seriesId(rules.arrivalsSeries());
        sDep = registry.seriesId(rules.departuresSeries());

        final int ns = Math.max(1, registry.seriesCount());
        level = new double[ns];
        slope = new double[ns];
        p00 = new double[ns];
        p01 = new double[ns];
        p11 = new double[ns];
        stateTime = new long[ns];
        hasState = new boolean[ns];
        noise = new SeriesNoise[ns];
        harmonics = new int[ns];
        periodNanos = new long[ns * MH];
        coefNoise = new double[ns];
        hState = new double[ns * N];
        hCov = new double[ns * N * N];
        gridReg = new double[ns][];
        final int maxSamples = (int) (params.maxWindowNanos(rules) / rules.sampleIntervalNanos());
        for (int i = 0; i < ns; i++) {
            noise[i] = i < registry.seriesCount() ? kalman.noiseFor(registry.seriesName(i)) : kalman.defaultNoise();
            final HarmonicModel m = i < registry.seriesCount() ? kalman.harmonicsFor(registry.seriesName(i)) : HarmonicModel.none();
            harmonics[i] = m.count();
            coefNoise[i] = m.coefficientNoisePerHour();
            for (int k = 0; k < m.count(); k++) {
                periodNanos[i * MH + k] = m.periodNanos(k);
            }
            if (m.count() > 0) {
                gridReg[i] = new double[(maxSamples + 1) * 2 * MH];
            }
        }

        final int maxBins = (int) (params.maxWindowNanos(rules) / rules.lhrBinNanos());
        tide = new double[maxSamples + 1];
        temp = new double[maxSamples + 1];
        rh = new double[maxSamples + 1];
        arr = new double[maxBins];
        dep = new double[maxBins];
        setWindow(params.windowStartNanos(), params.windowEndNanos());

        final int ni = Math.max(1, instrumentCount);
        fair = new double[ni];
        std = new double[ni];
        valid = new boolean[ni];

        kindOf = new int[ni];
        for (int i = 0; i < instrumentCount; i++) {
            kindOf[i] = rules.kindOf(registry.instrumentName(i));
        }
        tideSpotPayoff = PiecewiseLinearPayoff.of(new double[] {0.0}, x -> SettlementFormulas.tideSpot(x, rules));
        aqPayoff = PiecewiseLinearPayoff.of(new double[] {0.0}, x -> SettlementFormulas.aqSpot(x, rules));
        final double cm = rules.swingCmPerUnit();
        final double lo = rules.swingLowCm() / cm;
        final double hi = rules.swingHighCm() / cm;
        final double[] swingBreaks = hi > lo ? new double[] {-hi, -lo, 0.0, lo, hi} : new double[] {-lo, 0.0, lo};
        swingPayoff = PiecewiseLinearPayoff.of(swingBreaks, x -> SettlementFormulas.swingPair(x, rules));
        absPayoff = PiecewiseLinearPayoff.of(new double[] {0.0}, Math::abs);
        flyStructure = rules.flyPayoff();
        flyPayoff = PiecewiseLinearPayoff.of(flyStructure.breakpoints(), flyStructure::value);
    }

    /**
     * Starts a new window; when it begins where the old one ended, the old window's end readings
     * (the new window's first grid sample) are carried over.
     */
    private void setWindow(final long startNanos, final long endNanos) {
        final boolean contiguous = windowLength > 0 && startNanos == end;
        final double tideEnd = contiguous ? tide[samples] : Double.NaN;
        final double tempEnd = contiguous ? temp[samples] : Double.NaN;
        final double rhEnd = contiguous ? rh[samples] : Double.NaN;
        start = startNanos;
        end = endNanos;
        windowLength = end - start;
        samples = (int) (windowLength / r.sampleIntervalNanos());
        bins = (int) (windowLength / r.lhrBinNanos());
        clearWindow();
        tide[0] = tideEnd;
        temp[0] = tempEnd;
        rh[0] = rhEnd;
        for (int s = 0; s < gridReg.length; s++) {
            if (gridReg[s] != null) {
                for (int k = 0; k <= samples; k++) {
                    HarmonicModel.regressors(periodNanos, s * MH, harmonics[s], start + k * r.sampleIntervalNanos(),
                        gridReg[s], k * 2 * MH);
                }
            }
        }
        dirtyTide = true;
        dirtyWx = true;
        dirtyLhr = true;
        dirtyAq = true;
    }

    private void markDirty(final int series) {
        if (series < 0) {
            return;
        }
        dirtyTide |= series == sTide;
        dirtyWx |= series == sTemp || series == sRh;
        dirtyLhr |= series == sArr || series == sDep;
        dirtyAq |= series == sPm;
    }

    private void clearWindow() {
        Arrays.fill(tide, Double.NaN);
        Arrays.fill(temp, Double.NaN);
        Arrays.fill(rh, Double.NaN);
        Arrays.fill(arr, Double.NaN);
        Arrays.fill(dep, Double.NaN);
        pmAtEnd = Double.NaN;
    }

    /** Start of the current window, epoch nanoseconds. */
    public long windowStart() {
        return start;
    }

    /** End of the current window (the settlement instant), epoch nanoseconds. */
    public long windowEnd() {
        return end;
    }

    /**
     * Moves the window forward when {@code nowNanos} is past its end plus the tolerance (and
     * rolling is enabled), forgetting the readings of the old window: to the session of the
     * settlement rules that contains {@code nowNanos}.
     */
    public void advanceTo(final long nowNanos) {
        final long limit = end + p.sampleToleranceNanos();
        if (!p.rollSessions() || nowNanos <= limit) {
            return;
        }
        final long newEnd = r.nextSettlementAtOrAfter(nowNanos - p.sampleToleranceNanos());
        setWindow(r.windowStart(newEnd), newEnd);
    }

    /** Copies a series' posterior (level, slope per hour, covariance) as of {@code timeNanos}. */
    public void onSeriesState(final int series, final long timeNanos, final double lvl, final double slp,
                              final double varLevel, final double covLevelSlope, final double varSlope) {
        if (series < 0 || series >= level.length || !Double.isFinite(lvl) || !Double.isFinite(slp)
            || !Double.isFinite(varLevel) || !Double.isFinite(covLevelSlope) || !Double.isFinite(varSlope)) {
            throw new IllegalArgumentException("SettlementValuator.onSeriesState: series " + series
                + " state must be finite (level " + lvl + ", slope " + slp + ")");
        }
        level[series] = lvl;
        slope[series] = slp;
        p00[series] = varLevel;
        p01[series] = covLevelSlope;
        p11[series] = varSlope;
        stateTime[series] = timeNanos;
        hasState[series] = true;
        markDirty(series);
    }

    /**
     * Copies the full posterior of a series with harmonics (state {@code [level, slope, a_1, b_1, ...]}
     * of dimension {@code dim} and its covariance, row-major with stride dim) as of {@code timeNanos};
     * call after {@link #onSeriesState}.
     */
    public void onHarmonicState(final int series, final long timeNanos, final int dim, final double[] state, final double[] cov) {
        if (series < 0 || series >= level.length || dim != 2 + 2 * harmonics[series] || harmonics[series] == 0) {
            throw new IllegalArgumentException("SettlementValuator.onHarmonicState: series " + series + " state dimension "
                + dim + " does not match its " + (series < 0 || series >= level.length ? 0 : harmonics[series]) + " configured harmonics");
        }
        for (int i = 0; i < dim * dim; i++) {
            if (!Double.isFinite(cov[i])) {
                throw new IllegalArgumentException("SettlementValuator.onHarmonicState: series " + series + " covariance must be finite");
            }
        }
        for (int i = 0; i < dim; i++) {
            if (!Double.isFinite(state[i])) {
                throw new IllegalArgumentException("SettlementValuator.onHarmonicState: series " + series + " state must be finite");
            }
            hState[series * N + i] = state[i];
            System.arraycopy(cov, i * dim, hCov, (series * N + i) * N, dim);
        }
        stateTime[series] = timeNanos;
        markDirty(series);
    }

    /** Records a reading of the window: a grid sample, a flight-count bin, or the PM2.5 spot. */
    public void onObservation(final int series, final long timeNanos, final double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("SettlementValuator.onObservation: value " + value
                + " of series " + series + " must be finite");
        }
        if (series < 0) {
            return;
        }
        markDirty(series);
        if (series == sTide || series == sTemp || series == sRh) {
            final int k = gridSlot(timeNanos);
            if (k >= 0) {
                (series == sTide ? tide : series == sTemp ? temp : rh)[k] = value;
            }
        }
        if (series == sPm && Math.abs(timeNanos - end) <= p.sampleToleranceNanos()) {
            pmAtEnd = value;
        }
        if (series == sArr || series == sDep) {
            final long step = r.lhrBinNanos();
            final long off = (r.lhrTimestampIsBinEnd() ? timeNanos - step : timeNanos) - start;
            final long j = Math.floorDiv(off + step / 2, step);
            if (j >= 0 && j < bins && Math.abs(off - j * step) <= p.sampleToleranceNanos()) {
                (series == sArr ? arr : dep)[(int) j] = value;
            }
        }
    }

    private int gridSlot(final long t) {
        final long step = r.sampleIntervalNanos();
        final long off = t - start;
        final long k = Math.floorDiv(off + step / 2, step);
        if (k < 0 || k > samples || Math.abs(off - k * step) > p.sampleToleranceNanos()) {
            return -1;
        }
        return (int) k;
    }

    /** Sets {@code fm}, {@code fv} to the forecast mean and reading variance of a series at {@code t}. */
    private void forecast(final int s, final long t) {
        final double h = Math.max(0L, t - stateTime[s]) / LocalLinearTrend.NANOS_PER_HOUR;
        fm = LocalLinearTrend.dampedMean(level[s], slope[s], noise[s], h);
        fv = LocalLinearTrend.readingVariance(p00[s], p01[s], p11[s], noise[s], h);
        if (harmonics[s] > 0) {
            final double[] g = regressors(s, t, reg);
            final int o = regOffset;
            final int n = 2 * harmonics[s];
            final int xo = s * N + 2;
            final int po = s * N * N;
            double m = 0.0;
            double v = coefNoise[s] * h * harmonics[s];
            for (int i = 0; i < n; i++) {
                final double gi = g[o + i];
                m += gi * hState[xo + i];
                final int row = po + (i + 2) * N;
                v += 2.0 * gi * (hCov[row] + h * hCov[row + 1]);
                for (int j = 0; j < n; j++) {
                    v += gi * hCov[row + 2 + j] * g[o + j];
                }
            }
            fm += m;
            fv = Math.max(noise[s].measurementNoise(), fv + v);
        }
    }

    private int regOffset;

    /** The cos/sin regressors of series {@code s} at {@code t}: from the window's grid table, or computed into {@code scratch}; offset in {@link #regOffset}. */
    private double[] regressors(final int s, final long t, final double[] scratch) {
        final long step = r.sampleIntervalNanos();
        final long off = t - start;
        if (off >= 0 && off % step == 0 && off / step <= samples) {
            regOffset = (int) (off / step) * 2 * MH;
            return gridReg[s];
        }
        HarmonicModel.regressors(periodNanos, s * MH, harmonics[s], t, scratch, 0);
        regOffset = 0;
        return scratch;
    }

    private double forecastLevelVariance(final int s, final long t) {
        final double h = Math.max(0L, t - stateTime[s]) / LocalLinearTrend.NANOS_PER_HOUR;
        return LocalLinearTrend.cappedLevelVariance(p00[s], p01[s], p11[s], noise[s], h);
    }

    private boolean known(final int s) {
        return s >= 0 && hasState[s];
    }

    /**
     * Recomputes the products whose inputs changed since the last call (readings, series states or
     * the window), and LON_ETF and LON_FLY when any leg did; {@link #changedMask} says which. Read
     * the results with {@link #isValid}, {@link #fairValue}, {@link #fairStd}.
     */
    public void revalue() {
        changed = 0;
        if (dirtyTide) {
            invalidate(tideSpot);
            invalidate(tideSwing);
            spot(tideSpot, sTide, tide[samples], tideSpotPayoff,
                Double.isNaN(tide[samples]) ? 0.0 : SettlementFormulas.tideSpot(tide[samples], r));
            tideSwing();
        }
        if (dirtyAq) {
            invalidate(aqSpot);
            spot(aqSpot, sPm, pmAtEnd, aqPayoff, Double.isNaN(pmAtEnd) ? 0.0 : SettlementFormulas.aqSpot(pmAtEnd, r));
        }
        if (dirtyWx) {
            invalidate(wxSpot);
            invalidate(wxSum);
            wxSpot();
            wxSum();
        }
        if (dirtyLhr) {
            invalidate(lhrCount);
            invalidate(lhrIndex);
            lhrCount();
            lhrIndex();
        }
        if ((changed & etfLegMask) != 0) {
            invalidate(etf);
            invalidate(fly);
            etfAndFly();
        }
        dirtyTide = false;
        dirtyWx = false;
        dirtyLhr = false;
        dirtyAq = false;
    }

    private void invalidate(final int id) {
        if (id >= 0) {
            valid[id] = false;
            changed |= 1L << id;
        }
    }

    /** Bit set of instrument ids recomputed by the last {@link #revalue} (valid or not). */
    public long changedMask() {
        return changed;
    }

    /** Records a product's value; a value with no uncertainty left is the settlement, rounded as the rules say. */
    private void put(final int id, final double mean, final double variance) {
        fair[id] = variance == 0.0 && kindOf[id] >= 0 ? r.round(kindOf[id], mean) : mean;
        std[id] = Math.sqrt(Math.max(0.0, variance));
        valid[id] = true;
    }

    /** A spot product: {@code exact} (its settlement formula on the reading) when {@code realised} is known, else the payoff's moments under the forecast. */
    private void spot(final int id, final int s, final double realised, final PiecewiseLinearPayoff payoff, final double exact) {
        if (id < 0 || s < 0) {
            return;
        }
        if (!Double.isNaN(realised)) {
            put(id, exact, 0.0);
        } else if (known(s)) {
            forecast(s, end);
            payoff.evaluate(fm, Math.sqrt(fv));
            put(id, payoff.mean(), payoff.variance());
        }
    }

    private void wxSpot() {
        if (wxSpot < 0 || sTemp < 0 || sRh < 0) {
            return;
        }
        if (wxMoments(samples)) {
            put(wxSpot, fm, fv);
        }
    }

    /** Sets fm, fv to the mean and variance of T_F x RH at grid sample k; false when unknown. */
    private boolean wxMoments(final int k) {
        final long t = start + k * r.sampleIntervalNanos();
        double mt;
        double vt;
        if (!Double.isNaN(temp[k])) {
            mt = SettlementFormulas.fahrenheit(temp[k], r.wxFahrenheitDecimals());
            vt = 0.0;
        } else if (known(sTemp)) {
            forecast(sTemp, t);
            mt = fm * 1.8 + 32.0;
            vt = fv * 1.8 * 1.8;
        } else {
            return false;
        }
        double mh;
        double vh;
        if (!Double.isNaN(rh[k])) {
            mh = rh[k];
            vh = 0.0;
        } else if (known(sRh)) {
            forecast(sRh, t);
            mh = Math.min(100.0, Math.max(0.0, fm));
            vh = fv;
        } else {
            return false;
        }
        fm = mt * mh;
        fv = mt * mt * vh + mh * mh * vt + vt * vh;
        return true;
    }

    private void tideSwing() {
        if (tideSwing < 0 || sTide < 0) {
            return;
        }
        final int first = r.swingIncludeWindowStart() ? 0 : 1;
        final long step = r.sampleIntervalNanos();
        final double stepHours = step / LocalLinearTrend.NANOS_PER_HOUR;
        final double cm = r.swingCmPerUnit();
        double mean = 0.0;
        double sd = 0.0;
        for (int k = first + 1; k <= samples; k++) {
            final double a = tide[k - 1];
            final double b = tide[k];
            final boolean ha = !Double.isNaN(a);
            final boolean hb = !Double.isNaN(b);
            if (ha && hb) {
                mean += SettlementFormulas.swingPair(b - a, r);
                continue;
            }
            if (!known(sTide)) {
                return;
            }
            final long tb = start + k * step;
            final double dm;
            final double dv;
            if (ha) {
                forecast(sTide, tb);
                dm = fm - a;
                dv = fv;
            } else if (hb) {
                forecast(sTide, tb - step);
                dm = b - fm;
                dv = fv;
            } else {
                final double ahead = Math.max(0L, tb - step - stateTime[sTide]) / LocalLinearTrend.NANOS_PER_HOUR;
                final SeriesNoise n = noise[sTide];
                final double trendChange = ahead + stepHours <= n.trendHorizonHours() ? slope[sTide] * stepHours : 0.0;
                final double trendVar = Math.min((p11[sTide] + n.slopeNoisePerHour() * ahead) * stepHours * stepHours
                    + n.levelNoisePerHour() * stepHours + n.slopeNoisePerHour() * stepHours * stepHours * stepHours / 3.0,
                    2.0 * n.forecastVarianceCap()) + 2.0 * n.measurementNoise();
                if (harmonics[sTide] > 0) {
                    harmonicChange(sTide, tb - step, tb, ahead);
                    dm = trendChange + hm;
                    dv = trendVar + hv;
                } else {
                    dm = trendChange;
                    dv = trendVar;
                }
            }
            swingPayoff.evaluate(dm, Math.sqrt(dv));
            mean += swingPayoff.mean();
            sd += Math.sqrt(swingPayoff.variance());
        }
        put(tideSwing, mean, sd * sd);
    }

    private double hm;
    private double hv;

    /**
     * Sets hm, hv to the mean and variance of the harmonic part's change from {@code ta} to {@code tb},
     * {@code ahead} hours after the state: {@code D' x}, {@code D' P D} plus the coefficients' drift.
     */
    private void harmonicChange(final int s, final long ta, final long tb, final double ahead) {
        final int n = 2 * harmonics[s];
        final double[] ga = regressors(s, ta, regA);
        System.arraycopy(ga, regOffset, reg, 0, n);
        final double[] gb = regressors(s, tb, regA);
        final int ob = regOffset;
        final int xo = s * N + 2;
        final int po = s * N * N;
        double m = 0.0;
        double d2 = 0.0;
        double v = 0.0;
        for (int i = 0; i < n; i++) {
            final double di = gb[ob + i] - reg[i];
            m += di * hState[xo + i];
            d2 += di * di;
            final int row = po + (i + 2) * N + 2;
            for (int j = 0; j < n; j++) {
                v += di * hCov[row + j] * (gb[ob + j] - reg[j]);
            }
        }
        final double stepHours = (tb - ta) / LocalLinearTrend.NANOS_PER_HOUR;
        hm = m;
        hv = Math.max(0.0, v) + coefNoise[s] * (ahead * d2 + stepHours * harmonics[s]);
    }

    private void wxSum() {
        if (wxSum < 0 || sTemp < 0 || sRh < 0) {
            return;
        }
        double mean = 0.0;
        double sd = 0.0;
        for (int k = r.wxSumIncludeWindowStart() ? 0 : 1; k <= samples; k++) {
            if (!wxMoments(k)) {
                return;
            }
            mean += fm;
            sd += Math.sqrt(fv);
        }
        final double d = r.wxSumDivisor();
        put(wxSum, mean / d, sd * sd / (d * d));
    }

    private void lhrCount() {
        if (lhrCount < 0 || sArr < 0 || sDep < 0) {
            return;
        }
        double mean = 0.0;
        double sdArr = 0.0;
        double sdDep = 0.0;
        double noiseVar = 0.0;
        final long step = r.lhrBinNanos();
        for (int j = 0; j < bins; j++) {
            final long t = start + j * step;
            if (!Double.isNaN(arr[j])) {
                mean += arr[j];
            } else if (known(sArr)) {
                forecast(sArr, t);
                mean += Math.max(0.0, fm);
                sdArr += Math.sqrt(forecastLevelVariance(sArr, t));
                noiseVar += noise[sArr].measurementNoise();
            } else {
                return;
            }
            if (!Double.isNaN(dep[j])) {
                mean += dep[j];
            } else if (known(sDep)) {
                forecast(sDep, t);
                mean += Math.max(0.0, fm);
                sdDep += Math.sqrt(forecastLevelVariance(sDep, t));
                noiseVar += noise[sDep].measurementNoise();
            } else {
                return;
            }
        }
        put(lhrCount, mean, sdArr * sdArr + sdDep * sdDep + noiseVar);
    }

    private void lhrIndex() {
        if (lhrIndex < 0 || sArr < 0 || sDep < 0) {
            return;
        }
        final boolean absOfSum = r.lhrIndexAbsOfSum();
        final double mult = r.lhrIndexMultiplier();
        final long step = r.lhrBinNanos();
        double sumMean = 0.0;
        double sumVar = 0.0;
        for (int j = 0; j < bins; j++) {
            final long t = start + j * step;
            double ma;
            double va = 0.0;
            double md;
            double vd = 0.0;
            if (!Double.isNaN(arr[j])) {
                ma = arr[j];
            } else if (known(sArr)) {
                forecast(sArr, t);
                ma = Math.max(0.0, fm);
                va = fv;
            } else {
                return;
            }
            if (!Double.isNaN(dep[j])) {
                md = dep[j];
            } else if (known(sDep)) {
                forecast(sDep, t);
                md = Math.max(0.0, fm);
                vd = fv;
            } else {
                return;
            }
            final double total = ma + md;
            final double mx = SettlementFormulas.lhrBin(ma, md);
            double vx = 0.0;
            if (total > 0.0 && (va > 0.0 || vd > 0.0)) {
                final double t2 = total * total;
                final double ga = 2.0 * md / t2;
                final double gd = -2.0 * ma / t2;
                vx = Math.min(1.0, ga * ga * va + gd * gd * vd);
            }
            if (absOfSum) {
                sumMean += mx;
                sumVar += vx;
            } else {
                absPayoff.evaluate(mx, Math.sqrt(vx));
                sumMean += absPayoff.mean();
                sumVar += absPayoff.variance();
            }
        }
        double mean;
        double var;
        if (absOfSum) {
            absPayoff.evaluate(sumMean, Math.sqrt(sumVar));
            mean = absPayoff.mean() * mult;
            var = absPayoff.variance() * mult * mult;
        } else {
            mean = sumMean * mult;
            var = sumVar * mult * mult;
        }
        put(lhrIndex, mean, var);
    }

    private void etfAndFly() {
        if (etf < 0) {
            return;
        }
        double mean = 0.0;
        double var = 0.0;
        for (int i = 0; i < etfLegs.length; i++) {
            final int leg = etfLegs[i];
            if (leg < 0 || !valid[leg]) {
                return;
            }
            mean += fair[leg];
            var += std[leg] * std[leg];
        }
        put(etf, mean, var);
        if (fly >= 0 && var == 0.0) {
            put(fly, flyStructure.value(fair[etf]), 0.0);
        } else if (fly >= 0) {
            flyPayoff.evaluate(mean, Math.sqrt(var));
            put(fly, flyPayoff.mean(), flyPayoff.variance());
        }
    }

    public boolean isValid(final int instrumentId) {
        return instrumentId >= 0 && instrumentId < instrumentCount && valid[instrumentId];
    }

    public double fairValue(final int instrumentId) {
        return fair[instrumentId];
    }

    public double fairStd(final int instrumentId) {
        return std[instrumentId];
    }

    /** The fly's payoff, for tools and tests. */
    public PiecewiseLinearPayoff flyPayoff() {
        return flyPayoff;
    }

    public long stateHash() {
        long h = 13;
        h = 31 * h + start;
        for (int i = 0; i < level.length; i++) {
            h = 31 * h + Double.doubleToLongBits(level[i]) + Double.doubleToLongBits(slope[i]) + stateTime[i];
        }
        for (int i = 0; i < hState.length; i++) {
            h = 31 * h + Double.doubleToLongBits(hState[i]);
        }
        for (int i = 0; i <= samples; i++) {
            h = 31 * h + Double.doubleToLongBits(tide[i]) + 3 * Double.doubleToLongBits(temp[i]) + 7 * Double.doubleToLongBits(rh[i]);
        }
        for (int j = 0; j < bins; j++) {
            h = 31 * h + Double.doubleToLongBits(arr[j]) + 3 * Double.doubleToLongBits(dep[j]);
        }
        return 31 * h + Double.doubleToLongBits(pmAtEnd);
    }
}
