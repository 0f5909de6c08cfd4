package io.skytrade.feeds.config;

import java.time.Duration;

/**
 * Open-Meteo air-quality source ({@code /v1/air-quality}, current and hourly PM2.5). No key on the
 * free, non-commercial tier; commercial use as for {@link OpenMeteoForecastConfig}.
 *
 * <p>Immutable and validated on construction; thread-safe. Cost: start-up only.
 *
 * @param http      shared source settings
 * @param latitude  -90..90
 * @param longitude -180..180
 * @param backfillPastDays past days of hourly PM2.5 the first poll asks for (start-up backfill of
 *                  the model's history; regular polls ask for 1), 0 (none)..92
 */
public record OpenMeteoAirConfig(SourceSettings http, double latitude, double longitude, int backfillPastDays) {
    public static final String PREFIX = "feeds.openMeteoAir";

    public OpenMeteoAirConfig {
        final ConfigErrors e = new ConfigErrors(PREFIX);
        e.check(http != null, "http", http, "source settings");
        if (http != null) {
            http.check(e, false);
        }
        e.range("latitude", latitude, -90, 90);
        e.range("longitude", longitude, -180, 180);
        e.check(backfillPastDays >= 0 && backfillPastDays <= 92, "backfillPastDays", backfillPastDays, "0..92");
        e.throwIfAny();
    }

    public static OpenMeteoAirConfig defaults() {
        return new OpenMeteoAirConfig(new SourceSettings(true, "https://air-quality-api.open-meteo.com",
            Duration.ofMinutes(60), Duration.ofSeconds(10), ""), 51.5074, -0.1278, 7);
    }

    public OpenMeteoAirConfig withHttp(final SourceSettings value) {
        return new OpenMeteoAirConfig(value, latitude, longitude, backfillPastDays);
    }

    public OpenMeteoAirConfig withBackfillPastDays(final int value) {
        return new OpenMeteoAirConfig(http, latitude, longitude, value);
    }
}
