package io.skytrade.exchange.protocol;

import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** The byte encoder writes exactly what {@link ProtocolEncoder} writes, and what the strict decoder reads back. */
class OrderEntryEncoderTest {
    private static final List<String> PRODUCTS = List.of("TIDE_SPOT", "LON_ETF", "ABCDEFGHIJKLMNOPQRSTUVWXYZ_01234");
    private final SymbolTable symbols = new SymbolTable(PRODUCTS);
    private final OrderEntryEncoder bytes = new OrderEntryEncoder(symbols);
    private final ProtocolEncoder text = new ProtocolEncoder();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);

    @Test
    void shouldWriteNewOrdersAsTheJsonEncoderDoes() {
        qt().withExamples(2000).forAll(longs().all(), longs().all(), longs().all(), integers().between(0, 5))
            .checkAssert((id, price, qty, productAndSide) -> {
                final int product = productAndSide % 3;
                final boolean buy = productAndSide < 3;
                final long inSeq = (id & 1) == 0 ? ProtocolMessage.NO_IN_SEQ : Math.abs(price % 1_000_000_000L);
                final ProtocolMessage m = new ProtocolMessage().reset(MessageType.NEW_ORDER);
                m.clOrdId = id;
                m.product = PRODUCTS.get(product);
                m.side = buy ? Side.BUY : Side.SELL;
                m.price = price;
                m.qty = qty;
                m.tif = (qty & 1) == 0 ? TimeInForce.GTC : TimeInForce.IOC;
                m.inSeq = inSeq;
                final int n = bytes.newOrder(buffer, 7, id, product, m.side, price, qty, m.tif, inSeq);
                assertTrue(n <= OrderEntryEncoder.MAX_NEW_ORDER_LENGTH);
                assertEquals(text.encode(m), buffer.getStringWithoutLengthAscii(7, n));
            });
    }

    @Test
    void shouldWriteCancelsAndHeartbeatsAsTheJsonEncoderDoes() throws ProtocolDecodeException {
        qt().withExamples(1000).forAll(longs().all(), integers().between(0, 2), longs().between(-1, Long.MAX_VALUE))
            .checkAssert((id, product, inSeq) -> {
                final ProtocolMessage m = new ProtocolMessage().reset(MessageType.CANCEL);
                m.clOrdId = id;
                m.product = PRODUCTS.get(product);
                m.inSeq = inSeq;
                final int n = bytes.cancel(buffer, 0, id, product, inSeq);
                assertTrue(n <= OrderEntryEncoder.MAX_CANCEL_LENGTH);
                assertEquals(text.encode(m), buffer.getStringWithoutLengthAscii(0, n));
            });
        final ProtocolMessage heartbeat = new ProtocolMessage().reset(MessageType.HEARTBEAT);
        heartbeat.ts = Long.MAX_VALUE;
        final int n = bytes.heartbeat(buffer, 0, Long.MAX_VALUE);
        assertEquals(text.encode(heartbeat), buffer.getStringWithoutLengthAscii(0, n));
        final ProtocolMessage decoded = new ProtocolDecoder().decode(buffer.getStringWithoutLengthAscii(0,
            bytes.newOrder(buffer, 0, 5, 1, Side.SELL, 2600, 3, TimeInForce.IOC, 42)), new ProtocolMessage());
        assertEquals(42, decoded.inSeq);
        assertEquals("LON_ETF", decoded.product);
    }

    @Test
    void shouldRefuseASideOrTimeInForceTheProtocolCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> bytes.newOrder(buffer, 0, 1, 0, Side.NONE, 1, 1, TimeInForce.GTC, 0));
        assertThrows(IllegalArgumentException.class, () -> bytes.newOrder(buffer, 0, 1, 0, Side.BUY, 1, 1, 7, 0));
    }
}
