package io.skytrade.journal;

import io.skytrade.core.event.EngineEvent;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.function.LongFunction;

/**
 * The input batch (magic 'B', little-endian), documented in {@code journal/LAYOUT.md}: one queue
 * document holding one or more consecutive inputs, each a complete {@link InputCodec} entry with its
 * own CRC-32C, behind a 4-byte header (magic, version, entry count) and each behind its 2-byte length.
 * This build writes version 2 ({@link #COMPACT_VERSION}), whose entries are in input layout version 3
 * (compact headers; version 1 where that would be longer), and writes every input document as a batch,
 * one input or many: the journal stage one per ring batch ({@link InputJournalStage}); a writer that is
 * not bound to a ring (the inline pipeline of a backtest, the synthetic journal) {@link #hold holds}
 * consecutive inputs here and appends them as one document when it must
 * ({@link InputJournalStage#holdBatches()}). Readers also read version 1 (entries of input layouts 1
 * and 2, since session 6) and tell batches from plain input entries (every journal before) by the
 * first byte; a build that reads only version 1 refuses a version-2 batch naming its version.
 *
 * <p>Not thread-safe: one codec per thread. Hot-path cost: the entries' encoding and CRCs, a few
 * stores per entry; no allocation.
 */
public final class InputBatchCodec {
    public static final byte MAGIC = 'B';
    /** Batch layout version whose entries are input layouts 1 and 2 (read only). */
    public static final byte VERSION = 1;
    /** Batch layout version this build writes: the same framing, entries in input layout 3 (or 1). */
    public static final byte COMPACT_VERSION = 2;
    /** Most inputs in one batch document (a longer ring batch is written as several). */
    public static final int MAX_ENTRIES = 256;
    static final int HEADER = 4;
    /** Largest batch document. */
    public static final int MAX_LENGTH = HEADER + MAX_ENTRIES * (2 + InputCodec.MAX_LENGTH);

    private final InputCodec codec = new InputCodec();
    private final byte[] array = new byte[MAX_LENGTH + InputCodec.ENCODE_SLACK];
    private final UnsafeBuffer buffer = new UnsafeBuffer(array);
    private int readPosition;
    private int readLength;
    private int readCount;
    /** Inputs held for the next document ({@link #hold}), and the end of their entries in {@link #array}. */
    private int held;
    private int heldEnd = HEADER;

    /** The scratch array the encode methods fill and {@link #open} reads. */
    public byte[] array() {
        return array;
    }

    /**
     * Encodes one input as a batch document of one entry at the start of {@link #array()}.
     *
     * @return its length in bytes
     */
    public int encodeSingle(final EngineEvent e) {
        putHeader(1);
        return putEntry(e, HEADER);
    }

    /**
     * Encodes the inputs of sequences {@code from} (inclusive) to {@code end} (exclusive, at most
     * {@link #MAX_ENTRIES} after {@code from}) as one batch into {@link #array()}.
     *
     * @param slots the event of each sequence
     * @return the batch's length in bytes
     */
    public int encode(final LongFunction<EngineEvent> slots, final long from, final long end) {
        final int count = (int) (end - from);
        if (count < 1 || count > MAX_ENTRIES) {
            throw new IllegalArgumentException("a batch holds 1.." + MAX_ENTRIES + " inputs, not " + count);
        }
        putHeader(count);
        int p = HEADER;
        for (long s = from; s < end; s++) {
            p = putEntry(slots.apply(s), p);
        }
        return p;
    }

    /** Writes the batch header (magic, version, entry count) at the start of {@link #array()}. */
    private void putHeader(final int count) {
        buffer.putByte(0, MAGIC);
        buffer.putByte(1, COMPACT_VERSION);
        buffer.putShort(2, (short) count, InputCodec.ORDER);
    }

    /** Writes {@code e} as an entry (2-byte length, then the encoded input) at {@code p}; returns the position after it. */
    private int putEntry(final EngineEvent e, final int p) {
        final int length = codec.encodeCompact(e, buffer, p + 2);
        buffer.putShort(p, (short) length, InputCodec.ORDER);
        return p + 2 + length;
    }

    /**
     * Encodes {@code e} as the next entry of the held batch (behind the header's room, so that the
     * batch is written out without a copy). At most {@link #MAX_ENTRIES}; {@link #encode} and
     * {@link #encodeSingle} must not be used while inputs are held (they share the array).
     *
     * @return the number of inputs held, this one included
     */
    public int hold(final EngineEvent e) {
        if (held == MAX_ENTRIES) {
            throw new IllegalStateException("a batch holds at most " + MAX_ENTRIES + " inputs");
        }
        heldEnd = putEntry(e, heldEnd);
        return ++held;
    }

    /** Inputs held and not yet {@link #releaseHeld released}. */
    public int held() {
        return held;
    }

    /**
     * Where the document of the held inputs starts in {@link #array()} (its start: this writes the
     * batch header there). Then {@link #heldLength()} bytes from here are the document.
     */
    public int heldOffset() {
        putHeader(held);
        return 0;
    }

    /** Length of the held inputs' document (see {@link #heldOffset()}). */
    public int heldLength() {
        return heldEnd;
    }

    /** Forgets the held inputs (after their document was appended, or its append failed). */
    public void releaseHeld() {
        held = 0;
        heldEnd = HEADER;
    }

    /**
     * Checks the batch document of {@code length} bytes held in {@link #array()} and positions the
     * reader at its first entry.
     *
     * @return the number of entries
     * @throws CorruptJournalException naming the problem when it is not a valid version-1 or version-2 batch
     */
    public int open(final int length) {
        if (length < HEADER) {
            throw new CorruptJournalException("input batch has length " + length + ", shorter than its " + HEADER + "-byte header");
        }
        if (buffer.getByte(0) != MAGIC) {
            throw new CorruptJournalException("input batch has magic 0x" + Integer.toHexString(buffer.getByte(0) & 0xff)
                + ", expected 'B'");
        }
        final byte version = buffer.getByte(1);
        if (version != VERSION && version != COMPACT_VERSION) {
            throw new CorruptJournalException("input batch has layout version " + version + ", this build reads " + VERSION
                + " and " + COMPACT_VERSION + " (and plain input entries of versions " + InputCodec.VERSION + " to "
                + InputCodec.COMPACT_VERSION + ")");
        }
        final int count = buffer.getShort(2, InputCodec.ORDER) & 0xffff;
        if (count < 1 || count > MAX_ENTRIES) {
            throw new CorruptJournalException("input batch holds " + count + " entries, expected 1.." + MAX_ENTRIES);
        }
        int p = HEADER;
        for (int i = 0; i < count; i++) {
            final int entry = p + 2 <= length ? buffer.getShort(p, InputCodec.ORDER) & 0xffff : -1;
            if (entry < 0 || entry > InputCodec.MAX_LENGTH || p + 2 + entry > length) {
                throw new CorruptJournalException("input batch of " + count + " entries and " + length
                    + " bytes: entry " + i + " at byte " + p + " has length " + entry + ", beyond the batch or the largest input");
            }
            p += 2 + entry;
        }
        if (p != length) {
            throw new CorruptJournalException("input batch of " + count + " entries ends at byte " + p + " but is " + length
                + " bytes long");
        }
        readPosition = HEADER;
        readLength = length;
        readCount = count;
        return count;
    }

    /** Entries of the batch last {@link #open opened}. */
    public int entries() {
        return readCount;
    }

    /**
     * Copies the next entry of the batch last {@link #open opened} into {@code target}.
     *
     * @return its length in bytes
     */
    public int next(final byte[] target) {
        if (readPosition >= readLength) {
            throw new IllegalStateException("no entry left in the batch");
        }
        final int length = buffer.getShort(readPosition, InputCodec.ORDER) & 0xffff;
        System.arraycopy(array, readPosition + 2, target, 0, length);
        readPosition += 2 + length;
        return length;
    }

    /**
     * The sequence of the last input in one queue document's bytes (a batch or a plain entry), -1 if
     * it does not parse: what {@link InputJournalReader#entryCount} counts from without reading the
     * whole queue. Cold path (allocates a buffer view).
     */
    static long lastSequence(final byte[] doc) {
        final UnsafeBuffer b = new UnsafeBuffer(doc);
        int entry = 0;
        int end = doc.length;
        if (doc.length >= HEADER && doc[0] == MAGIC) {
            final int count = b.getShort(2, InputCodec.ORDER) & 0xffff;
            int p = HEADER;
            for (int i = 0; i < count && p + 2 <= doc.length; i++) {
                entry = p + 2;
                p += 2 + (b.getShort(p, InputCodec.ORDER) & 0xffff);
            }
            end = Math.min(p, doc.length);
        }
        return InputCodec.sequenceOf(b, entry, end);
    }
}
