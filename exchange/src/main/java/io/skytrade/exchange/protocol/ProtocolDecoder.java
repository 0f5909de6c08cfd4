package io.skytrade.exchange.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.exchange.RejectReason;
import io.skytrade.exchange.matching.MatchingEngine;

import java.io.IOException;

/**
 * Strict decoder of the venue protocol with Jackson's streaming parser: one JSON object per
 * message, {@code "type"} first, then exactly the members {@link MessageSchema} lists for that
 * type, each of the right JSON type and within its documented range. Anything else (bad JSON,
 * unknown type, missing, unexpected or duplicate member, wrong type, out-of-range value, trailing
 * content, over-long message) is a {@link ProtocolDecodeException} whose message names the
 * problem; no other exception escapes. One exception to the ranges: the order members the venue
 * validates itself ({@code clOrdId}, {@code price}, {@code qty}, {@code side} and {@code tif} of a
 * {@code new_order}, {@code clOrdId} of a {@code cancel}) decode whatever integer or string came,
 * so that the venue answers an out-of-range value with its reject reason (2-6), as PROTOCOL.md says;
 * {@code reject} and {@code cancel_reject} echo such a {@code clOrdId}.
 *
 * <p>Not thread-safe (it fills one {@link ProtocolMessage}); use one per connection thread.
 * Hot-path cost: one parser per message and the strings the message carries.
 */
public final class ProtocolDecoder {
    /** Longest message accepted, in characters. */
    public static final int MAX_MESSAGE_CHARS = 1 << 20;
    /** Longest API key, participant name or text. */
    public static final int MAX_TEXT_CHARS = 1024;
    /** Longest product symbol. */
    public static final int MAX_SYMBOL_CHARS = 32;
    /** {@link ProtocolMessage#tif} of a {@code new_order} whose {@code tif} is neither "GTC" nor "IOC". */
    public static final int INVALID_TIME_IN_FORCE = -1;

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /**
     * Decodes {@code text} into {@code into} (which is reset first).
     *
     * @throws ProtocolDecodeException naming what was wrong
     */
    public ProtocolMessage decode(final String text, final ProtocolMessage into) throws ProtocolDecodeException {
        if (text == null) {
            throw new ProtocolDecodeException("message is null");
        }
        if (text.length() > MAX_MESSAGE_CHARS) {
            throw new ProtocolDecodeException("message of " + text.length() + " characters exceeds " + MAX_MESSAGE_CHARS);
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            decode(parser, into);
            if (parser.nextToken() != null) {
                throw new ProtocolDecodeException("trailing content after the message object");
            }
            return into;
        } catch (final JsonProcessingException ex) {
            final JsonLocation at = ex.getLocation();
            throw new ProtocolDecodeException("malformed JSON" + (at == null ? "" : " at column " + at.getColumnNr()) + ": "
                + ex.getOriginalMessage(), ex);
        } catch (final IOException ex) {
            throw new ProtocolDecodeException("malformed JSON: " + ex.getMessage(), ex);
        }
    }

    private static void decode(final JsonParser p, final ProtocolMessage m) throws IOException, ProtocolDecodeException {
        m.reset(MessageType.NONE);
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new ProtocolDecodeException("message must be a JSON object");
        }
        if (p.nextToken() != JsonToken.FIELD_NAME || !"type".equals(p.currentName())) {
            throw new ProtocolDecodeException("member 'type' must come first");
        }
        final String typeName = string(p, "type", 1, 64);
        final int type = MessageType.fromWireName(typeName);
        if (type == MessageType.NONE) {
            throw new ProtocolDecodeException("unknown message type '" + typeName + "'");
        }
        m.type = type;
        final int required = MessageSchema.mask(type);
        final int allowed = required | MessageSchema.optionalMask(type);
        int seen = 1 << MessageSchema.TYPE;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            final String name = p.currentName();
            final int field = MessageSchema.field(name);
            if (field < 0 || (allowed & (1 << field)) == 0) {
                throw new ProtocolDecodeException("unexpected member '" + name + "' in " + typeName);
            }
            if ((seen & (1 << field)) != 0) {
                throw new ProtocolDecodeException("duplicate member '" + name + "' in " + typeName);
            }
            seen |= 1 << field;
            readField(p, m, field, name);
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new ProtocolDecodeException("message object is not closed");
        }
        if ((seen & required) != required) {
            for (final int f : MessageSchema.fields(type)) {
                if ((seen & (1 << f)) == 0) {
                    throw new ProtocolDecodeException("missing member '" + MessageSchema.NAMES[f] + "' in " + typeName);
                }
            }
        }
    }

    private static void readField(final JsonParser p, final ProtocolMessage m, final int field, final String name)
        throws IOException, ProtocolDecodeException {
        switch (field) {
            case MessageSchema.API_KEY -> m.apiKey = string(p, name, 1, 256);
            case MessageSchema.LAST_EXEC_SEQ -> m.lastExecSeq = integer(p, name, 0, Long.MAX_VALUE);
            case MessageSchema.PARTICIPANT -> m.participant = string(p, name, 1, 64);
            case MessageSchema.SESSION_END -> m.sessionEnd = integer(p, name, 0, Long.MAX_VALUE);
            case MessageSchema.EXEC_SEQ -> m.execSeq = integer(p, name, 1, Long.MAX_VALUE);
            case MessageSchema.PRODUCT -> m.product = symbol(p, name);
            case MessageSchema.SEQ -> m.seq = integer(p, name, 1, Long.MAX_VALUE);
            case MessageSchema.TS -> m.ts = integer(p, name, 0, Long.MAX_VALUE);
            case MessageSchema.BIDS -> m.bidCount = levels(p, name, m.bidPrices, m.bidQtys, m.type == MessageType.BOOK_UPDATE ? 0 : 1);
            case MessageSchema.ASKS -> m.askCount = levels(p, name, m.askPrices, m.askQtys, m.type == MessageType.BOOK_UPDATE ? 0 : 1);
            case MessageSchema.PRODUCTS -> {
                if (m.type == MessageType.SUBSCRIBE) {
                    symbolList(p, name, m);
                } else {
                    productList(p, name, m);
                }
            }
            case MessageSchema.CL_ORD_ID -> m.clOrdId = echoesClientOrderId(m.type)
                ? integer(p, name, Long.MIN_VALUE, Long.MAX_VALUE) : integer(p, name, 1, Long.MAX_VALUE);
            case MessageSchema.ORDER_ID -> m.orderId = integer(p, name, 1, Long.MAX_VALUE);
            case MessageSchema.SIDE -> m.side = m.type == MessageType.NEW_ORDER ? orderSide(p, name) : side(p, name);
            case MessageSchema.AGGRESSOR -> m.side = side(p, name);
            case MessageSchema.PRICE -> {
                if (m.type == MessageType.SETTLEMENT) {
                    m.settlementPrice = decimal(p, name, 0, 1e12);
                } else if (m.type == MessageType.NEW_ORDER) {
                    m.price = saturatingInteger(p, name);
                } else {
                    m.price = integer(p, name, 0, MatchingEngine.MAX_PRICE_TICKS);
                }
            }
            case MessageSchema.QTY -> m.qty = m.type == MessageType.NEW_ORDER
                ? saturatingInteger(p, name) : integer(p, name, 1, MatchingEngine.MAX_QUANTITY);
            case MessageSchema.LEAVES -> m.leaves = integer(p, name, 0, MatchingEngine.MAX_QUANTITY);
            case MessageSchema.TIF -> m.tif = m.type == MessageType.NEW_ORDER ? orderTimeInForce(p, name) : timeInForce(p, name);
            case MessageSchema.REASON -> m.reason = (int)integer(p, name, 0, RejectReason.COUNT - 1);
            case MessageSchema.TEXT -> m.text = string(p, name, 0, MAX_TEXT_CHARS);
            case MessageSchema.FEE -> m.fee = decimal(p, name, -1e12, 1e12);
            case MessageSchema.POSITION -> m.position = integer(p, name, -MatchingEngine.MAX_PRICE_TICKS, MatchingEngine.MAX_PRICE_TICKS);
            case MessageSchema.PNL -> m.pnl = decimal(p, name, -1e15, 1e15);
            case MessageSchema.ORDERS -> orderList(p, name, m);
            case MessageSchema.CODE -> m.code = (int)integer(p, name, 1, ErrorCode.MAX);
            case MessageSchema.IN_SEQ -> m.inSeq = integer(p, name, 0, Long.MAX_VALUE);
            default -> throw new ProtocolDecodeException("unexpected member '" + name + "'");
        }
    }

    private static String string(final JsonParser p, final String name, final int minChars, final int maxChars)
        throws IOException, ProtocolDecodeException {
        if (p.nextToken() != JsonToken.VALUE_STRING) {
            throw wrongType(p, name, "a string");
        }
        final String value = p.getText();
        if (value.length() < minChars || value.length() > maxChars) {
            throw new ProtocolDecodeException("'" + name + "' must have " + minChars + ".." + maxChars
                + " characters, got " + value.length());
        }
        return value;
    }

    private static String symbol(final JsonParser p, final String name) throws IOException, ProtocolDecodeException {
        if (p.nextToken() != JsonToken.VALUE_STRING) {
            throw wrongType(p, name, "a product symbol");
        }
        final String value = p.getText();
        checkSymbol(name, value);
        return value;
    }

    private static long integer(final JsonParser p, final String name, final long min, final long max)
        throws IOException, ProtocolDecodeException {
        if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(p, name, "an integer");
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new ProtocolDecodeException("'" + name + "' is out of range " + min + ".." + max + ": " + p.getText());
        }
        final long value = p.getLongValue();
        if (value < min || value > max) {
            throw new ProtocolDecodeException("'" + name + "' is out of range " + min + ".." + max + ": " + value);
        }
        return value;
    }

    /**
     * An integer of any size, clamped to the 64-bit range: for the order members whose range the
     * venue checks itself, answering a value out of range with a reject reason, not a decode error.
     */
    private static long saturatingInteger(final JsonParser p, final String name) throws IOException, ProtocolDecodeException {
        if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(p, name, "an integer");
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return p.getBigIntegerValue().signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return p.getLongValue();
    }

    /** Whether a type carries a client's order id as the client sent it (checked or echoed by the venue, any 64-bit value). */
    private static boolean echoesClientOrderId(final int type) {
        return type == MessageType.NEW_ORDER || type == MessageType.CANCEL || type == MessageType.REJECT
            || type == MessageType.CANCEL_REJECT;
    }

    private static double decimal(final JsonParser p, final String name, final double min, final double max)
        throws IOException, ProtocolDecodeException {
        final JsonToken token = p.nextToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw wrongType(p, name, "a number");
        }
        final double value = p.getDoubleValue();
        if (!(value >= min && value <= max)) {
            throw new ProtocolDecodeException("'" + name + "' is out of range " + min + ".." + max + ": " + p.getText());
        }
        return value;
    }

    private static int side(final JsonParser p, final String name) throws IOException, ProtocolDecodeException {
        final String value = string(p, name, 1, 8);
        if ("BUY".equals(value)) {
            return Side.BUY;
        }
        if ("SELL".equals(value)) {
            return Side.SELL;
        }
        throw new ProtocolDecodeException("'" + name + "' must be \"BUY\" or \"SELL\", got '" + value + "'");
    }

    private static int timeInForce(final JsonParser p, final String name) throws IOException, ProtocolDecodeException {
        final String value = string(p, name, 1, 8);
        if ("GTC".equals(value)) {
            return TimeInForce.GTC;
        }
        if ("IOC".equals(value)) {
            return TimeInForce.IOC;
        }
        throw new ProtocolDecodeException("'" + name + "' must be \"GTC\" or \"IOC\", got '" + value + "'");
    }

    /** A {@code new_order} side: any string; one other than "BUY" or "SELL" is {@link Side#NONE}, which the venue rejects (reason 4). */
    private static int orderSide(final JsonParser p, final String name) throws IOException, ProtocolDecodeException {
        final String value = string(p, name, 0, MAX_TEXT_CHARS);
        return "BUY".equals(value) ? Side.BUY : "SELL".equals(value) ? Side.SELL : Side.NONE;
    }

    /** A {@code new_order} time in force: any string; one other than "GTC" or "IOC" is {@link #INVALID_TIME_IN_FORCE}, rejected with reason 5. */
    private static int orderTimeInForce(final JsonParser p, final String name) throws IOException, ProtocolDecodeException {
        final String value = string(p, name, 0, MAX_TEXT_CHARS);
        return "GTC".equals(value) ? TimeInForce.GTC : "IOC".equals(value) ? TimeInForce.IOC : INVALID_TIME_IN_FORCE;
    }

    private static int levels(final JsonParser p, final String name, final long[] prices, final long[] qtys, final long minQty)
        throws IOException, ProtocolDecodeException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw wrongType(p, name, "an array of [price, qty] pairs");
        }
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                throw wrongType(p, name + "[" + n + "]", "a [price, qty] pair");
            }
            if (n == ProtocolMessage.MAX_LEVELS) {
                throw new ProtocolDecodeException("'" + name + "' has more than " + ProtocolMessage.MAX_LEVELS + " levels");
            }
            prices[n] = integer(p, name + "[" + n + "].price", 0, MatchingEngine.MAX_PRICE_TICKS);
            qtys[n] = integer(p, name + "[" + n + "].qty", minQty, Long.MAX_VALUE);
            if (p.nextToken() != JsonToken.END_ARRAY) {
                throw new ProtocolDecodeException("'" + name + "[" + n + "]' must have exactly two elements");
            }
            n++;
        }
        return n;
    }

    private static void symbolList(final JsonParser p, final String name, final ProtocolMessage m)
        throws IOException, ProtocolDecodeException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw wrongType(p, name, "an array of product symbols");
        }
        int n = 0;
        while (true) {
            final JsonToken token = p.nextToken();
            if (token == JsonToken.END_ARRAY) {
                break;
            }
            if (n == ProtocolMessage.MAX_PRODUCTS) {
                throw new ProtocolDecodeException("'" + name + "' has more than " + ProtocolMessage.MAX_PRODUCTS + " products");
            }
            if (token != JsonToken.VALUE_STRING) {
                throw wrongType(p, name + "[" + n + "]", "a product symbol");
            }
            final String symbol = p.getText();
            checkSymbol(name + "[" + n + "]", symbol);
            m.addProduct(symbol, 0, 0);
            n++;
        }
        if (n == 0) {
            throw new ProtocolDecodeException("'" + name + "' must name at least one product");
        }
    }

    private static void checkSymbol(final String name, final String value) throws ProtocolDecodeException {
        if (value.isEmpty() || value.length() > MAX_SYMBOL_CHARS) {
            throw new ProtocolDecodeException("'" + name + "' must have 1.." + MAX_SYMBOL_CHARS + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            final char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                throw new ProtocolDecodeException("'" + name + "' must be a product symbol of A-Z, 0-9 and _, got '" + value + "'");
            }
        }
    }

    private static void productList(final JsonParser p, final String name, final ProtocolMessage m)
        throws IOException, ProtocolDecodeException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw wrongType(p, name, "an array of product objects");
        }
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            final String element = name + "[" + n + "]";
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw wrongType(p, element, "a product object");
            }
            if (n == ProtocolMessage.MAX_PRODUCTS) {
                throw new ProtocolDecodeException("'" + name + "' has more than " + ProtocolMessage.MAX_PRODUCTS + " products");
            }
            String symbol = null;
            long tick = -1;
            long limit = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                final String member = p.currentName();
                switch (member) {
                    case "symbol" -> symbol = once(symbol == null, element, member, symbol(p, element + ".symbol"));
                    case "tick" -> tick = onceLong(tick < 0, element, member, integer(p, element + ".tick", 1, 1_000_000));
                    case "limit" -> limit = onceLong(limit < 0, element, member, integer(p, element + ".limit", 0, MatchingEngine.MAX_QUANTITY));
                    default -> throw new ProtocolDecodeException("unexpected member '" + member + "' in " + element);
                }
            }
            if (symbol == null || tick < 0 || limit < 0) {
                throw new ProtocolDecodeException("missing member '" + (symbol == null ? "symbol" : tick < 0 ? "tick" : "limit") + "' in " + element);
            }
            m.addProduct(symbol, tick, limit);
            n++;
        }
    }

    private static void orderList(final JsonParser p, final String name, final ProtocolMessage m)
        throws IOException, ProtocolDecodeException {
        if (p.nextToken() != JsonToken.START_ARRAY) {
            throw wrongType(p, name, "an array of order objects");
        }
        int n = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            final String element = name + "[" + n + "]";
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw wrongType(p, element, "an order object");
            }
            if (n == ProtocolMessage.MAX_OPEN_ORDERS) {
                throw new ProtocolDecodeException("'" + name + "' has more than " + ProtocolMessage.MAX_OPEN_ORDERS + " orders");
            }
            int seen = 0;
            long clOrdId = 0;
            long orderId = 0;
            String product = null;
            int side = 0;
            long price = 0;
            long qty = 0;
            long leaves = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                final String member = p.currentName();
                final int bit = orderMember(member);
                if (bit < 0) {
                    throw new ProtocolDecodeException("unexpected member '" + member + "' in " + element);
                }
                if ((seen & (1 << bit)) != 0) {
                    throw new ProtocolDecodeException("duplicate member '" + member + "' in " + element);
                }
                seen |= 1 << bit;
                final String path = element + "." + member;
                switch (member) {
                    case "clOrdId" -> clOrdId = integer(p, path, 1, Long.MAX_VALUE);
                    case "orderId" -> orderId = integer(p, path, 1, Long.MAX_VALUE);
                    case "product" -> product = symbol(p, path);
                    case "side" -> side = side(p, path);
                    case "price" -> price = integer(p, path, 0, MatchingEngine.MAX_PRICE_TICKS);
                    case "qty" -> qty = integer(p, path, 1, MatchingEngine.MAX_QUANTITY);
                    default -> leaves = integer(p, path, 1, MatchingEngine.MAX_QUANTITY);
                }
            }
            if (Integer.bitCount(seen) != 7) {
                throw new ProtocolDecodeException("missing member in " + element
                    + ": needs clOrdId, orderId, product, side, price, qty and leaves");
            }
            m.addOrder(clOrdId, orderId, product, side, price, qty, leaves);
            n++;
        }
    }

    private static final String[] ORDER_MEMBERS = {"clOrdId", "orderId", "product", "side", "price", "qty", "leaves"};

    private static int orderMember(final String member) {
        for (int i = 0; i < ORDER_MEMBERS.length; i++) {
            if (ORDER_MEMBERS[i].equals(member)) {
                return i;
            }
        }
        return -1;
    }

    private static String once(final boolean first, final String element, final String member, final String value)
        throws ProtocolDecodeException {
        if (!first) {
            throw new ProtocolDecodeException("duplicate member '" + member + "' in " + element);
        }
        return value;
    }

    private static long onceLong(final boolean first, final String element, final String member, final long value)
        throws ProtocolDecodeException {
        if (!first) {
            throw new ProtocolDecodeException("duplicate member '" + member + "' in " + element);
        }
        return value;
    }

    private static ProtocolDecodeException wrongType(final JsonParser p, final String name, final String expected) {
        final JsonToken token = p.currentToken();
        return new ProtocolDecodeException("'" + name + "' must be " + expected + ", got "
            + (token == null ? "end of input" : token.asString() != null ? token.asString() : token.name()));
    }
}
