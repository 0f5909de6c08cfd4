package io.skytrade.journal;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The fixed, versioned binary layout of a journaled input (little-endian), documented in
 * {@code journal/LAYOUT.md}: a 36-byte header (magic 'I', version, type, sequence, event time,
 * receive time, instrument id, source), a per-type payload, and a CRC-32C of everything before it.
 * Only input fields are stored; stage outputs are recomputed on replay. Layout version 1 is every
 * type's fixed-width payload; version 2 ({@link #COMPACT_BOOK_VERSION}, a book entry only) writes a
 * book's sequence, prices and quantities as zigzag varints, each price as its difference from the
 * level before (a 5x5 book of the synthetic world: ~70 bytes instead of 212). The encoder writes a
 * book in version 2 unless that is longer than version 1; the decoder reads both, so journals
 * written before version 2 read unchanged, and the decoded input is the same either way.
 *
 * <p>Not thread-safe: one codec per thread (it owns a scratch buffer and a CRC). Hot-path cost:
 * a few dozen primitive stores (a book: ~24 varints) and a CRC-32C over at most {@link #MAX_LENGTH}
 * bytes; no allocation.
 */
public final class InputCodec {
    public static final byte MAGIC = 'I';
    public static final byte VERSION = 1;
    /** Layout version of a book entry whose levels are varints (see the class comment). */
    public static final byte COMPACT_BOOK_VERSION = 2;
    /** Largest encoded entry (a full book). */
    public static final int MAX_LENGTH = 36 + 12 + 4 * EngineEvent.BOOK_DEPTH * 8 + 4;

    /**
     * Bytes a compact book may run past {@link #MAX_LENGTH} before the encoder sees it is longer than
     * version 1 and writes version 1 over it: a buffer the encoder writes into must have this much room
     * behind its last entry.
     */
    public static final int ENCODE_SLACK = 48;

    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int HEADER = 36;

    private final byte[] array = new byte[MAX_LENGTH + ENCODE_SLACK];
    private final UnsafeBuffer buffer = new UnsafeBuffer(array);
    private final CRC32C crc = new CRC32C();
    /** Where the compact book being decoded is read next, its levels' end (the entry's length less its CRC), and its sequence (for errors). */
    private int readPosition;
    private int readEnd;
    private long readSequence;

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
        if (e.type == EventType.MARKET_BOOK && e.bidLevels >= 0 && e.askLevels >= 0
            && e.bidLevels <= EngineEvent.BOOK_DEPTH && e.askLevels <= EngineEvent.BOOK_DEPTH) {
            final int end = encodeCompactBook(e, target, offset);
            if (end - offset <= HEADER + 12 + 16 * (e.bidLevels + e.askLevels)) {
                return sealed(target, offset, end);
            }
        }
        return encodePlain(e, target, offset);
    }

    /**
     * Writes {@code e} (a book of at most {@link EngineEvent#BOOK_DEPTH} levels a side) as a version-2
     * entry without its CRC: header, bookSequence as a zigzag varint, the bid and ask level counts
     * (a byte each), then per level, bids first, the price's difference from the previous level's
     * price (0 before the first) and the quantity, zigzag varints.
     *
     * @return the position after the last level
     */
    private static int encodeCompactBook(final EngineEvent e, final UnsafeBuffer b, final int o) {
        putHeader(e, b, o, COMPACT_BOOK_VERSION);
        int p = putVarLong(b, o + HEADER, e.bookSequence);
        b.putByte(p, (byte) e.bidLevels);
        b.putByte(p + 1, (byte) e.askLevels);
        p += 2;
        long previous = 0;
        for (int i = 0; i < e.bidLevels; i++) {
            p = putVarLong(b, p, e.bidPrices[i] - previous);
            previous = e.bidPrices[i];
            p = putVarLong(b, p, e.bidQtys[i]);
        }
        for (int i = 0; i < e.askLevels; i++) {
            p = putVarLong(b, p, e.askPrices[i] - previous);
            previous = e.askPrices[i];
            p = putVarLong(b, p, e.askQtys[i]);
        }
        return p;
    }

    /** Writes {@code v} zigzag-encoded as an unsigned LEB128 varint (1-10 bytes) at {@code p}; returns the position after it. */
    private static int putVarLong(final UnsafeBuffer b, final int p, final long v) {
        long z = (v << 1) ^ (v >> 63);
        int q = p;
        while ((z & ~0x7FL) != 0) {
            b.putByte(q++, (byte) ((z & 0x7F) | 0x80));
            z >>>= 7;
        }
        b.putByte(q, (byte) z);
        return q + 1;
    }

    private static void putHeader(final EngineEvent e, final MutableDirectBuffer b, final int o, final byte version) {
        b.putByte(o, MAGIC);
        b.putByte(o + 1, version);
        b.putShort(o + 2, (short) e.type, ORDER);
        b.putLong(o + 4, e.sequence, ORDER);
        b.putLong(o + 12, e.eventTimeNanos, ORDER);
        b.putLong(o + 20, e.receiveTimeNanos, ORDER);
        b.putInt(o + 28, e.instrumentId, ORDER);
        b.putInt(o + 32, e.source, ORDER);
    }

    /** Appends the CRC-32C of the entry's bytes {@code o .. end - 1} at {@code end}; returns the entry's length. */
    private int sealed(final UnsafeBuffer target, final int o, final int end) {
        crc.reset();
        crc.update(target.byteArray(), o, end - o);
        target.putInt(end, (int) crc.getValue(), ORDER);
        return end + 4 - o;
    }

    /** Writes {@code e} as a version-1 entry (every type's fixed-width payload) at {@code offset}; returns its length. */
    private int encodePlain(final EngineEvent e, final UnsafeBuffer target, final int offset) {
        final MutableDirectBuffer b = target;
        final int o = offset;
        putHeader(e, b, o, VERSION);
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
        return sealed(target, o, p);
    }

    /**
     * Decodes an entry of {@code length} bytes held in {@link #array()} into {@code e} (inputs only;
     * outputs cleared).
     *
     * @throws CorruptJournalException naming the problem when the entry is not a valid v1 or v2 input
     */
    public void decode(final int length, final EngineEvent e) {
        if (length < HEADER + 4 || length > MAX_LENGTH) {
            throw new CorruptJournalException("input entry has length " + length + ", expected " + (HEADER + 4) + ".." + MAX_LENGTH);
        }
        final UnsafeBuffer b = buffer;
        crc.reset();
        crc.update(b.byteArray(), 0, length - 4);
        final int stored = b.getInt(length - 4, ORDER);
        if (stored != (int) crc.getValue()) {
            throw new CorruptJournalException("input entry fails its CRC-32C check (stored 0x" + Integer.toHexString(stored)
                + ", computed 0x" + Integer.toHexString((int) crc.getValue()) + ")");
        }
        if (b.getByte(0) != MAGIC) {
            throw new CorruptJournalException("input entry has magic 0x" + Integer.toHexString(b.getByte(0) & 0xff) + ", expected 'I'");
        }
        final byte version = b.getByte(1);
        if (version != VERSION && version != COMPACT_BOOK_VERSION) {
            throw new CorruptJournalException("input entry has layout version " + version + ", this build reads " + VERSION
                + " and " + COMPACT_BOOK_VERSION + " (compact books)");
        }
        e.clear();
        e.type = b.getShort(2, ORDER);
        e.sequence = b.getLong(4, ORDER);
        e.eventTimeNanos = b.getLong(12, ORDER);
        e.receiveTimeNanos = b.getLong(20, ORDER);
        e.instrumentId = b.getInt(28, ORDER);
        e.source = b.getInt(32, ORDER);
        if (version == COMPACT_BOOK_VERSION) {
            if (e.type != EventType.MARKET_BOOK) {
                throw new CorruptJournalException(EventType.name(e.type) + " entry at sequence " + e.sequence + " has layout version "
                    + COMPACT_BOOK_VERSION + ", which only a book entry has");
            }
            decodeCompactBook(b, length, e);
            return;
        }
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

    /** Reads a version-2 book's levels (see {@link #encodeCompactBook}) of the entry in {@link #array()} into {@code e}. */
    private void decodeCompactBook(final UnsafeBuffer b, final int length, final EngineEvent e) {
        readPosition = HEADER;
        readEnd = length - 4;
        readSequence = e.sequence;
        e.bookSequence = getVarLong(b);
        if (readPosition + 2 > readEnd) {
            throw compactBookOverrun();
        }
        e.bidLevels = b.getByte(readPosition) & 0xff;
        e.askLevels = b.getByte(readPosition + 1) & 0xff;
        readPosition += 2;
        if (e.bidLevels > EngineEvent.BOOK_DEPTH || e.askLevels > EngineEvent.BOOK_DEPTH) {
            throw new CorruptJournalException("book entry at sequence " + e.sequence + " has " + e.bidLevels + " bid and "
                + e.askLevels + " ask levels, more than " + EngineEvent.BOOK_DEPTH);
        }
        long price = 0;
        for (int i = 0; i < e.bidLevels; i++) {
            price += getVarLong(b);
            e.bidPrices[i] = price;
            e.bidQtys[i] = getVarLong(b);
        }
        for (int i = 0; i < e.askLevels; i++) {
            price += getVarLong(b);
            e.askPrices[i] = price;
            e.askQtys[i] = getVarLong(b);
        }
        if (readPosition != readEnd) {
            throw new CorruptJournalException("compact book entry at sequence " + e.sequence + " of length " + length + " has "
                + (readEnd - readPosition) + " bytes after its " + e.bidLevels + " bid and " + e.askLevels + " ask levels");
        }
    }

    /** Reads a zigzag LEB128 varint at {@link #readPosition}, not past {@link #readEnd}, and moves past it. */
    private long getVarLong(final UnsafeBuffer b) {
        long z = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (readPosition >= readEnd) {
                throw compactBookOverrun();
            }
            final int x = b.getByte(readPosition++);
            z |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                return (z >>> 1) ^ -(z & 1);
            }
        }
        throw new CorruptJournalException("compact book entry at sequence " + readSequence + " has a varint longer than 10 bytes");
    }

    private CorruptJournalException compactBookOverrun() {
        return new CorruptJournalException("compact book entry at sequence " + readSequence + " of length " + (readEnd + 4)
            + ": its levels run past the entry's end");
    }

    private static void expect(final EngineEvent e, final int length, final int payload) {
        if (length != HEADER + payload + 4) {
            throw new CorruptJournalException(EventType.name(e.type) + " entry at sequence " + e.sequence + " has length "
                + length + ", expected " + (HEADER + payload + 4));
        }
    }
}
