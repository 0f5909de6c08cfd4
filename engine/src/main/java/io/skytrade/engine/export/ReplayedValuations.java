package io.skytrade.engine.export;

import io.skytrade.engine.runtime.EngineAssembly;
import io.skytrade.engine.runtime.ReplayRunner;
import io.skytrade.journal.FileErrors;
import io.skytrade.journal.RunDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The {@code valuations} table of an export: replays the run through the stages of its own
 * configuration (as {@code replay} does: nothing is sent, nothing journaled) and writes, for every
 * input, one row per product whose fair value or signal that input changed (it turns the signal
 * stage's combined signals on: they are computed only for a reader). A replay reproduces the
 * run's stage outputs exactly when {@code replay --verify} says the run replays identically.
 *
 * <p>Tools only. The rows are written on the replay's order-stage thread, the writer's only user
 * until the replay has stopped.
 */
final class ReplayedValuations {
    private final RunDirectory run;
    private final JournalTables tables;
    private final Map<String, String> env;

    ReplayedValuations(final RunDirectory run, final JournalTables tables, final Map<String, String> env) {
        this.run = run;
        this.tables = tables;
        this.env = env;
    }

    /** Replays the run into {@code out}; returns the inputs replayed. */
    long write(final TableWriter out) {
        final Row row = new Row(JournalTables.VALUATIONS);
        final IOException[] failure = new IOException[1];
        final ReplayRunner.Result result = new ReplayRunner(run, env).replay(false, (event, side) -> {
            long ids = event.touchedInstruments | event.signalledInstruments;
            while (ids != 0 && failure[0] == null) {
                final int id = Long.numberOfTrailingZeros(ids);
                ids &= ids - 1;
                try {
                    out.write(tables.valuation(event, side, id, row));
                } catch (final IOException e) {
                    failure[0] = e;
                }
            }
        }, EngineAssembly.Stages::publishSignals);
        if (failure[0] != null) {
            throw new UncheckedIOException("cannot write " + out.file() + ": " + FileErrors.describe(failure[0], out.file()), failure[0]);
        }
        return result.events();
    }
}
