package io.skytrade.journal;

import java.nio.file.Path;

/**
 * Turns Chronicle's failures on a damaged queue into the one-line messages of a
 * {@link CorruptJournalException}: the root cause's message without control characters (the
 * garbage of a damaged file often ends up in it), or its type when it has none; and the JVM's
 * {@link InternalError} for a fault in a memory-mapped read (a queue file truncated below what its
 * index or headers point at) into "truncated".
 *
 * <p>Error paths only.
 */
public final class ChronicleFaults {
    /** What HotSpot says when a read of a memory-mapped file faults (SIGBUS past the file's end). */
    private static final String MAPPED_FAULT = "unsafe memory access";
    private static final int MAX_MESSAGE = 160;
    /** What a mapped-file fault means for a journal, in the words of its one-line error. */
    public static final String MAPPED_FAULT_TEXT = "a queue file is truncated or damaged: a read past the end of the "
        + "memory-mapped file faulted (the file was cut short, or an entry's header points past its end)";

    private ChronicleFaults() {
    }

    /** The root cause of {@code e} as one printable line: its type and message (shortened, control characters as '?'). */
    static String describe(final Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        final String message = root.getMessage();
        final String type = root.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return type;
        }
        final StringBuilder b = new StringBuilder(type.length() + 2 + Math.min(message.length(), MAX_MESSAGE));
        b.append(type).append(": ");
        final int limit = b.length() + MAX_MESSAGE;
        int i = 0;
        for (; i < message.length() && b.length() < limit; i++) {
            final char c = message.charAt(i);
            b.append(c < 0x20 || c == 0x7f || c == 0xfffd ? '?' : c);
        }
        return i < message.length() ? b.append("...").toString() : b.toString();
    }

    /**
     * Whether {@code e} is, or wraps (Chronicle sometimes does), the JVM's {@link InternalError} for
     * a fault in a memory-mapped read: a queue file shorter than its headers and index say, or an
     * entry header damaged so that it points past the file's end. In compiled code the JVM raises
     * it at the thread's next safepoint check, which may lie after the reader's method returned:
     * the command line therefore also recognises it where it surfaces (exit 3).
     */
    public static boolean isMappedFileFault(final Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InternalError && t.getMessage() != null && t.getMessage().contains(MAPPED_FAULT)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exception for a failure of Chronicle while {@code doing} something with {@code where}: the
     * JVM's fault in a memory-mapped read is a truncated file; our own {@link CorruptJournalException}
     * passes through; any other exception (Chronicle throws checked ones such as
     * {@code StreamCorruptedException} undeclared) means the queue's bytes are not what Chronicle
     * wrote; an {@link Error} other than the mapped-file fault is rethrown.
     */
    static CorruptJournalException unreadable(final Path where, final String doing, final Throwable e) {
        if (isMappedFileFault(e)) {
            return truncated(where, doing, e);
        }
        if (e instanceof CorruptJournalException c) {
            return c;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return new CorruptJournalException(where + ": unreadable while " + doing + ": " + describe(e), e);
    }

    /** The exception for a mapped-file fault while {@code doing} something with {@code where}. */
    static CorruptJournalException truncated(final Path where, final String doing, final Throwable e) {
        return new CorruptJournalException(where + ": " + MAPPED_FAULT_TEXT + " while " + doing, e);
    }
}
