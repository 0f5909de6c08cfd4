package io.skytrade.journal;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventText;
import io.skytrade.core.event.EventType;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The {@code journal dump} and {@code journal stats} tools: prints a run's inputs and decisions as
 * text, or counts per type, first and last event time, and size on disk. A corrupt entry stops the
 * listing with an error naming it, after everything before it was printed.
 *
 * <p>Tools only; allocates freely.
 */
public final class JournalInspector {
    private final RunDirectory run;

    public JournalInspector(final RunDirectory run) {
        this.run = run;
    }

    /** Prints every input and then every decision, one per line, times as ISO-8601 instants; returns the number of lines. */
    public long dump(final PrintStream out, final long limit) {
        return dump(out, limit, false);
    }

    /**
     * Prints every input and then every decision, one per line; returns the number of lines. Event
     * and receive times are ISO-8601 instants, or with {@code rawTimes} epoch nanoseconds as journaled.
     */
    public long dump(final PrintStream out, final long limit, final boolean rawTimes) {
        long lines = 0;
        final EngineEvent e = new EngineEvent();
        try (InputJournalReader reader = new InputJournalReader(run.inputs())) {
            while (lines < limit && reader.next(e)) {
                out.println("input " + EventText.format(e, !rawTimes));
                lines++;
            }
        }
        final DecisionRecord r = new DecisionRecord();
        try (DecisionJournalReader reader = new DecisionJournalReader(run.decisions())) {
            while (lines < limit && reader.next(r)) {
                out.println("decision " + r);
                lines++;
            }
        }
        return lines;
    }

    /** Counts and sizes of a run's journals. */
    public Stats stats() {
        final long[] perType = new long[EventType.COUNT];
        long unknown = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long inputs = 0;
        long inputBytes;
        final EngineEvent e = new EngineEvent();
        try (InputJournalReader reader = new InputJournalReader(run.inputs())) {
            while (reader.next(e)) {
                inputs++;
                if (EventType.isValid(e.type) || e.type == EventType.NONE) {
                    perType[e.type]++;
                } else {
                    unknown++;
                }
                first = Math.min(first, e.eventTimeNanos);
                last = Math.max(last, e.eventTimeNanos);
            }
            inputBytes = reader.bytes();
        }
        final long[] perDecision = new long[DecisionKind.STATE_HASH + 1];
        long decisions = 0;
        long decisionBytes = 0;
        final DecisionRecord r = new DecisionRecord();
        try (DecisionJournalReader reader = new DecisionJournalReader(run.decisions())) {
            while (reader.next(r)) {
                decisionBytes += r.hasValuation ? DecisionCodec.LENGTH : DecisionCodec.LENGTH_V1;
                if (r.kind != DecisionKind.STATE_HASH) {
                    decisions++;
                }
                if (r.kind >= 0 && r.kind < perDecision.length) {
                    perDecision[r.kind]++;
                }
            }
        }
        return new Stats(inputs, perType, unknown, inputs == 0 ? 0 : first, inputs == 0 ? 0 : last, decisions, perDecision,
            inputBytes, decisionBytes, fileBytes(run.inputs()), fileBytes(run.decisions()),
            run.closedCleanly());
    }

    /**
     * Length of the files under a directory. Queue files are sparse and preallocated a block at a
     * time, so this is an upper bound of the disk they use (the JDK reports no allocated size).
     */
    static long fileBytes(final Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(JournalInspector::length).sum();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot size " + dir + ": " + FileErrors.describe(e, dir), e);
        }
    }

    private static long length(final Path file) {
        try {
            return Files.size(file);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot size " + file + ": " + FileErrors.describe(e, file), e);
        }
    }

    /**
     * Journal statistics.
     *
     * @param inputs            input entries
     * @param perType           input entries per {@link EventType} code
     * @param unknownTypes      entries of an unknown type
     * @param firstEventNanos   earliest event time
     * @param lastEventNanos    latest event time
     * @param decisions         decision entries (state-hash checkpoints not counted)
     * @param perDecisionKind   entries per {@link DecisionKind} code, state-hash checkpoints included
     * @param inputBytes        bytes of the journaled inputs (encoded entries)
     * @param decisionBytes     bytes of the journaled decisions (encoded entries)
     * @param inputFileBytes    length of the inputs queue's files (sparse, preallocated by block)
     * @param decisionFileBytes length of the decisions queue's files (sparse, preallocated by block)
     * @param closedCleanly     whether the run shut down cleanly
     */
    public record Stats(long inputs, long[] perType, long unknownTypes, long firstEventNanos, long lastEventNanos,
                        long decisions, long[] perDecisionKind, long inputBytes, long decisionBytes,
                        long inputFileBytes, long decisionFileBytes, boolean closedCleanly) {
        /** State-hash checkpoint entries (one per stateful stage per checkpoint). */
        public long stateHashes() {
            return perDecisionKind.length > DecisionKind.STATE_HASH ? perDecisionKind[DecisionKind.STATE_HASH] : 0;
        }

        /** Prints the statistics as an aligned table. */
        public void print(final PrintStream out) {
            out.printf("inputs     %,d%n", inputs);
            for (int t = 0; t < perType.length; t++) {
                if (perType[t] > 0) {
                    out.printf("  %-16s %,d%n", EventType.name(t), perType[t]);
                }
            }
            if (unknownTypes > 0) {
                out.printf("  %-16s %,d%n", "UNKNOWN", unknownTypes);
            }
            out.printf("decisions  %,d%n", decisions);
            for (int k = 0; k < perDecisionKind.length; k++) {
                if (perDecisionKind[k] > 0 && k != DecisionKind.STATE_HASH) {
                    out.printf("  %-16s %,d%n", DecisionKind.name(k), perDecisionKind[k]);
                }
            }
            out.printf("state-hash checkpoints %,d%n", stateHashes());
            out.printf("first event time  %s%n", inputs == 0 ? "-" : Instant.ofEpochSecond(0, firstEventNanos));
            out.printf("last event time   %s%n", inputs == 0 ? "-" : Instant.ofEpochSecond(0, lastEventNanos));
            out.printf("journaled data    inputs %s, decisions %s%n", human(inputBytes), human(decisionBytes));
            out.printf("queue files       inputs %s, decisions %s (sparse, preallocated a block at a time: at most this on disk)%n",
                human(inputFileBytes), human(decisionFileBytes));
            out.printf("closed cleanly    %s%n", closedCleanly ? "yes" : "no (writer stopped abruptly; complete up to its last entry)");
        }

        private static String human(final long bytes) {
            if (bytes < 1024) {
                return bytes + " B";
            }
            if (bytes < 1024 * 1024) {
                return String.format("%.1f KiB", bytes / 1024.0);
            }
            return String.format("%.1f MiB", bytes / (1024.0 * 1024));
        }
    }
}
