package io.skytrade.exchange.gateway;

import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.exchange.RejectReason;
import io.skytrade.exchange.testing.RecordingPublisher;
import org.java_websocket.WebSocket;
import org.java_websocket.enums.Opcode;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.skytrade.exchange.testing.RecordingPublisher.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's own WebSocket client against Java-WebSocket's server on a loopback socket: it
 * answers pings with pongs, reassembles a fragmented message, sends masked frames the server reads,
 * carries the input sequence an order answers ({@code inSeq}), rejects a repeated or lower client
 * order id locally, and reconnects after the server closes the connection.
 */
@Timeout(30)
class WebSocketExchangeGatewayFramingTest {
    private static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(List.of("TIDE_SPOT", "LON_ETF"), List.of());
    private ScriptedVenue venue;
    private WebSocketExchangeGateway gateway;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
        if (venue != null) {
            venue.stop(1000);
        }
    }

    @Test
    void shouldSpeakRfc6455WithTheServerAndCarryTheInputSequence() throws Exception {
        venue = new ScriptedVenue();
        venue.start();
        assertTrue(venue.started.await(5, TimeUnit.SECONDS));
        final RecordingPublisher publisher = new RecordingPublisher();
        gateway = new WebSocketExchangeGateway(GatewayConfig.builder().uri("ws://127.0.0.1:" + venue.getPort() + "/x").apiKey("k")
            .backoffInitialMillis(5).backoffMaxMillis(20).build(), REGISTRY, publisher, new ManualEpochNanoClock(3));
        gateway.connect();
        assertTrue(gateway.awaitConnected(10_000));

        publisher.await("book from a fragmented snapshot", e -> e.type == EventType.MARKET_BOOK && e.bookSequence == 5
            && e.bidLevels == 1 && e.bidPrices[0] == 2600 && e.askQtys[0] == 1);
        assertTrue(venue.pong.await(10, TimeUnit.SECONDS), "the ping was answered");

        gateway.answering(41);
        gateway.sendNewOrder(7, 1, Side.BUY, 7000, 2, TimeInForce.IOC);
        gateway.answering(42);
        gateway.sendCancel(7, 1);
        gateway.sendNewOrder(7, 0, Side.SELL, 1, 1, TimeInForce.GTC);
        gateway.sendNewOrder(6, 0, Side.SELL, 1, 1, TimeInForce.GTC);
        publisher.await("7 repeated", e -> order(OrderEventKind.REJECT, 7).test(e) && e.rejectReason == RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        publisher.await("6 below the high-water mark", e -> order(OrderEventKind.REJECT, 6).test(e)
            && e.rejectReason == RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        venue.awaitFrames(2);
        assertEquals("{\"type\":\"new_order\",\"clOrdId\":7,\"product\":\"LON_ETF\",\"side\":\"BUY\",\"price\":7000,\"qty\":2,"
            + "\"tif\":\"IOC\",\"inSeq\":41}", venue.orders.get(0));
        assertEquals("{\"type\":\"cancel\",\"clOrdId\":7,\"product\":\"LON_ETF\",\"inSeq\":42}", venue.orders.get(1));

        venue.closeAll();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (gateway.connectCount() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(gateway.awaitConnected(10_000), "reconnected after the server's close");
        assertEquals(2, gateway.connectCount());
        assertEquals(0, gateway.undecodableCount());
    }

    /** A venue that logs in anyone, sends its snapshot in fragments after a ping, and records orders. */
    private static final class ScriptedVenue extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch pong = new CountDownLatch(1);
        final List<String> orders = new CopyOnWriteArrayList<>();
        final AtomicInteger logins = new AtomicInteger();

        ScriptedVenue() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
            setTcpNoDelay(true);
        }

        void awaitFrames(final int n) throws InterruptedException {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (orders.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(n, orders.size(), orders.toString());
        }

        void closeAll() {
            for (final WebSocket c : getConnections()) {
                c.close(1001, "drill");
            }
        }

        @Override
        public void onMessage(final WebSocket conn, final String message) {
            if (message.startsWith("{\"type\":\"login\"")) {
                logins.incrementAndGet();
                conn.send("{\"type\":\"login_ack\",\"participant\":\"p1\",\"lastExecSeq\":0,\"sessionEnd\":0,\"ts\":1}");
                conn.send("{\"type\":\"products\",\"products\":[{\"symbol\":\"TIDE_SPOT\",\"tick\":1,\"limit\":100}]}");
                conn.send("{\"type\":\"open_orders\",\"orders\":[],\"ts\":1}");
            } else if (message.startsWith("{\"type\":\"subscribe\"")) {
                conn.sendPing();
                final String snapshot = "{\"type\":\"book_snapshot\",\"product\":\"TIDE_SPOT\",\"seq\":5,\"ts\":2,\"bids\":[[2600,5]],"
                    + "\"asks\":[[2605,1]]}";
                final int cut = snapshot.length() / 3;
                conn.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(snapshot.substring(0, cut).getBytes(StandardCharsets.UTF_8)), false);
                conn.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(snapshot.substring(cut, 2 * cut).getBytes(StandardCharsets.UTF_8)), false);
                conn.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(snapshot.substring(2 * cut).getBytes(StandardCharsets.UTF_8)), true);
            } else if (!message.startsWith("{\"type\":\"heartbeat\"")) {
                orders.add(message);
            }
        }

        @Override
        public void onWebsocketPong(final WebSocket conn, final Framedata f) {
            pong.countDown();
        }

        @Override
        public void onOpen(final WebSocket conn, final ClientHandshake handshake) {
        }

        @Override
        public void onClose(final WebSocket conn, final int code, final String reason, final boolean remote) {
        }

        @Override
        public void onError(final WebSocket conn, final Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}
