package io.skytrade.exchange.protocol;

import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.exchange.RejectReason;
import io.skytrade.exchange.matching.MatchingEngine;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The gateway's allocation-free decoder of the venue-to-client messages that arrive all day
 * ({@code book_snapshot}, {@code book_update}, {@code trade}, the execution reports,
 * {@code position}, {@code settlement}, {@code heartbeat}), straight from the frame's bytes: no
 * {@code String} per frame, symbols through a preallocated {@link SymbolTable}, the
 * {@code text} of rejects through a small intern cache.
 *
 * <p>It accepts a frame only when it is certain {@link ProtocolDecoder} would accept it with the
 * same result (the same members, the same ranges, JSON whitespace anywhere between tokens, integers
 * without fraction or exponent, decimals through Clinger's exact fast path); anything else (a rare
 * type such as {@code login_ack} or {@code open_orders}, an escape or a non-ASCII byte in a string,
 * a symbol not in the table, a decimal of more than 15 significant digits, any error) answers
 * {@code false}, and the caller decodes the frame with {@link ProtocolDecoder}, which either
 * accepts it or names the problem. {@code VenueFrameDecoderEquivalenceTest} holds the two to that.
 *
 * <p>Not thread-safe: one per connection thread. Hot-path cost: one pass over the frame's bytes; no
 * allocation (a reject text seen for the first time makes one string).
 */
public final class VenueFrameDecoder {
    private static final byte[][] MEMBER_NAMES = new byte[MessageSchema.FIELD_COUNT][];
    private static final int[] HOT_TYPES = {
        MessageType.BOOK_UPDATE, MessageType.BOOK_SNAPSHOT, MessageType.TRADE, MessageType.ACK, MessageType.FILL,
        MessageType.CANCELLED, MessageType.REJECT, MessageType.CANCEL_REJECT, MessageType.POSITION, MessageType.SETTLEMENT,
        MessageType.HEARTBEAT
    };
    private static final byte[][] HOT_TYPE_NAMES = new byte[HOT_TYPES.length][];
    private static final double[] POWERS_OF_TEN = new double[23];
    private static final int MAX_SIGNIFICANT_DIGITS = 15;
    private static final long MAX_ABSOLUTE_EXPONENT = 400;

    static {
        for (int f = 0; f < MessageSchema.FIELD_COUNT; f++) {
            MEMBER_NAMES[f] = MessageSchema.NAMES[f].getBytes(StandardCharsets.US_ASCII);
        }
        for (int i = 0; i < HOT_TYPES.length; i++) {
            HOT_TYPE_NAMES[i] = MessageType.wireName(HOT_TYPES[i]).getBytes(StandardCharsets.US_ASCII);
        }
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private final SymbolTable symbols;
    private final TextCache texts = new TextCache();

    private DirectBuffer buffer;
    private int pos;
    private int end;
    private int stringStart;
    private int stringLength;
    private long integer;
    private double decimal;

    /** @param symbols the products frames may name; a frame naming another is left to {@link ProtocolDecoder} */
    public VenueFrameDecoder(final SymbolTable symbols) {
        this.symbols = symbols;
    }

    /**
     * Decodes the frame of {@code length} bytes at {@code offset} into {@code into} (which is reset
     * first).
     *
     * @return true when decoded; false when {@link ProtocolDecoder} must decode it (the message is
     *         then left in an unspecified state)
     */
    public boolean decode(final DirectBuffer frame, final int offset, final int length, final ProtocolMessage into) {
        if (length > ProtocolDecoder.MAX_MESSAGE_CHARS) {
            return false;
        }
        buffer = frame;
        pos = offset;
        end = offset + length;
        into.reset(MessageType.NONE);
        skipWhitespace();
        if (!consume('{')) {
            return false;
        }
        skipWhitespace();
        if (!string() || !stringIs(MEMBER_NAMES[MessageSchema.TYPE]) || !colon() || !string()) {
            return false;
        }
        final int type = hotType();
        if (type == MessageType.NONE) {
            return false;
        }
        into.type = type;
        final int required = MessageSchema.mask(type);
        final int allowed = required | MessageSchema.optionalMask(type);
        int seen = 1 << MessageSchema.TYPE;
        while (true) {
            skipWhitespace();
            if (pos >= end) {
                return false;
            }
            final byte c = buffer.getByte(pos);
            if (c == '}') {
                pos++;
                break;
            }
            if (c != ',') {
                return false;
            }
            pos++;
            skipWhitespace();
            if (!string()) {
                return false;
            }
            final int field = member(allowed);
            if (field < 0 || (seen & (1 << field)) != 0) {
                return false;
            }
            seen |= 1 << field;
            if (!colon() || !field(into, field)) {
                return false;
            }
        }
        skipWhitespace();
        return pos == end && (seen & required) == required;
    }

    private boolean field(final ProtocolMessage m, final int field) {
        switch (field) {
            case MessageSchema.PRODUCT -> {
                if (!string() || !isSymbol()) {
                    return false;
                }
                final int index = symbols.indexOf(buffer, stringStart, stringLength);
                if (index < 0) {
                    return false;
                }
                m.product = symbols.symbol(index);
                m.productIndex = index;
                return true;
            }
            case MessageSchema.SEQ -> {
                return integer(1, Long.MAX_VALUE) && set(m, field);
            }
            case MessageSchema.TS -> {
                return integer(0, Long.MAX_VALUE) && set(m, field);
            }
            case MessageSchema.EXEC_SEQ, MessageSchema.ORDER_ID -> {
                return integer(1, Long.MAX_VALUE) && set(m, field);
            }
            case MessageSchema.CL_ORD_ID -> {
                final boolean echoed = m.type == MessageType.REJECT || m.type == MessageType.CANCEL_REJECT;
                return integer(echoed ? Long.MIN_VALUE : 1, Long.MAX_VALUE) && set(m, field);
            }
            case MessageSchema.SIDE, MessageSchema.AGGRESSOR -> {
                if (!string()) {
                    return false;
                }
                m.side = stringIs(SIDE_BUY) ? Side.BUY : stringIs(SIDE_SELL) ? Side.SELL : Side.NONE;
                return m.side != Side.NONE;
            }
            case MessageSchema.TIF -> {
                if (!string()) {
                    return false;
                }
                m.tif = stringIs(TIF_GTC) ? TimeInForce.GTC : stringIs(TIF_IOC) ? TimeInForce.IOC : -1;
                return m.tif >= 0;
            }
            case MessageSchema.PRICE -> {
                if (m.type == MessageType.SETTLEMENT) {
                    if (!decimal(0, 1e12)) {
                        return false;
                    }
                    m.settlementPrice = decimal;
                    return true;
                }
                return integer(0, MatchingEngine.MAX_PRICE_TICKS) && set(m, field);
            }
            case MessageSchema.QTY -> {
                return integer(1, MatchingEngine.MAX_QUANTITY) && set(m, field);
            }
            case MessageSchema.LEAVES -> {
                return integer(0, MatchingEngine.MAX_QUANTITY) && set(m, field);
            }
            case MessageSchema.REASON -> {
                return integer(0, RejectReason.COUNT - 1) && set(m, field);
            }
            case MessageSchema.POSITION -> {
                return integer(-MatchingEngine.MAX_PRICE_TICKS, MatchingEngine.MAX_PRICE_TICKS) && set(m, field);
            }
            case MessageSchema.TEXT -> {
                if (!string() || stringLength > ProtocolDecoder.MAX_TEXT_CHARS) {
                    return false;
                }
                m.text = texts.text(buffer, stringStart, stringLength);
                return true;
            }
            case MessageSchema.FEE -> {
                if (!decimal(-1e12, 1e12)) {
                    return false;
                }
                m.fee = decimal;
                return true;
            }
            case MessageSchema.PNL -> {
                if (!decimal(-1e15, 1e15)) {
                    return false;
                }
                m.pnl = decimal;
                return true;
            }
            case MessageSchema.BIDS -> {
                m.bidCount = levels(m.bidPrices, m.bidQtys, m.type == MessageType.BOOK_UPDATE ? 0 : 1);
                return m.bidCount >= 0;
            }
            case MessageSchema.ASKS -> {
                m.askCount = levels(m.askPrices, m.askQtys, m.type == MessageType.BOOK_UPDATE ? 0 : 1);
                return m.askCount >= 0;
            }
            default -> {
                return false;
            }
        }
    }

    private boolean set(final ProtocolMessage m, final int field) {
        final long v = integer;
        switch (field) {
            case MessageSchema.SEQ -> m.seq = v;
            case MessageSchema.TS -> m.ts = v;
            case MessageSchema.EXEC_SEQ -> m.execSeq = v;
            case MessageSchema.ORDER_ID -> m.orderId = v;
            case MessageSchema.CL_ORD_ID -> m.clOrdId = v;
            case MessageSchema.PRICE -> m.price = v;
            case MessageSchema.QTY -> m.qty = v;
            case MessageSchema.LEAVES -> m.leaves = v;
            case MessageSchema.REASON -> m.reason = (int) v;
            case MessageSchema.POSITION -> m.position = v;
            default -> {
                return false;
            }
        }
        return true;
    }

    private static final byte[] SIDE_BUY = {'B', 'U', 'Y'};
    private static final byte[] SIDE_SELL = {'S', 'E', 'L', 'L'};
    private static final byte[] TIF_GTC = {'G', 'T', 'C'};
    private static final byte[] TIF_IOC = {'I', 'O', 'C'};

    /** {@code [[price, qty], ...]} into the arrays; the level count, or -1. */
    private int levels(final long[] prices, final long[] qtys, final long minQty) {
        if (!consume('[')) {
            return -1;
        }
        skipWhitespace();
        if (pos < end && buffer.getByte(pos) == ']') {
            pos++;
            return 0;
        }
        int n = 0;
        while (true) {
            if (n == ProtocolMessage.MAX_LEVELS || !consume('[')) {
                return -1;
            }
            skipWhitespace();
            if (!integer(0, MatchingEngine.MAX_PRICE_TICKS)) {
                return -1;
            }
            prices[n] = integer;
            skipWhitespace();
            if (!consume(',')) {
                return -1;
            }
            skipWhitespace();
            if (!integer(minQty, Long.MAX_VALUE)) {
                return -1;
            }
            qtys[n] = integer;
            skipWhitespace();
            if (!consume(']')) {
                return -1;
            }
            n++;
            skipWhitespace();
            if (pos >= end) {
                return -1;
            }
            final byte c = buffer.getByte(pos++);
            if (c == ']') {
                return n;
            }
            if (c != ',') {
                return -1;
            }
            skipWhitespace();
        }
    }

    /** {@code ws : ws} between a member name and its value. */
    private boolean colon() {
        skipWhitespace();
        if (!consume(':')) {
            return false;
        }
        skipWhitespace();
        return true;
    }

    /** A string of printable ASCII without escapes; sets its bounds. */
    private boolean string() {
        if (!consume('"')) {
            return false;
        }
        final int start = pos;
        while (pos < end) {
            final byte c = buffer.getByte(pos);
            if (c == '"') {
                stringStart = start;
                stringLength = pos - start;
                pos++;
                return true;
            }
            if (c == '\\' || c < 0x20 || c == 0x7F) {
                return false;
            }
            pos++;
        }
        return false;
    }

    private boolean stringIs(final byte[] expected) {
        if (stringLength != expected.length) {
            return false;
        }
        for (int i = 0; i < stringLength; i++) {
            if (buffer.getByte(stringStart + i) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean isSymbol() {
        if (stringLength == 0 || stringLength > ProtocolDecoder.MAX_SYMBOL_CHARS) {
            return false;
        }
        for (int i = 0; i < stringLength; i++) {
            final byte c = buffer.getByte(stringStart + i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private int hotType() {
        for (int i = 0; i < HOT_TYPES.length; i++) {
            if (stringIs(HOT_TYPE_NAMES[i])) {
                return HOT_TYPES[i];
            }
        }
        return MessageType.NONE;
    }

    private int member(final int allowed) {
        for (int f = 1; f < MessageSchema.FIELD_COUNT; f++) {
            if ((allowed & (1 << f)) != 0 && stringIs(MEMBER_NAMES[f])) {
                return f;
            }
        }
        return -1;
    }

    /** A JSON integer (no fraction, no exponent, no leading zero) within [min, max]; sets {@link #integer}. */
    private boolean integer(final long min, final long max) {
        int p = pos;
        boolean negative = false;
        if (p < end && buffer.getByte(p) == '-') {
            negative = true;
            p++;
        }
        if (p >= end) {
            return false;
        }
        byte c = buffer.getByte(p);
        if (c < '0' || c > '9') {
            return false;
        }
        long v = 0;
        if (c == '0') {
            p++;
        } else {
            while (p < end) {
                c = buffer.getByte(p);
                if (c < '0' || c > '9') {
                    break;
                }
                final int d = c - '0';
                if (v < -922_337_203_685_477_580L || v == -922_337_203_685_477_580L && d > 8) {
                    return false;
                }
                v = v * 10 - d;
                p++;
            }
        }
        if (p < end && !isDelimiter(buffer.getByte(p))) {
            return false;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                return false;
            }
            v = -v;
        }
        if (v < min || v > max) {
            return false;
        }
        integer = v;
        pos = p;
        return true;
    }

    /**
     * A JSON number within [min, max] whose double value one correctly rounded operation gives (at
     * most 15 significant digits, a power of ten up to 22): what {@code Double.parseDouble} gives,
     * except that an integer token is a {@code long} first, as the strict decoder reads it ("-0" is 0.0).
     */
    private boolean decimal(final double min, final double max) {
        int p = pos;
        boolean negative = false;
        if (p < end && buffer.getByte(p) == '-') {
            negative = true;
            p++;
        }
        if (p >= end) {
            return false;
        }
        byte c = buffer.getByte(p);
        if (c < '0' || c > '9') {
            return false;
        }
        long mantissa = 0;
        int digits = 0;
        if (c == '0') {
            p++;
        } else {
            while (p < end && (c = buffer.getByte(p)) >= '0' && c <= '9') {
                if (digits == MAX_SIGNIFICANT_DIGITS) {
                    return false;
                }
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                p++;
            }
        }
        int fractionDigits = 0;
        boolean integral = true;
        if (p < end && buffer.getByte(p) == '.') {
            integral = false;
            p++;
            final int first = p;
            while (p < end && (c = buffer.getByte(p)) >= '0' && c <= '9') {
                if (mantissa != 0 || c != '0') {
                    if (digits == MAX_SIGNIFICANT_DIGITS) {
                        return false;
                    }
                    digits++;
                }
                mantissa = mantissa * 10 + (c - '0');
                fractionDigits++;
                p++;
            }
            if (p == first) {
                return false;
            }
        }
        long exponent = 0;
        if (p < end && ((c = buffer.getByte(p)) == 'e' || c == 'E')) {
            integral = false;
            p++;
            boolean negativeExponent = false;
            if (p < end && ((c = buffer.getByte(p)) == '+' || c == '-')) {
                negativeExponent = c == '-';
                p++;
            }
            final int first = p;
            while (p < end && (c = buffer.getByte(p)) >= '0' && c <= '9') {
                exponent = exponent * 10 + (c - '0');
                if (exponent > MAX_ABSOLUTE_EXPONENT) {
                    return false;
                }
                p++;
            }
            if (p == first) {
                return false;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (p < end && !isDelimiter(buffer.getByte(p))) {
            return false;
        }
        final long power = exponent - fractionDigits;
        double v;
        if (mantissa == 0) {
            v = 0.0;
        } else if (power >= 0 && power < POWERS_OF_TEN.length) {
            v = mantissa * POWERS_OF_TEN[(int) power];
        } else if (power < 0 && -power < POWERS_OF_TEN.length) {
            v = mantissa / POWERS_OF_TEN[(int) -power];
        } else {
            return false;
        }
        if (negative && !(integral && mantissa == 0)) {
            v = -v;
        }
        if (!(v >= min && v <= max)) {
            return false;
        }
        decimal = v;
        pos = p;
        return true;
    }

    private static boolean isDelimiter(final byte c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private boolean consume(final char c) {
        if (pos < end && buffer.getByte(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (pos < end) {
            final byte c = buffer.getByte(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }
}
