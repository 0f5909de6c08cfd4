package io.skytrade.journal;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The fixed, versioned binary layout of a journaled input (layout version 1, little-endian),
 * documented in {@code journal/LAYOUT.md}: a 36-byte header (magic 'I', version, type, sequence,
 * event time, receive time, instrument id, source), a per-type payload, and a CRC-32C of
 * everything before it. Only input fields are stored; stage outputs are recomputed on replay.
 *
 * <p>Not thread-safe: one codec per thread (it owns a scratch buffer and a CRC). Hot-path cost:
 * a few dozen primitive stores and a CRC-32C over at most {@link #MAX_LENGTH} bytes; no allocation.
 */
public final class InputCodec {
    public static final byte MAGIC = 'I';
    public static final byte VERSION = 1;
    /** Largest encoded entry (a full book). */
    public static final int MAX_LENGTH = 36 + 12 + 4 * EngineEvent.BOOK_DEPTH * 8 + 4;

    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int HEADER = 36;

    private final byte[] array = new byte[MAX_LENGTH];
    private final UnsafeBuffer buffer = new UnsafeBuffer(array);
    private final CRC32C crc = new CRC32C();

    /** The scratch array that {@link #encode} fills. */
    public byte[] array() {
        return array;
    }

    /**
     * Encodes the input fields of {@code e} into {@link #array()}.
     *
     * @return the encoded length in bytes
     */
    public int encode(final EngineEvent e) {
        return encode(e, buffer, 0);
    }

    /**
     * Encodes the input fields of {@code e} at {@code offset} of {@code target} (an
     * {@link UnsafeBuffer} over a byte array: the batch codec's buffer).
     *
     * @return the encoded length in bytes
     */
    int encode(final EngineEvent e, final UnsafeBuffer target, final int offset) {
        final MutableDirectBuffer b = target;
        final int o = offset;
        b.putByte(o, MAGIC);
        b.putByte(o + 1, VERSION);
        b.putShort(o + 2, (short) e.type, ORDER);
        b.putLong(o + 4, e.sequence, ORDER);
        b.putLong(o + 12, e.eventTimeNanos, ORDER);
        b.putLong(o + 20, e.receiveTimeNanos, ORDER);
        b.putInt(o + 28, e.instrumentId, ORDER);
        b.putInt(o + 32, e.source, ORDER);
        int p = o + HEADER;
        switch (e.type) {
            case EventType.MARKET_BOOK -> {
                b.putLong(p, e.bookSequence, ORDER);
                b.putInt(p + 8, e.bidLevels | (e.askLevels << 16), ORDER);
                p += 12;
                for (int i = 0; i < e.bidLevels; i++) {
                    b.putLong(p, e.bidPrices[i], ORDER);
                    b.putLong(p + 8, e.bidQtys[i], ORDER);
                    p += 16;
                }
                for (int i = 0; i < e.askLevels; i++) {
                    b.putLong(p, e.askPrices[i], ORDER);
                    b.putLong(p + 8, e.askQtys[i], ORDER);
                    p += 16;
                }
            }
            case EventType.MARKET_TRADE -> {
                b.putLong(p, e.tradePriceTicks, ORDER);
                b.putLong(p + 8, e.tradeQty, ORDER);
                b.putInt(p + 16, e.aggressorSide, ORDER);
                p += 20;
            }
            case EventType.OBSERVATION -> {
                b.putDouble(p, e.value, ORDER);
                b.putInt(p + 8, e.quality, ORDER);
                p += 12;
            }
            case EventType.SETTLEMENT -> {
                b.putDouble(p, e.value, ORDER);
                p += 8;
            }
            case EventType.ORDER_EVENT -> {
                b.putInt(p, e.orderEventKind, ORDER);
                b.putLong(p + 4, e.clientOrderId, ORDER);
                b.putLong(p + 12, e.venueOrderId, ORDER);
                b.putInt(p + 20, e.side, ORDER);
                b.putLong(p + 24, e.priceTicks, ORDER);
                b.putLong(p + 32, e.quantity, ORDER);
                b.putLong(p + 40, e.fillQty, ORDER);
                b.putLong(p + 48, e.fillPriceTicks, ORDER);
                b.putLong(p + 56, e.leavesQty, ORDER);
                b.putInt(p + 64, e.rejectReason, ORDER);
                b.putDouble(p + 68, e.fee, ORDER);
                p += 76;
            }
            case EventType.POSITION_REPORT -> {
                b.putLong(p, e.position, ORDER);
                p += 8;
            }
            case EventType.CONTROL -> {
                b.putInt(p, e.controlCode, ORDER);
                b.putLong(p + 4, e.controlArg, ORDER);
                p += 12;
            }
            default -> {
                // TIMER and NONE carry the header only.
            }
        }
        crc.reset();
        crc.update(target.byteArray(), o, p - o);
        b.putInt(p, (int) crc.getValue(), ORDER);
        return p + 4 - o;
    }

    /**
     * Decodes an entry of {@code length} bytes held in {@link #array()} into {@code e} (inputs only;
     * outputs cleared).
     *
     * @throws CorruptJournalException naming the problem when the entry is not a valid v1 input
     */
    public void decode(final int length, final EngineEvent e) {
        final UnsafeBuffer b = buffer;
        if (length < HEADER + 4 || length > MAX_LENGTH) {
            throw new CorruptJournalException("input entry has length " + length + ", expected " + (HEADER + 4) + ".." + MAX_LENGTH);
        }
        crc.reset();
        crc.update(array, 0, length - 4);
        final int stored = b.getInt(length - 4, ORDER);
        if (stored != (int) crc.getValue()) {
            throw new CorruptJournalException("input entry fails its CRC-32C check (stored 0x" + Integer.toHexString(stored)
                + ", computed 0x" + Integer.toHexString((int) crc.getValue()) + ")");
        }
        if (b.getByte(0) != MAGIC) {
            throw new CorruptJournalException("input entry has magic 0x" + Integer.toHexString(b.getByte(0) & 0xff) + ", expected 'I'");
        }
        if (b.getByte(1) != VERSION) {
            throw new CorruptJournalException("input entry has layout version " + b.getByte(1) + ", this build reads " + VERSION);
        }
        e.clear();
        e.type = b.getShort(2, ORDER);
        e.sequence = b.getLong(4, ORDER);
        e.eventTimeNanos = b.getLong(12, ORDER);
        e.receiveTimeNanos = b.getLong(20, ORDER);
        e.instrumentId = b.getInt(28, ORDER);
        e.source = b.getInt(32, ORDER);
        int p = HEADER;
        switch (e.type) {
            case EventType.MARKET_BOOK -> {
                e.bookSequence = b.getLong(p, ORDER);
                final int levels = b.getInt(p + 8, ORDER);
                e.bidLevels = levels & 0xffff;
                e.askLevels = levels >>> 16;
                if (e.bidLevels > EngineEvent.BOOK_DEPTH || e.askLevels > EngineEvent.BOOK_DEPTH
                    || length != HEADER + 12 + 16 * (e.bidLevels + e.askLevels) + 4) {
                    throw new CorruptJournalException("book entry at sequence " + e.sequence + " has " + e.bidLevels + " bid and "
                        + e.askLevels + " ask levels for length " + length);
                }
                p += 12;
                for (int i = 0; i < e.bidLevels; i++) {
                    e.bidPrices[i] = b.getLong(p, ORDER);
                    e.bidQtys[i] = b.getLong(p + 8, ORDER);
                    p += 16;
                }
                for (int i = 0; i < e.askLevels; i++) {
                    e.askPrices[i] = b.getLong(p, ORDER);
                    e.askQtys[i] = b.getLong(p + 8, ORDER);
                    p += 16;
                }
            }
            case EventType.MARKET_TRADE -> {
                expect(e, length, 20);
                e.tradePriceTicks = b.getLong(p, ORDER);
                e.tradeQty = b.getLong(p + 8, ORDER);
                e.aggressorSide = b.getInt(p + 16, ORDER);
            }
            case EventType.OBSERVATION -> {
                expect(e, length, 12);
                e.value = b.getDouble(p, ORDER);
                e.quality = b.getInt(p + 8, ORDER);
            }
            case EventType.SETTLEMENT -> {
                expect(e, length, 8);
                e.value = b.getDouble(p, ORDER);
            }
            case EventType.ORDER_EVENT -> {
                expect(e, length, 76);
                e.orderEventKind = b.getInt(p, ORDER);
                e.clientOrderId = b.getLong(p + 4, ORDER);
                e.venueOrderId = b.getLong(p + 12, ORDER);
                e.side = b.getInt(p + 20, ORDER);
                e.priceTicks = b.getLong(p + 24, ORDER);
                e.quantity = b.getLong(p + 32, ORDER);
                e.fillQty = b.getLong(p + 40, ORDER);
                e.fillPriceTicks = b.getLong(p + 48, ORDER);
                e.leavesQty = b.getLong(p + 56, ORDER);
                e.rejectReason = b.getInt(p + 64, ORDER);
                e.fee = b.getDouble(p + 68, ORDER);
            }
            case EventType.POSITION_REPORT -> {
                expect(e, length, 8);
                e.position = b.getLong(p, ORDER);
            }
            case EventType.CONTROL -> {
                expect(e, length, 12);
                e.controlCode = b.getInt(p, ORDER);
                e.controlArg = b.getLong(p + 4, ORDER);
            }
            case EventType.TIMER, EventType.NONE -> expect(e, length, 0);
            default -> throw new CorruptJournalException("input entry at sequence " + e.sequence + " has unknown type " + e.type);
        }
    }

    private static void expect(final EngineEvent e, final int length, final int payload) {
        if (length != HEADER + payload + 4) {
            throw new CorruptJournalException(EventType.name(e.type) + " entry at sequence " + e.sequence + " has length "
                + length + ", expected " + (HEADER + payload + 4));
        }
    }
}
