package io.skytrade.core.kalman;

/**
 * Short episodes added on top of a nowcast model's series (PM2.5 pollution spikes): bumps of
 * random height and width arriving at random times, {@code height x exp(-((t - peak) / width)^2 / 2)}.
 * The model takes a reading far above its prediction as an episode under way (it leaves the
 * smooth components alone), follows it as it fades, and adds to every forecast the mean and
 * variance of episodes not yet seen. Immutable; start-up only (no hot-path cost).
 *
 * @param ratePerHour  episodes per hour (0: none)
 * @param meanHeight   mean peak height, series unit (> 0 with a rate)
 * @param heightSd     standard deviation of the peak height (>= 0)
 * @param widthHours   mean width (the bump's standard deviation in time), hours (> 0 with a rate)
 * @param detectSigmas a reading this many predictive standard deviations above the model is an
 *                     episode (> 0 with a rate)
 */
public record SpikeSpec(double ratePerHour, double meanHeight, double heightSd, double widthHours, double detectSigmas) {
    public SpikeSpec {
        if (!(ratePerHour >= 0.0) || Double.isInfinite(ratePerHour)) {
            throw new IllegalArgumentException("kalman.models.spikes.ratePerHour: " + ratePerHour + " must be >= 0 and finite");
        }
        if (ratePerHour > 0.0 && (!(meanHeight > 0.0) || !(heightSd >= 0.0) || !(widthHours > 0.0) || !(detectSigmas > 0.0)
            || Double.isInfinite(meanHeight + heightSd + widthHours + detectSigmas))) {
            throw new IllegalArgumentException("kalman.models.spikes: meanHeight " + meanHeight + ", widthHours " + widthHours
                + " and detectSigmas " + detectSigmas + " must be > 0 and heightSd " + heightSd + " >= 0 (finite)");
        }
    }

    /** No episodes. */
    public static SpikeSpec none() {
        return new SpikeSpec(0.0, 0.0, 0.0, 0.0, 0.0);
    }

    public boolean enabled() {
        return ratePerHour > 0.0;
    }
}
