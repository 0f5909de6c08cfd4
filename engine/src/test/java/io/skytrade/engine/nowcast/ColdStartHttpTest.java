package io.skytrade.engine.nowcast;

import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.core.valuation.ValuationHandler;
import io.skytrade.core.valuation.ValuationParams;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldSettlement;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.engine.runtime.WorldObservations;
import io.skytrade.feeds.DataClient;
import io.skytrade.feeds.FeedLog;
import io.skytrade.feeds.FeedSource;
import io.skytrade.feeds.Feeds;
import io.skytrade.feeds.Observation;
import io.skytrade.feeds.PollResult;
import io.skytrade.feeds.PollStatus;
import io.skytrade.feeds.config.FeedsConfig;
import io.skytrade.feeds.synthetic.SeriesKind;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cold start over HTTP: the live feeds' first poll backfills the settlement window (EA readings
 * {@code since=} three weeks back, Open-Meteo's past week of 15-minute samples, Open-Meteo air
 * quality's past week, AeroDataBox's two 12-hour windows before the regular one), and from those
 * observations alone the valuation values every product, at several start hours. The APIs are
 * MockWebServer answers in each API's format, computed from a {@link SyntheticWorld}; the second
 * poll is the regular one.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ColdStartHttpTest {
    private static final long MINUTE = 60_000_000_000L;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter PATH_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter OPEN_METEO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter AERODATABOX = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-12T00:20:00Z", "2026-01-12T07:05:00Z", "2026-01-12T11:55:00Z", "2026-01-12T15:40:00Z",
        "2026-07-02T10:30:00Z"})
    void shouldValueEveryProductFromTheFirstHttpPollAtAnyHour(final String startedAt) throws Exception {
        final long now = Instant.parse(startedAt).getEpochSecond() * 1_000_000_000L;
        final SyntheticWorld world = new SyntheticWorld(47);
        final WorldApis apis = new WorldApis(new WorldObservations(world), now);
        final InstrumentRegistry registry = InstrumentRegistry.of(EngineConfig.DEFAULT_INSTRUMENTS, EngineConfig.DEFAULT_SERIES);
        final SettlementRules rules = SettlementRules.defaults();
        final long end = rules.nextSettlementAtOrAfter(now);
        final SideBuffers side = new SideBuffers(1);
        final ValuationHandler valuation = new ValuationHandler(registry, ValuationParams.defaults()
            .withWindow(rules.windowStart(end), end), rules, KalmanParams.defaults(), side);
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(apis);
            server.start(InetAddress.getLoopbackAddress(), 0);
            final FeedsConfig config = FeedsConfig.defaults().withLive(true)
                .withAllBaseUrls(server.url("/").toString())
                .withStorage(dir.resolve("cache"), dir.resolve("raw"), false)
                .withSourcesEnabled(Set.of(FeedSource.EA_FLOOD, FeedSource.OPEN_METEO_FORECAST, FeedSource.OPEN_METEO_AIR,
                    FeedSource.AERODATABOX));
            final List<Observation> first = new ArrayList<>();
            try (Feeds feeds = Feeds.create(config, registry, Map.of("RAPIDAPI_KEY", "rapid-dummy-key"),
                new ManualEpochNanoClock(now), quiet())) {
                for (final DataClient client : feeds.clients()) {
                    final PollResult r = client.poll().get(30, TimeUnit.SECONDS);
                    assertEquals(PollStatus.OK, r.status(), client.name() + ": " + r.error());
                    first.addAll(r.observations());
                }
                assertEquals(6, apis.requests.size(), "one backfill request each, AeroDataBox the regular window and two before it: "
                    + apis.requests);
                assertTrue(apis.requests.stream().anyMatch(u -> u.queryParameter("since") != null
                    && Instant.parse(u.queryParameter("since")).getEpochSecond() * 1_000_000_000L <= now - 21 * 24 * 60 * MINUTE + MINUTE),
                    apis.requests.toString());
                assertTrue(apis.requests.stream().anyMatch(u -> "672".equals(u.queryParameter("past_minutely_15"))), apis.requests.toString());
                apis.requests.clear();
                for (final DataClient client : feeds.clients()) {
                    client.poll().get(30, TimeUnit.SECONDS);
                }
                assertEquals(4, apis.requests.size(), "then the regular polls: " + apis.requests);
                assertTrue(apis.requests.stream().noneMatch(u -> u.queryParameter("since") != null), apis.requests.toString());
            }
            first.sort((a, b) -> Long.compare(a.eventTimeNanos(), b.eventTimeNanos()));
            ColdStartTest.assertEveryProductValuedNearItsSettlement(valuation, side, first, now, new WorldSettlement(world, rules), end,
                startedAt);
        }
    }

    private static FeedLog quiet() {
        return new FeedLog() {
            @Override
            public void info(final String message) {
            }

            @Override
            public void warn(final String message) {
            }
        };
    }

    /** The four APIs' answers at the fixed time {@code now}, read off the world (publication delays as the synthetic feeds'). */
    private static final class WorldApis extends Dispatcher {
        final List<HttpUrl> requests = new CopyOnWriteArrayList<>();
        private final WorldObservations world;
        private final long now;

        WorldApis(final WorldObservations world, final long now) {
            this.world = world;
            this.now = now;
        }

        @Override
        public MockResponse dispatch(final RecordedRequest request) {
            final HttpUrl url = request.getUrl();
            requests.add(url);
            final String path = url.encodedPath();
            final String body;
            if (path.endsWith("/readings")) {
                body = ea(url);
            } else if (path.equals("/v1/forecast")) {
                body = openMeteo(url);
            } else if (path.equals("/v1/air-quality")) {
                body = air(url);
            } else if (path.startsWith("/flights/airports/iata/LHR/")) {
                body = flights(path.substring("/flights/airports/iata/LHR/".length()).split("/"));
            } else {
                return new MockResponse.Builder().code(404).body("{}").build();
            }
            return new MockResponse.Builder().code(200).body(body).build();
        }

        private String ea(final HttpUrl url) {
            final int limit = Integer.parseInt(url.queryParameter("_limit"));
            final String since = url.queryParameter("since");
            final long from = since == null ? Long.MIN_VALUE : Instant.parse(since).getEpochSecond() * 1_000_000_000L;
            final StringBuilder b = new StringBuilder("{\"meta\":{},\"items\":[");
            long t = Math.floorDiv(now - 4 * MINUTE, 15 * MINUTE) * 15 * MINUTE;
            for (int n = 0; n < limit && t >= from; n++, t -= 15 * MINUTE) {
                b.append(n == 0 ? "" : ",").append("{\"dateTime\":\"").append(Instant.ofEpochSecond(t / 1_000_000_000L))
                    .append("\",\"value\":").append(String.format(Locale.ROOT, "%.3f", world.value(SeriesKind.THAMES_LEVEL, t))).append('}');
            }
            return b.append("]}").toString();
        }

        private String openMeteo(final HttpUrl url) {
            final int past = Integer.parseInt(url.queryParameter("past_minutely_15"));
            final long slot = Math.floorDiv(now, 15 * MINUTE) * 15 * MINUTE;
            final StringBuilder times = new StringBuilder();
            final StringBuilder temps = new StringBuilder();
            final StringBuilder hums = new StringBuilder();
            for (int i = -past; i < 4; i++) {
                final long t = slot + i * 15 * MINUTE;
                final String sep = i == -past ? "" : ",";
                times.append(sep).append('"').append(OPEN_METEO.format(utc(t))).append('"');
                final boolean published = t <= now - 2 * MINUTE;
                temps.append(sep).append(published ? String.format(Locale.ROOT, "%.1f", world.value(SeriesKind.AIR_TEMP, t)) : "null");
                hums.append(sep).append(published ? Long.toString(Math.round(world.value(SeriesKind.REL_HUMIDITY, t))) : "null");
            }
            return "{\"utc_offset_seconds\":0,\"timezone\":\"GMT\",\"minutely_15_units\":{\"time\":\"iso8601\","
                + "\"temperature_2m\":\"°C\",\"relative_humidity_2m\":\"%\"},\"minutely_15\":{\"time\":[" + times
                + "],\"temperature_2m\":[" + temps + "],\"relative_humidity_2m\":[" + hums + "]}}";
        }

        private String air(final HttpUrl url) {
            final long day = 24 * 60 * MINUTE;
            final long start = Math.floorDiv(now, day) * day - Integer.parseInt(url.queryParameter("past_days")) * day;
            final StringBuilder times = new StringBuilder();
            final StringBuilder pm = new StringBuilder();
            for (long t = start; t < Math.floorDiv(now, day) * day + day; t += 60 * MINUTE) {
                final String sep = t == start ? "" : ",";
                times.append(sep).append('"').append(OPEN_METEO.format(utc(t))).append('"');
                pm.append(sep).append(t <= now - 70 * MINUTE ? String.format(Locale.ROOT, "%.1f", world.value(SeriesKind.PM25, t)) : "null");
            }
            return "{\"utc_offset_seconds\":0,\"timezone\":\"GMT\",\"hourly_units\":{\"time\":\"iso8601\",\"pm2_5\":\"μg/m³\"},"
                + "\"hourly\":{\"time\":[" + times + "],\"pm2_5\":[" + pm + "]}}";
        }

        private String flights(final String[] window) {
            final long from = LocalDateTime.parse(window[0], PATH_LOCAL).atZone(LONDON).toEpochSecond() * 1_000_000_000L;
            final long to = LocalDateTime.parse(window[1], PATH_LOCAL).atZone(LONDON).toEpochSecond() * 1_000_000_000L;
            return "{\"arrivals\":[" + movements(SeriesKind.ARRIVALS_30M, from, to) + "],\"departures\":["
                + movements(SeriesKind.DEPARTURES_30M, from, to) + "]}";
        }

        private String movements(final SeriesKind kind, final long from, final long to) {
            final StringBuilder b = new StringBuilder();
            for (long bin = from; bin < to; bin += 30 * MINUTE) {
                final long count = Math.round(world.value(kind, bin));
                for (int i = 0; i < count; i++) {
                    final long t = bin + (i % 30) * MINUTE;
                    b.append(b.length() == 0 ? "" : ",").append("{\"movement\":{\"scheduledTime\":{\"utc\":\"")
                        .append(AERODATABOX.format(utc(t))).append("\"}},\"number\":\"XX ").append(i)
                        .append("\",\"status\":\"Arrived\",\"codeshareStatus\":\"IsOperator\"}");
                }
            }
            return b.toString();
        }

        private static LocalDateTime utc(final long epochNanos) {
            return LocalDateTime.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), 0, ZoneOffset.UTC);
        }
    }
}
