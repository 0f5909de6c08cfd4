package io.skytrade.exchange.gateway;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.exchange.testing.RecordingPublisher;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway against a scripted venue on a real loopback socket that sends a book update with a
 * sequence gap and a malformed frame: the gateway must resubscribe, rebuild the book from the new
 * snapshot, never publish the book across the gap, and survive the bad frame.
 */
@Tag("integration")
@Timeout(30)
class WebSocketExchangeGatewayResyncTest {
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
    void shouldResubscribeAndRebuildTheBookAfterASequenceGap() throws Exception {
        venue = new ScriptedVenue();
        venue.start();
        assertTrue(venue.started.await(5, TimeUnit.SECONDS));
        final RecordingPublisher publisher = new RecordingPublisher();
        gateway = new WebSocketExchangeGateway(
            GatewayConfig.builder().uri("ws://127.0.0.1:" + venue.getPort() + "/").apiKey("k").build(),
            InstrumentRegistry.of(List.of("TIDE_SPOT"), List.of()), publisher, new ManualEpochNanoClock(7));
        gateway.connect();
        assertTrue(gateway.awaitConnected(10_000));

        final EngineEvent rebuilt = publisher.await("book from the second snapshot",
            e -> e.type == EventType.MARKET_BOOK && e.bookSequence == 10);
        assertEquals(2, venue.subscribes.get(), "resubscribed once after the gap");
        assertEquals(1, gateway.bookGapCount());
        await("the malformed frame counted").atMost(Duration.ofSeconds(30)).until(() -> gateway.undecodableCount() > 0);
        assertEquals(1, gateway.undecodableCount(), "the malformed frame was counted, not fatal");
        assertEquals(1, rebuilt.bidLevels);
        assertEquals(2590, rebuilt.bidPrices[0]);
        assertEquals(0, rebuilt.askLevels);
        final List<EngineEvent> books = publisher.matching(e -> e.type == EventType.MARKET_BOOK);
        assertEquals(List.of(5L, 6L, 10L), books.stream().map(e -> e.bookSequence).toList());
        final EngineEvent updated = books.get(1);
        assertEquals(2, updated.bidLevels);
        assertEquals(2601, updated.bidPrices[0]);
        assertEquals(2600, updated.bidPrices[1]);
        assertEquals(3, updated.bidQtys[1]);
        assertEquals(0, updated.askLevels);
    }

    /** A venue that follows a fixed script. */
    private static final class ScriptedVenue extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final AtomicInteger subscribes = new AtomicInteger();

        ScriptedVenue() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        @Override
        public void onMessage(final WebSocket conn, final String message) {
            if (message.startsWith("{\"type\":\"login\"")) {
                conn.send("this is not JSON");
                conn.send("{\"type\":\"login_ack\",\"participant\":\"p1\",\"lastExecSeq\":0,\"sessionEnd\":0,\"ts\":1}");
                conn.send("{\"type\":\"products\",\"products\":[{\"symbol\":\"TIDE_SPOT\",\"tick\":1,\"limit\":100}]}");
                conn.send("{\"type\":\"open_orders\",\"orders\":[],\"ts\":1}");
            } else if (message.startsWith("{\"type\":\"subscribe\"")) {
                if (subscribes.incrementAndGet() == 1) {
                    conn.send("{\"type\":\"book_snapshot\",\"product\":\"TIDE_SPOT\",\"seq\":5,\"ts\":2,\"bids\":[[2600,5]],\"asks\":[[2605,1]]}");
                    conn.send("{\"type\":\"book_update\",\"product\":\"TIDE_SPOT\",\"seq\":6,\"ts\":3,\"bids\":[[2601,1],[2600,3]],\"asks\":[[2605,0]]}");
                    conn.send("{\"type\":\"book_update\",\"product\":\"TIDE_SPOT\",\"seq\":8,\"ts\":4,\"bids\":[[2601,0]],\"asks\":[]}");
                } else {
                    conn.send("{\"type\":\"book_snapshot\",\"product\":\"TIDE_SPOT\",\"seq\":10,\"ts\":5,\"bids\":[[2590,2]],\"asks\":[]}");
                }
            }
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
