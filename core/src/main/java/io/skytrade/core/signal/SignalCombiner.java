package io.skytrade.core.signal;

import io.skytrade.core.math.FdlibmPort;

/**
 * Combines mispricing, momentum and data surprise into one signal in [-1, 1]: each input is
 * clipped to [-clip, clip] (NaN counts as 0), weighted, summed and squashed by {@code tanh(gain x sum)}.
 * The sign is the direction (positive: buy), the magnitude the confidence.
 *
 * <p>Immutable. Hot-path cost: one {@code tanh} ({@link FdlibmPort#tanh}: {@code StrictMath.tanh}'s bits without its JNI call).
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
        final double s = FdlibmPort.tanh(gain * x);
        return s > 1.0 ? 1.0 : s < -1.0 ? -1.0 : s;
    }

    private double clip(final double v) {
        if (Double.isNaN(v)) {
            return 0.0;
        }
        return v > clip ? clip : v < -clip ? -clip : v;
    }
}
