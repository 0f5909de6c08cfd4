package io.skytrade.bench;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * The last stage of a benchmarked pipeline. Per event, after every business stage has handled it,
 * it records (1) tick-to-decision: from the moment the producer published it to now, and (2) from
 * the intended send time of the fixed-rate schedule to now: the coordinated-omission-free measure,
 * which also counts the producer's own lateness (Linux parks oversleep by ~50 us of timer slack).
 * (1) needs no synthetic correction because the producer never waits for the pipeline (the ring is
 * never full at these rates), so a stall delays every queued event and is fully recorded. Times
 * come from {@link WorldInputStream}'s per-sequence arrays, published before the event. Single
 * writer; no allocation (1 ns to 10 s at 3 significant digits).
 */
final class LatencyProbe implements EventHandler<EngineEvent> {
    final Histogram histogram = new Histogram(10_000_000_000L, 3);
    final Histogram fromIntended = new Histogram(10_000_000_000L, 3);
    private final WorldInputStream stream;
    private final List<Hop> hops = new ArrayList<>();
    volatile long seen;
    private volatile boolean recording;
    /** Per recorded event, when {@link #trace} is on: intended send, publish and completion times (System.nanoTime). */
    private long[] traceIntended;
    private long[] tracePublished;
    private long[] traceDone;
    private int traced;

    LatencyProbe(final WorldInputStream stream) {
        this.stream = stream;
    }

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        if (recording) {
            final long now = System.nanoTime();
            final int slot = (int) (event.sequence & (WorldInputStream.TIMES - 1));
            histogram.recordValue(Math.max(1, now - stream.publishedNanos[slot]));
            fromIntended.recordValue(Math.max(1, now - stream.intendedNanos[slot]));
            if (traced < (traceDone == null ? 0 : traceDone.length)) {
                traceIntended[traced] = stream.intendedNanos[slot];
                tracePublished[traced] = stream.publishedNanos[slot];
                traceDone[traced++] = now;
            }
        }
        seen++;
    }

    /**
     * Keeps the times of up to {@code events} recorded events (allocated here, before recording), so that
     * a stall can be placed in time next to the JVM's safepoint and GC logs and the kernel's traces.
     */
    void trace(final int events) {
        traceIntended = new long[events];
        tracePublished = new long[events];
        traceDone = new long[events];
    }

    /** The traced events so far: {intended, published, done} nanoTimes, one row per event in completion order. */
    long[][] traced() {
        return new long[][]{java.util.Arrays.copyOf(traceIntended, traced), java.util.Arrays.copyOf(tracePublished, traced),
            java.util.Arrays.copyOf(traceDone, traced)};
    }

    void startRecording() {
        histogram.reset();
        fromIntended.reset();
        traced = 0;
        for (final Hop hop : hops) {
            hop.reset();
        }
        recording = true;
    }

    /** A diagnostic probe placed between two stages of the same thread, recording while this probe records. */
    Hop hop(final String name) {
        final Hop hop = new Hop(name);
        hops.add(hop);
        return hop;
    }

    List<Hop> hops() {
        return hops;
    }

    /**
     * A diagnostic stage: the time from the producer's publish to the moment the event reaches this
     * point of the pipeline; for the first event of each batch the stage thread takes from the ring
     * separately ({@code wake}: the hand-off's own latency, the wait strategy's wake-up included, when
     * it is placed first), the batch sizes, and per event the two parts of its time since publish: until
     * the stage thread picked up the batch it is in, and from then until this point (the events ahead of
     * it in its batch). Single writer; no allocation.
     */
    final class Hop implements EventHandler<EngineEvent> {
        final String name;
        final Histogram sincePublish = new Histogram(10_000_000_000L, 3);
        final Histogram wake = new Histogram(10_000_000_000L, 3);
        final Histogram batch = new Histogram(1 << 20, 2);
        final Histogram beforePickUp = new Histogram(10_000_000_000L, 3);
        final Histogram inBatch = new Histogram(10_000_000_000L, 3);
        private boolean firstOfBatch;
        private long batchStart;

        private Hop(final String name) {
            this.name = name;
        }

        @Override
        public void onBatchStart(final long batchSize, final long queueDepth) {
            firstOfBatch = true;
            batchStart = System.nanoTime();
            if (recording) {
                batch.recordValue(Math.min(batchSize, 1 << 20));
            }
        }

        @Override
        public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
            if (recording) {
                final long now = System.nanoTime();
                final long published = stream.publishedNanos[(int) (event.sequence & (WorldInputStream.TIMES - 1))];
                final long since = Math.max(1, now - published);
                sincePublish.recordValue(since);
                beforePickUp.recordValue(Math.max(1, batchStart - published));
                inBatch.recordValue(Math.max(1, now - batchStart));
                if (firstOfBatch) {
                    wake.recordValue(since);
                }
            }
            firstOfBatch = false;
        }

        private void reset() {
            sincePublish.reset();
            wake.reset();
            batch.reset();
            beforePickUp.reset();
            inBatch.reset();
        }
    }

    void stopRecording() {
        recording = false;
    }
}
