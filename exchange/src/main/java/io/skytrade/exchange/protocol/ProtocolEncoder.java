package io.skytrade.exchange.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;

import java.io.IOException;
import java.io.Writer;

/**
 * Encodes a {@link ProtocolMessage} as one JSON text with Jackson's streaming generator, writing
 * exactly the members {@link MessageSchema} lists for its type, in that order, so that
 * {@link ProtocolDecoder} accepts everything this encoder writes.
 *
 * <p>Not thread-safe (it reuses one character buffer); use one per sending thread. Hot-path cost:
 * one generator and the result string per message.
 */
public final class ProtocolEncoder {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final StringBuilderWriter out = new StringBuilderWriter();

    /**
     * Encodes {@code m}.
     *
     * @throws IllegalArgumentException when the message has no known type or a member the schema needs is null
     */
    public String encode(final ProtocolMessage m) {
        if (m.type <= MessageType.NONE || m.type >= MessageType.COUNT) {
            throw new IllegalArgumentException("cannot encode message type " + m.type);
        }
        out.builder.setLength(0);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            for (final int field : MessageSchema.fields(m.type)) {
                g.writeFieldName(MessageSchema.NAMES[field]);
                writeField(g, m, field);
            }
            if ((MessageSchema.optionalMask(m.type) & 1 << MessageSchema.IN_SEQ) != 0 && m.inSeq != ProtocolMessage.NO_IN_SEQ) {
                g.writeFieldName(MessageSchema.NAMES[MessageSchema.IN_SEQ]);
                g.writeNumber(m.inSeq);
            }
            g.writeEndObject();
        } catch (final IOException ex) {
            throw new IllegalStateException("encoding " + MessageType.wireName(m.type) + " to memory failed", ex);
        }
        return out.builder.toString();
    }

    private static void writeField(final JsonGenerator g, final ProtocolMessage m, final int field) throws IOException {
        switch (field) {
            case MessageSchema.TYPE -> g.writeString(MessageType.wireName(m.type));
            case MessageSchema.API_KEY -> g.writeString(require(m.apiKey, "apiKey"));
            case MessageSchema.LAST_EXEC_SEQ -> g.writeNumber(m.lastExecSeq);
            case MessageSchema.PARTICIPANT -> g.writeString(require(m.participant, "participant"));
            case MessageSchema.SESSION_END -> g.writeNumber(m.sessionEnd);
            case MessageSchema.EXEC_SEQ -> g.writeNumber(m.execSeq);
            case MessageSchema.PRODUCT -> g.writeString(require(m.product, "product"));
            case MessageSchema.SEQ -> g.writeNumber(m.seq);
            case MessageSchema.TS -> g.writeNumber(m.ts);
            case MessageSchema.BIDS -> levels(g, m.bidPrices, m.bidQtys, m.bidCount);
            case MessageSchema.ASKS -> levels(g, m.askPrices, m.askQtys, m.askCount);
            case MessageSchema.PRODUCTS -> products(g, m);
            case MessageSchema.CL_ORD_ID -> g.writeNumber(m.clOrdId);
            case MessageSchema.ORDER_ID -> g.writeNumber(m.orderId);
            case MessageSchema.SIDE, MessageSchema.AGGRESSOR -> g.writeString(Side.name(m.side));
            case MessageSchema.PRICE -> {
                if (m.type == MessageType.SETTLEMENT) {
                    g.writeNumber(m.settlementPrice);
                } else {
                    g.writeNumber(m.price);
                }
            }
            case MessageSchema.QTY -> g.writeNumber(m.qty);
            case MessageSchema.LEAVES -> g.writeNumber(m.leaves);
            case MessageSchema.TIF -> g.writeString(TimeInForce.name(m.tif));
            case MessageSchema.REASON -> g.writeNumber(m.reason);
            case MessageSchema.TEXT -> g.writeString(m.text == null ? "" : m.text);
            case MessageSchema.FEE -> g.writeNumber(m.fee);
            case MessageSchema.POSITION -> g.writeNumber(m.position);
            case MessageSchema.PNL -> g.writeNumber(m.pnl);
            case MessageSchema.ORDERS -> orders(g, m);
            case MessageSchema.CODE -> g.writeNumber(m.code);
            default -> throw new IllegalArgumentException("no encoding for member " + field);
        }
    }

    private static String require(final String value, final String name) {
        if (value == null) {
            throw new IllegalArgumentException("member '" + name + "' is null");
        }
        return value;
    }

    private static void levels(final JsonGenerator g, final long[] prices, final long[] qtys, final int n) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < n; i++) {
            g.writeStartArray();
            g.writeNumber(prices[i]);
            g.writeNumber(qtys[i]);
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    private static void products(final JsonGenerator g, final ProtocolMessage m) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < m.productCount; i++) {
            if (m.type == MessageType.SUBSCRIBE) {
                g.writeString(require(m.symbols[i], "products[" + i + "]"));
            } else {
                g.writeStartObject();
                g.writeStringField("symbol", require(m.symbols[i], "products[" + i + "].symbol"));
                g.writeNumberField("tick", m.ticks[i]);
                g.writeNumberField("limit", m.limits[i]);
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    private static void orders(final JsonGenerator g, final ProtocolMessage m) throws IOException {
        g.writeStartArray();
        for (int i = 0; i < m.orderCount; i++) {
            g.writeStartObject();
            g.writeNumberField("clOrdId", m.orderClOrdIds[i]);
            g.writeNumberField("orderId", m.orderIds[i]);
            g.writeStringField("product", require(m.orderProducts[i], "orders[" + i + "].product"));
            g.writeStringField("side", Side.name(m.orderSides[i]));
            g.writeNumberField("price", m.orderPrices[i]);
            g.writeNumberField("qty", m.orderQtys[i]);
            g.writeNumberField("leaves", m.orderLeaves[i]);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A {@link Writer} over a reusable {@link StringBuilder}. */
    private static final class StringBuilderWriter extends Writer {
        final StringBuilder builder = new StringBuilder(256);

        @Override
        public void write(final char[] chars, final int offset, final int length) {
            builder.append(chars, offset, length);
        }

        @Override
        public void write(final String text, final int offset, final int length) {
            builder.append(text, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
