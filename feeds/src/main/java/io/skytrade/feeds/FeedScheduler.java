package io.skytrade.feeds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls every client on its own interval from one small scheduler thread (HTTP work runs on
 * OkHttp's dispatcher, so polls of different sources overlap), drops observations already published
 * ({@link ObservationDeduplicator}) and publishes the rest into the inbound ring. A poll still in
 * flight when its next turn comes is not started twice. Keeps the last {@link PollResult} of each
 * client for status displays, recorded once its observations are published.
 *
 * <p>Thread-safety: start and close from one thread; results are published from OkHttp threads
 * through the thread-safe publisher. Cost: one daemon thread; allocation per poll (off the hot path).
 */
public final class FeedScheduler implements AutoCloseable {
    /** How far back de-duplication remembers observation times: three days. */
    public static final long DEDUP_HORIZON_NANOS = Duration.ofDays(3).toNanos();
    /** How long {@link #close} waits for a poll that is publishing. */
    private static final long CLOSE_WAIT_MILLIS = 5_000;
    private final List<DataClient> clients;
    private final ObservationPublisher publisher;
    private final FeedLog log;
    private final ScheduledExecutorService executor;
    private final ConcurrentHashMap<String, PollResult> lastResults = new ConcurrentHashMap<>();
    private final AtomicLong pollsHandled = new AtomicLong();
    /** Poll completions publishing right now; {@link #close} waits for them. */
    private final AtomicInteger publishing = new AtomicInteger();
    private volatile boolean closed;

    public FeedScheduler(final List<DataClient> clients, final ObservationPublisher publisher, final FeedLog log) {
        this.clients = List.copyOf(clients);
        this.publisher = publisher;
        this.log = log;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            final Thread t = new Thread(r, "skytrade-feeds");
            t.setDaemon(true);
            return t;
        });
    }

    /** Schedules every client, first poll immediately. */
    public void start() {
        for (final DataClient client : clients) {
            final PollTask task = new PollTask(client);
            executor.scheduleWithFixedDelay(task, 0, client.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** The latest result of each client polled so far, by client name. */
    public List<PollResult> lastResults() {
        return new ArrayList<>(lastResults.values());
    }

    /** Polls completed and handled (their new observations published, or their failure logged), over all clients. */
    public long pollsHandled() {
        return pollsHandled.get();
    }

    /**
     * Stops scheduling and returns once no poll is publishing: a poll still in flight completes but
     * publishes nothing more, so nothing reaches the ring after this returns (the engine drains the
     * ring after closing its sources). Waits at most {@value #CLOSE_WAIT_MILLIS} ms for a publish
     * under way.
     */
    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
        while (publishing.get() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** Polls one client and publishes what is new. */
    private final class PollTask implements Runnable {
        private final DataClient client;
        private final ObservationDeduplicator dedup = new ObservationDeduplicator(DEDUP_HORIZON_NANOS);
        private final AtomicBoolean inFlight = new AtomicBoolean();

        PollTask(final DataClient client) {
            this.client = client;
        }

        @Override
        public void run() {
            if (!inFlight.compareAndSet(false, true)) {
                return;
            }
            client.poll().whenComplete((result, error) -> {
                publishing.incrementAndGet();
                try {
                    if (result != null && !closed) {
                        for (final Observation o : dedup.fresh(result.observations())) {
                            if (closed) {
                                break;
                            }
                            publisher.publish(o);
                        }
                        lastResults.put(client.name(), result);
                    } else if (error != null) {
                        log.warn(client.name() + ": poll failed unexpectedly: " + error.getClass().getSimpleName());
                    }
                } finally {
                    pollsHandled.incrementAndGet();
                    publishing.decrementAndGet();
                    inFlight.set(false);
                }
            });
        }
    }
}
