package io.skytrade.engine.metrics;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The reporter thread: every interval it samples what no stage owns (the ring's remaining
 * capacity, the venue connection) into its counters, swaps out the latency histograms' interval,
 * computes the input rate, drains the decision tape and tells its listeners (dashboard, logs).
 * Everything that formats, logs or serves happens here or in the listeners, never on a stage
 * thread.
 *
 * <p>One daemon thread; allocation per interval is fine (off the hot path).
 */
public final class MetricsReporter implements AutoCloseable {
    private static final int TAPE_BATCH = 4096;

    /** Told of each interval and each tape record, on the reporter thread. */
    public interface Listener {
        /** A tape record (decision or fill); valid only during the call. */
        default void onTapeRecord(final DecisionTape.TapeRecord record) {
        }

        /** The end of a reporting interval: counters and the latest latency interval are fresh. */
        default void onInterval(final MetricsReporter reporter) {
        }
    }

    private final EngineMetrics metrics;
    private final long intervalNanos;
    private final LongSupplier ringRemaining;
    private final BooleanSupplier venueConnected;
    private final LongSupplier venueConnects;
    private volatile Listener[] listeners = new Listener[0];
    private final DecisionTape.TapeListener toListeners = this::onTapeRecord;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile double inputRate;
    private long lastInputs;
    private long lastTickNanos;

    /**
     * @param ringRemaining  the ring's remaining capacity (thread-safe read)
     * @param venueConnected whether the venue gateway is logged in (null without a venue)
     * @param venueConnects  successful venue connections so far (null without a venue)
     */
    public MetricsReporter(final EngineMetrics metrics, final long intervalNanos, final LongSupplier ringRemaining,
                           final BooleanSupplier venueConnected, final LongSupplier venueConnects) {
        this.metrics = metrics;
        this.intervalNanos = intervalNanos;
        this.ringRemaining = ringRemaining;
        this.venueConnected = venueConnected;
        this.venueConnects = venueConnects;
        this.thread = new Thread(this::run, "skytrade-metrics");
        thread.setDaemon(true);
    }

    public synchronized void addListener(final Listener listener) {
        final Listener[] next = Arrays.copyOf(listeners, listeners.length + 1);
        next[listeners.length] = listener;
        listeners = next;
    }

    public MetricsReporter start() {
        lastTickNanos = System.nanoTime();
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            try {
                TimeUnit.NANOSECONDS.sleep(intervalNanos);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            tick();
        }
    }

    /** One reporting interval (the thread's body; tests call it directly). */
    public synchronized void tick() {
        final EngineCounters c = metrics.counters();
        c.ringRemaining.setRelease(ringRemaining.getAsLong());
        if (venueConnected != null) {
            c.venueConnected.setRelease(venueConnected.getAsBoolean() ? 1 : 0);
            c.venueConnects.setRelease(venueConnects.getAsLong());
        }
        metrics.latencies().sample();
        final long now = System.nanoTime();
        final long inputs = c.inputsTotal();
        inputRate = (inputs - lastInputs) * 1e9 / Math.max(1, now - lastTickNanos);
        lastInputs = inputs;
        lastTickNanos = now;
        while (metrics.tape().drain(toListeners, TAPE_BATCH) == TAPE_BATCH) {
            continue;
        }
        for (final Listener l : listeners) {
            l.onInterval(this);
        }
    }

    private void onTapeRecord(final DecisionTape.TapeRecord record) {
        for (final Listener l : listeners) {
            l.onTapeRecord(record);
        }
    }

    /** Inputs per second handled over the latest interval. */
    public double inputRate() {
        return inputRate;
    }

    public EngineMetrics metrics() {
        return metrics;
    }

    /** Stops the thread after one last interval (so listeners see everything the stages counted). */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tick();
    }
}
