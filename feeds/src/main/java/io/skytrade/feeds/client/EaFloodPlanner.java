package io.skytrade.feeds.client;

import io.skytrade.feeds.SeriesIds;
import io.skytrade.feeds.config.EaFloodConfig;
import io.skytrade.feeds.http.PlannedRequest;
import io.skytrade.feeds.http.RequestPlanner;
import io.skytrade.feeds.source.EaFloodParser;
import okhttp3.HttpUrl;
import okhttp3.Request;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Plans the EA flood-monitoring poll: the newest {@code limit} readings of the measure, newest
 * first, so readings that arrive late or in a batch are picked up by a later poll. Until it has
 * succeeded once, the poll is instead the start-up backfill: every reading {@code since=} now minus
 * {@code backfill} (the settlement window and three weeks of tide for the model's constituents).
 *
 * <p>Thread-safe. Cost: none per regular poll; a URL per backfill attempt.
 */
public final class EaFloodPlanner implements RequestPlanner {
    /** The API's hard limit on readings per request. */
    static final int MAX_LIMIT = 10_000;
    private static final long READING_NANOS = 15L * 60 * 1_000_000_000L;
    private final PlannedRequest request;
    private final EaFloodConfig config;
    private final EaFloodParser parser;
    private final Backfill backfill;

    public EaFloodPlanner(final EaFloodConfig config, final SeriesIds ids) {
        this.config = config;
        this.parser = new EaFloodParser(ids);
        this.backfill = new Backfill(config.backfill().isZero() ? 0 : 1);
        final HttpUrl url = readings().addQueryParameter("_limit", Integer.toString(config.limit())).build();
        this.request = PlannedRequest.of("readings", new Request.Builder().url(url).build(), parser);
    }

    private HttpUrl.Builder readings() {
        return HttpUrl.get(config.http().base() + "/id/measures/" + config.measureId() + "/readings").newBuilder()
            .addQueryParameter("_sorted", null);
    }

    @Override
    public List<PlannedRequest> plan(final long nowNanos) {
        if (!backfill.needed(0)) {
            return List.of(request);
        }
        final long span = config.backfill().toNanos();
        final Instant since = Instant.ofEpochSecond(Math.floorDiv(nowNanos - span, 1_000_000_000L)).truncatedTo(ChronoUnit.SECONDS);
        final int limit = (int) Math.min(MAX_LIMIT, Math.max(config.limit(), span / READING_NANOS + 200));
        final HttpUrl url = readings()
            .addQueryParameter("since", since.toString())
            .addQueryParameter("_limit", Integer.toString(limit))
            .build();
        return List.of(PlannedRequest.of("readings-backfill", new Request.Builder().url(url).build(),
            backfill.track(0, nowNanos, parser)));
    }
}
