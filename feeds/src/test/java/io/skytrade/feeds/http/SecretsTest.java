package io.skytrade.feeds.http;

import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.feeds.CollectingLog;
import io.skytrade.feeds.DataClient;
import io.skytrade.feeds.FeedSource;
import io.skytrade.feeds.Feeds;
import io.skytrade.feeds.FeedsCheck;
import io.skytrade.feeds.PollResult;
import io.skytrade.feeds.TestSupport;
import io.skytrade.feeds.config.FeedsConfig;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static io.skytrade.feeds.TestSupport.fixtureText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Polls every live source with dummy keys (from an injected environment map) against a server that
 * even echoes the keys back in bodies, then checks that no key is in the logs, the cache, the raw
 * store, the poll errors or the feeds-check table.
 */
@Tag("integration")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SecretsTest {
    private static final Map<String, String> ENV = Map.of(
        "OPENWEATHER_API_KEY", "OWM-SECRET-111",
        "OPENAQ_API_KEY", "OPENAQ-SECRET-222",
        "RAPIDAPI_KEY", "RAPID-SECRET-333",
        "OPENSKY_CLIENT_ID", "SKY-CLIENT-555",
        "OPENSKY_CLIENT_SECRET", "SKY-SECRET-444",
        "OPEN_METEO_API_KEY", "METEO-SECRET-666");

    @TempDir
    Path dir;

    private static String keyIn(final RecordedRequest r) {
        final List<String> found = new ArrayList<>();
        for (final String v : ENV.values()) {
            if (r.getTarget().contains(v) || r.getHeaders().toString().contains(v)
                || r.getBody() != null && r.getBody().string(StandardCharsets.UTF_8).contains(v)) {
                found.add(v);
            }
        }
        return String.join(",", found);
    }

    private static MockResponse good(final RecordedRequest r) {
        final String path = r.getUrl().encodedPath();
        final String fixture;
        if (path.equals("/token")) {
            return new MockResponse.Builder().body("{\"access_token\":\"tok\",\"expires_in\":1800}").build();
        } else if (path.equals("/v1/forecast")) {
            final String body = fixtureText("open-meteo-minutely15.json");
            return new MockResponse.Builder().body(body.replaceFirst("\\{", "{\"echo\":\"" + keyIn(r) + "\",")).build();
        } else if (path.equals("/data/2.5/weather")) {
            fixture = "openweathermap-current.json";
        } else if (path.equals("/v1/air-quality")) {
            fixture = "open-meteo-air.json";
        } else if (path.equals("/v3/locations/159")) {
            fixture = "openaq-location.json";
        } else if (path.equals("/v3/locations/159/latest")) {
            fixture = "openaq-latest.json";
        } else if (path.startsWith("/flights/airports/")) {
            fixture = "aerodatabox-flights.json";
        } else if (path.startsWith("/flights/")) {
            fixture = "opensky-arrivals.json";
        } else {
            fixture = "ea-readings.json";
        }
        return new MockResponse.Builder().body(fixtureText(fixture)).build();
    }

    @Test
    void shouldKeepDummyKeysOutOfLogsCacheRawFilesErrorsAndCheckOutput() throws Exception {
        final AtomicBoolean failing = new AtomicBoolean();
        final List<String> keysSeen = new CopyOnWriteArrayList<>();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(final RecordedRequest request) {
                    final String keys = keyIn(request);
                    if (!keys.isEmpty()) {
                        keysSeen.add(keys);
                    }
                    if (failing.get() && !request.getUrl().encodedPath().equals("/token")) {
                        return new MockResponse.Builder().code(401).body("{\"message\":\"invalid key " + keys + "\"}").build();
                    }
                    return good(request);
                }
            });
            server.start(InetAddress.getLoopbackAddress(), 0);
            final FeedsConfig base = FeedsConfig.defaults().withLive(true).withAllBaseUrls(server.url("/").toString())
                .withStorage(dir.resolve("cache"), dir.resolve("raw"), true)
                .withBackoff(Duration.ofMillis(1), Duration.ofMillis(1))
                .withAllTimeouts(Duration.ofSeconds(10))
                .withSourcesEnabled(EnumSet.allOf(FeedSource.class));
            final FeedsConfig config = base.withOpenSky(base.openSky().withAirborneSeries("lhr_airborne_count"));
            final FeedsConfig withMeteoKey = new FeedsConfig(config.live(), config.cacheDir(), config.rawDir(), config.keepRaw(),
                config.backoffInitial(), config.backoffMax(), config.maxBodyBytes(),
                config.openMeteo().withHttp(config.openMeteo().http().withKeyEnvVar("OPEN_METEO_API_KEY")),
                config.openWeatherMap(), config.openMeteoAir(), config.openAq(), config.aeroDataBox(), config.openSky(),
                config.eaFlood(), config.synthetic());
            final CollectingLog log = new CollectingLog();
            final ManualEpochNanoClock clock = new ManualEpochNanoClock(TestSupport.nanos("2026-02-28T13:10:00Z"));
            final StringBuilder output = new StringBuilder();
            try (Feeds feeds = Feeds.create(withMeteoKey, TestSupport.REGISTRY, ENV, clock, log)) {
                assertEquals(7, feeds.clients().size());
                for (final DataClient c : feeds.clients()) {
                    final PollResult r = c.poll().get(20, TimeUnit.SECONDS);
                    output.append(r).append('\n');
                }
                failing.set(true);
                clock.advance(60_000_000_000L);
                for (final DataClient c : feeds.clients()) {
                    final PollResult r = c.poll().get(20, TimeUnit.SECONDS);
                    output.append(r).append('\n');
                }
                clock.advance(60_000_000_000L);
                output.append(FeedsCheck.format(new FeedsCheck(feeds.clients()).run(Duration.ofSeconds(20))));
            }
            assertTrue(keysSeen.size() >= 6, "the keys must actually have been sent: " + keysSeen);
            assertTrue(output.toString().contains(Redactor.MASK), "echoed keys are masked, not dropped silently:\n" + output);
            final List<String> places = new ArrayList<>();
            places.add("poll results and check table:\n" + output);
            places.add("log:\n" + log.all());
            try (Stream<Path> files = Files.walk(dir)) {
                for (final Path f : files.filter(Files::isRegularFile).toList()) {
                    places.add(f + ":\n" + Files.readString(f, StandardCharsets.UTF_8));
                }
            }
            assertTrue(places.size() > 8, "cache and raw files were written: " + places.size());
            assertFalse(log.messages.isEmpty(), "the failing round was logged");
            for (final String place : places) {
                for (final String key : ENV.values()) {
                    assertFalse(place.contains(key), "key " + key.substring(0, 3) + "... leaked in " + place);
                }
            }
        }
    }
}
