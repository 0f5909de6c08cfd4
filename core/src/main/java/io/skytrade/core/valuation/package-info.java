/**
 * Stage 3: expected settlement and its standard deviation per product, from the realised part of
 * the settlement window and the series forecasts ({@link io.skytrade.core.valuation.ValuationHandler});
 * the CMI settlement formulas ({@link io.skytrade.core.valuation.SettlementFormulas}) and closed-form
 * payoff moments under a normal ({@link io.skytrade.core.valuation.PiecewiseLinearPayoff}).
 */
package io.skytrade.core.valuation;
