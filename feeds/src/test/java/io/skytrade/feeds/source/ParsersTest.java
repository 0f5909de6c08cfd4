package io.skytrade.feeds.source;

import io.skytrade.feeds.FeedParseException;
import io.skytrade.feeds.FeedSource;
import io.skytrade.feeds.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.skytrade.feeds.TestSupport.IDS;
import static io.skytrade.feeds.TestSupport.fixture;
import static io.skytrade.feeds.TestSupport.nanos;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ParsersTest {
    private static final long HALF_HOUR = Duration.ofMinutes(30).toNanos();

    private static Observation find(final List<Observation> obs, final int series, final long t) {
        return obs.stream().filter(o -> o.seriesId() == series && o.eventTimeNanos() == t).findFirst()
            .orElseThrow(() -> new AssertionError("no observation of series " + series + " at " + t + " in " + obs));
    }

    @Test
    void shouldParseOpenMeteoMinutely15SkippingNullsAndForecasts() throws FeedParseException {
        final List<Observation> obs = new OpenMeteoForecastParser(IDS)
            .parse(fixture("open-meteo-minutely15.json"), nanos("2026-02-28T12:10:00Z"));
        assertEquals(6, obs.size(), obs.toString());
        assertEquals(9.6, find(obs, IDS.airTemp(), nanos("2026-02-28T12:00:00Z")).value());
        assertEquals(69, find(obs, IDS.relHumidity(), nanos("2026-02-28T12:00:00Z")).value());
        assertEquals(9.1, find(obs, IDS.airTemp(), nanos("2026-02-28T11:30:00Z")).value());
        assertTrue(obs.stream().allMatch(o -> o.source() == FeedSource.OPEN_METEO_FORECAST.code() && o.quality() == 0));
    }

    @Test
    void shouldSkipNullsPastTheForecastHorizon() throws FeedParseException {
        final List<Observation> obs = new OpenMeteoForecastParser(IDS)
            .parse(fixture("open-meteo-minutely15.json"), nanos("2026-02-28T13:00:00Z"));
        assertEquals(1, obs.stream().filter(o -> o.eventTimeNanos() == nanos("2026-02-28T12:15:00Z")).count());
        assertEquals(0, obs.stream().filter(o -> o.eventTimeNanos() == nanos("2026-02-28T12:30:00Z")).count());
    }

    @Test
    void shouldRejectFahrenheitRatherThanConvert() {
        final FeedParseException e = assertThrows(FeedParseException.class, () -> new OpenMeteoForecastParser(IDS)
            .parse(fixture("open-meteo-fahrenheit.json"), nanos("2026-02-28T12:10:00Z")));
        assertTrue(e.getMessage().startsWith("open-meteo: "), e.getMessage());
        assertTrue(e.getMessage().contains("°F"), e.getMessage());
    }

    @Test
    void shouldReportOpenMeteoErrorBody() {
        final FeedParseException e = assertThrows(FeedParseException.class, () -> new OpenMeteoForecastParser(IDS)
            .parse(fixture("open-meteo-error-400.json"), nanos("2026-02-28T12:10:00Z")));
        assertTrue(e.getMessage().contains("tempeture_2m"), e.getMessage());
    }

    @Test
    void shouldShiftLocalTimesByUtcOffset() throws FeedParseException {
        final String body = "{\"utc_offset_seconds\":3600,\"minutely_15\":{\"time\":[\"2026-06-01T13:00\"],"
            + "\"temperature_2m\":[20.5],\"relative_humidity_2m\":[50]}}";
        final List<Observation> obs = new OpenMeteoForecastParser(IDS)
            .parse(body.getBytes(StandardCharsets.UTF_8), nanos("2026-06-01T12:10:00Z"));
        assertEquals(nanos("2026-06-01T12:00:00Z"), obs.get(0).eventTimeNanos());
    }

    @Test
    void shouldParseOpenWeatherMapCurrent() throws FeedParseException {
        final List<Observation> obs = new OpenWeatherMapParser(IDS).parse(fixture("openweathermap-current.json"), 0);
        assertEquals(2, obs.size());
        assertEquals(7.4, find(obs, IDS.airTemp(), 1_768_478_400_000_000_000L).value());
        assertEquals(81, find(obs, IDS.relHumidity(), 1_768_478_400_000_000_000L).value());
    }

    @Test
    void shouldReportOpenWeatherMapErrorsWithIntOrStringCod() {
        final FeedParseException e401 = assertThrows(FeedParseException.class,
            () -> new OpenWeatherMapParser(IDS).parse(fixture("openweathermap-401.json"), 0));
        assertTrue(e401.getMessage().contains("401"), e401.getMessage());
        final FeedParseException e400 = assertThrows(FeedParseException.class,
            () -> new OpenWeatherMapParser(IDS).parse(fixture("openweathermap-400.json"), 0));
        assertTrue(e400.getMessage().contains("wrong latitude"), e400.getMessage());
    }

    @Test
    void shouldRejectKelvin() {
        final String body = "{\"main\":{\"temp\":280.5,\"humidity\":80},\"dt\":1768478400,\"cod\":200}";
        assertThrows(FeedParseException.class,
            () -> new OpenWeatherMapParser(IDS).parse(body.getBytes(StandardCharsets.UTF_8), 0));
    }

    @Test
    void shouldParseOpenMeteoAirCurrentAndPastHours() throws FeedParseException {
        final List<Observation> obs = new OpenMeteoAirParser(IDS).parse(fixture("open-meteo-air.json"), nanos("2026-01-15T12:30:00Z"));
        assertEquals(4, obs.size(), obs.toString());
        assertEquals(11.3, find(obs, IDS.pm25(), nanos("2026-01-15T10:00:00Z")).value());
        assertEquals(9.8, find(obs, IDS.pm25(), nanos("2026-01-15T12:00:00Z")).value());
        assertTrue(obs.stream().allMatch(o -> o.quality() == io.skytrade.core.event.EngineEvent.QUALITY_ESTIMATED), "model output");
    }

    @Test
    void shouldMapOpenAqSensorsAndKeepOnlyPm25InMicrograms() throws FeedParseException {
        final Set<Long> sensors = new OpenAqLocationParser().pm25Sensors(fixture("openaq-location.json"));
        assertEquals(Set.of(1001L), sensors);
        final List<Observation> obs = new OpenAqLatestParser(IDS, () -> sensors).parse(fixture("openaq-latest.json"), 0);
        assertEquals(1, obs.size());
        assertEquals(9.8, obs.get(0).value());
        assertEquals(nanos("2026-01-15T12:00:00Z"), obs.get(0).eventTimeNanos());
        assertEquals(IDS.pm25(), obs.get(0).seriesId());
    }

    @Test
    void shouldFailOpenAqLatestWhileSensorsUnknown() {
        assertThrows(FeedParseException.class, () -> new OpenAqLatestParser(IDS, Set::of).parse(fixture("openaq-latest.json"), 0));
    }

    @Test
    void shouldBinAeroDataBoxMovementsOperatorOnly() throws FeedParseException {
        final long fetch = nanos("2026-02-28T13:10:00Z");
        final List<Observation> obs = new AeroDataBoxParser(IDS, CodesharePolicy.OPERATOR_ONLY, BinTime.REVISED_ELSE_SCHEDULED,
            HALF_HOUR, Duration.ofHours(12).toNanos()).parse(fixture("aerodatabox-flights.json"), fetch);
        assertEquals(48, obs.size());
        assertEquals(1, find(obs, IDS.arrivals(), nanos("2026-02-28T10:00:00Z")).value());
        assertEquals(1, find(obs, IDS.arrivals(), nanos("2026-02-28T10:30:00Z")).value());
        assertEquals(0, find(obs, IDS.arrivals(), nanos("2026-02-28T11:00:00Z")).value(), "cancelled flight must not count");
        assertEquals(1, find(obs, IDS.departures(), nanos("2026-02-28T10:30:00Z")).value());
        assertEquals(0, find(obs, IDS.departures(), nanos("2026-02-28T10:00:00Z")).value());
        assertEquals(nanos("2026-02-28T00:30:00Z"), obs.stream().mapToLong(Observation::eventTimeNanos).min().orElseThrow());
        assertEquals(nanos("2026-02-28T12:00:00Z"), obs.stream().mapToLong(Observation::eventTimeNanos).max().orElseThrow());
        assertEquals(3, obs.stream().mapToDouble(Observation::value).sum());
    }

    @Test
    void shouldCountCodesharesAndScheduledTimesWhenConfigured() throws FeedParseException {
        final long fetch = nanos("2026-02-28T13:10:00Z");
        final List<Observation> obs = new AeroDataBoxParser(IDS, CodesharePolicy.ALL_LISTINGS, BinTime.SCHEDULED,
            HALF_HOUR, Duration.ofHours(12).toNanos()).parse(fixture("aerodatabox-flights.json"), fetch);
        assertEquals(2, find(obs, IDS.arrivals(), nanos("2026-02-28T10:00:00Z")).value());
        assertEquals(1, find(obs, IDS.departures(), nanos("2026-02-28T10:00:00Z")).value());
    }

    @Test
    void shouldTreatAeroDataBoxWithoutMovementsAsNoObservations() throws FeedParseException {
        final byte[] body = "{\"arrivals\":[],\"departures\":[]}".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, new AeroDataBoxParser(IDS, CodesharePolicy.OPERATOR_ONLY, BinTime.SCHEDULED, HALF_HOUR,
            Duration.ofHours(12).toNanos()).parse(body, nanos("2026-02-28T13:10:00Z")).size());
    }

    @Test
    void shouldParseSeventeenAndEighteenColumnStateRows() throws FeedParseException {
        final List<Observation> seventeen = new OpenSkyStatesParser(6).parse(fixture("opensky-states-17.json"), 0);
        assertEquals(2, seventeen.get(0).value());
        assertEquals(1_768_478_400_000_000_000L, seventeen.get(0).eventTimeNanos());
        final List<Observation> eighteen = new OpenSkyStatesParser(6).parse(fixture("opensky-states-18.json"), 0);
        assertEquals(1, eighteen.get(0).value());
    }

    @Test
    void shouldCountNoAircraftWhenStatesNull() throws FeedParseException {
        assertEquals(0, new OpenSkyStatesParser(6).parse(fixture("opensky-states-null.json"), 0).get(0).value());
    }

    @Test
    void shouldRejectStateRowsOfOtherLengths() {
        final FeedParseException e = assertThrows(FeedParseException.class,
            () -> new OpenSkyStatesParser(6).parse(fixture("opensky-states-16.json"), 0));
        assertTrue(e.getMessage().contains("16 columns"), e.getMessage());
    }

    @Test
    void shouldBinOpenSkyArrivalsByLastSeen() throws FeedParseException {
        final long settle = Duration.ofHours(30).toNanos();
        final long fetch = nanos("2026-01-02T06:00:00Z") + settle;
        final List<Observation> obs = new OpenSkyFlightsParser(IDS.arrivals(), true, settle, Duration.ofDays(1).toNanos())
            .parse(fixture("opensky-arrivals.json"), fetch);
        assertEquals(48, obs.size());
        assertEquals(2, find(obs, IDS.arrivals(), nanos("2026-01-01T07:00:00Z")).value());
        assertEquals(2, obs.stream().mapToDouble(Observation::value).sum());
    }

    @Test
    void shouldTreatEmptyOpenSkyFlightsAsNoObservations() throws FeedParseException {
        final OpenSkyFlightsParser parser = new OpenSkyFlightsParser(IDS.arrivals(), true, 0, Duration.ofDays(1).toNanos());
        assertEquals(0, parser.parse(new byte[0], nanos("2026-01-02T06:00:00Z")).size());
        assertEquals(0, parser.parse("[]".getBytes(StandardCharsets.UTF_8), nanos("2026-01-02T06:00:00Z")).size());
    }

    @Test
    void shouldParseEaReadingsIncludingNegativeLevels() throws FeedParseException {
        final List<Observation> obs = new EaFloodParser(IDS).parse(fixture("ea-readings-late.json"), 0);
        assertEquals(4, obs.size());
        assertEquals(2.605, find(obs, IDS.thamesLevel(), nanos("2026-02-28T12:00:00Z")).value());
        assertEquals(-0.012, find(obs, IDS.thamesLevel(), nanos("2026-02-28T11:30:00Z")).value());
    }

    @Test
    void shouldSkipNullReadingValues() throws FeedParseException {
        final List<Observation> obs = new EaFloodParser(IDS).parse(fixture("ea-readings-null-value.json"), 0);
        assertEquals(1, obs.size());
        assertEquals(2.799, obs.get(0).value());
    }

    @Test
    void shouldNameSourceAndProblemOnTruncatedJson() {
        final byte[] full = fixture("ea-readings.json");
        final byte[] cut = java.util.Arrays.copyOf(full, full.length / 2);
        final FeedParseException e = assertThrows(FeedParseException.class, () -> new EaFloodParser(IDS).parse(cut, 0));
        assertEquals("ea-flood", e.source());
        assertTrue(e.problem().contains("truncated") || e.problem().contains("malformed"), e.problem());
    }

    @Test
    void shouldReportMissingFieldWithPath() {
        final byte[] body = "{\"items\":[{\"value\":1.0}]}".getBytes(StandardCharsets.UTF_8);
        final FeedParseException e = assertThrows(FeedParseException.class, () -> new EaFloodParser(IDS).parse(body, 0));
        assertTrue(e.getMessage().contains("$.items[0].dateTime"), e.getMessage());
    }
}
