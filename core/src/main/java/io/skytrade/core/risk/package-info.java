/**
 * Pipeline stage 6, risk: {@link io.skytrade.core.risk.RiskStage} approves or rejects the
 * strategy's intents with {@link io.skytrade.core.risk.PreTradeRiskCheck} against
 * {@link io.skytrade.core.risk.RiskLimits}, watches equity with
 * {@link io.skytrade.core.risk.DrawdownMonitor}, drives the
 * {@link io.skytrade.core.risk.SafeModeStateMachine} (NORMAL, REDUCING, SAFE, HALTED), and in SAFE
 * cancels and flattens through {@link io.skytrade.core.risk.SafeModeUnwinder}. Every verdict, mode
 * change and alert is a decision in the event, so the decisions journal records it and a replay
 * reproduces it. Reason codes live in {@link io.skytrade.core.risk.RiskReason}.
 *
 * <p>Per event the risk stage does, in order: market view and marks (MARKET_BOOK, fair values of
 * touched instruments); order events into its order mirror; position reconciliation
 * (POSITION_REPORT); settlement, which realises and flattens the product's position (SETTLEMENT); staleness (TIMER, event time); operator commands (CONTROL); the stage- and
 * journal-failure flags; drawdown; the intents; the SAFE actions. A journal failure rejects every
 * intent and sends nothing on that event.
 *
 * <p>Risk shares nothing with the order stage: it keeps its own mirror of the order table and of
 * positions, fed by the same events and by the intents it approves, with the same
 * {@link io.skytrade.core.order.OrderTable} code, so exposure counts every open order even when the
 * order stage runs on another thread. The mirror assigns client order ids with the same counter as
 * the order stage, hence both are built from the same
 * {@link io.skytrade.core.order.OrderManagerConfig}; risk writes the id it expects into each
 * approved ORDER_NEW and the order stage, which assigns the id, raises an ORDER_ID_MISMATCH alert
 * should they ever differ.
 *
 * <p>Decision layout. A rejected intent keeps its kind, with status REJECTED and {@code reason}.
 * ALERT (status APPROVED): {@code reason} = what, {@code instrumentId} (-1 when none); for
 * POSITION_MISMATCH {@code priceTicks} = our position and {@code quantity} = the venue's; for
 * SOFT_DRAWDOWN {@code priceTicks} = the drawdown. MODE_CHANGE (status APPROVED): {@code reason} =
 * new {@link io.skytrade.core.risk.TradingMode}, {@code quantity} = old mode, {@code priceTicks} =
 * cause as a RiskReason, {@code instrumentId} = the market concerned or -1. SAFE actions (status
 * APPROVED, reason SAFE_MODE): ORDER_CANCEL with the order's id; ORDER_NEW with IOC for flattening.
 */
package io.skytrade.core.risk;
