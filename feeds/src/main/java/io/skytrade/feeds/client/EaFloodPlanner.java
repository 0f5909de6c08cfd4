package io.skytrade.feeds.client;

import io.skytrade.feeds.SeriesIds;
import io.skytrade.feeds.config.EaFloodConfig;
import io.skytrade.feeds.http.PlannedRequest;
import io.skytrade.feeds.http.RequestPlanner;
import io.skytrade.feeds.source.EaFloodParser;
import okhttp3.HttpUrl;
import okhttp3.Request;

import java.util.List;

/**
 * Plans the EA flood-monitoring poll: the newest {@code limit} readings of the measure, newest
 * first, so readings that arrive late or in a batch are picked up by a later poll.
 *
 * <p>Immutable; thread-safe. Cost: none per poll.
 */
public final class EaFloodPlanner implements RequestPlanner {
    private final PlannedRequest request;

    public EaFloodPlanner(final EaFloodConfig config, final SeriesIds ids) {
        final HttpUrl url = HttpUrl.get(config.http().base() + "/id/measures/" + config.measureId() + "/readings").newBuilder()
            .addQueryParameter("_sorted", null)
            .addQueryParameter("_limit", Integer.toString(config.limit()))
            .build();
        this.request = PlannedRequest.of("readings", new Request.Builder().url(url).build(), new EaFloodParser(ids));
    }

    @Override
    public List<PlannedRequest> plan(final long nowNanos) {
        return List.of(request);
    }
}
