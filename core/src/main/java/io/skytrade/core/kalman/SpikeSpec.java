package io.skytrade.core.kalman;

/**
 * Short episodes on top of a nowcast model's series (PM2.5 pollution spikes): bumps far above the
 * model's smooth components that arrive at random and fade within hours. The valuation takes a
 * reading far above the model's predictive distribution as an episode under way (it leaves the
 * smooth components alone), follows it as it fades, and adds to every forecast the mean and
 * variance of episodes not seen yet: nothing at the last reading, growing as
 * {@code 1 - exp(-(h / revealHours)^2)} of {@code unseenMean} and {@code unseenVariance} with
 * the time {@code h} since it (a bump shows itself gradually). The three are fitted from journals
 * ({@code nowcast fit}: the moments of the forecast residuals by horizon). Those moments come from
 * rare large bumps, so the forecast is a two-part distribution: without an unseen episode (the
 * model's log-normal), and with probability {@code unseenProbability} (times the same growth) with
 * one whose size has the mean and variance that give the moments above; its 80% interval comes
 * from the mixture's quantiles. Immutable; start-up only (no hot-path cost).
 *
 * @param unseenMean     mean contribution of unseen episodes far ahead, series unit (>= 0)
 * @param unseenVariance its variance, series unit squared (>= 0; 0 with unseenMean 0: no episodes)
 * @param revealHours    time scale over which unseen episodes become possible, hours (> 0 when enabled)
 * @param fadeHours      e-folding time of a tracked episode, hours (> 0 when enabled)
 * @param detectSigmas   a reading this many predictive standard deviations above the model is an
 *                       episode (> 0 when enabled)
 * @param unseenProbability probability that an unseen episode is under way far ahead, in (0, 1]
 *                       (1: no mixture, the moments above spread over every forecast)
 */
public record SpikeSpec(double unseenMean, double unseenVariance, double revealHours, double fadeHours, double detectSigmas,
                        double unseenProbability) {
    public SpikeSpec {
        if (!(unseenProbability > 0.0 && unseenProbability <= 1.0)) {
            throw new IllegalArgumentException("kalman.models.spikes.unseenProbability: " + unseenProbability + " must be in (0, 1]");
        }
        if (!(unseenMean >= 0.0) || !(unseenVariance >= 0.0) || Double.isInfinite(unseenMean + unseenVariance)) {
            throw new IllegalArgumentException("kalman.models.spikes: unseenMean " + unseenMean + " and unseenVariance "
                + unseenVariance + " must be >= 0 and finite");
        }
        if (unseenVariance > 0.0 && (!(revealHours > 0.0) || !(fadeHours > 0.0) || !(detectSigmas > 0.0)
            || Double.isInfinite(revealHours + fadeHours + detectSigmas))) {
            throw new IllegalArgumentException("kalman.models.spikes: revealHours " + revealHours + ", fadeHours " + fadeHours
                + " and detectSigmas " + detectSigmas + " must be > 0 and finite");
        }
    }

    /** Episodes without a known probability: their moments spread over every forecast (unseenProbability 1). */
    public SpikeSpec(final double unseenMean, final double unseenVariance, final double revealHours, final double fadeHours,
                     final double detectSigmas) {
        this(unseenMean, unseenVariance, revealHours, fadeHours, detectSigmas, 1.0);
    }

    /** No episodes. */
    public static SpikeSpec none() {
        return new SpikeSpec(0.0, 0.0, 0.0, 0.0, 0.0, 1.0);
    }

    public boolean enabled() {
        return unseenVariance > 0.0;
    }
}
