package io.skytrade.feeds.config;

import java.time.Duration;

/**
 * OpenWeatherMap current-weather source ({@code /data/2.5/weather}, metric units); the key is read
 * from the environment variable named by {@code http.keyEnvVar} and sent as {@code appid}.
 *
 * <p>Immutable and validated on construction; thread-safe. Cost: start-up only.
 *
 * @param http      shared source settings (key required)
 * @param latitude  -90..90
 * @param longitude -180..180
 */
public record OpenWeatherMapConfig(SourceSettings http, double latitude, double longitude) {
    public static final String PREFIX = "feeds.openWeatherMap";

    public OpenWeatherMapConfig {
        final ConfigErrors e = new ConfigErrors(PREFIX);
        e.check(http != null, "http", http, "source settings");
        if (http != null) {
            http.check(e, true);
        }
        e.range("latitude", latitude, -90, 90);
        e.range("longitude", longitude, -180, 180);
        e.throwIfAny();
    }

    public static OpenWeatherMapConfig defaults() {
        return new OpenWeatherMapConfig(new SourceSettings(true, "https://api.openweathermap.org",
            Duration.ofMinutes(10), Duration.ofSeconds(10), "OPENWEATHER_API_KEY"), 51.5074, -0.1278);
    }

    public OpenWeatherMapConfig withHttp(final SourceSettings value) {
        return new OpenWeatherMapConfig(value, latitude, longitude);
    }
}
