package io.skytrade.feeds.http;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.feeds.DataClient;
import io.skytrade.feeds.FeedLog;
import io.skytrade.feeds.FeedParseException;
import io.skytrade.feeds.FeedSource;
import io.skytrade.feeds.Observation;
import io.skytrade.feeds.PollResult;
import io.skytrade.feeds.PollStatus;
import org.agrona.concurrent.EpochNanoClock;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link DataClient} for one HTTP source: each poll runs the {@link RequestPlanner}'s requests
 * concurrently on OkHttp's async dispatcher, parses good bodies, stores them in the
 * {@link ResponseCache} and (when enabled) the {@link RawResponseStore}. On a failure (timeout,
 * I/O error, non-2xx status, malformed or truncated body, or a body with no observations) the
 * request falls back to the cached body: its latest observation per series, flagged
 * {@code QUALITY_STALE}, with the cache age reported; with nothing cached the poll reports a clear
 * error and no observation. Failures start the {@link Backoff} (honouring Retry-After and OpenSky's
 * retry header); while backing off the source is not contacted and the cache is served; the first
 * good poll recovers. Every message is passed through the {@link Redactor}.
 *
 * <p>Thread-safety: one poll at a time (see {@link DataClient}); completes on OkHttp threads.
 * Cost: one HTTP exchange per request, a parse, a cache write (off the hot path).
 */
public final class HttpDataClient implements DataClient {
    private final String name;
    private final FeedSource source;
    private final Duration pollInterval;
    private final RequestPlanner planner;
    private final AsyncHttp http;
    private final ResponseCache cache;
    private final RawResponseStore raw;
    private final Backoff backoff;
    private final EpochNanoClock clock;
    private final Redactor redactor;
    private final FeedLog log;
    private final AtomicBoolean failing = new AtomicBoolean();

    public HttpDataClient(final String name, final FeedSource source, final Duration pollInterval, final RequestPlanner planner,
                          final AsyncHttp http, final ResponseCache cache, final RawResponseStore raw, final Backoff backoff,
                          final EpochNanoClock clock, final Redactor redactor, final FeedLog log) {
        this.name = name;
        this.source = source;
        this.pollInterval = pollInterval;
        this.planner = planner;
        this.http = http;
        this.cache = cache;
        this.raw = raw;
        this.backoff = backoff;
        this.clock = clock;
        this.redactor = redactor;
        this.log = log;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FeedSource source() {
        return source;
    }

    @Override
    public Duration pollInterval() {
        return pollInterval;
    }

    @Override
    public CompletableFuture<PollResult> poll() {
        final long started = System.nanoTime();
        final long now = clock.nanoTime();
        final List<PlannedRequest> requests = planner.plan(now);
        if (backoff.blocked(now)) {
            final String why = "backing off for another " + Math.max(1, (backoff.blockedUntilNanos() - now) / 1_000_000_000L) + " s";
            final List<Outcome> outcomes = new ArrayList<>(requests.size());
            for (final PlannedRequest r : requests) {
                outcomes.add(fallback(r, why, 0));
            }
            return CompletableFuture.completedFuture(combine(outcomes, started, now, false));
        }
        final List<CompletableFuture<Outcome>> futures = new ArrayList<>(requests.size());
        for (final PlannedRequest r : requests) {
            futures.add(fetch(r, now));
        }
        return CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0]))
            .handle((ignored, error) -> {
                final List<Outcome> outcomes = new ArrayList<>(futures.size());
                for (final CompletableFuture<Outcome> f : futures) {
                    outcomes.add(resultOf(f));
                }
                return combine(outcomes, started, now, true);
            });
    }

    private static Outcome resultOf(final CompletableFuture<Outcome> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            final Throwable cause = e.getCause() == null ? e : e.getCause();
            return Outcome.failed("internal error " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), 0, true);
        }
    }

    private CompletableFuture<Outcome> fetch(final PlannedRequest r, final long now) {
        return r.request().get()
            .thenCompose(http::execute)
            .handle((reply, error) -> error != null ? fallback(r, describe(error), 0) : onReply(r, now, reply));
    }

    private Outcome onReply(final PlannedRequest r, final long now, final HttpReply reply) {
        final byte[] body = redactor.redact(reply.body());
        try {
            raw.store(name, r.cacheKey(), now, reply.code(), body);
        } catch (IOException e) {
            log.warn(redactor.redact(name + ": could not keep raw response " + r.cacheKey() + ": " + e.getMessage()));
        }
        if (reply.code() == 404 && r.notFoundMeansEmpty()) {
            return fallback(r, "empty result (HTTP 404, no data)", 0).soft();
        }
        if (!reply.successful()) {
            planner.onHttpStatus(reply.code());
            final long retryAfter = RetryAfter.nanos(reply.retryAfter(), reply.openSkyRetryAfterSeconds(), now);
            return fallback(r, "HTTP " + reply.code() + snippet(body), retryAfter);
        }
        final List<Observation> observations;
        try {
            observations = r.parser().parse(reply.body(), now);
        } catch (FeedParseException e) {
            return fallback(r, e.getMessage(), 0);
        }
        if (observations.isEmpty()) {
            return fallback(r, "empty result: the response holds no observations", 0).soft();
        }
        try {
            cache.store(name, r.cacheKey(), now, body);
        } catch (IOException e) {
            log.warn(redactor.redact(name + ": could not cache response " + r.cacheKey() + ": " + e.getMessage()));
        }
        return Outcome.ok(observations);
    }

    private Outcome fallback(final PlannedRequest r, final String error, final long retryAfterNanos) {
        final CachedResponse cached;
        try {
            cached = cache.load(name, r.cacheKey());
        } catch (IOException e) {
            return Outcome.failed(r.cacheKey() + ": " + error + "; cache unreadable: " + e.getMessage(), retryAfterNanos, true);
        }
        if (cached == null) {
            return Outcome.failed(r.cacheKey() + ": " + error + "; nothing cached", retryAfterNanos, true);
        }
        final List<Observation> parsed;
        try {
            parsed = r.parser().parse(cached.body(), cached.fetchTimeNanos());
        } catch (FeedParseException e) {
            return Outcome.failed(r.cacheKey() + ": " + error + "; cached response unusable: " + e.getMessage(), retryAfterNanos, true);
        }
        final List<Observation> latest = latestPerSeries(parsed);
        if (latest.isEmpty()) {
            return Outcome.failed(r.cacheKey() + ": " + error + "; cached response holds no observations", retryAfterNanos, true);
        }
        return new Outcome(PollStatus.STALE, latest, r.cacheKey() + ": " + error + "; served cache",
            retryAfterNanos, Math.max(0, clock.nanoTime() - cached.fetchTimeNanos()), true);
    }

    private static List<Observation> latestPerSeries(final List<Observation> observations) {
        final Map<Integer, Observation> latest = new HashMap<>();
        for (final Observation o : observations) {
            latest.merge(o.seriesId(), o, (a, b) -> b.eventTimeNanos() > a.eventTimeNanos() ? b : a);
        }
        final List<Observation> out = new ArrayList<>(latest.size());
        for (final Observation o : latest.values()) {
            out.add(o.withQuality(EngineEvent.QUALITY_STALE));
        }
        out.sort((a, b) -> Integer.compare(a.seriesId(), b.seriesId()));
        return out;
    }

    private PollResult combine(final List<Outcome> outcomes, final long started, final long now, final boolean contacted) {
        PollStatus status = PollStatus.OK;
        final List<Observation> observations = new ArrayList<>();
        final StringBuilder errors = new StringBuilder();
        long retryAfter = 0;
        long age = 0;
        boolean hardFailure = false;
        for (final Outcome o : outcomes) {
            observations.addAll(o.observations);
            if (o.status.ordinal() > status.ordinal()) {
                status = o.status;
            }
            if (!o.error.isEmpty()) {
                errors.append(errors.length() == 0 ? "" : " | ").append(o.error);
            }
            retryAfter = Math.max(retryAfter, o.retryAfterNanos);
            age = Math.max(age, o.staleAgeNanos);
            hardFailure |= o.hard;
        }
        final String error = redactor.redact(errors.toString());
        if (contacted) {
            if (hardFailure) {
                backoff.onFailure(now, retryAfter);
                failing.set(true);
                log.warn(name + ": " + status + " (" + error + "); next attempt in "
                    + Math.max(0, (backoff.blockedUntilNanos() - now) / 1_000_000_000L) + " s");
            } else {
                backoff.onSuccess();
                if (failing.getAndSet(false)) {
                    log.info(name + ": recovered");
                }
            }
        }
        return new PollResult(name, status, observations, System.nanoTime() - started, error, age);
    }

    private String describe(final Throwable error) {
        final Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof InterruptedIOException) {
            return "timeout (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        if (cause instanceof IOException) {
            return "I/O error " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return "request could not be built: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static String snippet(final byte[] body) {
        if (body.length == 0) {
            return "";
        }
        final String text = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return ": " + text;
    }

    /** Result of one request of a poll. */
    private static final class Outcome {
        final PollStatus status;
        final List<Observation> observations;
        final String error;
        final long retryAfterNanos;
        final long staleAgeNanos;
        final boolean hard;

        Outcome(final PollStatus status, final List<Observation> observations, final String error, final long retryAfterNanos,
                final long staleAgeNanos, final boolean hard) {
            this.status = status;
            this.observations = observations;
            this.error = error;
            this.retryAfterNanos = retryAfterNanos;
            this.staleAgeNanos = staleAgeNanos;
            this.hard = hard;
        }

        static Outcome ok(final List<Observation> observations) {
            return new Outcome(PollStatus.OK, observations, "", 0, 0, false);
        }

        static Outcome failed(final String error, final long retryAfterNanos, final boolean hard) {
            return new Outcome(PollStatus.FAILED, List.of(), error, retryAfterNanos, 0, hard);
        }

        /** The same outcome, not counted as a source failure for back-off (the source answered). */
        Outcome soft() {
            return new Outcome(status, observations, error, retryAfterNanos, staleAgeNanos, false);
        }
    }
}
