package io.skytrade.core.kalman;

/**
 * Short episodes on top of a nowcast model's series (PM2.5 pollution spikes): bumps far above the
 * model's smooth components that arrive at random, rise and fall within hours, each of the shape
 * {@code h exp(-(t - c)^2 / (2 w^2))} with a width {@code w} between {@code widthMinHours} and
 * {@code widthMaxHours} and a height {@code h} of mean {@code sizeMean} and standard deviation
 * {@code sizeStd} (the synthetic world's episodes: a Gaussian bump 0.75-2.75 h wide, 12-52 units
 * high). The valuation takes a reading far above the model's predictive distribution as an episode
 * under way (it leaves the smooth components alone), follows its shape's posterior from the
 * readings (risen or still rising), and adds to every forecast the mean and
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
 * @param widthMinHours  narrowest episode width (the bump's standard deviation in time), hours (> 0 when enabled)
 * @param widthMaxHours  widest episode width, hours (>= widthMinHours)
 * @param sizeMean       mean episode height, series unit (> 0 when enabled)
 * @param sizeStd        standard deviation of the episode height, series unit (> 0 when enabled)
 * @param episodesPerHour how many episodes begin per hour on average (the synthetic world: 0.15
 *                       per 6 h, 0.025; in (0, 1) when enabled)
 * @param detectSigmas   a reading this many predictive standard deviations above the model is an
 *                       episode (> 0 when enabled)
 * @param unseenProbability probability that an unseen episode is under way far ahead, in (0, 1]
 *                       (1: no mixture, the moments above spread over every forecast)
 */
public record SpikeSpec(double unseenMean, double unseenVariance, double revealHours, double widthMinHours,
                        double widthMaxHours, double sizeMean, double sizeStd, double episodesPerHour, double detectSigmas,
                        double unseenProbability) {
    public SpikeSpec {
        if (!(unseenProbability > 0.0 && unseenProbability <= 1.0)) {
            throw new IllegalArgumentException("kalman.models.spikes.unseenProbability: " + unseenProbability + " must be in (0, 1]");
        }
        if (!(unseenMean >= 0.0) || !(unseenVariance >= 0.0) || Double.isInfinite(unseenMean + unseenVariance)) {
            throw new IllegalArgumentException("kalman.models.spikes: unseenMean " + unseenMean + " and unseenVariance "
                + unseenVariance + " must be >= 0 and finite");
        }
        if (unseenVariance > 0.0 && (!(revealHours > 0.0) || !(widthMinHours > 0.0) || !(widthMaxHours >= widthMinHours)
            || !(sizeMean > 0.0) || !(sizeStd > 0.0) || !(episodesPerHour > 0.0 && episodesPerHour < 1.0) || !(detectSigmas > 0.0)
            || Double.isInfinite(revealHours + widthMaxHours + sizeMean + sizeStd + detectSigmas))) {
            throw new IllegalArgumentException("kalman.models.spikes: revealHours " + revealHours + ", widthMinHours "
                + widthMinHours + ", widthMaxHours " + widthMaxHours + ", sizeMean " + sizeMean + ", sizeStd " + sizeStd
                + ", episodesPerHour " + episodesPerHour + " and detectSigmas " + detectSigmas
                + " must be > 0 and finite, widthMaxHours >= widthMinHours, episodesPerHour < 1");
        }
    }

    /** No episodes. */
    public static SpikeSpec none() {
        return new SpikeSpec(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0);
    }

    public boolean enabled() {
        return unseenVariance > 0.0;
    }
}
