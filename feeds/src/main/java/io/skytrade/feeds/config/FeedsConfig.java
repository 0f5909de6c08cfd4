package io.skytrade.feeds.config;

import io.skytrade.feeds.FeedSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * All feeds configuration: live HTTP sources or the offline synthetic ones (the default, so the
 * engine runs with no network and no keys), where the response cache and the raw-response store
 * live, back-off bounds, the body size limit, and each source's record.
 *
 * <p>Immutable and validated on construction; thread-safe. Cost: start-up only.
 *
 * @param live           poll the real HTTP sources (true) or the synthetic ones (false)
 * @param cacheDir       last good response per source and request (default data/cache)
 * @param rawDir         raw responses by date (default data/raw)
 * @param keepRaw        write raw responses
 * @param backoffInitial first back-off after a failure
 * @param backoffMax     longest back-off unless the server asks for longer
 * @param maxBodyBytes   largest accepted response body
 * @param openMeteo      Open-Meteo forecast
 * @param openWeatherMap OpenWeatherMap current
 * @param openMeteoAir   Open-Meteo air quality
 * @param openAq         OpenAQ v3
 * @param aeroDataBox    AeroDataBox flights
 * @param openSky        OpenSky flights and states
 * @param eaFlood        EA flood monitoring
 * @param synthetic      offline synthetic sources
 */
public record FeedsConfig(boolean live, Path cacheDir, Path rawDir, boolean keepRaw, Duration backoffInitial,
                          Duration backoffMax, long maxBodyBytes, OpenMeteoForecastConfig openMeteo,
                          OpenWeatherMapConfig openWeatherMap, OpenMeteoAirConfig openMeteoAir, OpenAqConfig openAq,
                          AeroDataBoxConfig aeroDataBox, OpenSkyConfig openSky, EaFloodConfig eaFlood,
                          SyntheticConfig synthetic) {
    public static final String PREFIX = "feeds";

    public FeedsConfig {
        final ConfigErrors e = new ConfigErrors(PREFIX);
        e.check(cacheDir != null, "cacheDir", cacheDir, "a directory path");
        e.check(rawDir != null, "rawDir", rawDir, "a directory path");
        e.positive("backoffInitial", backoffInitial);
        e.positive("backoffMax", backoffMax);
        e.check(backoffInitial == null || backoffMax == null || backoffInitial.compareTo(backoffMax) <= 0,
            "backoffMax", backoffMax, "at least backoffInitial " + backoffInitial);
        e.check(maxBodyBytes >= 1024 && maxBodyBytes <= 256L * 1024 * 1024, "maxBodyBytes", maxBodyBytes, "1024..268435456");
        e.check(openMeteo != null, "openMeteo", null, "a source record");
        e.check(openWeatherMap != null, "openWeatherMap", null, "a source record");
        e.check(openMeteoAir != null, "openMeteoAir", null, "a source record");
        e.check(openAq != null, "openAq", null, "a source record");
        e.check(aeroDataBox != null, "aeroDataBox", null, "a source record");
        e.check(openSky != null, "openSky", null, "a source record");
        e.check(eaFlood != null, "eaFlood", null, "a source record");
        e.check(synthetic != null, "synthetic", null, "a synthetic record");
        e.throwIfAny();
    }

    /** Offline synthetic sources, cache in data/cache, raw store off, every live source at its defaults. */
    public static FeedsConfig defaults() {
        return new FeedsConfig(false, Path.of("data", "cache"), Path.of("data", "raw"), false, Duration.ofSeconds(30),
            Duration.ofMinutes(30), 8L * 1024 * 1024, OpenMeteoForecastConfig.defaults(), OpenWeatherMapConfig.defaults(),
            OpenMeteoAirConfig.defaults(), OpenAqConfig.defaults(), AeroDataBoxConfig.defaults(), OpenSkyConfig.defaults(),
            EaFloodConfig.defaults(), SyntheticConfig.defaults());
    }

    public FeedsConfig withLive(final boolean value) {
        return new FeedsConfig(value, cacheDir, rawDir, keepRaw, backoffInitial, backoffMax, maxBodyBytes, openMeteo,
            openWeatherMap, openMeteoAir, openAq, aeroDataBox, openSky, eaFlood, synthetic);
    }

    public FeedsConfig withStorage(final Path cache, final Path raw, final boolean keep) {
        return new FeedsConfig(live, cache, raw, keep, backoffInitial, backoffMax, maxBodyBytes, openMeteo,
            openWeatherMap, openMeteoAir, openAq, aeroDataBox, openSky, eaFlood, synthetic);
    }

    public FeedsConfig withBackoff(final Duration initial, final Duration max) {
        return new FeedsConfig(live, cacheDir, rawDir, keepRaw, initial, max, maxBodyBytes, openMeteo,
            openWeatherMap, openMeteoAir, openAq, aeroDataBox, openSky, eaFlood, synthetic);
    }

    /** A copy with every live source's base URL replaced by {@code baseUrl}, and OpenSky's token URL by {@code baseUrl/token} (tests, proxies). */
    public FeedsConfig withAllBaseUrls(final String baseUrl) {
        return new FeedsConfig(live, cacheDir, rawDir, keepRaw, backoffInitial, backoffMax, maxBodyBytes,
            openMeteo.withHttp(openMeteo.http().withBaseUrl(baseUrl)),
            openWeatherMap.withHttp(openWeatherMap.http().withBaseUrl(baseUrl)),
            openMeteoAir.withHttp(openMeteoAir.http().withBaseUrl(baseUrl)),
            openAq.withHttp(openAq.http().withBaseUrl(baseUrl)),
            aeroDataBox.withHttp(aeroDataBox.http().withBaseUrl(baseUrl)),
            openSky.withHttp(openSky.http().withBaseUrl(baseUrl)).withTokenUrl(baseUrl.replaceAll("/+$", "") + "/token"),
            eaFlood.withHttp(eaFlood.http().withBaseUrl(baseUrl)), synthetic);
    }

    /** A copy in which exactly the given live sources are enabled ({@code feeds check --source}, tests). */
    public FeedsConfig withSourcesEnabled(final Set<FeedSource> enabled) {
        return new FeedsConfig(live, cacheDir, rawDir, keepRaw, backoffInitial, backoffMax, maxBodyBytes,
            openMeteo.withHttp(openMeteo.http().withEnabled(enabled.contains(FeedSource.OPEN_METEO_FORECAST))),
            openWeatherMap.withHttp(openWeatherMap.http().withEnabled(enabled.contains(FeedSource.OPENWEATHERMAP))),
            openMeteoAir.withHttp(openMeteoAir.http().withEnabled(enabled.contains(FeedSource.OPEN_METEO_AIR))),
            openAq.withHttp(openAq.http().withEnabled(enabled.contains(FeedSource.OPENAQ))),
            aeroDataBox.withHttp(aeroDataBox.http().withEnabled(enabled.contains(FeedSource.AERODATABOX))),
            openSky.withHttp(openSky.http().withEnabled(enabled.contains(FeedSource.OPENSKY))),
            eaFlood.withHttp(eaFlood.http().withEnabled(enabled.contains(FeedSource.EA_FLOOD))), synthetic);
    }

    /**
     * A copy whose live sources skip the start-up backfill (their first poll is a regular one):
     * {@code feeds check}, and tests of the regular requests.
     */
    public FeedsConfig withoutBackfill() {
        return new FeedsConfig(live, cacheDir, rawDir, keepRaw, backoffInitial, backoffMax, maxBodyBytes,
            openMeteo.withBackfillMinutely15(0), openWeatherMap, openMeteoAir.withBackfillPastDays(0), openAq,
            aeroDataBox.withBackfill(Duration.ZERO), openSky, eaFlood.withBackfill(Duration.ZERO), synthetic);
    }

    /** A copy with every live source's call timeout set to {@code timeout}. */
    public FeedsConfig withAllTimeouts(final Duration timeout) {
        return new FeedsConfig(live, cacheDir, rawDir, keepRaw, backoffInitial, backoffMax, maxBodyBytes,
            openMeteo.withHttp(openMeteo.http().withTimeout(timeout)),
            openWeatherMap.withHttp(openWeatherMap.http().withTimeout(timeout)),
            openMeteoAir.withHttp(openMeteoAir.http().withTimeout(timeout)),
            openAq.withHttp(openAq.http().withTimeout(timeout)),
            aeroDataBox.withHttp(aeroDataBox.http().withTimeout(timeout)),
            openSky.withHttp(openSky.http().withTimeout(timeout)),
            eaFlood.withHttp(eaFlood.http().withTimeout(timeout)), synthetic);
    }

    /** A copy with a different OpenSky record (airborne series, token URL). */
    public FeedsConfig withOpenSky(final OpenSkyConfig value) {
        return new FeedsConfig(live, cacheDir, rawDir, keepRaw, backoffInitial, backoffMax, maxBodyBytes, openMeteo,
            openWeatherMap, openMeteoAir, openAq, aeroDataBox, value, eaFlood, synthetic);
    }

    /** A copy with a different AeroDataBox record (codeshare policy, bin time). */
    public FeedsConfig withAeroDataBox(final AeroDataBoxConfig value) {
        return new FeedsConfig(live, cacheDir, rawDir, keepRaw, backoffInitial, backoffMax, maxBodyBytes, openMeteo,
            openWeatherMap, openMeteoAir, openAq, value, openSky, eaFlood, synthetic);
    }
}
