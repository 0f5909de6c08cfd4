package io.skytrade.core.kalman;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration of one nowcast model: a linear Gaussian structural time-series model
 * ({@link StructuralModel}) of one or more series read together (the Thames level; temperature
 * and humidity, which share weather fronts; Heathrow arrivals and departures, which share the
 * airport's capacity; PM2.5 in log space), with the noise of the feed's readings and of the
 * settlement source's own samples, an optional per-slot profile over the UTC day learned from
 * readings, and an optional spike process on top (PM2.5 pollution episodes).
 *
 * <p>Immutable (arrays copied); validated on construction. Start-up only: no hot-path cost.
 *
 * @param series             comma-separated series names, the model's rows in order
 * @param readingNoise       per series: variance of a feed reading around the settlement source's
 *                           value (the feed's measurement noise and rounding; 0 for an exact feed)
 * @param sampleNoise        per series: variance of the settlement source's own unpredictable noise
 *                           around the model's smooth latent value (part of what settles)
 * @param sampleNoisePerUnit per series: more such variance per unit of the series' profile (counts:
 *                           a bin's spread grows with its scheduled flights); 0 without a profile
 * @param logScale           the model runs on the natural log of the readings (a log-normal series);
 *                           variances above are still in the series' own unit
 * @param profile            NONE, ADDITIVE ({@code reading = profile(slot) + components}) or
 *                           MULTIPLICATIVE ({@code reading = profile(slot) x (1 + components)})
 * @param profileSlots       slots of the UTC day in the profile (48: half hours); 0 without a profile
 * @param profileInitial     the profile's initial values, {@code profileSlots} per series, series after series
 * @param profileDays        memory of the profile's learning: each reading moves its slot's value by
 *                           1/profileDays of the surprise (> 0 with a profile)
 * @param spikes             episodes added on top of the model (in the series' unit); rate 0 for none
 * @param disruptions        schedule disruptions of a count model (the shape of a sum's forecast
 *                           distribution); {@link DisruptionSpec#none()} for none
 * @param components         the state components by name; the state is laid out in name order
 */
public record NowcastModelSpec(String series, double[] readingNoise, double[] sampleNoise, double[] sampleNoisePerUnit,
                               boolean logScale, ProfileKind profile, int profileSlots, double[] profileInitial,
                               double profileDays, SpikeSpec spikes, DisruptionSpec disruptions,
                               Map<String, ModelComponent> components) {

    /** How a model's per-slot profile enters a reading. */
    public enum ProfileKind {
        NONE, ADDITIVE, MULTIPLICATIVE
    }

    public NowcastModelSpec {
        if (series == null || series.isBlank()) {
            throw new IllegalArgumentException("kalman.models: series '" + series + "' must name at least one series");
        }
        final int rows = series.split(",").length;
        readingNoise = perRow("readingNoise", readingNoise, rows);
        sampleNoise = perRow("sampleNoise", sampleNoise, rows);
        sampleNoisePerUnit = perRow("sampleNoisePerUnit", sampleNoisePerUnit, rows);
        profile = profile == null ? ProfileKind.NONE : profile;
        profileInitial = profileInitial == null ? new double[0] : profileInitial.clone();
        spikes = spikes == null ? SpikeSpec.none() : spikes;
        disruptions = disruptions == null ? DisruptionSpec.none() : disruptions;
        components = java.util.Collections.unmodifiableMap(new TreeMap<>(components));
        if (rows > StructuralModel.MAX_ROWS) {
            throw new IllegalArgumentException("kalman.models: " + rows + " series in '" + series + "', at most "
                + StructuralModel.MAX_ROWS);
        }
        if (profile != ProfileKind.NONE) {
            if (profileSlots < 1 || (24 * 60) % profileSlots != 0) {
                throw new IllegalArgumentException("kalman.models.profileSlots: " + profileSlots
                    + " must divide the 1440 minutes of a day");
            }
            if (profileInitial.length != profileSlots * rows) {
                throw new IllegalArgumentException("kalman.models.profileInitial: " + profileInitial.length + " values, expected "
                    + profileSlots + " per series x " + rows + " series");
            }
            if (!(profileDays > 0.0) || Double.isInfinite(profileDays)) {
                throw new IllegalArgumentException("kalman.models.profileDays: " + profileDays + " must be > 0 and finite");
            }
        }
        int dim = 0;
        for (final Map.Entry<String, ModelComponent> e : components.entrySet()) {
            if (e.getValue().loadings().length != rows) {
                throw new IllegalArgumentException("kalman.models.components." + e.getKey() + ".loadings: "
                    + e.getValue().loadings().length + " values, expected one per series (" + rows + ")");
            }
            dim += e.getValue().type().size();
        }
        if (dim < 1 || dim > StructuralModel.MAX_STATE) {
            throw new IllegalArgumentException("kalman.models: " + dim + " state variables for '" + series + "', expected 1.."
                + StructuralModel.MAX_STATE);
        }
    }

    /** A model without schedule disruptions. */
    public NowcastModelSpec(final String series, final double[] readingNoise, final double[] sampleNoise,
                            final double[] sampleNoisePerUnit, final boolean logScale, final ProfileKind profile,
                            final int profileSlots, final double[] profileInitial, final double profileDays, final SpikeSpec spikes,
                            final Map<String, ModelComponent> components) {
        this(series, readingNoise, sampleNoise, sampleNoisePerUnit, logScale, profile, profileSlots, profileInitial, profileDays,
            spikes, DisruptionSpec.none(), components);
    }

    private static double[] perRow(final String key, final double[] v, final int rows) {
        if (v == null || v.length != rows) {
            throw new IllegalArgumentException("kalman.models." + key + ": " + (v == null ? "missing" : Arrays.toString(v))
                + ", expected one value per series (" + rows + ")");
        }
        for (final double x : v) {
            if (!(x >= 0.0) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("kalman.models." + key + ": " + Arrays.toString(v) + " must be >= 0 and finite");
            }
        }
        return v.clone();
    }

    /** The initial profile (a copy: models learn on their own copies, never on the configuration's). */
    @Override
    public double[] profileInitial() {
        return profileInitial.clone();
    }

    /** This model with the feed's reading noise replaced (one variance per series; 0 for a feed that is the settlement source). */
    public NowcastModelSpec withReadingNoise(final double... noise) {
        return new NowcastModelSpec(series, noise, sampleNoise, sampleNoisePerUnit, logScale, profile, profileSlots,
            profileInitial, profileDays, spikes, disruptions, components);
    }

    /** The series names, in row order. */
    public String[] seriesNames() {
        final String[] names = series.split(",");
        for (int i = 0; i < names.length; i++) {
            names[i] = names[i].trim();
        }
        return names;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof NowcastModelSpec s && series.equals(s.series) && Arrays.equals(readingNoise, s.readingNoise)
            && Arrays.equals(sampleNoise, s.sampleNoise) && Arrays.equals(sampleNoisePerUnit, s.sampleNoisePerUnit)
            && logScale == s.logScale && profile == s.profile && profileSlots == s.profileSlots
            && Arrays.equals(profileInitial, s.profileInitial) && Double.compare(profileDays, s.profileDays) == 0
            && spikes.equals(s.spikes) && disruptions.equals(s.disruptions) && components.equals(s.components);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * series.hashCode() + components.hashCode()) + Arrays.hashCode(profileInitial);
    }

    @Override
    public String toString() {
        return "NowcastModelSpec[series=" + series + ", readingNoise=" + Arrays.toString(readingNoise) + ", sampleNoise="
            + Arrays.toString(sampleNoise) + ", sampleNoisePerUnit=" + Arrays.toString(sampleNoisePerUnit) + ", logScale="
            + logScale + ", profile=" + profile + ", profileSlots=" + profileSlots + ", profileInitial="
            + Arrays.toString(profileInitial) + ", profileDays=" + profileDays + ", spikes=" + spikes + ", disruptions=" + disruptions
            + ", components="
            + components + "]";
    }
}
