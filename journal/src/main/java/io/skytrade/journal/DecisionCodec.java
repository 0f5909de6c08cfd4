package io.skytrade.journal;

import io.skytrade.core.event.Decisions;
import io.skytrade.core.valuation.ValuationContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The binary layouts of a journaled decision (little-endian, documented in
 * {@code journal/LAYOUT.md}), each ending in a CRC-32C of the bytes before it: version 2 (120 bytes)
 * for a decision with the valuation it was made on (fair value and its components, from a
 * {@link ValuationContext}); version 1 (64 bytes, the same fields without it) for state-hash
 * checkpoints and decisions written without a valuation. Both are read.
 *
 * <p>Not thread-safe: one codec per thread. Hot-path cost: a dozen primitive stores and a CRC over
 * at most 116 bytes; no allocation.
 */
public final class DecisionCodec {
    public static final byte MAGIC = 'D';
    public static final byte VERSION = 2;
    public static final int LENGTH = 120;
    /** Version 1's length: the same fields without the valuation. */
    public static final int LENGTH_V1 = 64;
    private static final ByteOrder ORDER = InputCodec.ORDER;

    private final byte[] array = new byte[LENGTH];
    private final UnsafeBuffer buffer = new UnsafeBuffer(array);
    private final CRC32C crc = new CRC32C();
    private final DecisionRecord scratch = new DecisionRecord();

    public byte[] array() {
        return array;
    }

    /** Encodes decision {@code i} of {@code d}, caused by input {@code inputSequence}, without a valuation (version 1). */
    public int encode(final long inputSequence, final Decisions d, final int i) {
        return encode(scratch.set(inputSequence, d, i));
    }

    /**
     * Encodes decision {@code i} of {@code d}, caused by input {@code inputSequence}, with the
     * valuation of its instrument in {@code valuation} (version 2); returns the length.
     */
    public int encode(final long inputSequence, final Decisions d, final int i, final ValuationContext valuation) {
        return encode(scratch.set(inputSequence, d, i, valuation));
    }

    /**
     * Encodes the decision (or state-hash checkpoint) held in {@code r}: version 2 with its valuation
     * when it carries one, else version 1; returns the length.
     */
    public int encode(final DecisionRecord r) {
        final UnsafeBuffer b = buffer;
        final int length = r.hasValuation ? LENGTH : LENGTH_V1;
        b.putByte(0, MAGIC);
        b.putByte(1, r.hasValuation ? VERSION : (byte) 1);
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
        if (r.hasValuation) {
            b.putDouble(60, r.fair, ORDER);
            b.putDouble(68, r.fairStd, ORDER);
            b.putDouble(76, r.nowcast, ORDER);
            b.putDouble(84, r.nowcastStd, ORDER);
            b.putDouble(92, r.market, ORDER);
            b.putDouble(100, r.marketStd, ORDER);
            b.putDouble(108, r.nowcastWeight, ORDER);
        }
        crc.reset();
        crc.update(array, 0, length - 4);
        b.putInt(length - 4, (int) crc.getValue(), ORDER);
        return length;
    }

    /**
     * Decodes the entry in {@link #array()} into {@code r}.
     *
     * @throws CorruptJournalException naming the problem
     */
    public void decode(final int length, final DecisionRecord r) {
        final UnsafeBuffer b = buffer;
        final byte version = length >= 2 ? b.getByte(1) : 0;
        final int expected = version == 1 ? LENGTH_V1 : LENGTH;
        if (length != expected) {
            throw new CorruptJournalException("decision entry has length " + length + ", expected " + expected
                + " (layout version " + version + ")");
        }
        crc.reset();
        crc.update(array, 0, length - 4);
        if (b.getInt(length - 4, ORDER) != (int) crc.getValue()) {
            throw new CorruptJournalException("decision entry (input sequence " + b.getLong(4, ORDER)
                + ") fails its CRC-32C check");
        }
        if (b.getByte(0) != MAGIC || version != 1 && version != VERSION) {
            throw new CorruptJournalException("decision entry has magic/version " + b.getByte(0) + "/" + version
                + ", expected 'D'/1 or 'D'/" + VERSION);
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
        r.hasValuation = version == VERSION;
        r.fair = r.hasValuation ? b.getDouble(60, ORDER) : Double.NaN;
        r.fairStd = r.hasValuation ? b.getDouble(68, ORDER) : Double.NaN;
        r.nowcast = r.hasValuation ? b.getDouble(76, ORDER) : Double.NaN;
        r.nowcastStd = r.hasValuation ? b.getDouble(84, ORDER) : Double.NaN;
        r.market = r.hasValuation ? b.getDouble(92, ORDER) : Double.NaN;
        r.marketStd = r.hasValuation ? b.getDouble(100, ORDER) : Double.NaN;
        r.nowcastWeight = r.hasValuation ? b.getDouble(108, ORDER) : Double.NaN;
    }
}
