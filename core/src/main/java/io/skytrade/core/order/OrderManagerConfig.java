package io.skytrade.core.order;

/**
 * Order-manager parameters, bound from the {@code orders} section of the configuration: the size
 * of the preallocated order table, the first client order id, and the acknowledgement timeout.
 * Client order ids are {@code clientOrderIdBase + n} for the n-th order (n from 1): unique and
 * identical on replay. Give each live run a distinct base (for example run number x 10^9) so a
 * restart never reuses an id at the venue. Immutable and validated on construction (one message
 * naming key, value and expectation). Thread-safe. Hot-path cost: field reads.
 *
 * @param orderCapacity     {@code orders.orderCapacity}: most live orders the table holds
 * @param clientOrderIdBase {@code orders.clientOrderIdBase}: ids start after this value
 * @param ackTimeoutNanos   {@code orders.ackTimeoutNanos}: event time after which an unacknowledged order raises an alert
 */
public record OrderManagerConfig(int orderCapacity, long clientOrderIdBase, long ackTimeoutNanos) {

    /** Largest table accepted. */
    public static final int MAX_CAPACITY = 1 << 16;

    public OrderManagerConfig {
        if (orderCapacity <= 0 || orderCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("orders.orderCapacity=" + orderCapacity + ": expected 1.." + MAX_CAPACITY);
        }
        if (clientOrderIdBase < 0 || clientOrderIdBase > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException("orders.clientOrderIdBase=" + clientOrderIdBase + ": expected 0.." + Long.MAX_VALUE / 2);
        }
        if (ackTimeoutNanos <= 0) {
            throw new IllegalArgumentException("orders.ackTimeoutNanos=" + ackTimeoutNanos + ": expected > 0");
        }
    }

    /** Defaults: 1024 orders, ids from 1, alert after 5 s without an ack. */
    public static OrderManagerConfig defaults() {
        return new OrderManagerConfig(1024, 0, 5_000_000_000L);
    }
}
