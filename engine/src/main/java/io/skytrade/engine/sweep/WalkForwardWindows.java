package io.skytrade.engine.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a span of event time into equal consecutive windows for walk-forward testing: with
 * {@code splits} splits there are {@code splits + 1} windows, split {@code i} fitting on window
 * {@code i} and testing on window {@code i + 1}. Boundaries are {@code from + floor(span x j / n)},
 * computed without overflow, so the windows tile the span exactly.
 *
 * <p>Pure; offline.
 */
public final class WalkForwardWindows {
    private WalkForwardWindows() {
    }

    /**
     * @param span  the whole span
     * @param count windows wanted, at least 1
     * @throws IllegalArgumentException when the span is shorter than {@code count} nanoseconds
     */
    public static List<TimeWindow> split(final TimeWindow span, final int count) {
        if (count < 1) {
            throw new IllegalArgumentException("window count " + count + " must be at least 1");
        }
        final long length = span.toNanos() - span.fromNanos();
        if (length < count) {
            throw new IllegalArgumentException("an event-time span of " + length + " ns cannot be cut into " + count + " windows");
        }
        final long whole = length / count;
        final long remainder = length % count;
        final List<TimeWindow> windows = new ArrayList<>(count);
        long start = span.fromNanos();
        for (int j = 1; j <= count; j++) {
            final long end = j == count ? span.toNanos() : span.fromNanos() + whole * j + remainder * j / count;
            windows.add(new TimeWindow(start, end));
            start = end;
        }
        return windows;
    }
}
