package io.skytrade.engine.cli;

import io.skytrade.engine.runtime.BuildFingerprint;
import io.skytrade.engine.runtime.ReplayRunner;
import io.skytrade.journal.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code skytrade replay --journal DIR [--verify]}: rebuilds the pipeline from a run directory's
 * journaled config, pushes its inputs through at full speed, and with {@code --verify} checks every
 * decision, and every stateful stage's state hash at the journaled checkpoints, against the journal. Exit 0 and a summary line when identical; exit 1 naming the first
 * differing input sequence and both values otherwise.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a run directory through the pipeline; --verify compares every decision and the stages' state hashes with the journal.")
final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Run directory (runs/<run-id>).")
    Path journal;

    @Option(names = "--verify", description = "Compare each replayed decision and state-hash checkpoint with the journaled one.")
    boolean verify;

    @Option(names = "--threads", paramLabel = "LAYOUT",
        description = "Where the stages run: split (market stages and book stages on two threads, the reader on a third), "
            + "inline (default: every stage on the reading thread, no ring; fastest on an idle 2-core host), "
            + "configured (the run's own thread layout fed by the reading thread). Same results in each.")
    String threads;

    @Override
    public Integer call() {
        final RunDirectory run = RunDirectory.open(journal);
        final String writtenBy = run.property(RunDirectory.IMPORTED_FROM, null) != null
            ? "imported from " + run.property(RunDirectory.IMPORTED_FROM, null) + " by `journal import`"
            : run.property(RunDirectory.SYNTHETIC, null) != null ? "written by `journal synth`" : null;
        if (verify && writtenBy != null) {
            throw new UsageException(journal + " was " + writtenBy + ": it holds inputs only, no journaled decisions to "
                + "verify; replay it without --verify, or backtest it");
        }
        final ReplayRunner.Result r = new ReplayRunner(run, System.getenv()).layout(layout(threads)).replay(verify);
        final String summary = String.format("replayed %,d events, %,d decisions in %.3f s (%,.0f events/s)%s",
            r.events(), r.decisions(), r.elapsedNanos() / 1e9, r.eventsPerSecond(),
            r.journalClosedCleanly() ? "" : "; the run did not close cleanly: "
                + String.format("%,d decisions past the end of its decision journal", r.beyondJournal()));
        if (r.stageFailures() > 0) {
            System.out.println(String.format("%,d stage failure(s) during replay; first: %s", r.stageFailures(),
                r.firstStageFailure()));
        }
        if (r.corruption() != null) {
            System.out.println(summary);
            System.err.println("journal error: " + r.corruption());
            return SkytradeCli.EXIT_CORRUPT;
        }
        if (!verify) {
            System.out.println(summary);
            return SkytradeCli.EXIT_OK;
        }
        if (r.identical()) {
            System.out.println(summary + String.format("; verify: all decisions and %,d state-hash checkpoints identical",
                r.stateHashesCompared()));
            return SkytradeCli.EXIT_OK;
        }
        System.out.println(summary);
        System.err.println("verify FAILED: " + r.differences() + " differing decision(s); " + r.firstDifference());
        final String otherBuild = BuildFingerprint.mismatch(run);
        if (otherBuild != null) {
            System.err.println("note: " + otherBuild);
        }
        return SkytradeCli.EXIT_VERIFY_FAILED;
    }

    private static ReplayRunner.Layout layout(final String name) {
        if (name == null) {
            return ReplayRunner.DEFAULT_LAYOUT;
        }
        return switch (name) {
            case "split" -> ReplayRunner.Layout.SPLIT;
            case "inline" -> ReplayRunner.Layout.INLINE;
            case "configured" -> ReplayRunner.Layout.CONFIGURED;
            default -> throw new UsageException("replay --threads: '" + name + "' is not one of split, inline, configured");
        };
    }
}
