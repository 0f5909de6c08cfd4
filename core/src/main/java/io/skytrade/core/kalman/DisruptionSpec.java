package io.skytrade.core.kalman;

/**
 * Schedule disruptions of a count model's series (Heathrow's movements: fog, strikes, air-traffic
 * restrictions): on a day with probability {@code dailyProbability} one disruption begins in a
 * slot of the UTC day drawn uniformly from {@code firstStartSlot} to {@code lastStartSlot}, lasts
 * {@code minSlots} to {@code maxSlots} slots (uniformly) and removes a share of the movements
 * still to come in them, of mean {@code meanLoss} and standard deviation {@code lossStd}. Slots
 * are {@code slotMinutes} long (the count bins). Nothing announces a disruption before its first
 * slot is counted; once it shows in the counts the model's capacity follows it. So the forecast of
 * a sum over slots not yet counted is a mixture: the model's forecast, and with the probability
 * that a disruption begins in one of those slots, the same less the movements it removes. The
 * valuation gives LHR_COUNT that two-part distribution (its 80% interval from the mixture's
 * quantiles, its variance the mixture's).
 *
 * <p>The defaults are the synthetic world's disruption process ({@code SyntheticWorld}: one day in
 * five, 2-8 half hours starting between 06:00 and 19:30 UTC at 30-70% capacity); a real airport's
 * would be fitted from its journals. Immutable; start-up only (no hot-path cost).
 *
 * @param dailyProbability probability that a day has a disruption, in [0, 1]; 0 for none
 * @param firstStartSlot   first slot of the UTC day a disruption can begin in
 * @param lastStartSlot    last slot it can begin in (>= firstStartSlot)
 * @param minSlots         shortest disruption, slots (>= 1)
 * @param maxSlots         longest disruption, slots (>= minSlots)
 * @param meanLoss         mean share of the movements a disruption removes, in (0, 1]
 * @param lossStd          standard deviation of that share (>= 0)
 * @param slotMinutes      length of a slot, minutes (divides the day)
 */
public record DisruptionSpec(double dailyProbability, int firstStartSlot, int lastStartSlot, int minSlots, int maxSlots,
                             double meanLoss, double lossStd, int slotMinutes) {
    public DisruptionSpec {
        if (!(dailyProbability >= 0.0 && dailyProbability <= 1.0)) {
            throw new IllegalArgumentException("kalman.models.disruptions.dailyProbability: " + dailyProbability
                + " must be in [0, 1]");
        }
        if (dailyProbability > 0.0) {
            if (slotMinutes < 1 || 1440 % slotMinutes != 0) {
                throw new IllegalArgumentException("kalman.models.disruptions.slotMinutes: " + slotMinutes
                    + " must divide the 1440 minutes of a day");
            }
            final int slots = 1440 / slotMinutes;
            if (firstStartSlot < 0 || lastStartSlot < firstStartSlot || lastStartSlot >= slots) {
                throw new IllegalArgumentException("kalman.models.disruptions: start slots " + firstStartSlot + ".." + lastStartSlot
                    + " must lie in 0.." + (slots - 1) + ", first <= last");
            }
            if (minSlots < 1 || maxSlots < minSlots) {
                throw new IllegalArgumentException("kalman.models.disruptions: length " + minSlots + ".." + maxSlots
                    + " slots must be >= 1, min <= max");
            }
            if (!(meanLoss > 0.0 && meanLoss <= 1.0) || !(lossStd >= 0.0) || Double.isInfinite(lossStd)) {
                throw new IllegalArgumentException("kalman.models.disruptions: meanLoss " + meanLoss + " must be in (0, 1], lossStd "
                    + lossStd + " >= 0 and finite");
            }
        }
    }

    /** No disruptions: the model's Gaussian forecast is the distribution. */
    public static DisruptionSpec none() {
        return new DisruptionSpec(0.0, 0, 0, 1, 1, 1.0, 0.0, 30);
    }

    /** The synthetic world's: one day in five, 2-8 half hours starting in slots 12-39, 30-70% capacity (loss 0.5 +- 0.4/sqrt 12). */
    public static DisruptionSpec syntheticWorld() {
        return new DisruptionSpec(0.2, 12, 39, 2, 8, 0.5, 0.4 / Math.sqrt(12.0), 30);
    }

    public boolean enabled() {
        return dailyProbability > 0.0;
    }

    /**
     * Probability that a given slot of a day lies inside that day's disruption (it began in this
     * slot or in an earlier start slot and lasts long enough): the share of days on which the
     * slot's movements are cut, so a per-slot mean over all days is the undisrupted schedule times
     * {@code 1 - meanLoss x coverProbability}.
     */
    public double coverProbability(final int slotOfDay) {
        if (!enabled()) {
            return 0.0;
        }
        final double lengths = maxSlots - minSlots + 1;
        double p = 0.0;
        for (int s = firstStartSlot; s <= Math.min(slotOfDay, lastStartSlot); s++) {
            final int need = slotOfDay - s + 1;
            p += startProbability(s) * (need <= minSlots ? 1.0 : Math.max(0, maxSlots - need + 1) / lengths);
        }
        return p;
    }

    /** Probability that a disruption begins in one given start slot (0 outside the start slots). */
    public double startProbability(final int slotOfDay) {
        return slotOfDay < firstStartSlot || slotOfDay > lastStartSlot ? 0.0 : dailyProbability / (lastStartSlot - firstStartSlot + 1);
    }
}
