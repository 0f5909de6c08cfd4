package io.skytrade.journal;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The versioned binary layout of a journaled input (little-endian), documented in
 * {@code journal/LAYOUT.md}: a header (magic 'I', version, type, sequence, event time, receive time,
 * instrument id, source), a per-type payload, and a CRC-32C of everything before it. Only input
 * fields are stored; stage outputs are recomputed on replay. Layout version 1 is a fixed 36-byte
 * header and every type's fixed-width payload; version 2 ({@link #COMPACT_BOOK_VERSION}, a book entry
 * only) writes a book's sequence, prices and quantities as zigzag varints after the same header;
 * version 3 ({@link #COMPACT_VERSION}, any type) packs the type into the version byte and writes the
 * header's sequence, receive time (as its difference from the event time), instrument and source as
 * varints (a book of the synthetic world: ~48 bytes instead of 64 in version 2, 212 in version 1).
 * {@link #encode} writes versions 1 and 2 (plain queue entries); {@link #encodeCompact} writes
 * version 3 (the entries of an {@link InputBatchCodec} batch), falling back to version 1 when version 3
 * would be longer. Every entry decodes on its own; the decoder reads all three versions to the same
 * input, so journals written before read unchanged.
 *
 * <p>Not thread-safe: one codec per thread (it owns a scratch buffer and a CRC). Hot-path cost:
 * a few dozen primitive stores (a book: ~28 varints) and a CRC-32C over at most {@link #MAX_LENGTH}
 * bytes; no allocation.
 */
public final class InputCodec {
    public static final byte MAGIC = 'I';
    public static final byte VERSION = 1;
    /** Layout version of a book entry whose levels are varints (see the class comment). */
    public static final byte COMPACT_BOOK_VERSION = 2;
    /**
     * Layout version of an entry with a compact header (see the class comment): the version byte holds
     * this in its low four bits and the event type in its high four.
     */
    public static final byte COMPACT_VERSION = 3;
    /** Largest encoded entry (a full book). */
    public static final int MAX_LENGTH = 36 + 12 + 4 * EngineEvent.BOOK_DEPTH * 8 + 4;

    /**
     * Bytes a compact book may run past {@link #MAX_LENGTH} before the encoder sees it is longer than
     * version 1 and writes version 1 over it: a buffer the encoder writes into must have this much room
     * behind its last entry.
     */
    public static final int ENCODE_SLACK = 48;
    /** Shortest entry of any version: a version-3 timer (2 + 1 + 8 + 1 + 1 + 1 header bytes and the CRC). */
    static final int MIN_LENGTH = 18;

    static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int HEADER = 36;

    /** Bytes of a version-1 entry before its CRC, by type: the 36-byte header and the fixed payload (a book's without its levels). */
    private static final int[] PLAIN_LENGTH = plainLengths();

    private final byte[] array = new byte[MAX_LENGTH + ENCODE_SLACK];
    private final UnsafeBuffer buffer = new UnsafeBuffer(array);
    private final CRC32C crc = new CRC32C();
    /**
     * Where the varint entry being decoded (version 2 or 3) is read next, the end of its fields (the
     * entry's length less its CRC), and, for errors, its version, type and sequence (-1 until read).
     */
    private int readPosition;
    private int readEnd;
    private int readVersion;
    private int readType;
    private long readSequence;

    private static int[] plainLengths() {
        final int[] lengths = new int[16];
        java.util.Arrays.fill(lengths, HEADER);
        lengths[EventType.MARKET_BOOK] = HEADER + 12;
        lengths[EventType.MARKET_TRADE] = HEADER + 20;
        lengths[EventType.OBSERVATION] = HEADER + 12;
        lengths[EventType.SETTLEMENT] = HEADER + 8;
        lengths[EventType.ORDER_EVENT] = HEADER + 76;
        lengths[EventType.POSITION_REPORT] = HEADER + 8;
        lengths[EventType.CONTROL] = HEADER + 12;
        return lengths;
    }

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
     * Encodes the input fields of {@code e} into {@link #array()} as a batch entry is written (layout
     * version 3, or 1 where that is shorter; see {@link #encodeCompact(EngineEvent, UnsafeBuffer, int)}).
     *
     * @return the encoded length in bytes
     */
    public int encodeCompact(final EngineEvent e) {
        return encodeCompact(e, buffer, 0);
    }

    /**
     * Encodes the input fields of {@code e} at {@code offset} of {@code target} (an {@link UnsafeBuffer}
     * over a byte array: the batch codec's buffer) in layout version 3, or in version 1 when version 3
     * would be longer (values near the i64 range, a type code above 15, a book of more levels than
     * {@link EngineEvent#BOOK_DEPTH}). {@code target} must have {@link #ENCODE_SLACK} bytes of room
     * behind {@link #MAX_LENGTH}.
     *
     * @return the encoded length in bytes
     */
    int encodeCompact(final EngineEvent e, final UnsafeBuffer target, final int offset) {
        final int type = e.type;
        if (type >= 0 && type < PLAIN_LENGTH.length) {
            final boolean book = type == EventType.MARKET_BOOK;
            if (!book || e.bidLevels >= 0 && e.askLevels >= 0 && e.bidLevels <= EngineEvent.BOOK_DEPTH
                && e.askLevels <= EngineEvent.BOOK_DEPTH) {
                final int end = encodeCompactEntry(e, target, offset);
                if (end - offset <= PLAIN_LENGTH[type] + (book ? 16 * (e.bidLevels + e.askLevels) : 0)) {
                    return sealed(target, offset, end);
                }
            }
        }
        return encodePlain(e, target, offset);
    }

    /**
     * Writes {@code e} as a version-3 entry without its CRC: magic, version and type in one byte, the
     * sequence as a zigzag varint, the event time (8 bytes), the receive time less the event time, the
     * instrument and the source as zigzag varints, then a book's levels as in version 2 (its two level
     * counts in one byte) or any other type's version-1 payload.
     *
     * @return the position after the payload
     */
    private static int encodeCompactEntry(final EngineEvent e, final UnsafeBuffer b, final int o) {
        final byte[] a = b.byteArray();
        a[o] = MAGIC;
        a[o + 1] = (byte) (e.type << 4 | COMPACT_VERSION);
        int p = putVarLong(a, o + 2, e.sequence);
        b.putLong(p, e.eventTimeNanos, ORDER);
        p = putVarLong(a, p + 8, e.receiveTimeNanos - e.eventTimeNanos);
        p = putVarLong(a, p, e.instrumentId);
        p = putVarLong(a, p, e.source);
        if (e.type != EventType.MARKET_BOOK) {
            return putPayload(e, b, p);
        }
        p = putVarLong(a, p, e.bookSequence);
        a[p++] = (byte) (e.bidLevels | e.askLevels << 4);
        return putLevels(e, a, p);
    }

    /** Writes a book's levels as varints (see {@link #encodeCompactBook}) at {@code p}; returns the position after them. */
    private static int putLevels(final EngineEvent e, final byte[] a, final int start) {
        int p = start;
        long previous = 0;
        for (int i = 0; i < e.bidLevels; i++) {
            p = putVarLong(a, p, e.bidPrices[i] - previous);
            previous = e.bidPrices[i];
            p = putVarLong(a, p, e.bidQtys[i]);
        }
        for (int i = 0; i < e.askLevels; i++) {
            p = putVarLong(a, p, e.askPrices[i] - previous);
            previous = e.askPrices[i];
            p = putVarLong(a, p, e.askQtys[i]);
        }
        return p;
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
        final byte[] a = b.byteArray();
        final int p = putVarLong(a, o + HEADER, e.bookSequence);
        a[p] = (byte) e.bidLevels;
        a[p + 1] = (byte) e.askLevels;
        return putLevels(e, a, p + 2);
    }

    /** Writes {@code v} zigzag-encoded as an unsigned LEB128 varint (1-10 bytes) at {@code p}; returns the position after it. */
    private static int putVarLong(final byte[] a, final int p, final long v) {
        long z = (v << 1) ^ (v >> 63);
        int q = p;
        while ((z & ~0x7FL) != 0) {
            a[q++] = (byte) ((z & 0x7F) | 0x80);
            z >>>= 7;
        }
        a[q] = (byte) z;
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
        putHeader(e, target, offset, VERSION);
        return sealed(target, offset, putPayload(e, target, offset + HEADER));
    }

    /** Writes {@code e}'s version-1 payload at {@code start}; returns the position after it. */
    private static int putPayload(final EngineEvent e, final MutableDirectBuffer b, final int start) {
        int p = start;
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
        return p;
    }

    /**
     * Decodes an entry of {@code length} bytes held in {@link #array()} into {@code e} (inputs only;
     * outputs cleared).
     *
     * @throws CorruptJournalException naming the problem when the entry is not a valid v1, v2 or v3 input
     */
    public void decode(final int length, final EngineEvent e) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new CorruptJournalException("input entry has length " + length + ", expected " + MIN_LENGTH + ".." + MAX_LENGTH);
        }
        final UnsafeBuffer b = buffer;
        crc.reset();
        crc.update(array, 0, length - 4);
        final int stored = b.getInt(length - 4, ORDER);
        if (stored != (int) crc.getValue()) {
            throw new CorruptJournalException("input entry fails its CRC-32C check (stored 0x" + Integer.toHexString(stored)
                + ", computed 0x" + Integer.toHexString((int) crc.getValue()) + ")");
        }
        if (array[0] != MAGIC) {
            throw new CorruptJournalException("input entry has magic 0x" + Integer.toHexString(array[0] & 0xff) + ", expected 'I'");
        }
        final int versionByte = array[1] & 0xff;
        if ((versionByte & 0x0f) == COMPACT_VERSION) {
            decodeCompact(versionByte >>> 4, length, e);
            return;
        }
        if (versionByte != VERSION && versionByte != COMPACT_BOOK_VERSION) {
            throw new CorruptJournalException("input entry has layout version " + (byte) versionByte + ", this build reads " + VERSION
                + ", " + COMPACT_BOOK_VERSION + " (compact books) and " + COMPACT_VERSION + " (compact headers)");
        }
        if (length < HEADER + 4) {
            throw new CorruptJournalException("input entry of layout version " + versionByte + " has length " + length
                + ", expected " + (HEADER + 4) + ".." + MAX_LENGTH);
        }
        e.clear();
        e.type = b.getShort(2, ORDER);
        e.sequence = b.getLong(4, ORDER);
        e.eventTimeNanos = b.getLong(12, ORDER);
        e.receiveTimeNanos = b.getLong(20, ORDER);
        e.instrumentId = b.getInt(28, ORDER);
        e.source = b.getInt(32, ORDER);
        if (versionByte == COMPACT_BOOK_VERSION) {
            if (e.type != EventType.MARKET_BOOK) {
                throw new CorruptJournalException(EventType.name(e.type) + " entry at sequence " + e.sequence + " has layout version "
                    + COMPACT_BOOK_VERSION + ", which only a book entry has");
            }
            startVarints(COMPACT_BOOK_VERSION, HEADER, length, e.type, e.sequence);
            e.bookSequence = getVarLong();
            if (readPosition + 2 > readEnd) {
                throw varintOverrun();
            }
            decodeLevels(array[readPosition] & 0xff, array[readPosition + 1] & 0xff, 2, length, e);
            return;
        }
        decodePayload(b, HEADER, length, e);
    }

    /** Reads a version-3 entry of {@code type} (see {@link #encodeCompactEntry}) in {@link #array()} into {@code e}. */
    private void decodeCompact(final int type, final int length, final EngineEvent e) {
        startVarints(COMPACT_VERSION, 2, length, type, -1);
        e.clear();
        e.type = type;
        e.sequence = getVarLong();
        readSequence = e.sequence;
        if (readPosition + 8 > readEnd) {
            throw varintOverrun();
        }
        e.eventTimeNanos = buffer.getLong(readPosition, ORDER);
        readPosition += 8;
        e.receiveTimeNanos = e.eventTimeNanos + getVarLong();
        e.instrumentId = getVarInt("instrument id");
        e.source = getVarInt("source");
        if (type != EventType.MARKET_BOOK) {
            decodePayload(buffer, readPosition, length, e);
            return;
        }
        e.bookSequence = getVarLong();
        if (readPosition + 1 > readEnd) {
            throw varintOverrun();
        }
        final int levels = array[readPosition] & 0xff;
        decodeLevels(levels & 0x0f, levels >>> 4, 1, length, e);
    }

    /** Positions the varint reader at {@code position} of an entry of {@code length} bytes, and notes what it reads for errors. */
    private void startVarints(final int version, final int position, final int length, final int type, final long sequence) {
        readVersion = version;
        readPosition = position;
        readEnd = length - 4;
        readType = type;
        readSequence = sequence;
    }

    /**
     * Reads a varint book's levels (version 2 or 3; the level counts {@code bids} and {@code asks} were
     * read from the {@code countBytes} bytes at the read position) into {@code e}, and checks that they
     * end the entry.
     */
    private void decodeLevels(final int bids, final int asks, final int countBytes, final int length, final EngineEvent e) {
        readPosition += countBytes;
        e.bidLevels = bids;
        e.askLevels = asks;
        if (bids > EngineEvent.BOOK_DEPTH || asks > EngineEvent.BOOK_DEPTH) {
            throw new CorruptJournalException("book entry at sequence " + e.sequence + " has " + bids + " bid and "
                + asks + " ask levels, more than " + EngineEvent.BOOK_DEPTH);
        }
        long price = 0;
        for (int i = 0; i < bids; i++) {
            price += getVarLong();
            e.bidPrices[i] = price;
            e.bidQtys[i] = getVarLong();
        }
        for (int i = 0; i < asks; i++) {
            price += getVarLong();
            e.askPrices[i] = price;
            e.askQtys[i] = getVarLong();
        }
        if (readPosition != readEnd) {
            throw new CorruptJournalException(varintEntry() + " of length " + length + " has "
                + (readEnd - readPosition) + " bytes after its " + bids + " bid and " + asks + " ask levels");
        }
    }

    /** Reads {@code e}'s version-1 payload, which starts at {@code p} and must end the entry of {@code length} bytes. */
    private static void decodePayload(final UnsafeBuffer b, final int p, final int length, final EngineEvent e) {
        switch (e.type) {
            case EventType.MARKET_BOOK -> {
                if (p + 12 + 4 > length) {
                    throw new CorruptJournalException("book entry at sequence " + e.sequence + " has length " + length
                        + ", shorter than its level counts");
                }
                e.bookSequence = b.getLong(p, ORDER);
                final int levels = b.getInt(p + 8, ORDER);
                e.bidLevels = levels & 0xffff;
                e.askLevels = levels >>> 16;
                if (e.bidLevels > EngineEvent.BOOK_DEPTH || e.askLevels > EngineEvent.BOOK_DEPTH
                    || length != p + 12 + 16 * (e.bidLevels + e.askLevels) + 4) {
                    throw new CorruptJournalException("book entry at sequence " + e.sequence + " has " + e.bidLevels + " bid and "
                        + e.askLevels + " ask levels for length " + length);
                }
                int q = p + 12;
                for (int i = 0; i < e.bidLevels; i++) {
                    e.bidPrices[i] = b.getLong(q, ORDER);
                    e.bidQtys[i] = b.getLong(q + 8, ORDER);
                    q += 16;
                }
                for (int i = 0; i < e.askLevels; i++) {
                    e.askPrices[i] = b.getLong(q, ORDER);
                    e.askQtys[i] = b.getLong(q + 8, ORDER);
                    q += 16;
                }
            }
            case EventType.MARKET_TRADE -> {
                expect(e, length, p, 20);
                e.tradePriceTicks = b.getLong(p, ORDER);
                e.tradeQty = b.getLong(p + 8, ORDER);
                e.aggressorSide = b.getInt(p + 16, ORDER);
            }
            case EventType.OBSERVATION -> {
                expect(e, length, p, 12);
                e.value = b.getDouble(p, ORDER);
                e.quality = b.getInt(p + 8, ORDER);
            }
            case EventType.SETTLEMENT -> {
                expect(e, length, p, 8);
                e.value = b.getDouble(p, ORDER);
            }
            case EventType.ORDER_EVENT -> {
                expect(e, length, p, 76);
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
                expect(e, length, p, 8);
                e.position = b.getLong(p, ORDER);
            }
            case EventType.CONTROL -> {
                expect(e, length, p, 12);
                e.controlCode = b.getInt(p, ORDER);
                e.controlArg = b.getLong(p + 4, ORDER);
            }
            case EventType.TIMER, EventType.NONE -> expect(e, length, p, 0);
            default -> throw new CorruptJournalException("input entry at sequence " + e.sequence + " has unknown type " + e.type);
        }
    }

    /**
     * The sequence of the entry of any layout version that starts at {@code entry} of {@code b}'s array,
     * read from its header without checking its CRC, or -1 when the bytes before {@code end} do not hold
     * it (for {@link InputBatchCodec#lastSequence}, which only needs where a queue ends). Cold path.
     */
    static long sequenceOf(final UnsafeBuffer b, final int entry, final int end) {
        final byte[] a = b.byteArray();
        if (entry + 2 > end || a[entry] != MAGIC) {
            return -1;
        }
        if ((a[entry + 1] & 0x0f) == COMPACT_VERSION) {
            long z = 0;
            for (int q = entry + 2, shift = 0; q < end && shift < 70; q++, shift += 7) {
                z |= (long) (a[q] & 0x7F) << shift;
                if (a[q] >= 0) {
                    return (z >>> 1) ^ -(z & 1);
                }
            }
            return -1;
        }
        return entry + 12 <= end ? b.getLong(entry + 4, ORDER) : -1;
    }

    /** Reads a zigzag LEB128 varint at {@link #readPosition}, not past {@link #readEnd}, and moves past it. */
    private long getVarLong() {
        long z = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            if (readPosition >= readEnd) {
                throw varintOverrun();
            }
            final int x = array[readPosition++];
            z |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                return (z >>> 1) ^ -(z & 1);
            }
        }
        throw new CorruptJournalException(varintEntry() + " has a varint longer than 10 bytes");
    }

    /** {@link #getVarLong()} of a field that must fit in an int ({@code what}, for the error). */
    private int getVarInt(final String what) {
        final long v = getVarLong();
        if (v != (int) v) {
            throw new CorruptJournalException(varintEntry() + " has " + what + " " + v + ", outside the int range");
        }
        return (int) v;
    }

    /** The varint entry being decoded, for errors: "compact book entry at sequence S" (version 2) or "layout-3 TYPE entry at sequence S". */
    private String varintEntry() {
        final String at = readSequence >= 0 ? " at sequence " + readSequence : "";
        return (readVersion == COMPACT_BOOK_VERSION ? "compact book entry" : "layout-3 " + EventType.name(readType) + " entry") + at;
    }

    private CorruptJournalException varintOverrun() {
        return new CorruptJournalException(varintEntry() + " of length " + (readEnd + 4)
            + (readVersion == COMPACT_BOOK_VERSION ? ": its levels run past the entry's end" : ": its fields run past the entry's end"));
    }

    private static void expect(final EngineEvent e, final int length, final int start, final int payload) {
        if (length != start + payload + 4) {
            throw new CorruptJournalException(EventType.name(e.type) + " entry at sequence " + e.sequence + " has length "
                + length + ", expected " + (start + payload + 4));
        }
    }
}
