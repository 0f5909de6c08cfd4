package io.skytrade.journal;

import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The journal of one live run, opened as its {@link JournalSettings} say: the inputs and decisions
 * queues (in the run directory, or on a tmpfs with a {@link ShmArchiver} copying completed cycles to
 * the run directory), one {@link PageToucher} thread faulting in the pages ahead of both writers,
 * the input-journal stage and the decisions journal. One place for the engine and the benchmarks,
 * so that what is measured is what runs.
 *
 * <p>Start-up and shutdown only; the stage and the decisions journal it hands out are the hot path.
 */
public final class RunJournal implements AutoCloseable {
    private final SingleChronicleQueue inputs;
    private final SingleChronicleQueue decisionQueue;
    private final InputJournalStage stage;
    private final DecisionJournal decisions;
    private final PageToucher toucher;
    private final ShmArchiver archiver;
    private final Path queueRoot;
    private boolean closed;

    private RunJournal(final RunDirectory run, final JournalSettings settings) {
        final AtomicLong inputBytes = new AtomicLong();
        final AtomicLong decisionBytes = new AtomicLong();
        final WriterMapping inputMapping = settings.pretouch() ? new WriterMapping() : null;
        final WriterMapping decisionMapping = settings.pretouch() ? new WriterMapping() : null;
        toucher = settings.pretouch() ? new PageToucher(inputBytes, inputMapping, settings.pretouchAheadBytes()) : null;
        final StoreFileListener decisionsTouched = toucher == null ? null : toucher.track(decisionBytes, decisionMapping);
        if (settings.onShm()) {
            queueRoot = Path.of(settings.shmDir()).resolve(run.runId());
            archiver = new ShmArchiver(queueRoot, run.dir(), List.of(RunDirectory.INPUTS, RunDirectory.DECISIONS));
        } else {
            queueRoot = run.dir();
            archiver = null;
        }
        inputs = Queues.openForWriting(queueRoot.resolve(RunDirectory.INPUTS), settings, toucher);
        decisionQueue = Queues.openForWriting(queueRoot.resolve(RunDirectory.DECISIONS), settings, decisionsTouched);
        stage = new InputJournalStage(inputs, inputBytes, inputMapping);
        decisions = new DecisionJournal(decisionQueue, decisionBytes, decisionMapping);
        if (toucher != null) {
            toucher.start();
        }
    }

    /** Opens the journal of {@code run}; the background threads log their warnings. */
    public static RunJournal open(final RunDirectory run, final JournalSettings settings) {
        return new RunJournal(run, settings);
    }

    /**
     * In shared-memory storage, moves the queues of crashed runs from the tmpfs root into their run
     * directories under {@code journalRoot} (see {@link ShmArchiver#recover}); nothing in disk storage.
     */
    public static List<String> recoverCrashedRuns(final Path journalRoot, final JournalSettings settings) {
        if (!settings.onShm()) {
            return new ArrayList<>();
        }
        return ShmArchiver.recover(Path.of(settings.shmDir()), journalRoot, List.of(RunDirectory.INPUTS, RunDirectory.DECISIONS));
    }

    /** Stage "journal": appends every input. */
    public InputJournalStage inputStage() {
        return stage;
    }

    /** The decisions journal the outbound stage writes before it sends. */
    public DecisionJournal decisions() {
        return decisions;
    }

    /** Where the queues are written (the run directory, or its tmpfs directory in shared-memory storage). */
    public Path queueRoot() {
        return queueRoot;
    }

    /** Failures of the page toucher and the archiver so far (each logged as a warning). */
    public long backgroundFailures() {
        return (toucher == null ? 0 : toucher.failures()) + (archiver == null ? 0 : archiver.failures());
    }

    /** Completed cycles copied from the tmpfs so far (0 in disk storage). */
    public long cyclesArchived() {
        return archiver == null ? 0 : archiver.cyclesArchived();
    }

    /**
     * Closes the decisions appender, the toucher and both queues, then (shared memory) copies what
     * remains to the run directory. Call after the stage threads stopped. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        decisions.close();
        if (toucher != null) {
            toucher.close();
        }
        inputs.close();
        decisionQueue.close();
        if (archiver != null) {
            archiver.close();
        }
    }
}
