package io.skytrade.journal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Journal retention over the run directories under one root ({@code journal.retention}): keeps at
 * most the {@code runs} most recently started runs (the running one included), and none started
 * more than {@code days} days ago; 0 turns a rule off, and with both off nothing is deleted. A run
 * is deleted when either rule drops it. Only cleanly closed runs (with
 * {@code closed.properties}) are deleted: a run without it is running now or was killed, and is left
 * for the operator to inspect or replay. Directories that are not run directories are never
 * touched. A run's queues roll by {@code journal.rollCycle} within the run, and are kept whole, so
 * every kept run still replays from its first input.
 *
 * @param runs most recent runs kept (0: no limit by count)
 * @param days runs started within this many days kept (0: no limit by age)
 *
 * <p>Immutable. Start-up only (a directory listing and some deletes), never on the hot path.
 */
public record RunRetention(int runs, int days) {
    /** Keeps everything. */
    public static final RunRetention KEEP_ALL = new RunRetention(0, 0);

    public RunRetention {
        if (runs < 0) {
            throw new IllegalArgumentException("journal.retention.runs: " + runs + " must be 0 (keep all) or more");
        }
        if (days < 0) {
            throw new IllegalArgumentException("journal.retention.days: " + days + " must be 0 (keep all) or more");
        }
    }

    /**
     * Deletes the closed runs under {@code root} that neither rule keeps, at time {@code now},
     * reporting each deletion as one line to {@code log}.
     *
     * @return how many run directories were deleted
     * @throws UncheckedIOException naming the directory that could not be listed or deleted
     */
    public int apply(final Path root, final Instant now, final Consumer<String> log) {
        if (runs == 0 && days == 0 || !Files.isDirectory(root)) {
            return 0;
        }
        final ArrayList<Run> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (final Path dir : dirs) {
                final Instant started = startedAt(dir);
                if (started != null) {
                    found.add(new Run(dir, started, Files.isRegularFile(dir.resolve(RunDirectory.CLOSED_PROPERTIES))));
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("journal retention: cannot list " + root + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(Run::startedAt).thenComparing(r -> r.dir.getFileName().toString()).reversed());
        final Instant oldestKept = days == 0 ? Instant.MIN : now.minus(Duration.ofDays(days));
        int deleted = 0;
        for (int i = 0; i < found.size(); i++) {
            final Run run = found.get(i);
            final boolean keptByCount = runs == 0 || i < runs;
            final boolean keptByAge = days == 0 || !run.startedAt.isBefore(oldestKept);
            if (run.closed && !(keptByCount && keptByAge)) {
                deleteTree(run.dir);
                log.accept("journal retention: deleted run " + run.dir.getFileName() + " (started " + run.startedAt
                    + "; keeping " + describe() + ")");
                deleted++;
            }
        }
        return deleted;
    }

    /** The rules in words, for log lines and {@code config show}. */
    public String describe() {
        if (runs == 0 && days == 0) {
            return "every run";
        }
        final String byCount = runs == 0 ? "runs" : "the latest " + runs + " runs";
        return days == 0 ? byCount : byCount + " of the last " + days + " days";
    }

    private static Instant startedAt(final Path dir) {
        final Path props = dir.resolve(RunDirectory.RUN_PROPERTIES);
        if (!Files.isRegularFile(props)) {
            return null;
        }
        final Properties p = new Properties();
        try (InputStream in = Files.newInputStream(props)) {
            p.load(in);
            final String started = p.getProperty("startedAt");
            return started == null ? null : Instant.parse(started);
        } catch (final IOException | DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
    }

    private static void deleteTree(final Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (final Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("journal retention: cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    private record Run(Path dir, Instant startedAt, boolean closed) {
    }
}
