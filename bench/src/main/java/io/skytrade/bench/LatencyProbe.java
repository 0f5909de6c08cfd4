package io.skytrade.bench;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import org.HdrHistogram.Histogram;

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
    volatile long seen;
    private volatile boolean recording;

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
        }
        seen++;
    }

    void startRecording() {
        histogram.reset();
        fromIntended.reset();
        recording = true;
    }

    void stopRecording() {
        recording = false;
    }
}
