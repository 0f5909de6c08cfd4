/**
 * Stage 2: Kalman nowcasts. A local linear trend (level and slope per hour) per data series and a
 * random-walk filtered mid per market, with irregular event-time steps, Joseph-form updates and a
 * Mahalanobis gate ({@link io.skytrade.core.kalman.KalmanHandler}).
 */
package io.skytrade.core.kalman;
