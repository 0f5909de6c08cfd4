package io.skytrade.journal;

import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.pipeline.DecisionListener;
import io.skytrade.core.valuation.ValuationContext;

/**
 * Replay's check: stands where the decisions journal stood and compares every decision the
 * replayed pipeline makes with the next journaled one. The first difference is kept (input
 * sequence, expected and actual values) and later ones are only counted. Decisions made past the
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
    private long compared;
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

    @Override
    public void onDecisions(final EngineEvent event) {
        valuation.onEvent(event);
        final Decisions d = event.decisions;
        for (int i = 0; i < d.count() && corruption == null; i++) {
            if (!readNext()) {
                if (journalComplete) {
                    differ(event.sequence, "no journaled decision", actual.set(event.sequence, d, i, valuation).toString());
                } else {
                    beyondJournal++;
                }
                continue;
            }
            compared++;
            if (!expected.sameAs(actual.set(event.sequence, d, i, valuation))) {
                differ(Math.min(expected.inputSequence, event.sequence), expected.toString(), actual.toString());
            }
        }
    }

    /** Checks that no journaled decision remains unmatched; call after the replay drained. */
    public void finish() {
        reader.handOverToCurrentThread();
        while (corruption == null && readNext()) {
            differ(expected.inputSequence, expected.toString(), "no replayed decision");
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

    public long differences() {
        return differences;
    }

    /** Decisions replay made after the journal of a killed writer ends. */
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
