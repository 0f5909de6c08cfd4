package io.skytrade.engine.backtest;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line terminal progress bar for long offline runs: events done of the total, events per
 * second and time left, redrawn in place at most twice a second. Offline tools only.
 */
final class ProgressBar {
    private static final long REDRAW_NANOS = 500_000_000L;
    private final PrintStream out;
    private final long total;
    private final long start = System.nanoTime();
    private long lastDraw;
    private long done;

    ProgressBar(final PrintStream out, final long total) {
        this.out = out;
        this.total = total;
    }

    void update(final long done) {
        this.done = done;
        final long now = System.nanoTime();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw(now, false);
        }
    }

    void finish() {
        draw(System.nanoTime(), true);
    }

    private void draw(final long now, final boolean last) {
        final double seconds = Math.max(1e-9, (now - start) / 1e9);
        final double rate = done / seconds;
        final double fraction = total == 0 ? 1 : (double) done / total;
        final int width = 30;
        final int filled = (int) Math.round(fraction * width);
        final String bar = "#".repeat(filled) + "-".repeat(width - filled);
        final double left = rate == 0 ? 0 : (total - done) / rate;
        out.printf(Locale.ROOT, "\rbacktest [%s] %,d/%,d events %3.0f%%  %,.0f events/s  %.0fs left%s", bar, done, total,
            fraction * 100, rate, left, last ? System.lineSeparator() : "");
        out.flush();
    }
}
