package io.skytrade.core.signal;

/**
 * Combines mispricing, momentum and data surprise into one signal in [-1, 1]: each input is
 * clipped to [-clip, clip] (NaN counts as 0), weighted, summed and squashed by {@code squash}
 * of {@code gain x sum}, a rational form of {@code tanh} (Lambert's continued fraction cut at
 * {@code x (27 + x^2) / (27 + 9 x^2)}, which rises monotonically to exactly 1 at |x| = 3 with zero
 * slope and is held at +-1 beyond): within 0.024 of {@code tanh} everywhere, the same slope at 0.
 * The sign is the direction (positive: buy), the magnitude the confidence. The signal is reported
 * (backtest report, metrics, decision tape), not traded on.
 *
 * <p>Immutable. Hot-path cost: a division and a few multiplications (no exponential).
 */
public final class SignalCombiner {
    private final double wMispricing;
    private final double wMomentum;
    private final double wSurprise;
    private final double gain;
    private final double clip;

    public SignalCombiner(final SignalParams params) {
        wMispricing = params.mispricingWeight();
        wMomentum = params.momentumWeight();
        wSurprise = params.surpriseWeight();
        gain = params.gain();
        clip = params.clip();
    }

    /** The combined signal in [-1, 1] for any inputs, including NaN and infinities. */
    public double combine(final double mispricingZ, final double momentum, final double surprise) {
        final double x = wMispricing * clip(mispricingZ) + wMomentum * clip(momentum) + wSurprise * clip(surprise);
        return squash(gain * x);
    }

    /**
     * The squash: {@code x (27 + x^2) / (27 + 9 x^2)} for |x| < 3, +-1 beyond (and for infinities),
     * 0 for NaN; odd, monotone, in [-1, 1].
     */
    static double squash(final double x) {
        if (!(x > -3.0 && x < 3.0)) {
            return x >= 3.0 ? 1.0 : x <= -3.0 ? -1.0 : 0.0;
        }
        final double x2 = x * x;
        final double s = x * (27.0 + x2) / (27.0 + 9.0 * x2);
        return s > 1.0 ? 1.0 : s < -1.0 ? -1.0 : s;
    }

    private double clip(final double v) {
        if (Double.isNaN(v)) {
            return 0.0;
        }
        return v > clip ? clip : v < -clip ? -clip : v;
    }
}
