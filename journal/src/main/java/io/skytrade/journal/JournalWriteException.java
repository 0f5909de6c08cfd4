package io.skytrade.journal;

/** An append to a journal queue failed (disk full, queue closed, mapping failure); names the entry and queue. */
public final class JournalWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JournalWriteException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
