package io.skytrade.feeds.config;

import java.time.Duration;

/**
 * OpenSky Network source (free, research and non-commercial use only; disabled by default because
 * it writes the same flight-count series as AeroDataBox, the settlement source): airport arrivals and
 * departures counted into 30-minute bins over a one-day window (the flights table is filled by a
 * nightly batch, hence {@code flightsSettleDelay}), and optionally the number of airborne aircraft
 * in a bounding box from {@code /states/all}. Anonymous unless both variables named by
 * {@code http.keyEnvVar} (client id) and {@code clientSecretEnvVar} are set, in which case an
 * OAuth2 client-credentials token from {@code tokenUrl} is sent as a bearer token.
 *
 * <p>Immutable and validated on construction; thread-safe. Cost: start-up only.
 *
 * @param http               shared source settings; keyEnvVar names the client-id variable
 * @param tokenUrl           OAuth2 token endpoint
 * @param clientSecretEnvVar name of the variable holding the client secret, or empty
 * @param airportIcao        four-letter ICAO code, e.g. EGLL
 * @param lamin              box south edge
 * @param lomin              box west edge
 * @param lamax              box north edge
 * @param lomax              box east edge
 * @param airborneSeries     series name for the airborne count, or empty to skip the states request
 * @param flightsSettleDelay how long after a bin closes it is requested (at least a day)
 */
public record OpenSkyConfig(SourceSettings http, String tokenUrl, String clientSecretEnvVar, String airportIcao,
                            double lamin, double lomin, double lamax, double lomax, String airborneSeries,
                            Duration flightsSettleDelay) {
    public static final String PREFIX = "feeds.openSky";

    public OpenSkyConfig {
        final ConfigErrors e = new ConfigErrors(PREFIX);
        e.check(http != null, "http", http, "source settings");
        if (http != null) {
            http.check(e, false);
        }
        e.url("tokenUrl", tokenUrl);
        e.envName("clientSecretEnvVar", clientSecretEnvVar, false);
        e.check(airportIcao != null && airportIcao.matches("[A-Z]{4}"), "airportIcao", airportIcao, "a four-letter ICAO code");
        e.range("lamin", lamin, -90, 90);
        e.range("lamax", lamax, -90, 90);
        e.range("lomin", lomin, -180, 180);
        e.range("lomax", lomax, -180, 180);
        e.check(lamin < lamax, "lamax", lamax, "greater than lamin " + lamin);
        e.check(lomin < lomax, "lomax", lomax, "greater than lomin " + lomin + " (boxes across 180 degrees do not work)");
        e.check(airborneSeries != null, "airborneSeries", airborneSeries, "a series name or empty");
        e.check(flightsSettleDelay != null && flightsSettleDelay.compareTo(Duration.ofHours(24)) >= 0,
            "flightsSettleDelay", flightsSettleDelay, "at least PT24H (flights are filled by a nightly batch)");
        e.throwIfAny();
    }

    public static OpenSkyConfig defaults() {
        return new OpenSkyConfig(new SourceSettings(false, "https://opensky-network.org/api",
            Duration.ofHours(1), Duration.ofSeconds(20), "OPENSKY_CLIENT_ID"),
            "https://auth.opensky-network.org/auth/realms/opensky-network/protocol/openid-connect/token",
            "OPENSKY_CLIENT_SECRET", "EGLL", 51.30, -0.75, 51.65, -0.15, "", Duration.ofHours(30));
    }

    public OpenSkyConfig withHttp(final SourceSettings value) {
        return new OpenSkyConfig(value, tokenUrl, clientSecretEnvVar, airportIcao, lamin, lomin, lamax, lomax,
            airborneSeries, flightsSettleDelay);
    }

    public OpenSkyConfig withTokenUrl(final String value) {
        return new OpenSkyConfig(http, value, clientSecretEnvVar, airportIcao, lamin, lomin, lamax, lomax,
            airborneSeries, flightsSettleDelay);
    }

    public OpenSkyConfig withAirborneSeries(final String value) {
        return new OpenSkyConfig(http, tokenUrl, clientSecretEnvVar, airportIcao, lamin, lomin, lamax, lomax,
            value, flightsSettleDelay);
    }
}
