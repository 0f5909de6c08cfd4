package io.skytrade.core.strategy;

/**
 * Order-book imbalance over the top N levels, weighted by level: {@code (B - A) / (B + A)} with
 * {@code B = sum decay^l x bidQty[l]} and likewise A, in [-1, 1]; positive means more resting
 * buying interest (pressure up). Negative quantities count as 0; an empty book gives 0.
 *
 * <p>Stateless. Hot-path cost: 2N multiply-adds.
 */
public final class OrderBookImbalance {
    private OrderBookImbalance() {
    }

    public static double compute(final long[] bidQtys, final int bidLevels, final long[] askQtys, final int askLevels,
                                 final int levels, final double decay) {
        double b = 0.0;
        double a = 0.0;
        double w = 1.0;
        for (int l = 0; l < levels; l++) {
            if (l < bidLevels && l < bidQtys.length && bidQtys[l] > 0) {
                b += w * bidQtys[l];
            }
            if (l < askLevels && l < askQtys.length && askQtys[l] > 0) {
                a += w * askQtys[l];
            }
            w *= decay;
        }
        final double total = a + b;
        return total > 0.0 ? (b - a) / total : 0.0;
    }
}
