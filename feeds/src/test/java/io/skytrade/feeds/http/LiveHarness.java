package io.skytrade.feeds.http;

import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.feeds.CollectingLog;
import io.skytrade.feeds.DataClient;
import io.skytrade.feeds.FeedSource;
import io.skytrade.feeds.Feeds;
import io.skytrade.feeds.PollResult;
import io.skytrade.feeds.TestSupport;
import io.skytrade.feeds.config.FeedsConfig;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** A MockWebServer on loopback plus a live feeds setup pointed at it, with a manual clock. */
final class LiveHarness implements AutoCloseable {
    final MockWebServer server = new MockWebServer();
    final ManualEpochNanoClock clock;
    final CollectingLog log = new CollectingLog();
    final Path dir;
    Feeds feeds;

    LiveHarness(final Path dir, final String startTime) throws IOException {
        this.dir = dir;
        this.clock = new ManualEpochNanoClock(TestSupport.nanos(startTime));
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    /** Regular polls only (the start-up backfill has its own test, {@code ColdStartBackfillTest}). */
    FeedsConfig config(final Set<FeedSource> sources) {
        return FeedsConfig.defaults().withLive(true).withoutBackfill()
            .withAllBaseUrls(server.url("/").toString())
            .withStorage(dir.resolve("cache"), dir.resolve("raw"), true)
            .withBackoff(Duration.ofSeconds(10), Duration.ofMinutes(10))
            .withAllTimeouts(Duration.ofSeconds(10))
            .withSourcesEnabled(sources);
    }

    DataClient client(final FeedSource source, final Map<String, String> env) {
        return client(source, env, c -> c);
    }

    DataClient client(final FeedSource source, final Map<String, String> env, final UnaryOperator<FeedsConfig> tweak) {
        feeds = Feeds.create(tweak.apply(config(Set.of(source))), TestSupport.REGISTRY, env, clock, log);
        return feeds.clients().get(0);
    }

    static PollResult poll(final DataClient client) throws Exception {
        return client.poll().get(10, TimeUnit.SECONDS);
    }

    void enqueue(final int code, final String body) {
        server.enqueue(new MockResponse.Builder().code(code).body(body).build());
    }

    void enqueueFixture(final String fixture) {
        enqueue(200, TestSupport.fixtureText(fixture));
    }

    void advanceSeconds(final long seconds) {
        clock.advance(seconds * 1_000_000_000L);
    }

    @Override
    public void close() {
        if (feeds != null) {
            feeds.close();
        }
        server.close();
    }
}
