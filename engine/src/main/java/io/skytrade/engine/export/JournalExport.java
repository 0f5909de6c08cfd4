package io.skytrade.engine.export;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.journal.DecisionJournalReader;
import io.skytrade.journal.DecisionRecord;
import io.skytrade.journal.FileErrors;
import io.skytrade.journal.InputJournalReader;
import io.skytrade.journal.RunDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code journal export}: reads a run directory's journals once each and writes its tables
 * ({@link JournalTables}) into a directory in one {@link ExportFormat}, every table even when it
 * has no rows, so a script can load the same files from every run. Rows are in journal order, so
 * the same journal gives the same rows (and byte-identical CSV). Decisions get the event time of
 * the input that caused them by walking the inputs a second time beside them (decisions are
 * journaled in input order), so memory stays flat whatever the journal's size. The
 * {@code valuations} table, when asked for, comes from a replay of the run ({@link ReplayedValuations}).
 *
 * <p>A corrupt entry stops the export with the journal's error naming it; every table is closed
 * first and holds the rows before it. Tools only.
 */
public final class JournalExport {
    private final RunDirectory run;
    private final JournalTables tables;
    private final ReplayedValuations valuations;

    /**
     * @param env environment for the run's configuration when replaying it for the valuations
     *            table, or null to leave that table out (no replay)
     */
    public JournalExport(final RunDirectory run, final JournalTables tables, final Map<String, String> env) {
        this.run = run;
        this.tables = tables;
        this.valuations = env == null ? null : new ReplayedValuations(run, tables, env);
    }

    /**
     * Writes every table into {@code outDir} (created if missing; files of the same names
     * replaced) and returns the rows written per table.
     *
     * @throws UncheckedIOException naming the file when the directory or a file cannot be written
     */
    public Summary write(final ExportFormat format, final Path outDir) {
        try {
            Files.createDirectories(outDir);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create export directory " + outDir + ": " + FileErrors.describe(e, outDir), e);
        }
        final List<TableWriter> writers = new ArrayList<>();
        long noneSlots = 0;
        try {
            final TableWriter[] byType = new TableWriter[EventType.COUNT];
            final Row[] rowByType = new Row[EventType.COUNT];
            for (final int type : JournalTables.INPUT_TYPES) {
                final Table table = JournalTables.input(type);
                byType[type] = open(format, table, outDir, writers);
                rowByType[type] = new Row(table);
            }
            final TableWriter fills = open(format, JournalTables.FILLS, outDir, writers);
            final Row fillRow = new Row(JournalTables.FILLS);
            final EngineEvent e = new EngineEvent();
            try (InputJournalReader inputs = new InputJournalReader(run.inputs())) {
                while (inputs.next(e)) {
                    if (!EventType.isValid(e.type)) {
                        noneSlots++;
                        continue;
                    }
                    write(byType[e.type], tables.input(e, rowByType[e.type]));
                    if (JournalTables.isFill(e)) {
                        write(fills, tables.fill(e, fillRow));
                    }
                }
            }
            writeDecisions(open(format, JournalTables.DECISIONS, outDir, writers));
            if (valuations != null) {
                valuations.write(open(format, JournalTables.VALUATIONS, outDir, writers));
            }
        } catch (final RuntimeException failure) {
            try {
                closeAll(writers);
            } catch (final UncheckedIOException alsoFailed) {
                failure.addSuppressed(alsoFailed);
            }
            throw failure;
        }
        closeAll(writers);
        final Map<String, Long> rows = new LinkedHashMap<>();
        for (final TableWriter w : writers) {
            rows.put(w.file().getFileName().toString(), w.rows());
        }
        return new Summary(rows, noneSlots);
    }

    private void writeDecisions(final TableWriter out) {
        final Row row = new Row(JournalTables.DECISIONS);
        final DecisionRecord r = new DecisionRecord();
        final EngineEvent cause = new EngineEvent();
        boolean causeRead = false;
        boolean inputsLeft = true;
        try (DecisionJournalReader decisions = new DecisionJournalReader(run.decisions());
             InputJournalReader inputs = new InputJournalReader(run.inputs())) {
            while (decisions.next(r)) {
                if (!JournalTables.isDecision(r)) {
                    continue;
                }
                while (inputsLeft && (!causeRead || cause.sequence < r.inputSequence)) {
                    inputsLeft = inputs.next(cause);
                    causeRead = causeRead || inputsLeft;
                }
                final boolean known = causeRead && cause.sequence == r.inputSequence;
                write(out, tables.decision(r, known, cause.eventTimeNanos, row));
            }
        }
    }

    private static TableWriter open(final ExportFormat format, final Table table, final Path dir, final List<TableWriter> writers) {
        try {
            final TableWriter w = format.open(table, dir);
            writers.add(w);
            return w;
        } catch (final IOException e) {
            final Path file = dir.resolve(table.name() + "." + format.extension());
            throw new UncheckedIOException("cannot write " + file + ": " + FileErrors.describe(e, file), e);
        }
    }

    private static void write(final TableWriter w, final Row row) {
        try {
            w.write(row);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + w.file() + ": " + FileErrors.describe(e, w.file()), e);
        }
    }

    private static void closeAll(final List<TableWriter> writers) {
        UncheckedIOException first = null;
        for (final TableWriter w : writers) {
            try {
                w.close();
            } catch (final IOException e) {
                if (first == null) {
                    first = new UncheckedIOException("cannot finish " + w.file() + ": " + FileErrors.describe(e, w.file()), e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * What an export wrote.
     *
     * @param rowsPerFile rows written per file name, in the order the files were opened
     * @param noneSlots   input slots of type NONE (a publisher failed; kept in the journal so sequences stay dense), not exported
     */
    public record Summary(Map<String, Long> rowsPerFile, long noneSlots) {
        public Summary {
            rowsPerFile = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerFile));
        }
    }
}
