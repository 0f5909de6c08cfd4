package io.skytrade.journal;

import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.pipeline.DecisionListener;
import io.skytrade.core.valuation.ValuationContext;

import java.util.List;

/**
 * Replay's check: stands where the decisions journal stood and compares every decision the
 * replayed pipeline makes with the next journaled one, and at checkpoints every stateful stage's
 * state hash with the journaled hash (a stage whose state drifted is named even before a decision
 * differs). The first difference is kept (input sequence, expected and actual values) and later
 * ones are only counted. Decisions made past the
 * end of a journal whose writer was killed are counted separately, not as differences: the writer
 * died before it could record them.
 *
 * <p>Runs on the order stage's thread. Cost per decision: one journal read and a field compare; it
 * allocates only to describe the first difference.
 */
public final class DecisionVerifier implements DecisionListener, AutoCloseable {
    private final DecisionJournalReader reader;
    private final boolean journalComplete;
    private final DecisionRecord expected = new DecisionRecord();
    private final DecisionRecord actual = new DecisionRecord();
    private final ValuationContext valuation = new ValuationContext();
    private List<String> hashedStages = List.of();
    private long compared;
    private long hashesCompared;
    private long differences;
    private long beyondJournal;
    private volatile String firstDifference;
    private volatile long firstDifferenceSequence = -1;
    private volatile String corruption;

    /**
     * @param reader          the journaled decisions
     * @param journalComplete true when the run closed cleanly (so a missing decision is a difference)
     */
    public DecisionVerifier(final DecisionJournalReader reader, final boolean journalComplete) {
        this.reader = reader;
        this.journalComplete = journalComplete;
    }

    /**
     * Names of the pipeline's stateful stages in checkpoint order (what a STATE_HASH entry's stage
     * index refers to), so a differing hash names its stage.
     */
    public DecisionVerifier hashedStages(final List<String> names) {
        this.hashedStages = List.copyOf(names);
        return this;
    }

    @Override
    public void onDecisions(final EngineEvent event, final SideBuffers side) {
        valuation.onEvent(event, side);
        final Decisions d = side.decisions(event);
        final int n = d.count();
        for (int i = 0; i < n && corruption == null; i++) {
            compare(event.sequence, actual.set(event.sequence, d, i, valuation));
        }
        for (int k = 0; k < event.stateHashCount && corruption == null; k++) {
            compare(event.sequence, actual.setStateHash(event.sequence, n + k, k, side.stateHash(event, k)));
        }
    }

    private void compare(final long sequence, final DecisionRecord replayed) {
        if (!readNext()) {
            if (journalComplete) {
                differ(sequence, "no journaled decision", describe(replayed));
            } else if (replayed.kind != DecisionKind.STATE_HASH) {
                beyondJournal++;
            }
            return;
        }
        compared++;
        if (replayed.kind == DecisionKind.STATE_HASH) {
            hashesCompared++;
        }
        if (!expected.sameAs(replayed)) {
            differ(Math.min(expected.inputSequence, sequence), describe(expected), describe(replayed));
        }
    }

    private String describe(final DecisionRecord r) {
        if (r.kind == DecisionKind.STATE_HASH && r.instrumentId >= 0 && r.instrumentId < hashedStages.size()) {
            return r + " (state of stage '" + hashedStages.get(r.instrumentId) + "')";
        }
        return r.toString();
    }

    /** Checks that no journaled decision remains unmatched; call after the replay drained. */
    public void finish() {
        reader.handOverToCurrentThread();
        while (corruption == null && readNext()) {
            differ(expected.inputSequence, describe(expected), "no replayed decision");
        }
    }

    /** Reads the next journaled decision; a corrupt entry ends the comparison and is kept as the corruption. */
    private boolean readNext() {
        try {
            return reader.next(expected);
        } catch (final CorruptJournalException e) {
            corruption = e.getMessage();
            return false;
        }
    }

    private void differ(final long sequence, final String expectedText, final String actualText) {
        if (differences++ == 0) {
            firstDifferenceSequence = sequence;
            firstDifference = "first difference at input sequence " + sequence + ": journaled [" + expectedText
                + "] vs replayed [" + actualText + "]";
        }
    }

    /** The corrupt decision entry that ended the comparison, or null. */
    public String corruption() {
        return corruption;
    }

    public long compared() {
        return compared;
    }

    /** State-hash checkpoints compared (included in {@link #compared()}). */
    public long hashesCompared() {
        return hashesCompared;
    }

    public long differences() {
        return differences;
    }

    /** Decisions (not state-hash checkpoints) replay made after the journal of a killed writer ends. */
    public long beyondJournal() {
        return beyondJournal;
    }

    /** Description of the first difference, or null when none. */
    public String firstDifference() {
        return firstDifference;
    }

    public long firstDifferenceSequence() {
        return firstDifferenceSequence;
    }

    @Override
    public void close() {
        reader.handOverToCurrentThread();
        reader.close();
    }
}
