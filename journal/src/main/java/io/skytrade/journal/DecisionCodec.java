package io.skytrade.journal;

import io.skytrade.core.event.Decisions;
import io.skytrade.core.valuation.ValuationContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The fixed binary layout of a journaled decision (little-endian, documented in
 * {@code journal/LAYOUT.md}), ending in a CRC-32C of the bytes before it: version 2 (120 bytes)
 * carries the valuation the decision was made on (fair value and its components, from a
 * {@link ValuationContext}); version 1 (64 bytes, without it) is still read.
 *
 * <p>Not thread-safe: one codec per thread. Hot-path cost: a dozen primitive stores and a CRC over
 * 116 bytes; no allocation.
 */
public final class DecisionCodec {
    public static final byte MAGIC = 'D';
    public static final byte VERSION = 2;
    public static final int LENGTH = 120;
    /** Version 1's length: the same fields without the valuation. */
    public static final int LENGTH_V1 = 64;
    private static final ValuationContext NO_VALUATION = new ValuationContext();
    private static final ByteOrder ORDER = InputCodec.ORDER;

    private final byte[] array = new byte[LENGTH];
    private final UnsafeBuffer buffer = new UnsafeBuffer(array);
    private final CRC32C crc = new CRC32C();

    public byte[] array() {
        return array;
    }

    /** Encodes decision {@code i} of {@code d}, caused by input {@code inputSequence}, without a valuation. */
    public int encode(final long inputSequence, final Decisions d, final int i) {
        return encode(inputSequence, d, i, NO_VALUATION);
    }

    /**
     * Encodes decision {@code i} of {@code d}, caused by input {@code inputSequence}, with the
     * valuation of its instrument in {@code valuation}; returns the length.
     */
    public int encode(final long inputSequence, final Decisions d, final int i, final ValuationContext valuation) {
        final UnsafeBuffer b = buffer;
        b.putByte(0, MAGIC);
        b.putByte(1, VERSION);
        b.putShort(2, (short) d.kind[i], ORDER);
        b.putLong(4, inputSequence, ORDER);
        b.putInt(12, i, ORDER);
        b.putInt(16, d.status[i], ORDER);
        b.putInt(20, d.instrumentId[i], ORDER);
        b.putInt(24, d.side[i], ORDER);
        b.putLong(28, d.priceTicks[i], ORDER);
        b.putLong(36, d.quantity[i], ORDER);
        b.putLong(44, d.clientOrderId[i], ORDER);
        b.putInt(52, d.reason[i], ORDER);
        b.putInt(56, d.timeInForce[i], ORDER);
        final int id = d.instrumentId[i];
        b.putDouble(60, valuation.fair(id), ORDER);
        b.putDouble(68, valuation.fairStd(id), ORDER);
        b.putDouble(76, valuation.nowcast(id), ORDER);
        b.putDouble(84, valuation.nowcastStd(id), ORDER);
        b.putDouble(92, valuation.market(id), ORDER);
        b.putDouble(100, valuation.marketStd(id), ORDER);
        b.putDouble(108, valuation.nowcastWeight(id), ORDER);
        crc.reset();
        crc.update(array, 0, LENGTH - 4);
        b.putInt(LENGTH - 4, (int) crc.getValue(), ORDER);
        return LENGTH;
    }

    /** Encodes a record as read back (for tools and tests): version 2 with its valuation, or version 1 without. */
    public int encode(final DecisionRecord r) {
        final Decisions d = new Decisions();
        for (int k = 0; k <= r.index; k++) {
            d.add(r.kind, r.instrumentId, r.side, r.priceTicks, r.quantity, r.clientOrderId, r.reason);
        }
        d.status[r.index] = r.status;
        d.timeInForce[r.index] = r.timeInForce;
        final int length = encode(r.inputSequence, d, r.index, ValuationContext.of(r.instrumentId, r.fair, r.fairStd,
            r.nowcast, r.nowcastStd, r.market, r.marketStd, r.nowcastWeight));
        if (r.hasValuation) {
            return length;
        }
        buffer.putByte(1, (byte) 1);
        crc.reset();
        crc.update(array, 0, LENGTH_V1 - 4);
        buffer.putInt(LENGTH_V1 - 4, (int) crc.getValue(), ORDER);
        return LENGTH_V1;
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
