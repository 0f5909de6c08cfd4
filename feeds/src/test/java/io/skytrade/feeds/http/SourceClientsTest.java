package io.skytrade.feeds.http;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.feeds.DataClient;
import io.skytrade.feeds.FeedSource;
import io.skytrade.feeds.PollResult;
import io.skytrade.feeds.PollStatus;
import io.skytrade.feeds.TestSupport;
import io.skytrade.feeds.source.CodesharePolicy;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.skytrade.feeds.TestSupport.IDS;
import static io.skytrade.feeds.TestSupport.fixtureText;
import static io.skytrade.feeds.TestSupport.nanos;
import static io.skytrade.feeds.http.LiveHarness.poll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each live source's requests (paths, parameters, auth headers) and responses, over MockWebServer. */
@Tag("integration")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SourceClientsTest {
    @TempDir
    Path dir;
    private LiveHarness h;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    private static MockResponse ok(final String fixture) {
        return new MockResponse.Builder().code(200).body(fixtureText(fixture)).build();
    }

    @Test
    void shouldPollOpenMeteoMinutely15InGmt() throws Exception {
        h = new LiveHarness(dir, "2026-02-28T12:10:00Z");
        final DataClient client = h.client(FeedSource.OPEN_METEO_FORECAST, Map.of());
        h.enqueueFixture("open-meteo-minutely15.json");
        final PollResult r = poll(client);
        assertEquals(PollStatus.OK, r.status(), r.error());
        assertEquals(6, r.observations().size());
        final RecordedRequest req = h.server.takeRequest();
        assertEquals("/v1/forecast", req.getUrl().encodedPath());
        assertEquals("temperature_2m,relative_humidity_2m", req.getUrl().queryParameter("minutely_15"));
        assertEquals("GMT", req.getUrl().queryParameter("timezone"));
        assertNull(req.getUrl().queryParameter("apikey"));
    }

    @Test
    void shouldFallBackOnOpenMeteo429JsonError() throws Exception {
        h = new LiveHarness(dir, "2026-02-28T12:10:00Z");
        final DataClient client = h.client(FeedSource.OPEN_METEO_FORECAST, Map.of());
        h.enqueueFixture("open-meteo-minutely15.json");
        poll(client);
        h.enqueue(429, fixtureText("open-meteo-429.json"));
        final PollResult r = poll(client);
        assertEquals(PollStatus.STALE, r.status());
        assertEquals(2, r.observations().size(), "latest temperature and humidity");
        assertTrue(r.observations().stream().allMatch(o -> (o.quality() & EngineEvent.QUALITY_STALE) != 0));
        assertTrue(r.error().contains("HTTP 429") && r.error().contains("Minutely API request limit"), r.error());
    }

    @Test
    void shouldSendOpenWeatherMapKeyAsAppidInMetricUnits() throws Exception {
        h = new LiveHarness(dir, "2026-01-15T12:10:00Z");
        final DataClient client = h.client(FeedSource.OPENWEATHERMAP, Map.of("OPENWEATHER_API_KEY", "owm-dummy-key-1"));
        h.enqueueFixture("openweathermap-current.json");
        final PollResult r = poll(client);
        assertEquals(PollStatus.OK, r.status(), r.error());
        assertEquals(7.4, r.observations().stream().filter(o -> o.seriesId() == IDS.airTemp()).findFirst().orElseThrow().value());
        final RecordedRequest req = h.server.takeRequest();
        assertEquals("/data/2.5/weather", req.getUrl().encodedPath());
        assertEquals("owm-dummy-key-1", req.getUrl().queryParameter("appid"));
        assertEquals("metric", req.getUrl().queryParameter("units"));
    }

    @Test
    void shouldReportMissingOpenWeatherMapKeyByNameWithoutContactingTheSource() throws Exception {
        h = new LiveHarness(dir, "2026-01-15T12:10:00Z");
        final DataClient client = h.client(FeedSource.OPENWEATHERMAP, Map.of());
        final PollResult r = poll(client);
        assertEquals(PollStatus.FAILED, r.status());
        assertTrue(r.error().contains("environment variable OPENWEATHER_API_KEY is not set"), r.error());
        assertEquals(0, h.server.getRequestCount());
    }

    @Test
    void shouldReportOpenWeatherMap401Clearly() throws Exception {
        h = new LiveHarness(dir, "2026-01-15T12:10:00Z");
        final DataClient client = h.client(FeedSource.OPENWEATHERMAP, Map.of("OPENWEATHER_API_KEY", "owm-dummy-key-1"));
        h.enqueue(401, fixtureText("openweathermap-401.json"));
        final PollResult r = poll(client);
        assertEquals(PollStatus.FAILED, r.status());
        assertTrue(r.error().contains("HTTP 401") && r.error().contains("Invalid API key"), r.error());
    }

    @Test
    void shouldPollOpenMeteoAirQuality() throws Exception {
        h = new LiveHarness(dir, "2026-01-15T12:30:00Z");
        final DataClient client = h.client(FeedSource.OPEN_METEO_AIR, Map.of());
        h.enqueueFixture("open-meteo-air.json");
        final PollResult r = poll(client);
        assertEquals(PollStatus.OK, r.status(), r.error());
        assertTrue(r.observations().stream().allMatch(o -> o.seriesId() == IDS.pm25()));
        assertEquals("/v1/air-quality", h.server.takeRequest().getUrl().encodedPath());
    }

    @Test
    void shouldLearnOpenAqSensorsThenReadLatestWithKeyHeader() throws Exception {
        h = new LiveHarness(dir, "2026-01-15T12:30:00Z");
        h.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(final RecordedRequest request) {
                return request.getUrl().encodedPath().endsWith("/latest") ? ok("openaq-latest.json") : ok("openaq-location.json");
            }
        });
        final DataClient client = h.client(FeedSource.OPENAQ, Map.of("OPENAQ_API_KEY", "openaq-dummy-key-2"));
        final PollResult r = poll(client);
        assertEquals(PollStatus.OK, r.status(), r.error());
        assertEquals(1, r.observations().size());
        assertEquals(9.8, r.observations().get(0).value());
        final RecordedRequest location = h.server.takeRequest();
        assertEquals("/v3/locations/159", location.getUrl().encodedPath());
        assertEquals("openaq-dummy-key-2", location.getHeaders().get("X-API-Key"));
        assertEquals("/v3/locations/159/latest", h.server.takeRequest().getUrl().encodedPath());
        poll(client);
        assertEquals(3, h.server.getRequestCount(), "sensor mapping is fetched once");
    }

    @Test
    void shouldRequestAeroDataBoxTwelveHourWindowWithRapidApiHeaders() throws Exception {
        h = new LiveHarness(dir, "2026-02-28T13:10:00Z");
        final DataClient client = h.client(FeedSource.AERODATABOX, Map.of("RAPIDAPI_KEY", "rapid-dummy-key-3"));
        h.enqueueFixture("aerodatabox-flights.json");
        final PollResult r = poll(client);
        assertEquals(PollStatus.OK, r.status(), r.error());
        assertEquals(48, r.observations().size());
        final RecordedRequest req = h.server.takeRequest();
        assertEquals("/flights/airports/iata/LHR/2026-02-28T00:30/2026-02-28T12:30", req.getUrl().encodedPath());
        assertEquals("false", req.getUrl().queryParameter("withCodeshared"));
        assertEquals("false", req.getUrl().queryParameter("withCancelled"));
        assertEquals("rapid-dummy-key-3", req.getHeaders().get("x-rapidapi-key"));
        assertEquals("aerodatabox.p.rapidapi.com", req.getHeaders().get("x-rapidapi-host"));
    }

    @Test
    void shouldUseLocalTimesInAeroDataBoxPathDuringSummerTime() throws Exception {
        h = new LiveHarness(dir, "2026-07-01T13:10:00Z");
        final DataClient client = h.client(FeedSource.AERODATABOX, Map.of("RAPIDAPI_KEY", "rapid-dummy-key-3"),
            c -> c.withAeroDataBox(c.aeroDataBox().withCodeshares(CodesharePolicy.ALL_LISTINGS)));
        h.enqueue(200, "{\"arrivals\":[],\"departures\":[]}");
        poll(client);
        final RecordedRequest req = h.server.takeRequest();
        assertEquals("/flights/airports/iata/LHR/2026-07-01T01:30/2026-07-01T13:30", req.getUrl().encodedPath());
        assertEquals("true", req.getUrl().queryParameter("withCodeshared"));
    }

    @Test
    void shouldReportAeroDataBox403WithoutSubscription() throws Exception {
        h = new LiveHarness(dir, "2026-02-28T13:10:00Z");
        final DataClient client = h.client(FeedSource.AERODATABOX, Map.of("RAPIDAPI_KEY", "rapid-dummy-key-3"));
        h.enqueue(403, "{\"message\":\"You are not subscribed to this API.\"}");
        final PollResult r = poll(client);
        assertEquals(PollStatus.FAILED, r.status());
        assertTrue(r.error().contains("HTTP 403") && r.error().contains("not subscribed"), r.error());
    }

    @Test
    void shouldPollOpenSkyAnonymouslyWithStatesOf17And18Columns() throws Exception {
        h = new LiveHarness(dir, "2026-01-03T12:00:00Z");
        final List<String> states = new CopyOnWriteArrayList<>(List.of("opensky-states-17.json", "opensky-states-18.json"));
        final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
        h.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(final RecordedRequest request) {
                seen.add(request);
                final String path = request.getUrl().encodedPath();
                if (path.equals("/states/all")) {
                    return ok(states.remove(0));
                }
                if (path.equals("/flights/arrival")) {
                    return ok("opensky-arrivals.json");
                }
                return new MockResponse.Builder().code(404).build();
            }
        });
        final DataClient client = h.client(FeedSource.OPENSKY, Map.of(),
            c -> c.withOpenSky(c.openSky().withAirborneSeries("lhr_airborne_count")));
        final PollResult first = poll(client);
        assertEquals(PollStatus.FAILED, first.status(), "departures 404 with nothing cached: " + first.error());
        assertTrue(first.error().contains("departures") && first.error().contains("404"), first.error());
        assertEquals(2.0, first.observations().stream().filter(o -> o.seriesId() == 6).findFirst().orElseThrow().value());
        assertEquals(48, first.observations().stream().filter(o -> o.seriesId() == IDS.arrivals()).count());
        h.advanceSeconds(3600);
        final PollResult second = poll(client);
        assertEquals(1.0, second.observations().stream().filter(o -> o.seriesId() == 6).findFirst().orElseThrow().value());
        assertTrue(seen.stream().noneMatch(r -> r.getHeaders().get("Authorization") != null), "anonymous access");
        final RecordedRequest arrival = seen.stream().filter(r -> r.getUrl().encodedPath().equals("/flights/arrival")).findFirst().orElseThrow();
        assertEquals("EGLL", arrival.getUrl().queryParameter("airport"));
        assertEquals(Long.toString(nanos("2026-01-01T06:00:00Z") / 1_000_000_000L), arrival.getUrl().queryParameter("begin"));
    }

    @Test
    void shouldHonourOpenSkyRetryAfterSecondsHeader() throws Exception {
        h = new LiveHarness(dir, "2026-01-03T12:00:00Z");
        h.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(final RecordedRequest request) {
                return new MockResponse.Builder().code(429).addHeader("X-Rate-Limit-Retry-After-Seconds", "40000")
                    .body("Too many requests").build();
            }
        });
        final DataClient client = h.client(FeedSource.OPENSKY, Map.of());
        final PollResult r = poll(client);
        assertEquals(PollStatus.FAILED, r.status());
        assertTrue(r.error().contains("HTTP 429"), r.error());
        final int contacted = h.server.getRequestCount();
        h.advanceSeconds(39_000);
        final PollResult during = poll(client);
        assertTrue(during.error().contains("backing off"), during.error());
        assertEquals(contacted, h.server.getRequestCount());
        h.advanceSeconds(1_001);
        poll(client);
        assertTrue(h.server.getRequestCount() > contacted, "contacts the source again once the wait is over");
    }

    @Test
    void shouldUseOpenSkyOAuthTokenAndRefreshAfter401() throws Exception {
        h = new LiveHarness(dir, "2026-01-03T12:00:00Z");
        final AtomicInteger tokens = new AtomicInteger();
        final AtomicInteger arrivals = new AtomicInteger();
        final List<RecordedRequest> seen = new CopyOnWriteArrayList<>();
        h.server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(final RecordedRequest request) {
                seen.add(request);
                final String path = request.getUrl().encodedPath();
                if (path.equals("/token")) {
                    final int n = tokens.incrementAndGet();
                    return new MockResponse.Builder().code(200)
                        .body("{\"access_token\":\"tok-" + n + "\",\"expires_in\":1800,\"token_type\":\"Bearer\"}").build();
                }
                if (path.equals("/flights/arrival") && arrivals.incrementAndGet() == 2) {
                    return new MockResponse.Builder().code(401).build();
                }
                return ok("opensky-arrivals.json");
            }
        });
        final DataClient client = h.client(FeedSource.OPENSKY,
            Map.of("OPENSKY_CLIENT_ID", "sky-client", "OPENSKY_CLIENT_SECRET", "sky-dummy-secret-4"));
        final PollResult first = poll(client);
        assertEquals(PollStatus.OK, first.status(), first.error());
        final RecordedRequest token = seen.get(0);
        assertEquals("POST", token.getMethod());
        final String form = token.getBody().string(StandardCharsets.UTF_8);
        assertTrue(form.contains("grant_type=client_credentials") && form.contains("client_id=sky-client"), form);
        assertTrue(seen.stream().filter(r -> !r.getUrl().encodedPath().equals("/token"))
            .allMatch(r -> "Bearer tok-1".equals(r.getHeaders().get("Authorization"))));
        h.advanceSeconds(60);
        final PollResult unauthorised = poll(client);
        assertTrue(unauthorised.error().contains("HTTP 401"), unauthorised.error());
        h.advanceSeconds(60);
        assertEquals(PollStatus.OK, poll(client).status());
        assertEquals(2, tokens.get(), "a 401 drops the token: " + seen.stream().map(r -> r.getUrl().encodedPath() + " " + r.getHeaders().get("Authorization")).toList());
        assertEquals("Bearer tok-2", seen.get(seen.size() - 1).getHeaders().get("Authorization"));
    }

    @Test
    void shouldDeliverLateEaReadingsWithTheirOwnTimes() throws Exception {
        h = new LiveHarness(dir, "2026-02-28T12:20:00Z");
        final DataClient client = h.client(FeedSource.EA_FLOOD, Map.of());
        h.enqueueFixture("ea-readings-late.json");
        final PollResult r = poll(client);
        assertEquals(List.of(nanos("2026-02-28T12:15:00Z"), nanos("2026-02-28T12:00:00Z"), nanos("2026-02-28T11:45:00Z"),
            nanos("2026-02-28T11:30:00Z")), r.observations().stream().map(o -> o.eventTimeNanos()).toList());
        assertTrue(TestSupport.REGISTRY.seriesName(r.observations().get(0).seriesId()).equals("thames_level_m"));
    }
}
