package io.skytrade.core.kalman;

import java.util.Map;

/**
 * The default nowcast models of the default series ({@link KalmanParams#models()}), with the
 * shapes of the world the default products settle on: the Thames level as tide constituents plus a
 * smooth surge and short chop; temperature and relative humidity jointly, sharing the weather
 * fronts that warm and dry (or cool and moisten) London together; Heathrow arrivals and departures
 * as per-half-hour schedule profiles times a shared capacity; PM2.5 in log space with a daily
 * traffic profile, slow and fast persistence, and pollution spikes on top. Reading noises are the
 * offline feeds' (the synthetic sources' measurement noise and rounding).
 *
 * <p>Start-up only; no hot-path cost.
 */
public final class NowcastDefaults {
    private NowcastDefaults() {
    }

    /** The default models by name. */
    public static Map<String, NowcastModelSpec> models() {
        return Map.of("tide", tide(), "weather", weather(), "flights", flights(), "air", air());
    }

    /** Thames level at Westminster (metres AOD). */
    public static NowcastModelSpec tide() {
        return new NowcastModelSpec("thames_level_m", new double[] {1.0e-4}, new double[] {1.61e-5}, new double[] {0.0},
            false, NowcastModelSpec.ProfileKind.NONE, 0, null, 0.0, null, Map.of(
                "mean", ModelComponent.level(1e-7, 0.55, 0.05, 1.0),
                "m2", ModelComponent.harmonic(12.42, 1e-7, 4.0, 1.0),
                "s2", ModelComponent.harmonic(12.0, 1e-7, 0.5, 1.0),
                "mu2", ModelComponent.harmonic(12.87, 1e-7, 0.5, 1.0),
                "m4", ModelComponent.harmonic(6.21, 1e-5, 0.05, 1.0),
                "surge", ModelComponent.knot(0.18, 6.0, 1.0),
                "chop", ModelComponent.knot(0.03, 0.5, 1.0)));
    }

    /** London air temperature (°C) and relative humidity (%), read together. */
    public static NowcastModelSpec weather() {
        return new NowcastModelSpec("air_temp_c,rel_humidity_pct", new double[] {0.0408, 2.33}, new double[] {8.3e-4, 0.083},
            new double[] {0.0, 0.0}, false, NowcastModelSpec.ProfileKind.NONE, 0, null, 0.0, null, Map.of(
                "tLevel", ModelComponent.level(1e-4, 10.0, 50.0, 1.0, 0.0),
                "hLevel", ModelComponent.level(1e-4, 76.0, 100.0, 0.0, 1.0),
                "tDaily", ModelComponent.harmonic(24.0, 1e-5, 9.0, 1.0, 0.0),
                "hDaily", ModelComponent.harmonic(24.0, 1e-5, 9.0, 0.0, 1.0),
                "front", ModelComponent.knot(1.0, 18.0, 2.5, -7.0),
                "hFront", ModelComponent.knot(1.0, 18.0, 0.0, 6.0),
                "tMeso", ModelComponent.knot(0.9, 3.0, 1.0, 0.0),
                "hMeso", ModelComponent.knot(2.5, 2.0, 0.0, 1.0)));
    }

    /**
     * Heathrow arrivals and departures per half-hour bin (counts at the bin's start): the per-slot
     * means of the readings of tuning seeds 1-100 x 30 days (3,000 days from 2025-12-11; flight
     * readings carry no noise, so the world's counts: their standard error is about 0.05 a slot, the
     * first fit's on seeds 1-4 x 30 days was 0.3 and biased LHR_INDEX by -3 at 1 h), the shared
     * capacity and count noise fitted by {@code skytrade nowcast fit} on seeds 1-4 x 30 days
     * (bench/README "Nowcast accuracy and calibration"); schedule disruptions as the synthetic
     * world makes them ({@link DisruptionSpec#syntheticWorld()}), the rare part of LHR_COUNT's distribution.
     */
    public static NowcastModelSpec flights() {
        final double[] arrivals = {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 9.01, 8.99, 22.01, 21.91, 21.88, 21.81, 21.69, 18.75, 18.76,
            18.65, 18.63, 18.64, 18.72, 18.69, 18.54, 18.66, 18.68, 18.69, 18.67, 18.69, 18.63, 18.78,
            18.66, 18.61, 18.59, 18.71, 18.66, 18.77, 18.74, 18.71, 18.64, 18.73, 18.78, 18.83, 18.93,
            18.79, 19.04, 5.99, 0};
        final double[] departures = {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11.97, 19.86, 19.82, 19.74, 19.74, 19.71, 19.71, 19.67,
            19.62, 19.67, 19.61, 19.58, 19.51, 19.67, 19.69, 19.62, 19.61, 19.6, 19.67, 19.76, 19.67,
            19.64, 19.65, 19.7, 19.74, 19.63, 19.6, 19.7, 19.73, 19.75, 19.9, 19.96, 19.89, 9.02, 0, 0};
        final double[] profile = new double[96];
        System.arraycopy(arrivals, 0, profile, 0, 48);
        System.arraycopy(departures, 0, profile, 48, 48);
        return new NowcastModelSpec("lhr_arrivals_30m,lhr_departures_30m", new double[] {0.0, 0.0}, new double[] {0.083, 0.083},
            new double[] {0.349, 0.330}, false, NowcastModelSpec.ProfileKind.MULTIPLICATIVE, 48, profile, 30.0, null,
            DisruptionSpec.syntheticWorld(), Map.of(
                "capacity", ModelComponent.ou(0.088, 1.36, 1.0, 1.085)));
    }

    /**
     * London PM2.5 (µg/m³), in log space, with pollution spikes: the synthetic world's spike process
     * (a Gaussian bump 0.75-2.75 h wide, 32 +- 11.5 µg/m³ high, 0.025 a hour) both for the episode
     * under way and for those not seen yet, whose mean and variance at the settlement follow from it;
     * the spike part of AQ_SPOT's distribution is an unseen bump centred within 2 of its widths of the
     * settlement, chosen on tuning seeds 1-100 x 10 sessions ({@code nowcast accuracy}: AQ_SPOT RMS z
     * 1.04 / 0.83 / 0.74 / 0.74, 80% coverage 75% / 83% / 85% / 85% at 6 h / 2 h / 1 h / 30 min; 1.5
     * widths: 1h 0.67; 3: as 2).
     * The daily profile (log units per hour of the UTC day: the morning and evening traffic) is the
     * mean of each hour's log reading less its day's mean over tuning seeds 1-100 x 30 days from
     * 2025-12-11 (standard error 0.007-0.010 an hour); it started at 0 before, and at 1/30 a day of
     * learning an evaluated day's noon forecast carried the 10:00 reading's traffic excess into noon
     * (AQ_SPOT biased +60 at 1 h on seeds 1-100).
     */
    public static NowcastModelSpec air() {
        final double[] traffic = {
            -0.049, -0.049, -0.047, -0.046, -0.040, -0.031, -0.001, 0.049, 0.099, 0.096, 0.043, -0.017,
            -0.043, -0.040, -0.031, -0.015, 0.019, 0.051, 0.064, 0.051, 0.020, -0.012, -0.033, -0.040};
        return new NowcastModelSpec("pm25_ugm3", new double[] {0.641}, new double[] {8.3e-4}, new double[] {0.0},
            true, NowcastModelSpec.ProfileKind.ADDITIVE, 24, traffic, 30.0,
            new SpikeSpec(0.75, 2.75, 32.0, 11.5, 0.025, 4.0, 2.0, 1.5), Map.of(
                "mean", ModelComponent.level(1e-5, 2.14, 1.0, 1.0),
                "persist", ModelComponent.knot(0.45, 30.0, 1.0),
                "day", ModelComponent.knot(0.15, 4.0, 1.0)));
    }
}
