package io.skytrade.feeds.config;

import java.time.Duration;

/**
 * Open-Meteo forecast source ({@code /v1/forecast}, {@code minutely_15} temperature and humidity,
 * the WX settlement data). No key on the free, non-commercial tier; for the commercial tier set
 * {@code baseUrl} to {@code https://customer-api.open-meteo.com} and {@code keyEnvVar} to the
 * variable holding the key (sent as {@code apikey}).
 *
 * <p>Immutable and validated on construction; thread-safe. Cost: start-up only.
 *
 * @param http           shared source settings
 * @param latitude       -90..90
 * @param longitude      -180..180
 * @param pastMinutely15 past 15-minute samples to request, 1..96 x 7
 * @param backfillMinutely15 past 15-minute samples the first poll asks for (start-up backfill of the
 *                       settlement window and the model's history), 0..96 x 7; at most
 *                       {@code pastMinutely15} backfills nothing more
 */
public record OpenMeteoForecastConfig(SourceSettings http, double latitude, double longitude, int pastMinutely15,
                                      int backfillMinutely15) {
    public static final String PREFIX = "feeds.openMeteo";

    public OpenMeteoForecastConfig {
        final ConfigErrors e = new ConfigErrors(PREFIX);
        e.check(http != null, "http", http, "source settings");
        if (http != null) {
            http.check(e, false);
        }
        e.range("latitude", latitude, -90, 90);
        e.range("longitude", longitude, -180, 180);
        e.check(pastMinutely15 >= 1 && pastMinutely15 <= 672, "pastMinutely15", pastMinutely15, "1..672");
        e.check(backfillMinutely15 >= 0 && backfillMinutely15 <= 672, "backfillMinutely15", backfillMinutely15, "0..672");
        e.throwIfAny();
    }

    public static OpenMeteoForecastConfig defaults() {
        return new OpenMeteoForecastConfig(new SourceSettings(true, "https://api.open-meteo.com",
            Duration.ofMinutes(15), Duration.ofSeconds(10), ""), 51.5074, -0.1278, 96, 672);
    }

    public OpenMeteoForecastConfig withHttp(final SourceSettings value) {
        return new OpenMeteoForecastConfig(value, latitude, longitude, pastMinutely15, backfillMinutely15);
    }

    public OpenMeteoForecastConfig withBackfillMinutely15(final int value) {
        return new OpenMeteoForecastConfig(http, latitude, longitude, pastMinutely15, value);
    }
}
