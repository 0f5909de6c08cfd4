package io.skytrade.feeds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code skytrade feeds check}: polls every configured client once, concurrently, and reports per
 * source the status, latency, number of observations parsed and errors, as rows and as a printable
 * table. Nothing is published. Errors come from the clients already redacted, so no key reaches the
 * output.
 *
 * <p>Thread-safety: not for concurrent use; runs once. Cost: one poll per client, waits at most the
 * given timeout.
 */
public final class FeedsCheck {
    private final List<DataClient> clients;

    public FeedsCheck(final List<DataClient> clients) {
        this.clients = List.copyOf(clients);
    }

    /** One line of the report. */
    public record Row(String source, String status, long latencyMillis, int observations, String errors) {
    }

    /** Polls every client once, waiting at most {@code timeout} overall. */
    public List<Row> run(final Duration timeout) throws InterruptedException {
        final List<CompletableFuture<PollResult>> futures = new ArrayList<>(clients.size());
        for (final DataClient c : clients) {
            futures.add(c.poll());
        }
        final long deadline = System.nanoTime() + timeout.toNanos();
        final List<Row> rows = new ArrayList<>(clients.size());
        for (int i = 0; i < clients.size(); i++) {
            final String name = clients.get(i).name();
            try {
                final PollResult r = futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                rows.add(new Row(name, r.status().name(), r.latencyNanos() / 1_000_000, r.observations().size(),
                    r.status() == PollStatus.STALE ? r.error() + " (cache age " + r.staleAgeNanos() / 1_000_000_000L + " s)" : r.error()));
            } catch (TimeoutException e) {
                rows.add(new Row(name, "TIMEOUT", timeout.toMillis(), 0, "no answer within " + timeout.toMillis() + " ms"));
            } catch (ExecutionException e) {
                rows.add(new Row(name, PollStatus.FAILED.name(), 0, 0, "poll failed: " + e.getCause().getClass().getSimpleName()));
            }
        }
        return rows;
    }

    /** The rows as a fixed-width table with a header line. */
    public static String format(final List<Row> rows) {
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-26s %-8s %10s %6s  %s%n", "SOURCE", "STATUS", "LATENCY_MS", "OBS", "ERRORS"));
        for (final Row r : rows) {
            sb.append(String.format("%-26s %-8s %10d %6d  %s%n", r.source(), r.status(), r.latencyMillis(), r.observations(),
                r.errors().isEmpty() ? "-" : r.errors()));
        }
        return sb.toString();
    }

    /**
     * The warnings the table does not already show: a client logs each failed poll as
     * {@code "<source>: <status> (<errors>); next attempt in ..."}, which is that source's row;
     * anything else (a response that could not be cached, say) is kept. So each failure is printed
     * once.
     */
    public static List<String> unreported(final List<Row> rows, final List<String> warnings) {
        final List<String> kept = new ArrayList<>();
        for (final String w : warnings) {
            boolean shown = false;
            for (final Row r : rows) {
                shown |= !PollStatus.OK.name().equals(r.status()) && w.startsWith(r.source() + ": " + r.status() + " (");
            }
            if (!shown) {
                kept.add(w);
            }
        }
        return kept;
    }

    /** A {@link FeedLog} for the check: keeps the warnings for {@link #unreported}, drops the information. */
    public static final class Warnings implements FeedLog {
        private final List<String> messages = new CopyOnWriteArrayList<>();

        @Override
        public void info(final String message) {
            // "recovered" and the like: the table shows each source's state
        }

        @Override
        public void warn(final String message) {
            messages.add(message);
        }

        public List<String> messages() {
            return List.copyOf(messages);
        }
    }

    /** True when every row is OK (the CLI's exit status). */
    public static boolean allOk(final List<Row> rows) {
        for (final Row r : rows) {
            if (!PollStatus.OK.name().equals(r.status())) {
                return false;
            }
        }
        return true;
    }
}
