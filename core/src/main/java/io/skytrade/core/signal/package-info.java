/**
 * Stage 4 (signals): mispricing z-score, momentum and data surprise per product, combined into one
 * signal in [-1, 1] ({@link io.skytrade.core.signal.SignalHandler}).
 */
package io.skytrade.core.signal;
