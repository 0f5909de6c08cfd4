package io.skytrade.feeds.http;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.feeds.DataClient;
import io.skytrade.feeds.FeedSource;
import io.skytrade.feeds.Observation;
import io.skytrade.feeds.PollResult;
import io.skytrade.feeds.PollStatus;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.skytrade.feeds.TestSupport.IDS;
import static io.skytrade.feeds.TestSupport.fixtureText;
import static io.skytrade.feeds.TestSupport.nanos;
import static io.skytrade.feeds.http.LiveHarness.poll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cache, stale fallback, back-off and recovery of an HTTP client, on the EA source over MockWebServer. */
@Tag("integration")
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpFallbackTest {
    @TempDir
    Path dir;
    private LiveHarness h;
    private DataClient client;

    @BeforeEach
    void setUp() throws Exception {
        h = new LiveHarness(dir, "2026-02-28T12:10:00Z");
        client = h.client(FeedSource.EA_FLOOD, Map.of());
    }

    @AfterEach
    void tearDown() {
        h.close();
    }

    private static void assertStaleLatest(final PollResult r) {
        assertEquals(PollStatus.STALE, r.status(), r.error());
        assertEquals(1, r.observations().size(), r.observations().toString());
        final Observation o = r.observations().get(0);
        assertEquals(IDS.thamesLevel(), o.seriesId());
        assertEquals(2.605, o.value());
        assertEquals(nanos("2026-02-28T12:00:00Z"), o.eventTimeNanos());
        assertTrue((o.quality() & EngineEvent.QUALITY_STALE) != 0);
    }

    @Test
    void shouldParseGoodResponseRequestTheMeasureAndCacheIt() throws Exception {
        h.enqueueFixture("ea-readings.json");
        final PollResult r = poll(client);
        assertEquals(PollStatus.OK, r.status(), r.error());
        assertEquals(2, r.observations().size());
        assertTrue(r.observations().stream().allMatch(o -> o.quality() == 0 && o.source() == FeedSource.EA_FLOOD.code()));
        final RecordedRequest request = h.server.takeRequest();
        assertEquals("/id/measures/0006-level-tidal_level-i-15_min-mAOD/readings?_sorted&_limit=8", request.getTarget());
        assertTrue(Files.exists(dir.resolve("cache/ea-flood/readings.cache")));
        try (Stream<Path> raw = Files.list(dir.resolve("raw/2026-02-28"))) {
            assertEquals(1, raw.count());
        }
    }

    @Test
    void shouldServeCachedLatestFlaggedStaleWithAgeOn500() throws Exception {
        h.enqueueFixture("ea-readings.json");
        poll(client);
        h.advanceSeconds(600);
        h.enqueue(500, "Internal Server Error");
        final PollResult r = poll(client);
        assertStaleLatest(r);
        assertEquals(600_000_000_000L, r.staleAgeNanos());
        assertTrue(r.error().contains("HTTP 500"), r.error());
    }

    @Test
    void shouldFailClearlyOn401WithoutCacheAndNeverInventAValue() throws Exception {
        h.enqueue(401, "{\"message\":\"Unauthorized\"}");
        final PollResult r = poll(client);
        assertEquals(PollStatus.FAILED, r.status());
        assertTrue(r.observations().isEmpty());
        assertTrue(r.error().contains("HTTP 401") && r.error().contains("nothing cached"), r.error());
    }

    @Test
    void shouldServeStaleOn403() throws Exception {
        h.enqueueFixture("ea-readings.json");
        poll(client);
        h.advanceSeconds(60);
        h.enqueue(403, "Forbidden");
        final PollResult r = poll(client);
        assertStaleLatest(r);
        assertTrue(r.error().contains("HTTP 403"), r.error());
    }

    @Test
    void shouldHonourRetryAfterThenRecover() throws Exception {
        h.enqueueFixture("ea-readings.json");
        poll(client);
        h.server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").body("slow down").build());
        assertStaleLatest(poll(client));
        assertEquals(2, h.server.getRequestCount());
        h.advanceSeconds(60);
        final PollResult during = poll(client);
        assertStaleLatest(during);
        assertTrue(during.error().contains("backing off"), during.error());
        assertEquals(2, h.server.getRequestCount(), "must not contact the source while backing off");
        h.advanceSeconds(61);
        h.enqueueFixture("ea-readings-late.json");
        final PollResult after = poll(client);
        assertEquals(PollStatus.OK, after.status(), after.error());
        assertEquals(4, after.observations().size());
        assertTrue(h.log.all().contains("recovered"), h.log.all());
    }

    @Test
    void shouldTimeOutAndFallBack() throws Exception {
        h.enqueueFixture("ea-readings.json");
        poll(client);
        h.feeds.close();
        client = h.client(FeedSource.EA_FLOOD, Map.of(), c -> c.withAllTimeouts(Duration.ofMillis(700)));
        h.advanceSeconds(3600);
        h.server.enqueue(new MockResponse.Builder().body(fixtureText("ea-readings.json")).headersDelay(2, TimeUnit.SECONDS).build());
        final PollResult r = poll(client);
        assertStaleLatest(r);
        assertTrue(r.error().contains("timeout"), r.error());
    }

    @Test
    void shouldFallBackOnTruncatedAndMalformedBodies() throws Exception {
        h.enqueueFixture("ea-readings.json");
        poll(client);
        final String full = fixtureText("ea-readings.json");
        h.advanceSeconds(3600);
        h.enqueue(200, full.substring(0, full.length() / 2));
        final PollResult truncated = poll(client);
        assertStaleLatest(truncated);
        assertTrue(truncated.error().contains("truncated") || truncated.error().contains("malformed"), truncated.error());
        h.advanceSeconds(3600);
        h.enqueue(200, "<html><body>Service Unavailable</body></html>");
        final PollResult malformed = poll(client);
        assertStaleLatest(malformed);
        assertTrue(malformed.error().contains("malformed"), malformed.error());
        final byte[] cached = Files.readAllBytes(dir.resolve("cache/ea-flood/readings.cache"));
        assertTrue(new String(cached, java.nio.charset.StandardCharsets.UTF_8).endsWith(full), "bad bodies must not replace the cache");
    }

    @Test
    void shouldFallBackWhenTheConnectionDropsMidBody() throws Exception {
        h.enqueueFixture("ea-readings.json");
        poll(client);
        h.advanceSeconds(3600);
        h.server.enqueue(new MockResponse.Builder().body(fixtureText("ea-readings-late.json"))
            .throttleBody(64, 20, TimeUnit.MILLISECONDS)
            .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
        final PollResult r = poll(client);
        assertStaleLatest(r);
        assertTrue(r.error().contains("I/O error") || r.error().contains("truncated") || r.error().contains("malformed"), r.error());
    }

    @Test
    void shouldTreatNullFieldsAsMissingNotZero() throws Exception {
        h.enqueueFixture("ea-readings-null-value.json");
        final PollResult r = poll(client);
        assertEquals(PollStatus.OK, r.status(), r.error());
        assertEquals(1, r.observations().size());
        assertEquals(2.799, r.observations().get(0).value());
    }

    @Test
    void shouldReportEmptyResultsAndKeepPolling() throws Exception {
        h.enqueueFixture("ea-readings-empty.json");
        final PollResult first = poll(client);
        assertEquals(PollStatus.FAILED, first.status());
        assertTrue(first.error().contains("empty result"), first.error());
        h.enqueueFixture("ea-readings.json");
        assertEquals(PollStatus.OK, poll(client).status(), "an empty answer is no reason to back off");
        h.enqueueFixture("ea-readings-empty.json");
        assertStaleLatest(poll(client));
    }

    @Test
    void shouldServeCacheAfterRestartWhenSourceIsDown() throws Exception {
        h.enqueueFixture("ea-readings.json");
        poll(client);
        h.feeds.close();
        final DataClient restarted = h.client(FeedSource.EA_FLOOD, Map.of());
        h.advanceSeconds(120);
        h.enqueue(503, "The service is overloaded");
        final PollResult r = poll(restarted);
        assertStaleLatest(r);
        assertEquals(120_000_000_000L, r.staleAgeNanos());
    }

    @Test
    void shouldFailClearlyWhenTheServerIsGone() throws Exception {
        h.server.close();
        final PollResult r = poll(client);
        assertEquals(PollStatus.FAILED, r.status());
        assertNotNull(r.error());
        assertTrue(r.error().contains("I/O error"), r.error());
    }
}
