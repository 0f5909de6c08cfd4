package io.skytrade.exchange.protocol;

import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Writes the client-to-venue messages of the order path ({@code new_order}, {@code cancel}) and
 * {@code heartbeat} as JSON bytes straight into a caller's buffer, byte for byte what
 * {@link ProtocolEncoder} writes for the same message (members in {@link MessageSchema} order,
 * {@code inSeq} last when given); products come from a {@link SymbolTable}, so their names need no
 * escaping and make no string.
 *
 * <p>Not thread-safe only in that the target buffer is the caller's; the encoder itself holds only
 * constants. Hot-path cost: ASCII digits of a few longs and a few {@code putBytes}; no allocation.
 */
public final class OrderEntryEncoder {
    /** Most bytes a {@code new_order} takes (every number at its longest, the longest symbol). */
    public static final int MAX_NEW_ORDER_LENGTH = 256;
    /** Most bytes a {@code cancel} takes. */
    public static final int MAX_CANCEL_LENGTH = 128;
    /** Most bytes a {@code heartbeat} takes. */
    public static final int MAX_HEARTBEAT_LENGTH = 64;

    private static final byte[] NEW_ORDER = ascii("{\"type\":\"new_order\",\"clOrdId\":");
    private static final byte[] CANCEL = ascii("{\"type\":\"cancel\",\"clOrdId\":");
    private static final byte[] HEARTBEAT = ascii("{\"type\":\"heartbeat\",\"ts\":");
    private static final byte[] PRODUCT = ascii(",\"product\":\"");
    private static final byte[] SIDE_BUY = ascii("\",\"side\":\"BUY\",\"price\":");
    private static final byte[] SIDE_SELL = ascii("\",\"side\":\"SELL\",\"price\":");
    private static final byte[] QTY = ascii(",\"qty\":");
    private static final byte[] TIF_GTC = ascii(",\"tif\":\"GTC\"");
    private static final byte[] TIF_IOC = ascii(",\"tif\":\"IOC\"");
    private static final byte[] IN_SEQ = ascii(",\"inSeq\":");
    private static final byte[] QUOTE = ascii("\"");

    private final SymbolTable symbols;

    public OrderEntryEncoder(final SymbolTable symbols) {
        this.symbols = symbols;
    }

    /**
     * Writes a {@code new_order} at {@code offset}.
     *
     * @param product index in the symbol table
     * @param side    {@link Side#BUY} or {@link Side#SELL}
     * @param tif     {@link TimeInForce#GTC} or {@link TimeInForce#IOC}
     * @param inSeq   the input sequence the order answers, or {@link ProtocolMessage#NO_IN_SEQ}
     * @return bytes written
     * @throws IllegalArgumentException for another side or time in force (the engine never sends one)
     */
    public int newOrder(final MutableDirectBuffer b, final int offset, final long clOrdId, final int product, final int side,
                        final long price, final long qty, final int tif, final long inSeq) {
        if (side != Side.BUY && side != Side.SELL || tif != TimeInForce.GTC && tif != TimeInForce.IOC) {
            throw new IllegalArgumentException("cannot encode side " + side + " / time in force " + tif);
        }
        int i = offset;
        i = put(b, i, NEW_ORDER);
        i += b.putLongAscii(i, clOrdId);
        i = put(b, i, PRODUCT);
        i = put(b, i, symbols.bytes(product));
        i = put(b, i, side == Side.BUY ? SIDE_BUY : SIDE_SELL);
        i += b.putLongAscii(i, price);
        i = put(b, i, QTY);
        i += b.putLongAscii(i, qty);
        i = put(b, i, tif == TimeInForce.GTC ? TIF_GTC : TIF_IOC);
        i = inSeq(b, i, inSeq);
        b.putByte(i++, (byte) '}');
        return i - offset;
    }

    /**
     * Writes a {@code cancel} at {@code offset}.
     *
     * @return bytes written
     */
    public int cancel(final MutableDirectBuffer b, final int offset, final long clOrdId, final int product, final long inSeq) {
        int i = offset;
        i = put(b, i, CANCEL);
        i += b.putLongAscii(i, clOrdId);
        i = put(b, i, PRODUCT);
        i = put(b, i, symbols.bytes(product));
        i = put(b, i, QUOTE);
        i = inSeq(b, i, inSeq);
        b.putByte(i++, (byte) '}');
        return i - offset;
    }

    /**
     * Writes a {@code heartbeat} at {@code offset}.
     *
     * @return bytes written
     */
    public int heartbeat(final MutableDirectBuffer b, final int offset, final long ts) {
        int i = offset;
        i = put(b, i, HEARTBEAT);
        i += b.putLongAscii(i, ts);
        b.putByte(i++, (byte) '}');
        return i - offset;
    }

    private static int inSeq(final MutableDirectBuffer b, final int at, final long inSeq) {
        if (inSeq == ProtocolMessage.NO_IN_SEQ) {
            return at;
        }
        final int i = put(b, at, IN_SEQ);
        return i + b.putLongAscii(i, inSeq);
    }

    private static int put(final MutableDirectBuffer b, final int at, final byte[] bytes) {
        b.putBytes(at, bytes);
        return at + bytes.length;
    }

    private static byte[] ascii(final String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
