/**
 * Pipeline stage 7, orders: {@link io.skytrade.core.order.OrderManagerStage} assigns client order
 * ids, runs the {@link io.skytrade.core.order.OrderStateMachine} over a preallocated
 * {@link io.skytrade.core.order.OrderTable}, reports illegal transitions as alerts, journals the
 * event's decisions and only then sends through the order gateway.
 */
package io.skytrade.core.order;
