/**
 * Stage 1 of the signal stack: rolling-window statistics, event-time EWMAs and decaying sums per
 * data series and per market ({@link io.skytrade.core.feature.FeatureHandler}), and the input
 * validation every signal-stack stage shares ({@link io.skytrade.core.feature.EventGuard}).
 */
package io.skytrade.core.feature;
