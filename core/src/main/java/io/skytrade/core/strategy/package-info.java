/**
 * Stage 5: the regime-adaptive strategy. Thresholds and aggressiveness blended by the regime
 * posterior, order-book imbalance tilting the limit price and the decision to cross, and order
 * intents appended to the event's decisions ({@link io.skytrade.core.strategy.StrategyHandler}).
 */
package io.skytrade.core.strategy;
