package io.skytrade.exchange.sim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The simulator's log of client and socket problems (an undecodable frame, a refused key, invalid
 * UTF-8, a failed venue task): one line per problem, never a stack trace, rate-limited by a token
 * bucket so a hostile client cannot flood the log. When lines were suppressed, the next line that
 * passes says how many. Every problem is counted, logged or not, so tests and the fuzzer can
 * compare.
 *
 * <p>Only the venue thread calls {@link #problem}; {@link #count()} and {@link #suppressed()} may
 * be read from any thread. Not on the engine's hot path (a string per logged problem).
 */
final class ProblemLog {
    /** Lines allowed in a burst. */
    static final int BURST = 20;
    /** Lines per second allowed after a burst. */
    static final double LINES_PER_SECOND = 1.0;

    private static final Logger LOG = LoggerFactory.getLogger("io.skytrade.exchange.sim.Venue");
    private static final int MAX_LINE_CHARS = 400;

    private final Consumer<String> sink;
    private final LongSupplier nanoClock;
    private double tokens = BURST;
    private long lastRefillNanos;
    private boolean refilled;
    private long suppressedSinceLastLine;
    private volatile long count;
    private volatile long suppressed;

    /** A log writing WARN lines to the simulator's SLF4J logger, rate-limited on {@link System#nanoTime()}. */
    ProblemLog() {
        this(LOG::warn, System::nanoTime);
    }

    ProblemLog(final Consumer<String> sink, final LongSupplier nanoClock) {
        this.sink = sink;
        this.nanoClock = nanoClock;
    }

    /**
     * Records one problem of a connection ({@code who}, e.g. its address and participant) and logs
     * it as one line unless the rate limit suppresses it.
     */
    void problem(final String who, final String what) {
        count++;
        final long now = nanoClock.getAsLong();
        if (refilled) {
            tokens = Math.min(BURST, tokens + (now - lastRefillNanos) * LINES_PER_SECOND / 1e9);
        }
        refilled = true;
        lastRefillNanos = now;
        if (tokens < 1) {
            suppressedSinceLastLine++;
            suppressed++;
            return;
        }
        tokens -= 1;
        String line = "venue: " + who + ": " + oneLine(what);
        if (suppressedSinceLastLine > 0) {
            line += " (" + suppressedSinceLastLine + " more problem lines suppressed)";
            suppressedSinceLastLine = 0;
        }
        sink.accept(line);
    }

    /** Problems recorded so far, logged or suppressed. */
    long count() {
        return count;
    }

    /** Problems not logged because of the rate limit. */
    long suppressed() {
        return suppressed;
    }

    /** {@code text} on one line (line breaks and control characters shown as spaces) and at most 400 characters. */
    static String oneLine(final String text) {
        if (text == null) {
            return "";
        }
        final int n = Math.min(text.length(), MAX_LINE_CHARS);
        final StringBuilder b = new StringBuilder(n + 3);
        for (int i = 0; i < n; i++) {
            final char c = text.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (text.length() > MAX_LINE_CHARS) {
            b.append("...");
        }
        return b.toString();
    }
}
