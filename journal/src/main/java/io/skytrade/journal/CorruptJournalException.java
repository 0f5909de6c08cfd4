package io.skytrade.journal;

/**
 * A journal entry that cannot be trusted: bad checksum, unknown layout version or type, wrong
 * length, or a queue that cannot be opened. The message names the queue, the entry and what was
 * wrong; entries before it remain readable.
 */
public final class CorruptJournalException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CorruptJournalException(final String message) {
        super(message);
    }

    public CorruptJournalException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
