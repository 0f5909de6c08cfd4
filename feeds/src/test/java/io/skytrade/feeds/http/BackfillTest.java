package io.skytrade.feeds.http;

import io.skytrade.feeds.DataClient;
import io.skytrade.feeds.FeedSource;
import io.skytrade.feeds.PollResult;
import io.skytrade.feeds.PollStatus;
import io.skytrade.feeds.config.FeedsConfig;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static io.skytrade.feeds.http.LiveHarness.poll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up backfill of the live sources (the engine-level cold start over HTTP is
 * {@code ColdStartHttpTest}): the first poll asks for the whole settlement window, a failed
 * backfill is asked for again on the next poll, a successful one never again.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BackfillTest {
    @TempDir
    Path dir;
    private LiveHarness h;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    private static UnaryOperator<FeedsConfig> withBackfill() {
        final FeedsConfig d = FeedsConfig.defaults();
        return c -> new FeedsConfig(c.live(), c.cacheDir(), c.rawDir(), c.keepRaw(), c.backoffInitial(), c.backoffMax(),
            c.maxBodyBytes(), c.openMeteo().withBackfillMinutely15(d.openMeteo().backfillMinutely15()), c.openWeatherMap(),
            c.openMeteoAir().withBackfillPastDays(d.openMeteoAir().backfillPastDays()), c.openAq(), c.aeroDataBox().withBackfill(d.aeroDataBox().backfill()), c.openSky(),
            c.eaFlood().withBackfill(d.eaFlood().backfill()), c.synthetic());
    }

    @Test
    void shouldAskEaForThreeWeeksSinceOnceThenTheNewestReadings() throws Exception {
        h = new LiveHarness(dir, "2026-02-28T12:10:00Z");
        final DataClient client = h.client(FeedSource.EA_FLOOD, Map.of(), withBackfill());
        h.enqueue(500, "Internal Server Error");
        assertEquals(PollStatus.FAILED, poll(client).status());
        final RecordedRequest failed = h.server.takeRequest();
        assertEquals("2026-02-07T12:10:00Z", failed.getUrl().queryParameter("since"));
        assertEquals("2216", failed.getUrl().queryParameter("_limit"), "21 days of 15-minute readings and a margin");
        h.advanceSeconds(3600);
        h.enqueueFixture("ea-readings.json");
        final PollResult r = poll(client);
        assertEquals(PollStatus.OK, r.status(), r.error());
        assertEquals("2026-02-07T13:10:00Z", h.server.takeRequest().getUrl().queryParameter("since"), "retried after the failure");
        h.advanceSeconds(300);
        h.enqueueFixture("ea-readings.json");
        poll(client);
        final RecordedRequest regular = h.server.takeRequest();
        assertNull(regular.getUrl().queryParameter("since"));
        assertEquals("8", regular.getUrl().queryParameter("_limit"));
    }

    @Test
    void shouldAskOpenMeteoAirQualityForAWeekOnceThenThePastDay() throws Exception {
        h = new LiveHarness(dir, "2026-01-15T12:30:00Z");
        final DataClient client = h.client(FeedSource.OPEN_METEO_AIR, Map.of(), withBackfill());
        h.enqueueFixture("open-meteo-air.json");
        assertEquals(PollStatus.OK, poll(client).status());
        assertEquals("7", h.server.takeRequest().getUrl().queryParameter("past_days"));
        h.advanceSeconds(3600);
        h.enqueueFixture("open-meteo-air.json");
        poll(client);
        assertEquals("1", h.server.takeRequest().getUrl().queryParameter("past_days"));
    }

    @Test
    void shouldAskOpenMeteoForAWeekOnceThenItsRegularPast() throws Exception {
        h = new LiveHarness(dir, "2026-02-28T12:10:00Z");
        final DataClient client = h.client(FeedSource.OPEN_METEO_FORECAST, Map.of(), withBackfill());
        h.enqueueFixture("open-meteo-minutely15.json");
        assertEquals(PollStatus.OK, poll(client).status());
        assertEquals("672", h.server.takeRequest().getUrl().queryParameter("past_minutely_15"));
        h.advanceSeconds(900);
        h.enqueueFixture("open-meteo-minutely15.json");
        poll(client);
        assertEquals("96", h.server.takeRequest().getUrl().queryParameter("past_minutely_15"));
    }

    @Test
    void shouldCountTheTwoAeroDataBoxWindowsBeforeTheRegularOneOnce() throws Exception {
        h = new LiveHarness(dir, "2026-02-28T13:10:00Z");
        final DataClient client = h.client(FeedSource.AERODATABOX, Map.of("RAPIDAPI_KEY", "rapid-dummy-key-3"), withBackfill());
        for (int i = 0; i < 3; i++) {
            h.enqueueFixture("aerodatabox-flights.json");
        }
        poll(client);
        final List<String> paths = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            paths.add(h.server.takeRequest().getUrl().encodedPath());
        }
        assertTrue(paths.contains("/flights/airports/iata/LHR/2026-02-28T00:30/2026-02-28T12:30"), paths.toString());
        assertTrue(paths.contains("/flights/airports/iata/LHR/2026-02-27T12:30/2026-02-28T00:30"), paths.toString());
        assertTrue(paths.contains("/flights/airports/iata/LHR/2026-02-27T00:30/2026-02-27T12:30"), paths.toString());
        h.advanceSeconds(1800);
        h.enqueueFixture("aerodatabox-flights.json");
        poll(client);
        assertEquals("/flights/airports/iata/LHR/2026-02-28T01:00/2026-02-28T13:00", h.server.takeRequest().getUrl().encodedPath());
        assertEquals(4, h.server.getRequestCount(), "the fixture's movements lie in the regular window only, but each backfill "
            + "window's answer was a good, non-empty body");
    }
}
