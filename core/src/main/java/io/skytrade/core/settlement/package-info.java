/**
 * The settlement rules, defined once: the configured {@link io.skytrade.core.settlement.SettlementRules}
 * (sessions, grid, multipliers, rounding, thresholds, ETF legs, the fly's option legs, symbols and
 * series), the formulas applied to realised readings ({@link io.skytrade.core.settlement.SettlementFormulas}),
 * option payoffs ({@link io.skytrade.core.settlement.OptionPayoff}) and London session arithmetic
 * ({@link io.skytrade.core.settlement.LondonSessions}). The simulated venue and the engine's valuation
 * both settle through this package.
 */
package io.skytrade.core.settlement;
