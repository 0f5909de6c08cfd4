package io.skytrade.exchange.protocol;

import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtocolDecoderTest {
    private final ProtocolDecoder decoder = new ProtocolDecoder();
    private final ProtocolMessage message = new ProtocolMessage();

    @Test
    void shouldDecodeANewOrder() throws ProtocolDecodeException {
        decoder.decode("{\"type\":\"new_order\",\"clOrdId\":7,\"product\":\"TIDE_SPOT\",\"side\":\"SELL\",\"price\":2610,\"qty\":3,\"tif\":\"IOC\"}", message);
        assertEquals(MessageType.NEW_ORDER, message.type);
        assertEquals(7, message.clOrdId);
        assertEquals("TIDE_SPOT", message.product);
        assertEquals(Side.SELL, message.side);
        assertEquals(2610, message.price);
        assertEquals(3, message.qty);
        assertEquals(TimeInForce.IOC, message.tif);
    }

    @Test
    void shouldNameWhatIsWrong() {
        assertError("unknown message type 'buy'", "{\"type\":\"buy\"}");
        assertError("missing member 'tif' in new_order",
            "{\"type\":\"new_order\",\"clOrdId\":7,\"product\":\"TIDE_SPOT\",\"side\":\"SELL\",\"price\":2610,\"qty\":3}");
        assertError("'qty' must be an integer",
            "{\"type\":\"new_order\",\"clOrdId\":7,\"product\":\"TIDE_SPOT\",\"side\":\"SELL\",\"price\":2610,\"qty\":\"3\",\"tif\":\"GTC\"}");
        assertError("'qty' is out of range 1..1000000: 0", "{\"type\":\"trade\",\"product\":\"A\",\"price\":1,\"qty\":0,"
            + "\"aggressor\":\"BUY\",\"ts\":0}");
        assertError("'price' is out of range", "{\"type\":\"trade\",\"product\":\"A\",\"price\":-1,\"qty\":1,\"aggressor\":\"BUY\",\"ts\":0}");
        assertError("'aggressor' must be \"BUY\" or \"SELL\"", "{\"type\":\"trade\",\"product\":\"A\",\"price\":1,\"qty\":1,"
            + "\"aggressor\":\"buy\",\"ts\":0}");
        assertError("'clOrdId' is out of range 1..", "{\"type\":\"fill\",\"execSeq\":1,\"clOrdId\":0,\"orderId\":1,\"product\":\"A\","
            + "\"side\":\"BUY\",\"price\":1,\"qty\":1,\"leaves\":0,\"fee\":0.0,\"ts\":0}");
        assertError("'price' must be an integer", "{\"type\":\"new_order\",\"clOrdId\":7,\"product\":\"A\",\"side\":\"BUY\",\"price\":2600.5,\"qty\":1,\"tif\":\"GTC\"}");
        assertError("'side' must be a string", "{\"type\":\"new_order\",\"clOrdId\":7,\"product\":\"A\",\"side\":1,\"price\":1,\"qty\":1,\"tif\":\"GTC\"}");
        assertError("unexpected member 'foo' in heartbeat", "{\"type\":\"heartbeat\",\"ts\":1,\"foo\":2}");
        assertError("duplicate member 'ts' in heartbeat", "{\"type\":\"heartbeat\",\"ts\":1,\"ts\":2}");
        assertError("member 'type' must come first", "{\"ts\":1,\"type\":\"heartbeat\"}");
        assertError("malformed JSON", "{\"type\":\"heartbeat\",\"ts\":1");
        assertError("trailing content", "{\"type\":\"heartbeat\",\"ts\":1} {}");
        assertError("'clOrdId' is out of range", "{\"type\":\"cancel\",\"clOrdId\":92233720368547758070,\"product\":\"A\"}");
        assertError("'bids[0]' must have exactly two elements", "{\"type\":\"book_update\",\"product\":\"A\",\"seq\":1,\"ts\":0,\"bids\":[[1,2,3]],\"asks\":[]}");
        assertError("'bids[0].qty' is out of range", "{\"type\":\"book_snapshot\",\"product\":\"A\",\"seq\":1,\"ts\":0,\"bids\":[[1,0]],\"asks\":[]}");
    }

    /** The venue, not the decoder, answers order values out of range: with reject reasons 2-6 (PROTOCOL.md). */
    @Test
    void shouldDecodeOutOfRangeOrderValuesForTheVenueToReject() throws ProtocolDecodeException {
        decoder.decode("{\"type\":\"new_order\",\"clOrdId\":0,\"product\":\"TIDE_SPOT\",\"side\":\"HOLD\",\"price\":-1,\"qty\":0,"
            + "\"tif\":\"FOK\"}", message);
        assertEquals(0, message.clOrdId);
        assertEquals(Side.NONE, message.side);
        assertEquals(-1, message.price);
        assertEquals(0, message.qty);
        assertEquals(ProtocolDecoder.INVALID_TIME_IN_FORCE, message.tif);
        decoder.decode("{\"type\":\"new_order\",\"clOrdId\":-5,\"product\":\"TIDE_SPOT\",\"side\":\"\",\"price\":1" + "0".repeat(30)
            + ",\"qty\":-1" + "0".repeat(30) + ",\"tif\":\"\"}", message);
        assertEquals(-5, message.clOrdId);
        assertEquals(Long.MAX_VALUE, message.price);
        assertEquals(Long.MIN_VALUE, message.qty);
        decoder.decode("{\"type\":\"cancel\",\"clOrdId\":0,\"product\":\"TIDE_SPOT\"}", message);
        assertEquals(0, message.clOrdId);
        decoder.decode("{\"type\":\"reject\",\"execSeq\":1,\"clOrdId\":-5,\"product\":\"TIDE_SPOT\",\"reason\":6,"
            + "\"text\":\"INVALID_CLIENT_ORDER_ID\",\"ts\":0}", message);
        assertEquals(-5, message.clOrdId);
    }

    @Test
    void shouldNameMalformedJsonOnOneLine() {
        final ProtocolDecodeException ex = assertThrows(ProtocolDecodeException.class,
            () -> decoder.decode("this is not JSON", message));
        assertTrue(ex.getMessage().startsWith("malformed JSON at column "), ex.getMessage());
        assertTrue(ex.getMessage().indexOf('\n') < 0, ex.getMessage());
    }

    private void assertError(final String expectedPart, final String text) {
        final ProtocolDecodeException ex = assertThrows(ProtocolDecodeException.class, () -> decoder.decode(text, message));
        assertTrue(ex.getMessage().contains(expectedPart), "expected '" + expectedPart + "' in: " + ex.getMessage());
    }
}
