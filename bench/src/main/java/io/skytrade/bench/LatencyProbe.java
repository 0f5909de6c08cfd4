package io.skytrade.bench;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import org.HdrHistogram.Histogram;

/**
 * The last stage of a benchmarked pipeline. Per event, after every business stage has handled it,
 * it records (1) tick-to-decision: from the receive time the producer stamped at publish to now,
 * and (2) from the intended send time of the fixed-rate schedule ({@code eventTimeNanos}) to now,
 * which is the coordinated-omission-free measure: it also counts the producer's own lateness.
 * (1) needs no synthetic correction because the producer never waits for the pipeline (the ring
 * is never full at these rates), so a stall delays every queued event and is fully recorded.
 * Single writer; no allocation (1 ns to 10 s at 3 significant digits).
 */
final class LatencyProbe implements EventHandler<EngineEvent> {
    final Histogram histogram = new Histogram(10_000_000_000L, 3);
    final Histogram fromIntended = new Histogram(10_000_000_000L, 3);
    volatile long seen;
    private volatile boolean recording;

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        if (recording) {
            final long now = System.nanoTime();
            histogram.recordValue(Math.max(1, now - event.receiveTimeNanos));
            fromIntended.recordValue(Math.max(1, now - event.eventTimeNanos));
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
