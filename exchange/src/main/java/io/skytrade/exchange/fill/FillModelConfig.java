package io.skytrade.exchange.fill;

import java.util.ArrayList;
import java.util.List;

/**
 * Immutable, validated configuration of the {@link BacktestFillModel}: order-entry latency, fee
 * per lot, position limit, and how the queue ahead of a resting order moves when recorded
 * liquidity is withdrawn without trading.
 *
 * <p>Immutable; safe to share. Hot-path cost: none.
 */
public final class FillModelConfig {
    public final long latencyNanos;
    public final double feePerLot;
    public final long positionLimit;
    public final boolean cancelsAheadOfUs;
    public final int instrumentCount;
    public final int orderCapacity;

    private FillModelConfig(final Builder b) {
        latencyNanos = b.latencyNanos;
        feePerLot = b.feePerLot;
        positionLimit = b.positionLimit;
        cancelsAheadOfUs = b.cancelsAheadOfUs;
        instrumentCount = b.instrumentCount;
        orderCapacity = b.orderCapacity;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; every setter documents its default. */
    public static final class Builder {
        private long latencyNanos = 1_000_000;
        private double feePerLot;
        private long positionLimit = 100;
        private boolean cancelsAheadOfUs;
        private int instrumentCount = 9;
        private int orderCapacity = 100_000;

        /** Time from the order stage's send to the order reaching the book (default 1 ms). */
        public Builder latencyNanos(final long value) {
            latencyNanos = value;
            return this;
        }

        /** Fee charged per lot filled, in price units (default 0). */
        public Builder feePerLot(final double value) {
            feePerLot = value;
            return this;
        }

        /** Position limit per product, open orders included, as at the venue (default 100). */
        public Builder positionLimit(final long value) {
            positionLimit = value;
            return this;
        }

        /**
         * Where recorded liquidity that vanishes without a trade is taken from at a level where we
         * rest: true takes it from the orders ahead of ours (optimistic: our place improves);
         * false (default, pessimistic) takes it from the orders behind ours first.
         */
        public Builder cancelsAheadOfUs(final boolean value) {
            cancelsAheadOfUs = value;
            return this;
        }

        /** Number of instruments (registry ids 0..n-1; default 9). */
        public Builder instrumentCount(final int value) {
            instrumentCount = value;
            return this;
        }

        /** Most resting orders at once, recorded liquidity included (default 100000). */
        public Builder orderCapacity(final int value) {
            orderCapacity = value;
            return this;
        }

        public FillModelConfig build() {
            final List<String> errors = new ArrayList<>();
            if (latencyNanos < 0) {
                errors.add("latencyNanos = " + latencyNanos + ": expected 0 or more");
            }
            if (!(feePerLot >= 0)) {
                errors.add("feePerLot = " + feePerLot + ": expected 0 or more");
            }
            if (positionLimit < 1) {
                errors.add("positionLimit = " + positionLimit + ": expected at least 1");
            }
            if (instrumentCount < 1) {
                errors.add("instrumentCount = " + instrumentCount + ": expected at least 1");
            }
            if (orderCapacity < 16) {
                errors.add("orderCapacity = " + orderCapacity + ": expected at least 16");
            }
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("invalid fill model configuration:\n" + String.join("\n", errors));
            }
            return new FillModelConfig(this);
        }
    }
}
