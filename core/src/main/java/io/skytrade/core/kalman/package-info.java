/**
 * Kalman filters. Stage 2 ({@link io.skytrade.core.kalman.KalmanHandler}) filters each market's
 * mid. The data series' nowcast models ({@link io.skytrade.core.kalman.StructuralModel}: structural
 * time-series models of tide constituents, smooth Matern processes, random-walk levels, schedule
 * profiles, built from {@link io.skytrade.core.kalman.NowcastModelSpec}) and their joint forecasts
 * over a settlement window ({@link io.skytrade.core.kalman.GridForecast}) are run by the valuation
 * stage, which owns the series state.
 */
package io.skytrade.core.kalman;
