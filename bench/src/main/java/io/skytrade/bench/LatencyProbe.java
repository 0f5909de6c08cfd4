package io.skytrade.bench;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import org.HdrHistogram.Histogram;

/**
 * The last stage of a benchmarked pipeline: records, per event, the time from the event's intended
 * send time (its {@code eventTimeNanos}, set by the paced producer) to now, after every business
 * stage has handled it. Recording from the intended time, not the actual send, is the correction
 * for coordinated omission: a stalled producer does not hide the stall. Single writer; no
 * allocation (the histogram covers 1 ns to 10 s at 3 significant digits).
 */
final class LatencyProbe implements EventHandler<EngineEvent> {
    final Histogram histogram = new Histogram(10_000_000_000L, 3);
    volatile long seen;
    private volatile boolean recording;

    @Override
    public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
        if (recording) {
            histogram.recordValue(Math.max(1, System.nanoTime() - event.eventTimeNanos));
        }
        seen++;
    }

    void startRecording() {
        histogram.reset();
        recording = true;
    }

    void stopRecording() {
        recording = false;
    }
}
