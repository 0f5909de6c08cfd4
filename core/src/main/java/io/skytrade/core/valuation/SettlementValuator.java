package io.skytrade.core.valuation;

import io.skytrade.core.calibration.ForecastCalibration;
import io.skytrade.core.kalman.DisruptionSpec;
import io.skytrade.core.kalman.GridForecast;
import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.kalman.NowcastModelSpec;
import io.skytrade.core.kalman.StructuralModel;
import io.skytrade.core.math.FdlibmPort;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.settlement.OptionPayoff;
import io.skytrade.core.settlement.SettlementFormulas;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.world.WorldProduct;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Expected settlement and its standard deviation for every default product under the configured
 * {@link SettlementRules} (the ones the simulated venue settles by), from the readings of the
 * current settlement window and the nowcast models of the series ({@link StructuralModel}), which
 * this valuator owns and updates with every reading.
 *
 * <p>The realised part of a window is the readings themselves, with the feed's reading noise as
 * their uncertainty (exact when the feed is the settlement source); the rest is the models' joint
 * forecast over the window's grid ({@link GridForecast}): TIDE_SPOT, WX_SPOT and AQ_SPOT at the
 * window end; TIDE_SWING as the sum of its pair payoffs, each the closed-form expectation of its
 * piecewise-linear payoff under the pair change's forecast distribution, the sum's variance from
 * the covariance of all forecast samples (statistical linearisation: each pair's mean slope
 * weights its change; what the linearisation misses is added per pair); WX_SUM from the joint
 * forecast of temperature and humidity, whose covariance enters each sample's expected product and
 * the sum's variance (linearised likewise); LHR_COUNT from the flight model's covariance across
 * bins (the shared capacity), plus each bin's own spread; LHR_INDEX bin by bin (a bin's ratio does
 * not move with the capacity, so bins are independent given the schedule) by the delta method,
 * then the absolute value of the sum in closed form; PM2.5 log-normal (a log-scale model) plus
 * the expected contribution of pollution spikes; LON_ETF the sum of its independent legs; LON_FLY
 * the closed-form expected payoff of its option legs on a normal ETF. A value with no uncertainty
 * left is the settlement, rounded as the rules say.
 *
 * <p>Every product also gets a central 80% interval ({@link #low80}, {@link #high80}): the
 * normal's for most, the forecast distribution's own quantiles for the two whose errors are a
 * mixture of many small ones and a few large ones ({@link TwoPartDistribution}): LHR_COUNT (the
 * model's forecast, and with the probability that a schedule disruption begins in a bin not yet
 * counted, the same less the movements it removes: {@link DisruptionSpec}) and AQ_SPOT (the
 * log-normal level, and with the probability of an unseen pollution spike, that level plus the
 * spike: {@link io.skytrade.core.kalman.SpikeSpec}). Their standard deviation is the mixture's;
 * their quantiles are searched when the interval is read (calibration tools), not per reading.
 *
 * <p>Products or series missing from the registry are skipped. Single-threaded; primitive arrays
 * allocated once. Hot-path cost: one model update per reading (about 2 n^2 flops), then only the
 * products whose series changed are recomputed: O(remaining grid points x n) to carry the grid
 * forecast ({@link GridForecast}) and for the weighted sums' variances, plus one payoff evaluation
 * per unrealised TIDE_SWING pair. Nothing runs on book events.
 */
public final class SettlementValuator {
    private static final int REALISED = 0;
    private static final int FORECAST = 1;
    private static final int STALE = 2;
    private static final double FAHRENHEIT = 1.8;
    private static final long MINUTE_NANOS = 60_000_000_000L;
    /**
     * Series of the capacity share the airport announces to operate from the reading's time (1
     * normally, a disruption's share while one lasts); read with {@link #CAPACITY_BINS}.
     */
    public static final String CAPACITY_SHARE = "lhr_capacity_announced";
    /** Series of the number of half-hour bins the announced share holds for, from the one containing the reading's time. */
    public static final String CAPACITY_BINS = "lhr_capacity_announced_bins";
    /** Product kinds computed together (bits of {@link WorldProduct} codes); the ETF and the fly follow their legs. */
    private static final long TIDE_KINDS = 1L << WorldProduct.TIDE_SPOT | 1L << WorldProduct.TIDE_SWING;
    private static final long WX_KINDS = 1L << WorldProduct.WX_SPOT | 1L << WorldProduct.WX_SUM;
    private static final long LHR_KINDS = 1L << WorldProduct.LHR_COUNT | 1L << WorldProduct.LHR_INDEX;
    private static final long AQ_KINDS = 1L << WorldProduct.AQ_SPOT;
    private static final long ALL_KINDS = TIDE_KINDS | WX_KINDS | LHR_KINDS | AQ_KINDS;

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
    private final int sCapShare;
    private final int sCapBins;

    /** Per series id: its model index (-1 for none) and row in that model. */
    private final int[] modelOf;
    private final int[] rowOf;
    private final StructuralModel[] models;
    private final GridForecast[] grids;
    private final SpikeTracker[] spikes;
    private final DisruptionSpec[] disruptions;
    /**
     * Per model and slot of the day, 1 / (1 - meanLoss x cover probability): the learned profile is
     * the mean over all days, disrupted ones included; a bin the airport's announcements cover
     * runs at the schedule (undisrupted) times the announced share.
     */
    private final double[][] undisrupted;
    /**
     * Per instrument: the forecast distribution of a product valued by {@link #putDistribution},
     * kept for its 80% interval, which {@link #interval} computes when first read after the value
     * moved (nothing on the event path reads it).
     */
    private final TwoPartDistribution[] dists;
    /** Per instrument: whether low/high are still to be computed from {@link #dists}, scaled by {@link #intervalScale}. */
    private final boolean[] intervalPending;
    private final double[] intervalScale;
    /** Per model: weights of the functional whose variance a product needs (rows x stride). */
    private final double[][] weights;
    private final int stride;

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
    /** Per flight bin: the forecast movements not counted yet (0 for a counted bin). */
    private final double[] uncounted;
    /**
     * The airport's newest announced restriction: its capacity share over absolute flight bins
     * [capFrom, capTo) (none while capTo <= capFrom); when the newest announcement was made
     * (Long.MIN_VALUE before any), and the share read with it, waiting for its bin count.
     */
    private double capShare = 1.0;
    private long capFrom;
    private long capTo;
    private long capAsOf = Long.MIN_VALUE;
    private double pendingShare = Double.NaN;
    private long pendingTime = Long.MIN_VALUE;
    private double pmAtEnd;

    private final double[] mu;
    private final double[] sv;
    private final int[] status;
    private final double[] beta;

    private final double[] fair;
    private final double[] std;
    private final double[] low;
    private final double[] high;
    private final boolean[] valid;
    private final int[] kindOf;

    private final PiecewiseLinearPayoff tideSpotPayoff;
    private final PiecewiseLinearPayoff aqPayoff;
    private final PiecewiseLinearPayoff swingPayoff;
    /** TIDE_SWING's pair payoffs by pair, recomputed only when a pair's change or its variance moved. */
    private final SwingPairMemo pairs;
    /** WX_SUM's terms of the points both series were read at (fixed once read). */
    private final WxPointMemo wxPoints;
    private final PiecewiseLinearPayoff absPayoff;
    private final PiecewiseLinearPayoff flyPayoff;
    private final OptionPayoff flyStructure;

    /**
     * Per series id: the product kinds ({@link WorldProduct} bits) an observation of it can move,
     * derived at start-up from {@link SettlementRules#seriesOf}: those reading the series or
     * another series of the same nowcast model (a reading moves the model's joint posterior).
     */
    private final long[] dependentKinds;
    /** Product kinds whose inputs changed since the last {@link #revalue}. */
    private long dirtyKinds;
    private long changed;
    private double lastInnovationZ = Double.NaN;

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
        sCapShare = registry.seriesId(CAPACITY_SHARE);
        sCapBins = registry.seriesId(CAPACITY_BINS);

        final long maxWindow = params.maxWindowNanos(rules);
        final int maxSamples = (int) (maxWindow / rules.sampleIntervalNanos());
        final int maxBins = (int) (maxWindow / rules.lhrBinNanos());
        stride = Math.max(maxSamples + 1, maxBins);
        final int ns = Math.max(1, registry.seriesCount());
        modelOf = new int[ns];
        rowOf = new int[ns];
        Arrays.fill(modelOf, -1);
        final Map<String, NowcastModelSpec> specs = new TreeMap<>();
        for (final Map.Entry<String, NowcastModelSpec> e : kalman.models().entrySet()) {
            boolean all = true;
            for (final String s : e.getValue().seriesNames()) {
                all &= registry.seriesId(s) >= 0;
            }
            if (all) {
                specs.put(e.getKey(), e.getValue());
            }
        }
        models = new StructuralModel[specs.size()];
        grids = new GridForecast[specs.size()];
        spikes = new SpikeTracker[specs.size()];
        disruptions = new DisruptionSpec[specs.size()];
        undisrupted = new double[specs.size()][];
        weights = new double[specs.size()][];
        int mi = 0;
        for (final NowcastModelSpec spec : specs.values()) {
            models[mi] = new StructuralModel(spec, kalman.gateSigmas(), kalman.maxConsecutiveRejects());
            // only TIDE_SWING reads the variances of the changes between grid points
            grids[mi] = new GridForecast(models[mi], stride, Arrays.asList(spec.seriesNames()).contains(rules.tideSeries()));
            spikes[mi] = spec.spikes().enabled() ? new SpikeTracker(spec.spikes()) : null;
            disruptions[mi] = spec.disruptions();
            undisrupted[mi] = undisruptedScale(spec.disruptions());
            weights[mi] = new double[models[mi].rows() * stride];
            final String[] names = spec.seriesNames();
            for (int row = 0; row < names.length; row++) {
                final int s = registry.seriesId(names[row]);
                modelOf[s] = mi;
                rowOf[s] = row;
            }
            mi++;
        }
        dependentKinds = new long[ns];
        for (int s = 0; s < registry.seriesCount(); s++) {
            for (int kind = 0; kind < WorldProduct.COUNT; kind++) {
                for (final String name : rules.seriesOf(kind)) {
                    final int d = registry.seriesId(name);
                    if (d == s || d >= 0 && modelOf[s] >= 0 && modelOf[d] == modelOf[s]) {
                        dependentKinds[s] |= 1L << kind;
                    }
                }
            }
        }
        // the airport's announcements are inputs of the flight forecast: they make dirty what a flight count does
        for (final int announcement : new int[]{sCapShare, sCapBins}) {
            if (announcement >= 0 && sArr >= 0) {
                dependentKinds[announcement] = dependentKinds[sArr];
            }
        }

        tide = new double[maxSamples + 1];
        temp = new double[maxSamples + 1];
        rh = new double[maxSamples + 1];
        arr = new double[maxBins];
        dep = new double[maxBins];
        uncounted = new double[maxBins + 1];
        mu = new double[stride];
        sv = new double[stride];
        status = new int[stride];
        beta = new double[stride + 1];

        final int ni = Math.max(1, instrumentCount);
        fair = new double[ni];
        std = new double[ni];
        low = new double[ni];
        high = new double[ni];
        valid = new boolean[ni];
        dists = new TwoPartDistribution[ni];
        for (int i = 0; i < ni; i++) {
            dists[i] = new TwoPartDistribution();
        }
        intervalPending = new boolean[ni];
        intervalScale = new double[ni];
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
        pairs = new SwingPairMemo(maxSamples + 1);
        wxPoints = new WxPointMemo(maxSamples + 1);
        absPayoff = PiecewiseLinearPayoff.of(new double[] {0.0}, Math::abs);
        flyStructure = rules.flyPayoff();
        flyPayoff = PiecewiseLinearPayoff.of(flyStructure.breakpoints(), flyStructure::value);
        setWindow(params.windowStartNanos(), params.windowEndNanos());
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
        Arrays.fill(tide, Double.NaN);
        Arrays.fill(temp, Double.NaN);
        Arrays.fill(rh, Double.NaN);
        Arrays.fill(arr, Double.NaN);
        Arrays.fill(dep, Double.NaN);
        pmAtEnd = Double.NaN;
        tide[0] = tideEnd;
        temp[0] = tempEnd;
        rh[0] = rhEnd;
        for (int m = 0; m < models.length; m++) {
            if (isFlightModel(m)) {
                grids[m].setGrid(start, r.lhrBinNanos(), bins);
            } else {
                grids[m].setGrid(start, r.sampleIntervalNanos(), samples + 1);
            }
        }
        dirtyKinds = ALL_KINDS;
    }

    private boolean isFlightModel(final int m) {
        return sArr >= 0 && modelOf[sArr] == m || sDep >= 0 && modelOf[sDep] == m;
    }

    private void markDirty(final int series) {
        if (series >= 0 && series < dependentKinds.length) {
            dirtyKinds |= dependentKinds[series];
        }
    }

    /** Whether any of the product kinds in {@code kinds} (bits) must be recomputed. */
    private boolean dirty(final long kinds) {
        return (dirtyKinds & kinds) != 0;
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

    /**
     * Moves a window that lies wholly after {@code nowNanos} (the engine's clock: an engine started
     * before the configured first window, as {@code evaluate} and backtests of earlier dates are)
     * back to the session of the settlement rules that contains {@code nowNanos}, so the engine
     * values the settlement it trades rather than a later one. Only with rolling; a clock of 0 (not
     * set) is ignored. Afterwards the window contains the clock and only {@link #advanceTo} moves it.
     */
    public void alignTo(final long nowNanos) {
        if (!p.rollSessions() || nowNanos <= 0 || nowNanos >= start) {
            return;
        }
        final long newEnd = r.nextSettlementAtOrAfter(nowNanos - p.sampleToleranceNanos());
        setWindow(r.windowStart(newEnd), newEnd);
    }

    /**
     * Folds a reading into its series' nowcast model (a stale, cached reading only where it is
     * new to the window) and records it in the window: a grid sample, a flight-count bin, or the
     * PM2.5 spot.
     *
     * @param stale the reading was served from a cache after a failed fetch: it is not a new
     *              measurement of the series
     */
    public void onObservation(final int series, final long timeNanos, final double value, final boolean stale) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("SettlementValuator.onObservation: value " + value
                + " of series " + series + " must be finite");
        }
        lastInnovationZ = Double.NaN;
        if (series < 0 || series >= modelOf.length) {
            return;
        }
        if ((series == sCapShare || series == sCapBins) && !stale) {
            onCapacity(series, timeNanos, value);
            return;
        }
        final int m = modelOf[series];
        if (m >= 0 && !stale) {
            double modelled = value;
            if (spikes[m] != null) {
                modelled = spikes[m].onReading(models[m], rowOf[series], timeNanos, value);
            }
            models[m].update(rowOf[series], timeNanos, modelled);
            lastInnovationZ = models[m].lastInnovationZ();
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

    /**
     * Takes an announcement of the airport's capacity ({@link #CAPACITY_SHARE}, then
     * {@link #CAPACITY_BINS} at the same time): a share below 1 for a number of bins from the one
     * containing {@code t} is a disruption under way, known to its end; it continues the one
     * already announced when that one still runs at the same share.
     */
    private void onCapacity(final int series, final long t, final double value) {
        if (series == sCapShare) {
            pendingShare = value;
            pendingTime = t;
            return;
        }
        if (pendingTime != t || Double.isNaN(pendingShare)) {
            return;
        }
        final long bin = Math.floorDiv(t, r.lhrBinNanos());
        final long bins = Math.round(value);
        if (bins > 0 && pendingShare < 1.0) {
            final boolean continues = capFrom <= bin && bin < capTo && capShare == pendingShare;
            if (!continues) {
                capFrom = bin;
                capShare = Math.max(0.0, pendingShare);
            }
            capTo = bin + bins;
        }
        capAsOf = Math.max(capAsOf, t);
        pendingShare = Double.NaN;
        markDirty(series);
    }

    /** The announced capacity share of the flight bin starting at {@code t}: the restriction's inside it, else 1. */
    private double announcedShare(final long t) {
        final long bin = Math.floorDiv(t, r.lhrBinNanos());
        return bin >= capFrom && bin < capTo ? capShare : 1.0;
    }

    /** Records a new reading (not stale); see {@link #onObservation(int, long, double, boolean)}. */
    public void onObservation(final int series, final long timeNanos, final double value) {
        onObservation(series, timeNanos, value, false);
    }

    /** Standardised innovation of the last reading under its model (NaN when gated or not modelled). */
    public double lastInnovationZ() {
        return lastInnovationZ;
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

    /**
     * Recomputes the products whose inputs changed since the last call (readings, models or the
     * window), and LON_ETF and LON_FLY when any leg did; {@link #changedMask} says which. Read the
     * results with {@link #isValid}, {@link #fairValue}, {@link #fairStd}.
     */
    public void revalue() {
        changed = 0;
        if (dirty(TIDE_KINDS)) {
            invalidate(tideSpot);
            invalidate(tideSwing);
            tideProducts();
        }
        if (dirty(AQ_KINDS)) {
            invalidate(aqSpot);
            aqSpot();
        }
        if (dirty(WX_KINDS)) {
            invalidate(wxSpot);
            invalidate(wxSum);
            weatherProducts();
        }
        if (dirty(LHR_KINDS)) {
            invalidate(lhrCount);
            invalidate(lhrIndex);
            flightProducts();
        }
        if ((changed & etfLegMask) != 0) {
            invalidate(etf);
            invalidate(fly);
            etfAndFly();
        }
        dirtyKinds = 0;
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

    /**
     * Records a product's value with a normal 80% interval; a value with no uncertainty left is the
     * settlement, rounded as the rules say.
     */
    private void put(final int id, final double mean, final double variance) {
        fair[id] = variance == 0.0 && kindOf[id] >= 0 ? r.round(kindOf[id], mean) : mean;
        std[id] = Math.sqrt(Math.max(0.0, variance));
        low[id] = fair[id] - ForecastCalibration.Z80 * std[id];
        high[id] = fair[id] + ForecastCalibration.Z80 * std[id];
        intervalPending[id] = false;
        valid[id] = true;
    }

    /**
     * Records a product's value from its distribution {@code dists[id]}, scaled by {@code scale}
     * (> 0): its mean and std now, its own 80% interval when first read ({@link #interval}).
     */
    private void putDistribution(final int id, final double scale) {
        final TwoPartDistribution dist = dists[id];
        final double variance = dist.variance();
        if (variance == 0.0) {
            put(id, scale * dist.mean(), 0.0);
            return;
        }
        fair[id] = scale * dist.mean();
        std[id] = scale * Math.sqrt(variance);
        intervalScale[id] = scale;
        intervalPending[id] = true;
        valid[id] = true;
    }

    /** Computes the 80% interval of a product last valued by {@link #putDistribution}, once: its distribution's quantiles. */
    private void interval(final int id) {
        if (intervalPending[id]) {
            intervalPending[id] = false;
            low[id] = intervalScale[id] * dists[id].quantile(0.1);
            high[id] = intervalScale[id] * dists[id].quantile(0.9);
        }
    }

    private boolean started(final int series) {
        return series >= 0 && modelOf[series] >= 0 && models[modelOf[series]].isStarted();
    }

    /** Forecasts the grid of the model of {@code series} from its posterior; returns the first forecast point. */
    private int forecastGrid(final int series, final int lastPoint) {
        final int m = modelOf[series];
        final GridForecast g = grids[m];
        final int first = g.firstAfterPosterior();
        g.forecast(first, lastPoint);
        Arrays.fill(weights[m], 0.0);
        return first;
    }

    private void tideProducts() {
        if (sTide < 0 || tideSpot < 0 && tideSwing < 0) {
            return;
        }
        final boolean known = started(sTide);
        if (!known && (tideSpot < 0 || Double.isNaN(tide[samples])) && tideSwing < 0) {
            return;
        }
        final int m = known ? modelOf[sTide] : -1;
        final int row = known ? rowOf[sTide] : 0;
        final int kF = known ? forecastGrid(sTide, samples) : samples + 1;
        final double rn = modelOf[sTide] >= 0 ? models[modelOf[sTide]].readingVariance(rowOf[sTide]) : 0.0;
        if (tideSpot >= 0) {
            if (!Double.isNaN(tide[samples])) {
                spotFromReading(tideSpot, tideSpotPayoff, tide[samples], rn, SettlementFormulas.tideSpot(tide[samples], r));
            } else if (known) {
                sampleMoments(m, row, samples, kF, end, false);
                tideSpotPayoff.evaluate(fm, Math.sqrt(fv + fs));
                put(tideSpot, tideSpotPayoff.mean(), tideSpotPayoff.variance());
            }
        }
        if (tideSwing >= 0) {
            tideSwing(m, row, kF, rn);
        }
    }

    private double fm;
    private double fv;
    private double fs;

    /**
     * Sets {@link #fm}, {@link #fv} (latent variance) and {@link #fs} (sample noise variance) of
     * model {@code m}'s row at grid point k (time t), from the grid when k was forecast, else as of
     * the posterior. With {@code processOnly}, a forecast point's {@link #fv} is the process-noise
     * part alone (O(1) instead of O(n^2)): for terms whose posterior share is negligible.
     */
    private void sampleMoments(final int m, final int row, final int k, final int kF, final long t, final boolean processOnly) {
        if (k >= kF) {
            fm = grids[m].mean(row, k);
            fv = processOnly ? grids[m].processVariance(row, k) : grids[m].variance(row, k);
            fs = grids[m].sampleVariance(row, k);
        } else {
            fm = models[m].mean(row, t);
            fv = models[m].latentVariance(row, t);
            fs = models[m].sampleVariance(row, t);
        }
    }

    /** A spot product from a reading at the window end, uncertain by the feed's reading noise. */
    private void spotFromReading(final int id, final PiecewiseLinearPayoff payoff, final double reading, final double noiseVar,
                                 final double exact) {
        if (noiseVar == 0.0) {
            put(id, exact, 0.0);
        } else {
            payoff.evaluate(reading, Math.sqrt(noiseVar));
            put(id, payoff.mean(), payoff.variance());
        }
    }

    private void tideSwing(final int m, final int row, final int kF, final double rn) {
        final int first = r.swingIncludeWindowStart() ? 0 : 1;
        final long step = r.sampleIntervalNanos();
        for (int k = first; k <= samples; k++) {
            if (!Double.isNaN(tide[k])) {
                status[k] = REALISED;
                mu[k] = tide[k];
                sv[k] = rn;
            } else if (m < 0) {
                return;
            } else if (k >= kF) {
                // a forecast pair's change variance comes from the grid: the point's own mean and sample noise only
                status[k] = FORECAST;
                mu[k] = grids[m].mean(row, k);
                sv[k] = grids[m].sampleVariance(row, k);
            } else {
                sampleMoments(m, row, k, kF, start + k * step, true);
                status[k] = STALE;
                mu[k] = fm;
                sv[k] = fv + fs;
            }
        }
        double mean = 0.0;
        double var = 0.0;
        beta[first] = 0.0;
        beta[samples + 1] = 0.0;
        for (int k = first + 1; k <= samples; k++) {
            final double dm = mu[k] - mu[k - 1];
            final double dv;
            if (status[k] == FORECAST && status[k - 1] == FORECAST) {
                dv = grids[m].diffVariance(row, k) + sv[k] + sv[k - 1];
            } else if (status[k] == FORECAST) {
                dv = grids[m].variance(row, k) + sv[k] + sv[k - 1];
            } else {
                dv = sv[k] + sv[k - 1];
            }
            if (dv == 0.0) {
                mean += SettlementFormulas.swingPair(dm, r);
                beta[k] = 0.0;
                continue;
            }
            final boolean realised = status[k] == REALISED && status[k - 1] == REALISED;
            if (!pairs.has(k, dm, dv, realised)) {
                swingPayoff.evaluate(dm, Math.sqrt(dv));
                final double b = swingPayoff.slopeMean();
                // two noisy readings: the payoff of their change overstates a convex payoff's (and
                // understates a concave one's) by about E[f(d + e)] - f(d); take that off once
                pairs.put(k, dm, dv, realised, realised ? 2.0 * SettlementFormulas.swingPair(dm, r) - swingPayoff.mean()
                    : swingPayoff.mean(), b, Math.max(0.0, swingPayoff.variance() - b * b * dv));
            }
            mean += pairs.mean(k);
            beta[k] = pairs.slope(k);
            var += pairs.variance(k);
        }
        boolean anyForecast = false;
        for (int k = first; k <= samples; k++) {
            final double c = (k > first ? beta[k] : 0.0) - beta[k + 1];
            if (status[k] == FORECAST) {
                weights[m][row * stride + k] = c;
                anyForecast = true;
            }
            var += c * c * sv[k];
        }
        if (anyForecast) {
            var += grids[m].functionalVariance(weights[m], stride);
        }
        put(tideSwing, mean, var);
    }

    private void aqSpot() {
        if (aqSpot < 0 || sPm < 0) {
            return;
        }
        final int m = modelOf[sPm];
        final double rn = m >= 0 ? models[m].readingVariance(rowOf[sPm]) : 0.0;
        if (!Double.isNaN(pmAtEnd)) {
            spotFromReading(aqSpot, aqPayoff, pmAtEnd, rn, SettlementFormulas.aqSpot(pmAtEnd, r));
            return;
        }
        if (!started(sPm)) {
            return;
        }
        final StructuralModel model = models[m];
        final int row = rowOf[sPm];
        final double lm = model.mean(row, end);
        final double lv = model.latentVariance(row, end);
        double mean;
        double var;
        if (model.logScale()) {
            final double e = StrictMath.exp(2.0 * lm + lv);
            mean = StrictMath.exp(lm + 0.5 * lv);
            var = (FdlibmPort.expm1(lv)) * e;
        } else {
            mean = lm;
            var = lv;
        }
        var += model.sampleVariance(row, end);
        final SpikeTracker spike = spikes[m];
        if (!model.logScale() || r.aqSpotMultiplier() <= 0.0) {
            if (spike != null) {
                mean += spike.expectedAt(end);
                var += spike.varianceAt(end);
            }
            aqPayoff.evaluate(mean, Math.sqrt(var));
            put(aqSpot, aqPayoff.mean(), aqPayoff.variance());
            return;
        }
        // PM2.5 >= 0: the settlement is the level times the multiplier, so its distribution is the
        // level's: the log-normal (plus a tracked spike's remainder), and with the probability of an
        // unseen spike that plus the spike
        final double trackedMean = spike != null ? spike.trackedAt(end) : 0.0;
        final double trackedVar = spike != null ? spike.trackedVarianceAt(end) : 0.0;
        final double tracked = Math.max(0.0, trackedMean - 2.0 * Math.sqrt(trackedVar));
        mean += trackedMean - tracked;
        final double usualVar = var + trackedVar;
        final TwoPartDistribution dist = dists[aqSpot];
        dist.logNormal(tracked, mean, usualVar);
        if (spike != null) {
            final double p = spike.unseenProbability(end);
            if (p > 0.0) {
                dist.withRareLogNormal(p, tracked, mean + spike.unseenSizeMean(end), usualVar + spike.unseenSizeVariance(end));
            }
        }
        putDistribution(aqSpot, r.aqSpotMultiplier());
    }

    private void weatherProducts() {
        if (sTemp < 0 || sRh < 0 || wxSpot < 0 && wxSum < 0) {
            return;
        }
        final boolean tKnown = started(sTemp);
        final boolean hKnown = started(sRh);
        final int mt = modelOf[sTemp];
        final int mh = modelOf[sRh];
        final int kFt = tKnown ? forecastGrid(sTemp, samples) : samples + 1;
        final int kFh = !hKnown ? samples + 1 : mh == mt ? kFt : forecastGrid(sRh, samples);
        final double rnT = mt >= 0 ? models[mt].readingVariance(rowOf[sTemp]) : 0.0;
        final double rnH = mh >= 0 ? models[mh].readingVariance(rowOf[sRh]) : 0.0;
        if (wxSpot >= 0 && wxMoments(samples, kFt, kFh, tKnown, hKnown, rnT, rnH, false)) {
            put(wxSpot, wm, wv);
        }
        if (wxSum < 0) {
            return;
        }
        double mean = 0.0;
        double var = 0.0;
        boolean anyForecast = false;
        // from kJoint on both series are forecast from one model's grid (wxMoments' joint case, called directly)
        final int kJoint = tKnown && hKnown && mt == mh ? Math.max(kFt, kFh) : samples + 1;
        for (int k = r.wxSumIncludeWindowStart() ? 0 : 1; k <= samples; k++) {
            if (k >= kJoint && Double.isNaN(temp[k]) && Double.isNaN(rh[k])) {
                jointForecastMoments(k);
                mean += wm;
                var += wv;
                anyForecast = true;
                continue;
            }
            final boolean bothRead = !Double.isNaN(temp[k]) && !Double.isNaN(rh[k]);
            if (bothRead && wxPoints.has(k, temp[k], rh[k])) {
                mean += wxPoints.mean(k);
                var += wxPoints.variance(k);
                continue;
            }
            if (!wxMoments(k, kFt, kFh, tKnown, hKnown, rnT, rnH, true)) {
                return;
            }
            if (bothRead) {
                wxPoints.put(k, temp[k], rh[k], wm, wv);
            }
            mean += wm;
            var += wv;
            anyForecast |= wForecast;
        }
        if (anyForecast) {
            var += functional(mt) + (mh != mt ? functional(mh) : 0.0);
        }
        final double d = r.wxSumDivisor();
        put(wxSum, mean / d, var / (d * d));
    }

    private double functional(final int m) {
        return m >= 0 ? grids[m].functionalVariance(weights[m], stride) : 0.0;
    }

    private double wm;
    private double wv;
    private boolean wForecast;

    /**
     * {@link #wxMoments} of a point both series forecast from one model's grid, with the forecast
     * parts' linear weights written into its functional (the WX_SUM terms of most of a window's
     * points; small, so that the sum's loop inlines it).
     */
    private void jointForecastMoments(final int k) {
        final GridForecast g = grids[modelOf[sTemp]];
        final int rowT = rowOf[sTemp];
        final int rowH = rowOf[sRh];
        final double mF = FAHRENHEIT * g.mean(rowT, k) + 32.0;
        final double vF = FAHRENHEIT * FAHRENHEIT * g.processVariance(rowT, k);
        final double nF = FAHRENHEIT * FAHRENHEIT * g.sampleVariance(rowT, k);
        final double mH = Math.min(100.0, Math.max(0.0, g.mean(rowH, k)));
        final double vH = g.processVariance(rowH, k);
        final double nH = g.sampleVariance(rowH, k);
        final double cov = FAHRENHEIT * g.processCovariance01(k);
        final double totF = vF + nF;
        final double totH = vH + nH;
        final double[] w = weights[modelOf[sTemp]];
        w[rowT * stride + k] = FAHRENHEIT * mH;
        w[rowH * stride + k] = mF;
        wm = mF * mH + cov;
        wv = mH * mH * nF + mF * mF * nH + totF * totH + cov * cov;
        wForecast = true;
    }

    /**
     * Sets {@link #wm} and {@link #wv} to the mean and the independent part of the variance of
     * T_F x RH at grid point k; when {@code linear}, writes the forecast parts' linear weights into
     * the models' functionals (their variance is added by the caller), otherwise adds that variance
     * here. False when a needed series is neither read nor forecastable.
     */
    private boolean wxMoments(final int k, final int kFt, final int kFh, final boolean tKnown, final boolean hKnown,
                              final double rnT, final double rnH, final boolean linear) {
        final long t = start + k * r.sampleIntervalNanos();
        final int mt = modelOf[sTemp];
        final int mh = modelOf[sRh];
        final int rowT = rowOf[sTemp];
        final int rowH = rowOf[sRh];
        final boolean tRead = !Double.isNaN(temp[k]);
        final boolean hRead = !Double.isNaN(rh[k]);
        if (!tRead && !tKnown || !hRead && !hKnown) {
            return false;
        }
        if (linear && !tRead && !hRead && mt == mh && k >= kFt && k >= kFh) {
            jointForecastMoments(k);
            return true;
        }
        double mF;
        double vF;
        double nF;
        int stT = REALISED;
        if (tRead) {
            mF = SettlementFormulas.fahrenheit(temp[k], r.wxFahrenheitDecimals());
            vF = 0.0;
            nF = FAHRENHEIT * FAHRENHEIT * rnT;
        } else {
            sampleMoments(mt, rowT, k, kFt, t, linear);
            stT = k >= kFt ? FORECAST : STALE;
            mF = FAHRENHEIT * fm + 32.0;
            vF = FAHRENHEIT * FAHRENHEIT * fv;
            nF = FAHRENHEIT * FAHRENHEIT * fs;
        }
        double mH;
        double vH;
        double nH;
        int stH = REALISED;
        if (hRead) {
            mH = rh[k];
            vH = 0.0;
            nH = rnH;
        } else {
            sampleMoments(mh, rowH, k, kFh, t, linear);
            stH = k >= kFh ? FORECAST : STALE;
            mH = Math.min(100.0, Math.max(0.0, fm));
            vH = fv;
            nH = fs;
        }
        double cov = 0.0;
        if (stT != REALISED && stH != REALISED && mt == mh) {
            // (both forecast here only for the spot: the sum's joint points were taken above)
            cov = FAHRENHEIT * (stT == FORECAST && stH == FORECAST
                ? grids[mt].covariance(rowT, rowH, k)
                : models[mt].latentCovariance(rowT, rowH, t));
        }
        if (tRead && hRead && rnT == 0.0 && rnH == 0.0) {
            wm = SettlementFormulas.wxSpot(temp[k], rh[k], r);
            wv = 0.0;
            wForecast = false;
            return true;
        }
        wm = mF * mH + cov;
        final double totF = vF + nF;
        final double totH = vH + nH;
        double v = mH * mH * nF + mF * mF * nH + totF * totH + cov * cov;
        wForecast = false;
        if (stT == FORECAST && linear) {
            weights[mt][rowT * stride + k] = FAHRENHEIT * mH;
            wForecast = true;
        } else {
            v += mH * mH * vF;
        }
        if (stH == FORECAST && linear) {
            weights[mh][rowH * stride + k] = mF;
            wForecast = true;
        } else {
            v += mF * mF * vH;
        }
        if (!linear || stT != FORECAST || stH != FORECAST) {
            v += 2.0 * mF * mH * cov;
        }
        wv = v;
        return true;
    }

    private void flightProducts() {
        if (sArr < 0 || sDep < 0 || lhrCount < 0 && lhrIndex < 0) {
            return;
        }
        final boolean aKnown = started(sArr);
        final boolean dKnown = started(sDep);
        final int ma = modelOf[sArr];
        final int md = modelOf[sDep];
        final int kFa = aKnown ? forecastGrid(sArr, bins - 1) : bins;
        final int kFd = !dKnown ? bins : md == ma ? kFa : forecastGrid(sDep, bins - 1);
        final double rnA = ma >= 0 ? models[ma].readingVariance(rowOf[sArr]) : 0.0;
        final double rnD = md >= 0 ? models[md].readingVariance(rowOf[sDep]) : 0.0;
        double count = 0.0;
        double countVar = 0.0;
        double sumMean = 0.0;
        double sumVar = 0.0;
        boolean anyForecast = false;
        final boolean absOfSum = r.lhrIndexAbsOfSum();
        int countedTo = 0;
        boolean anyModelled = false;
        for (int j = 0; j < bins; j++) {
            final long t = start + j * r.lhrBinNanos();
            final boolean announced = capAsOf != Long.MIN_VALUE;
            final double share = announced ? announcedShare(t) : 1.0;
            double a;
            double va;
            double d;
            double vd;
            double cov = 0.0;
            if (!Double.isNaN(arr[j])) {
                a = arr[j];
                va = rnA;
                countVar += rnA;
            } else if (announced && ma >= 0) {
                a = models[ma].profile(rowOf[sArr], t) * undisruptedScale(ma, t) * share;
                va = models[ma].sampleVariance(rowOf[sArr], t);
                countVar += va;
            } else if (aKnown) {
                anyModelled = true;
                binMoments(ma, rowOf[sArr], j, kFa, t);
                a = Math.max(0.0, fm);
                va = fv + fs;
                if (j >= kFa) {
                    weights[ma][rowOf[sArr] * stride + j] = 1.0;
                    anyForecast = true;
                    countVar += fs;
                } else {
                    countVar += va;
                }
            } else {
                return;
            }
            if (!Double.isNaN(dep[j])) {
                d = dep[j];
                vd = rnD;
                countVar += rnD;
            } else if (announced && md >= 0) {
                d = models[md].profile(rowOf[sDep], t) * undisruptedScale(md, t) * share;
                vd = models[md].sampleVariance(rowOf[sDep], t);
                countVar += vd;
            } else if (dKnown) {
                anyModelled = true;
                binMoments(md, rowOf[sDep], j, kFd, t);
                d = Math.max(0.0, fm);
                vd = fv + fs;
                if (j >= kFd) {
                    weights[md][rowOf[sDep] * stride + j] = 1.0;
                    anyForecast = true;
                    countVar += fs;
                } else {
                    countVar += vd;
                }
                if (Double.isNaN(arr[j]) && !announced && ma == md) {
                    cov = j >= kFa ? grids[ma].covariance(rowOf[sArr], rowOf[sDep], j)
                        : models[ma].latentCovariance(rowOf[sArr], rowOf[sDep], t);
                }
            } else {
                return;
            }
            count += a + d;
            uncounted[j] = (Double.isNaN(arr[j]) ? a : 0.0) + (Double.isNaN(dep[j]) ? d : 0.0);
            if (!Double.isNaN(arr[j]) || !Double.isNaN(dep[j])) {
                countedTo = j + 1;
            }
            final double total = a + d;
            final double mx = SettlementFormulas.lhrBin(a, d);
            double vx = 0.0;
            if (total > 0.0 && (va > 0.0 || vd > 0.0)) {
                final double t2 = total * total;
                final double ga = 2.0 * d / t2;
                final double gd = -2.0 * a / t2;
                vx = Math.min(1.0, ga * ga * va + gd * gd * vd + 2.0 * ga * gd * cov);
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
        if (lhrCount >= 0) {
            if (anyForecast) {
                countVar += functional(ma) + (md != ma ? functional(md) : 0.0);
            }
            final DisruptionSpec ds = ma >= 0 ? disruptions[ma] : null;
            final int announcedTo = capAsOf == Long.MIN_VALUE ? 0
                : (int) Math.max(0L, Math.min(bins, Math.floorDiv(capAsOf - start, r.lhrBinNanos()) + 1));
            if (ds != null && ds.enabled() && ds.slotMinutes() * MINUTE_NANOS == r.lhrBinNanos()
                && disruptionRisk(ds, Math.max(countedTo, announcedTo))) {
                // bins forecast from the announcements: the schedule (the learned profile, a mean
                // over all days, scaled up by the share of movements disruptions remove at that
                // slot on average) times the announced share, the variance only the count noise: the
                // usual part, and the rare part less the movements of a disruption still to begin.
                // Modelled bins: the model's variance already holds part of the disruption risk as
                // a Gaussian, and the usual part keeps what is left of it beyond the risk, at least
                // the count noise of the bins to come; the mean stays the forecast's (the profile's:
                // disruptions at their usual rate), the usual part above it by the risk's expected loss
                final double usualVar = anyModelled
                    ? Math.max(countVar - riskP * riskVar - riskP * (1.0 - riskP) * riskMean * riskMean, countNoise(ma, md, countedTo))
                    : countVar;
                final double usualMean = anyModelled ? count + riskP * riskMean : count;
                dists[lhrCount].normal(usualMean, usualVar).withRareNormal(riskP, usualMean - riskMean, usualVar + riskVar);
                putDistribution(lhrCount, 1.0);
            } else {
                put(lhrCount, count, countVar);
            }
        }
        if (lhrIndex >= 0) {
            final double mult = r.lhrIndexMultiplier();
            if (absOfSum) {
                absPayoff.evaluate(sumMean, Math.sqrt(sumVar));
                put(lhrIndex, absPayoff.mean() * mult, absPayoff.variance() * mult * mult);
            } else {
                put(lhrIndex, sumMean * mult, sumVar * mult * mult);
            }
        }
    }

    private double riskP;
    private double riskMean;
    private double riskVar;

    /**
     * Sets {@link #riskP} (the probability that a disruption begins in a bin from {@code from} on,
     * none of which is counted yet), {@link #riskMean} and {@link #riskVar} (the mean and variance of
     * the movements it removes, given one) from {@link #uncounted}; false when no disruption can
     * begin there.
     */
    private boolean disruptionRisk(final DisruptionSpec ds, final int from) {
        final long bin = r.lhrBinNanos();
        final long day = 1440 * MINUTE_NANOS;
        final double lengths = ds.maxSlots() - ds.minSlots() + 1;
        double p = 0.0;
        double m1 = 0.0;
        double m2 = 0.0;
        for (int js = from; js < bins; js++) {
            final int slot = (int) (Math.floorMod(start + js * bin, day) / bin);
            final double w = ds.startProbability(slot);
            if (w == 0.0) {
                continue;
            }
            p += w;
            double lost = 0.0;
            for (int len = 1; len <= ds.maxSlots(); len++) {
                if (js + len - 1 < bins) {
                    lost += uncounted[js + len - 1];
                }
                if (len >= ds.minSlots()) {
                    m1 += w * lost / lengths;
                    m2 += w * lost * lost / lengths;
                }
            }
        }
        if (p == 0.0) {
            return false;
        }
        final double loss = ds.meanLoss();
        final double loss2 = loss * loss + ds.lossStd() * ds.lossStd();
        riskP = Math.min(1.0, p);
        riskMean = loss * m1 / p;
        riskVar = Math.max(0.0, loss2 * m2 / p - riskMean * riskMean);
        return riskMean > 0.0;
    }

    /** The settlement source's own count noise over the bins from {@code from} on (the spread no schedule removes). */
    private double countNoise(final int ma, final int md, final int from) {
        double v = 0.0;
        final long bin = r.lhrBinNanos();
        for (int j = from; j < bins; j++) {
            final long t = start + j * bin;
            v += models[ma].sampleVariance(rowOf[sArr], t) + models[md].sampleVariance(rowOf[sDep], t);
        }
        return v;
    }

    private static double[] undisruptedScale(final DisruptionSpec ds) {
        if (!ds.enabled()) {
            return new double[] {1.0};
        }
        final double[] scale = new double[1440 / ds.slotMinutes()];
        for (int slot = 0; slot < scale.length; slot++) {
            scale[slot] = 1.0 / (1.0 - ds.meanLoss() * ds.coverProbability(slot));
        }
        return scale;
    }

    /** Model m's undisrupted scale of the profile at {@code t} (1 without disruptions). */
    private double undisruptedScale(final int m, final long t) {
        final double[] scale = undisrupted[m];
        if (scale.length == 1) {
            return scale[0];
        }
        final long slotNanos = 1440 * MINUTE_NANOS / scale.length;
        return scale[(int) (Math.floorMod(t, 1440 * MINUTE_NANOS) / slotNanos)];
    }

    /** Like {@link #sampleMoments} on the flight bin grid (the flight model is small: the full variance). */
    private void binMoments(final int m, final int row, final int j, final int kF, final long t) {
        sampleMoments(m, row, j, kF, t, false);
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

    /**
     * Low end of the product's central 80% interval (its forecast distribution's 10% quantile):
     * for AQ_SPOT and LHR_COUNT computed here, on the first read after the value moved (two
     * quantile searches, about a microsecond), not on the event path, which does not read it.
     */
    public double low80(final int instrumentId) {
        interval(instrumentId);
        return low[instrumentId];
    }

    /** High end of the product's central 80% interval (its forecast distribution's 90% quantile); see {@link #low80}. */
    public double high80(final int instrumentId) {
        interval(instrumentId);
        return high[instrumentId];
    }

    /** The fly's payoff, for tools and tests. */
    public PiecewiseLinearPayoff flyPayoff() {
        return flyPayoff;
    }

    public long stateHash() {
        long h = 13;
        h = 31 * h + start;
        for (final StructuralModel m : models) {
            h = 31 * h + m.stateHash();
        }
        for (int i = 0; i <= samples; i++) {
            h = 31 * h + Double.doubleToLongBits(tide[i]) + 3 * Double.doubleToLongBits(temp[i]) + 7 * Double.doubleToLongBits(rh[i]);
        }
        for (int j = 0; j < bins; j++) {
            h = 31 * h + Double.doubleToLongBits(arr[j]) + 3 * Double.doubleToLongBits(dep[j]);
        }
        for (final SpikeTracker s : spikes) {
            h = 31 * h + (s == null ? 0 : s.stateHash());
        }
        h = 31 * h + capFrom + 3 * capTo + 7 * capAsOf + Double.doubleToLongBits(capShare) + Double.doubleToLongBits(pendingShare);
        return 31 * h + Double.doubleToLongBits(pmAtEnd);
    }
}
