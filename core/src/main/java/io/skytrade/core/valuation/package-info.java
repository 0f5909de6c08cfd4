/**
 * Stage 3: expected settlement and its standard deviation per product, from the realised part of
 * the settlement window and the series forecasts ({@link io.skytrade.core.valuation.ValuationHandler})
 * under the shared settlement rules ({@link io.skytrade.core.settlement.SettlementRules}), and
 * closed-form payoff moments under a normal ({@link io.skytrade.core.valuation.PiecewiseLinearPayoff}).
 */
package io.skytrade.core.valuation;
