package io.skytrade.feeds.config;

import java.time.Duration;

/**
 * OpenAQ v3 source: the location's sensor list ({@code /v3/locations/{id}}) once, then its latest
 * readings ({@code /v3/locations/{id}/latest}); the key is read from the variable named by
 * {@code http.keyEnvVar} and sent as the {@code X-API-Key} header.
 *
 * <p>Immutable and validated on construction; thread-safe. Cost: start-up only.
 *
 * @param http       shared source settings (key required)
 * @param locationId OpenAQ location id, positive
 */
public record OpenAqConfig(SourceSettings http, long locationId) {
    public static final String PREFIX = "feeds.openAq";

    public OpenAqConfig {
        final ConfigErrors e = new ConfigErrors(PREFIX);
        e.check(http != null, "http", http, "source settings");
        if (http != null) {
            http.check(e, true);
        }
        e.check(locationId > 0, "locationId", locationId, "a positive OpenAQ location id");
        e.throwIfAny();
    }

    public static OpenAqConfig defaults() {
        return new OpenAqConfig(new SourceSettings(true, "https://api.openaq.org",
            Duration.ofMinutes(30), Duration.ofSeconds(10), "OPENAQ_API_KEY"), 159);
    }

    public OpenAqConfig withHttp(final SourceSettings value) {
        return new OpenAqConfig(value, locationId);
    }
}
