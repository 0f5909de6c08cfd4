package io.skytrade.feeds.config;

import io.skytrade.feeds.FeedSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FeedsConfigTest {
    @Test
    void shouldDefaultToOfflineSyntheticSourcesWithValidLiveDefaults() {
        final FeedsConfig c = FeedsConfig.defaults();
        assertFalse(c.live());
        assertEquals("data/cache", c.cacheDir().toString());
        assertEquals("OPENWEATHER_API_KEY", c.openWeatherMap().http().keyEnvVar());
        assertEquals(Duration.ofHours(12), c.aeroDataBox().window());
    }

    @Test
    void shouldNameKeyValueAndExpectationForEachBadValue() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OpenMeteoForecastConfig(
            new SourceSettings(true, "not a url", Duration.ZERO, Duration.ofSeconds(5), "1BAD"), 95.0, -0.1, 96, 192));
        final String m = e.getMessage();
        assertTrue(m.contains("feeds.openMeteo.baseUrl = not a url: expected an http or https URL"), m);
        assertTrue(m.contains("feeds.openMeteo.pollInterval = PT0S: expected a positive duration"), m);
        assertTrue(m.contains("feeds.openMeteo.keyEnvVar = 1BAD: expected"), m);
        assertTrue(m.contains("feeds.openMeteo.latitude = 95.0: expected a number in -90.0..90.0"), m);
        assertEquals(4, m.split("; ").length, m);
        assertEquals(1, m.lines().count(), "one line: " + m);
    }

    @Test
    void shouldRequireKeyVariableNamesForKeyedSources() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> OpenWeatherMapConfig.defaults().withHttp(OpenWeatherMapConfig.defaults().http().withKeyEnvVar("")));
        assertTrue(e.getMessage().contains("feeds.openWeatherMap.keyEnvVar"), e.getMessage());
    }

    @Test
    void shouldLimitAeroDataBoxWindowsToTwelveHours() {
        final AeroDataBoxConfig d = AeroDataBoxConfig.defaults();
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AeroDataBoxConfig(d.http(),
            "LHR", d.rapidApiHost(), d.codeshares(), d.binTime(), Duration.ofHours(13), d.settleDelay(), "Mars/Olympus", Duration.ofDays(3)));
        assertTrue(e.getMessage().contains("feeds.aeroDataBox.window = PT13H"), e.getMessage());
        assertTrue(e.getMessage().contains("feeds.aeroDataBox.airportZone = Mars/Olympus"), e.getMessage());
        assertTrue(e.getMessage().contains("feeds.aeroDataBox.backfill = PT72H"), e.getMessage());
    }

    @Test
    void shouldRejectOpenSkyBoxesAcrossTheAntimeridian() {
        final OpenSkyConfig d = OpenSkyConfig.defaults();
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OpenSkyConfig(d.http(),
            d.tokenUrl(), d.clientSecretEnvVar(), "EGLL", 51.3, 179.0, 51.6, -179.0, "", d.flightsSettleDelay()));
        assertTrue(e.getMessage().contains("feeds.openSky.lomax"), e.getMessage());
    }

    @Test
    void shouldEnableExactlyTheChosenSources() {
        final FeedsConfig c = FeedsConfig.defaults().withSourcesEnabled(Set.of(FeedSource.EA_FLOOD));
        assertTrue(c.eaFlood().http().enabled());
        assertFalse(c.openMeteo().http().enabled());
        assertFalse(c.openSky().http().enabled());
    }
}
