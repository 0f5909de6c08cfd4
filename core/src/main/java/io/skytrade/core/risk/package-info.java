/**
 * Pipeline stage 6, risk: {@link io.skytrade.core.risk.RiskStage} approves or rejects the
 * strategy's intents with {@link io.skytrade.core.risk.PreTradeRiskCheck} against
 * {@link io.skytrade.core.risk.RiskLimits}, watches equity with
 * {@link io.skytrade.core.risk.DrawdownMonitor}, drives the
 * {@link io.skytrade.core.risk.SafeModeStateMachine} (NORMAL, REDUCING, SAFE, HALTED), and in SAFE
 * cancels and flattens through {@link io.skytrade.core.risk.SafeModeUnwinder}. Every verdict, mode
 * change and alert is a decision in the event, so the decisions journal records it and a replay
 * reproduces it. Reason codes live in {@link io.skytrade.core.risk.RiskReason}.
 */
package io.skytrade.core.risk;
