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

    /** Heathrow arrivals and departures per half-hour bin (counts at the bin's start). */
    public static NowcastModelSpec flights() {
        final double[] profile = new double[96];
        for (int b = 0; b < 48; b++) {
            profile[b] = b < 9 ? 0 : b < 11 ? 9 : b < 16 ? 22 : b < 46 ? 19 : b < 47 ? 6 : 0;
            profile[48 + b] = b < 12 ? 0 : b < 13 ? 12 : b < 45 ? 20 : b < 46 ? 9 : 0;
        }
        return new NowcastModelSpec("lhr_arrivals_30m,lhr_departures_30m", new double[] {0.0, 0.0}, new double[] {0.083, 0.083},
            new double[] {0.330, 0.359}, false, NowcastModelSpec.ProfileKind.MULTIPLICATIVE, 48, profile, 30.0, null, Map.of(
                "capacity", ModelComponent.ou(0.08, 1.2, 1.0, 0.98)));
    }

    /** London PM2.5 (µg/m³), in log space. */
    public static NowcastModelSpec air() {
        return new NowcastModelSpec("pm25_ugm3", new double[] {0.641}, new double[] {8.3e-4}, new double[] {0.0},
            true, NowcastModelSpec.ProfileKind.ADDITIVE, 24, new double[24], 30.0,
            new SpikeSpec(2.2, 110.0, 3.5, 1.75, 4.0), Map.of(
                "mean", ModelComponent.level(1e-5, 2.14, 1.0, 1.0),
                "persist", ModelComponent.knot(0.45, 30.0, 1.0),
                "day", ModelComponent.knot(0.15, 4.0, 1.0)));
    }
}
