/**
 * Orders: the {@link io.skytrade.core.order.OrderStateMachine} and the preallocated
 * {@link io.skytrade.core.order.OrderTable} the trading book keeps its orders in, and the outbound
 * stage ({@link io.skytrade.core.order.OutboundStage}) that journals each event's decisions and
 * only then sends the approved orders and cancels through the order gateway.
 */
package io.skytrade.core.order;
