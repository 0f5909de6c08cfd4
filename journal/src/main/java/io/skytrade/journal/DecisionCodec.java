package io.skytrade.journal;

import io.skytrade.core.event.Decisions;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The fixed 64-byte binary layout of a journaled decision (layout version 1, little-endian,
 * documented in {@code journal/LAYOUT.md}), ending in a CRC-32C of the bytes before it.
 *
 * <p>Not thread-safe: one codec per thread. Hot-path cost: a dozen primitive stores and a CRC over
 * 60 bytes; no allocation.
 */
public final class DecisionCodec {
    public static final byte MAGIC = 'D';
    public static final byte VERSION = 1;
    public static final int LENGTH = 64;
    private static final ByteOrder ORDER = InputCodec.ORDER;

    private final byte[] array = new byte[LENGTH];
    private final UnsafeBuffer buffer = new UnsafeBuffer(array);
    private final CRC32C crc = new CRC32C();
    private final DecisionRecord scratch = new DecisionRecord();

    public byte[] array() {
        return array;
    }

    /** Encodes decision {@code i} of {@code d}, caused by input {@code inputSequence}; returns the length. */
    public int encode(final long inputSequence, final Decisions d, final int i) {
        return encode(scratch.set(inputSequence, d, i));
    }

    /** Encodes the decision (or state-hash checkpoint) held in {@code r}; returns the length. */
    public int encode(final DecisionRecord r) {
        final UnsafeBuffer b = buffer;
        b.putByte(0, MAGIC);
        b.putByte(1, VERSION);
        b.putShort(2, (short) r.kind, ORDER);
        b.putLong(4, r.inputSequence, ORDER);
        b.putInt(12, r.index, ORDER);
        b.putInt(16, r.status, ORDER);
        b.putInt(20, r.instrumentId, ORDER);
        b.putInt(24, r.side, ORDER);
        b.putLong(28, r.priceTicks, ORDER);
        b.putLong(36, r.quantity, ORDER);
        b.putLong(44, r.clientOrderId, ORDER);
        b.putInt(52, r.reason, ORDER);
        b.putInt(56, r.timeInForce, ORDER);
        crc.reset();
        crc.update(array, 0, LENGTH - 4);
        b.putInt(LENGTH - 4, (int) crc.getValue(), ORDER);
        return LENGTH;
    }

    /**
     * Decodes the entry in {@link #array()} into {@code r}.
     *
     * @throws CorruptJournalException naming the problem
     */
    public void decode(final int length, final DecisionRecord r) {
        final UnsafeBuffer b = buffer;
        if (length != LENGTH) {
            throw new CorruptJournalException("decision entry has length " + length + ", expected " + LENGTH);
        }
        crc.reset();
        crc.update(array, 0, LENGTH - 4);
        if (b.getInt(LENGTH - 4, ORDER) != (int) crc.getValue()) {
            throw new CorruptJournalException("decision entry (input sequence " + b.getLong(4, ORDER)
                + ") fails its CRC-32C check");
        }
        if (b.getByte(0) != MAGIC || b.getByte(1) != VERSION) {
            throw new CorruptJournalException("decision entry has magic/version " + b.getByte(0) + "/" + b.getByte(1)
                + ", expected 'D'/" + VERSION);
        }
        r.kind = b.getShort(2, ORDER);
        r.inputSequence = b.getLong(4, ORDER);
        r.index = b.getInt(12, ORDER);
        r.status = b.getInt(16, ORDER);
        r.instrumentId = b.getInt(20, ORDER);
        r.side = b.getInt(24, ORDER);
        r.priceTicks = b.getLong(28, ORDER);
        r.quantity = b.getLong(36, ORDER);
        r.clientOrderId = b.getLong(44, ORDER);
        r.reason = b.getInt(52, ORDER);
        r.timeInForce = b.getInt(56, ORDER);
    }
}
