/**
 * Stage 4 (regime): a Gaussian hidden Markov model over mid returns and realised volatility, run
 * online as a scaled probability-space forward filter ({@link io.skytrade.core.regime.RegimeHandler}) and fitted
 * offline by Baum-Welch ({@link io.skytrade.core.regime.BaumWelch}).
 */
package io.skytrade.core.regime;
