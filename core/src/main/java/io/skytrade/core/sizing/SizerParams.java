package io.skytrade.core.sizing;

import java.util.Arrays;

/**
 * Parameters of the position sizer, validated once at start-up. Prices and standard deviations
 * are in price units (ticks x contract size 1), risk as a fraction of the one capital figure.
 * Immutable; read at start-up only (no hot-path cost).
 *
 * @param riskFraction     volatility target: a full position carries at most this standard deviation
 *                         of PnL, as a fraction of capital (settlement uncertainty and the market's
 *                         price volatility over {@code holdingSeconds} combined); default 0.01
 * @param holdingSeconds   horizon over which the market's price volatility adds to the PnL risk of a
 *                         position, event-time seconds; default 3600
 * @param maxPosition      absolute position cap per product, lots (the venue's limit is 100); default 100
 * @param lotSize          positions and orders are whole multiples of this, lots; default 1
 * @param minStd           floor on the fair-value standard deviation used for sizing; default 1
 * @param confidenceStd    confidence tiers: fair-value standard deviation relative to fair value at
 *                         or below each bound (ascending) selects the cap of the same index; default
 *                         {0.01, 0.03}
 * @param confidenceCaps   position cap per confidence tier, lots (rounded down to whole lots), one
 *                         more than {@code confidenceStd} (the last for anything less certain);
 *                         default {55, 35, 15}
 */
public record SizerParams(double riskFraction, double holdingSeconds, long maxPosition, long lotSize, double minStd,
                          double[] confidenceStd, double[] confidenceCaps) {
    public SizerParams {
        positive("sizer.riskFraction", riskFraction);
        positive("sizer.holdingSeconds", holdingSeconds);
        positive("sizer.minStd", minStd);
        if (lotSize < 1) {
            throw new IllegalArgumentException("sizer.lotSize: " + lotSize + " must be >= 1");
        }
        if (maxPosition < lotSize) {
            throw new IllegalArgumentException("sizer.maxPosition: " + maxPosition + " must be >= lotSize (" + lotSize + ")");
        }
        if (confidenceStd == null || confidenceCaps == null || confidenceCaps.length != confidenceStd.length + 1) {
            throw new IllegalArgumentException("sizer.confidenceCaps: must have one more value than sizer.confidenceStd");
        }
        confidenceStd = confidenceStd.clone();
        confidenceCaps = confidenceCaps.clone();
        for (int i = 0; i < confidenceStd.length; i++) {
            if (!(confidenceStd[i] > 0) || i > 0 && !(confidenceStd[i] > confidenceStd[i - 1])) {
                throw new IllegalArgumentException("sizer.confidenceStd[" + i + "]: " + confidenceStd[i]
                    + " must be > 0 and above the previous bound");
            }
        }
        for (int i = 0; i < confidenceCaps.length; i++) {
            if (!(confidenceCaps[i] >= 0) || Double.isInfinite(confidenceCaps[i])) {
                throw new IllegalArgumentException("sizer.confidenceCaps[" + i + "]: " + confidenceCaps[i]
                    + " must be a finite number of lots >= 0");
            }
        }
    }

    private static void positive(final String key, final double v) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(key + ": " + v + " must be > 0 and finite");
        }
    }

    @Override
    public double[] confidenceStd() {
        return confidenceStd.clone();
    }

    @Override
    public double[] confidenceCaps() {
        return confidenceCaps.clone();
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof SizerParams p && Double.compare(p.riskFraction, riskFraction) == 0
            && Double.compare(p.holdingSeconds, holdingSeconds) == 0 && p.maxPosition == maxPosition
            && p.lotSize == lotSize && Double.compare(p.minStd, minStd) == 0
            && Arrays.equals(p.confidenceStd, confidenceStd) && Arrays.equals(p.confidenceCaps, confidenceCaps);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(riskFraction) + Arrays.hashCode(confidenceCaps) + Long.hashCode(maxPosition);
    }

    @Override
    public String toString() {
        return "SizerParams[riskFraction=" + riskFraction + ", holdingSeconds=" + holdingSeconds + ", maxPosition="
            + maxPosition + ", lotSize=" + lotSize + ", minStd=" + minStd + ", confidenceStd="
            + Arrays.toString(confidenceStd) + ", confidenceCaps=" + Arrays.toString(confidenceCaps) + "]";
    }

    /** The documented defaults. */
    public static SizerParams defaults() {
        return new SizerParams(0.01, 3600.0, 100, 1, 1.0, new double[] {0.01, 0.03}, new double[] {55, 35, 15});
    }
}
