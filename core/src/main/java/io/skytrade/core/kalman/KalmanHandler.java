package io.skytrade.core.kalman;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.feature.EventGuard;
import io.skytrade.core.pipeline.StateHash;
import io.skytrade.core.registry.InstrumentRegistry;

/**
 * Stage 2: a local linear trend nowcast per data series (plus learned harmonics for the series
 * configured with {@link KalmanParams#harmonics}, such as the tide: {@link HarmonicTrendFilter})
 * and a filtered mid per market. On an
 * observation it writes the series' posterior ({@link EngineEvent#seriesLevel}, slope and
 * covariance, at the event time) and the data surprise {@link EngineEvent#innovationZ} (NaN when
 * the reading failed the gate); a reading older than the series' state updates it but writes no
 * posterior (it would be misdated), and a stale (cached) reading is ignored. On a two-sided book
 * it writes {@link EngineEvent#filteredMid} and {@link EngineEvent#filteredMidStd}. For a series
 * with harmonics the level, slope and their covariance are the trend's (the series without its
 * harmonics) and the full posterior goes to {@link EngineEvent#seriesState} and
 * {@link EngineEvent#seriesCov}. Later stages keep their own copies of what they need.
 *
 * <p>Owns its state; one thread. Hot-path cost: one filter update (~30 flops; with K harmonics
 * 2K StrictMath cos/sin and ~4 (2 + 2K)^2 flops, about 0.3 us for the tide), no allocation.
 */
public final class KalmanHandler implements EventHandler<EngineEvent>, StateHash {
    private final int seriesCount;
    private final int instrumentCount;
    private final LocalLinearTrendFilter series;
    private final HarmonicTrendFilter periodic;
    private final boolean[] hasHarmonics;
    private final ScalarKalmanFilter mids;
    private final double midNoise;

    public KalmanHandler(final InstrumentRegistry registry, final KalmanParams params) {
        seriesCount = registry.seriesCount();
        instrumentCount = registry.instrumentCount();
        final SeriesNoise[] noise = new SeriesNoise[Math.max(1, seriesCount)];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = i < seriesCount ? params.noiseFor(registry.seriesName(i)) : params.defaultNoise();
        }
        series = new LocalLinearTrendFilter(noise, params.gateSigmas(), params.maxConsecutiveRejects());
        final HarmonicModel[] models = new HarmonicModel[noise.length];
        hasHarmonics = new boolean[noise.length];
        for (int i = 0; i < noise.length; i++) {
            models[i] = i < seriesCount ? params.harmonicsFor(registry.seriesName(i)) : HarmonicModel.none();
            hasHarmonics[i] = models[i].count() > 0;
        }
        periodic = new HarmonicTrendFilter(noise, models, params.gateSigmas(), params.maxConsecutiveRejects());
        mids = new ScalarKalmanFilter(Math.max(1, instrumentCount), params.midProcessNoisePerHour(),
            params.gateSigmas(), params.maxConsecutiveRejects());
        midNoise = params.midMeasurementNoise();
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        if (EventGuard.rejected(event, seriesCount, instrumentCount) || EventGuard.stale(event)) {
            return;
        }
        if (event.type == EventType.OBSERVATION) {
            final int id = event.instrumentId;
            if (hasHarmonics[id]) {
                onPeriodicObservation(event, id);
                return;
            }
            final int outcome = series.update(id, event.eventTimeNanos, event.value);
            event.innovationZ = outcome == LocalLinearTrendFilter.REJECTED ? Double.NaN : series.lastInnovationZ(id);
            if (series.isStarted(id) && series.time(id) == event.eventTimeNanos) {
                event.seriesLevel = series.level(id);
                event.seriesSlope = series.slope(id);
                event.seriesVarLevel = series.varLevel(id);
                event.seriesCovLevelSlope = series.covLevelSlope(id);
                event.seriesVarSlope = series.varSlope(id);
            }
        } else if (event.hasTwoSidedBook()) {
            final int id = event.instrumentId;
            final double bid = event.bestBid();
            final double ask = event.bestAsk();
            final double halfSpread = 0.5 * (ask - bid);
            mids.update(id, event.eventTimeNanos, 0.5 * (bid + ask), midNoise + halfSpread * halfSpread);
            if (mids.isStarted(id)) {
                event.filteredMid = mids.estimate(id);
                event.filteredMidStd = Math.sqrt(mids.variance(id));
            }
        }
    }

    private void onPeriodicObservation(final EngineEvent event, final int id) {
        final int outcome = periodic.update(id, event.eventTimeNanos, event.value);
        event.innovationZ = outcome == LocalLinearTrendFilter.REJECTED ? Double.NaN : periodic.lastInnovationZ(id);
        if (periodic.isStarted(id) && periodic.time(id) == event.eventTimeNanos) {
            event.seriesLevel = periodic.level(id);
            event.seriesSlope = periodic.slope(id);
            event.seriesVarLevel = periodic.covariance(id, 0, 0);
            event.seriesCovLevelSlope = periodic.covariance(id, 0, 1);
            event.seriesVarSlope = periodic.covariance(id, 1, 1);
            event.seriesStateDim = periodic.dimension(id);
            periodic.copyState(id, event.seriesState, event.seriesCov);
        }
    }

    /** Readings of a series rejected by the gate so far (a counter for dashboards). */
    public long rejectedReadings(final int seriesId) {
        return hasHarmonics[seriesId] ? periodic.rejectedCount(seriesId) : series.rejectedCount(seriesId);
    }

    /** Mid quotes of an instrument rejected by the gate so far. */
    public long rejectedMids(final int instrumentId) {
        return mids.rejectedCount(instrumentId);
    }

    @Override
    public long stateHash() {
        return 31 * (31 * series.stateHash() + periodic.stateHash()) + mids.stateHash();
    }
}
