package io.skytrade.core.strategy;

/**
 * The micro-price of a touch (Stoikov's, in its first-order form): the mid moved towards the side
 * with less resting quantity, {@code mid + spread x (bidQty / (bidQty + askQty) - 1/2)}, i.e. the
 * size-weighted mid {@code (bid x askQty + ask x bidQty) / (bidQty + askQty)}. A heavy bid pushes it
 * towards the ask: where the next mid is expected to go. It replaces the plain depth imbalance,
 * which carried no price unit. The strategy computes it on everyone else's touch (ours netted out).
 *
 * <p>Stateless. Hot-path cost: a few flops.
 */
public final class MicroPrice {
    private MicroPrice() {
    }

    /**
     * Micro-price minus mid, ticks: 0 without a two-sided touch with quantity on both sides.
     */
    public static double offset(final long bid, final long bidQty, final long ask, final long askQty) {
        if (bid <= 0 || ask <= bid || bidQty <= 0 || askQty <= 0) {
            return 0.0;
        }
        return (ask - bid) * ((double) bidQty / (bidQty + askQty) - 0.5);
    }
}
