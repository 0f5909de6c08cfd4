package io.skytrade.exchange.cmi;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.exchange.RejectReason;
import io.skytrade.exchange.testing.RecordingPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.skytrade.exchange.cmi.ScriptedCmiVenue.json;
import static io.skytrade.exchange.cmi.ScriptedCmiVenue.order;
import static io.skytrade.exchange.cmi.ScriptedCmiVenue.trade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CMI gateway against a scripted venue on OkHttp's MockWebServer (loopback HTTP and SSE): the
 * session sequence, the pace, the queue's priorities and coalescing, IOC emulation, fill
 * de-duplication across a reconnect, backoff on 429, re-login on 401, rejects, lost replies, and
 * books held while they disagree with our orders. World time runs 20x the wall clock, so one
 * request a second of world time is one every 50 ms.
 */
@Tag("integration")
@Timeout(30)
class CmiGatewayTest {
    private static final double SCALE = 20;
    private static final long PERIOD_WALL_NANOS = (long)(1e9 / SCALE);
    private static final String T0 = "2026-02-28T14:07:31.000000001Z";

    private final InstrumentRegistry registry = InstrumentRegistry.of(List.of("TIDE_SPOT", "WX_SPOT"), List.of("x"));
    private final RecordingPublisher ring = new RecordingPublisher();
    private ScriptedCmiVenue venue;
    private CmiGateway gateway;
    private final AtomicInteger nextId = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        venue = new ScriptedCmiVenue();
        venue.placements = body -> {
            final int n = nextId.incrementAndGet();
            final long volume = Long.parseLong(body.replaceAll(".*\"volume\":(\\d+).*", "$1"));
            final long price = Long.parseLong(body.replaceAll(".*\"price\":(\\d+).*", "$1"));
            final String side = body.contains("\"BUY\"") ? "BUY" : "SELL";
            return json(200, order("id-" + n, "TIDE_SPOT", side, price, volume, 0));
        };
    }

    private final ScaledTestClock clock = new ScaledTestClock(1_772_287_650_000_000_000L, SCALE);

    private CmiGateway gateway(final CmiGatewayConfig.Builder b) throws InterruptedException {
        gateway = new CmiGateway(b.build(), registry, ring, clock);
        gateway.connect();
        assertTrue(gateway.awaitConnected(10_000), "gateway did not connect: " + venue.seen());
        return gateway;
    }

    private CmiGatewayConfig.Builder config() {
        return CmiGatewayConfig.builder().baseUrl(venue.url()).username("alice").password("secret").clockRate(SCALE)
            .mismatchTimeoutMillis(500).pendingTradeMillis(2_000);
    }

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        venue.shutdown();
    }

    @Test
    void shouldLogInReadProductsOpenTheStreamAndReconcileBeforeAcceptingOrders() throws Exception {
        venue.positions = "[{\"product\":\"WX_SPOT\",\"netPosition\":-3}]";
        gateway(config());
        final List<ScriptedCmiVenue.Seen> seen = venue.seen();
        assertEquals(List.of("POST /api/user/authenticate", "GET /api/product", "GET /api/market/stream",
            "GET /api/order/current-user", "GET /api/position/current-user"),
            seen.subList(0, 5).stream().map(s -> s.method() + " " + s.path()).toList());
        assertEquals("{\"username\":\"alice\",\"password\":\"secret\"}", seen.get(0).body());
        assertEquals(null, seen.get(0).authorization());
        for (final ScriptedCmiVenue.Seen s : seen.subList(1, 5)) {
            assertEquals("tok-1", s.authorization(), s.path() + " carries the token from the login's Authorization header");
        }
        final EngineEvent wx = ring.await("WX_SPOT position", e -> e.type == EventType.POSITION_REPORT && e.instrumentId == 1);
        assertEquals(-3, wx.position);
        assertEquals(0, ring.await("TIDE_SPOT position", e -> e.type == EventType.POSITION_REPORT && e.instrumentId == 0).position);
    }

    @Test
    void shouldPlaceAndPublishAgreeingBooksAndEachFillOnce() throws Exception {
        gateway(config());
        gateway.sendNewOrder(11, 0, Side.BUY, 100, 5, TimeInForce.GTC);
        final EngineEvent ack = ring.await("ack", RecordingPublisher.order(OrderEventKind.ACK, 11));
        assertEquals(5, ack.leavesQty);
        assertTrue(venue.seen("POST", "/api/order").get(0).body().contains("\"product\":\"TIDE_SPOT\",\"price\":100,\"side\":\"BUY\",\"volume\":5"));

        venue.push("order", "{\"productsymbol\":\"TIDE_SPOT\",\"tickSize\":1,\"buyOrders\":{\"100.0\":{\"marketVolume\":7.0,"
            + "\"userVolume\":5.0},\"99\":{\"marketVolume\":1,\"userVolume\":0}},\"sellOrders\":{\"103.0\":{\"marketVolume\":2.0,\"userVolume\":0.0}}}");
        final EngineEvent book = ring.await("book", e -> e.type == EventType.MARKET_BOOK && e.instrumentId == 0);
        assertEquals(2, book.bidLevels);
        assertEquals(100, book.bidPrices[0]);
        assertEquals(2, book.bidQtys[0], "everyone else's volume: the level's 7 less our 5");
        assertEquals(99, book.bidPrices[1]);
        assertEquals(103, book.askPrices[0]);
        final int books = ring.matching(e -> e.type == EventType.MARKET_BOOK).size();
        venue.push("order", "{\"productsymbol\":\"TIDE_SPOT\",\"tickSize\":1,\"buyOrders\":{\"100.0\":{\"marketVolume\":9.0,"
            + "\"userVolume\":7.0},\"99\":{\"marketVolume\":1,\"userVolume\":0}},\"sellOrders\":{\"103.0\":{\"marketVolume\":2.0,\"userVolume\":0.0}}}");

        final String fill = trade(T0, "TIDE_SPOT", "alice", "bob", 2, 100);
        assertEquals(books, ring.matching(e -> e.type == EventType.MARKET_BOOK).size(), "a change of our own volume alone is no market data");
        venue.push("trade", "[" + fill + "]");
        ring.await("fill", RecordingPublisher.fill(11, 3));
        venue.push("trade", fill);
        venue.push("trade", "[" + trade("2026-02-28T14:07:32.000000001Z", "TIDE_SPOT", "alice", "carol", 1, 100) + "]");
        ring.await("second fill", RecordingPublisher.fill(11, 2));
        assertEquals(2, ring.matching(e -> e.type == EventType.ORDER_EVENT && e.orderEventKind == OrderEventKind.FILL).size());
        assertEquals(1L, (long)gateway.inspect(CmiSession::duplicateFills));
        assertEquals(3L, (long)gateway.inspect(s -> s.position(0)));
    }

    @Test
    void shouldPublishEveryoneElsesBookAndReconcileOrdersOfOursItDoesNotKnow() throws Exception {
        gateway(config());
        final int before = venue.seen("GET", "/api/order/current-user").size();
        venue.openOrders = "[{\"id\":\"old-1\",\"product\":\"TIDE_SPOT\",\"side\":\"SELL\",\"price\":101,\"volume\":4}]";
        venue.push("order", "{\"productsymbol\":\"TIDE_SPOT\",\"tickSize\":1,\"buyOrders\":{\"99\":{\"marketVolume\":3,\"userVolume\":0}},"
            + "\"sellOrders\":{\"101\":{\"marketVolume\":4,\"userVolume\":4}}}");
        final EngineEvent book = ring.await("book", e -> e.type == EventType.MARKET_BOOK && e.instrumentId == 0);
        assertEquals(1, book.bidLevels);
        assertEquals(0, book.askLevels, "the level is all ours, so it is not everyone else's");
        assertTrue((book.source & EngineEvent.SOURCE_OWN_EXCLUDED) != 0);
        venue.await("GET", "/api/order/current-user", before + 1);
        venue.await("DELETE", "/api/order/old-1", 1);
        assertEquals(1L, (long)gateway.inspect(CmiSession::mismatchReconciliations));
    }

    @Test
    void shouldEmulateIocAsPlaceThenCancelTheRemainder() throws Exception {
        venue.placements = body -> json(200, order("ioc-1", "TIDE_SPOT", "SELL", 99, 3, 2));
        venue.cancels = id -> json(200, order(id, "TIDE_SPOT", "SELL", 99, 3, 2).replace("\"PART_FILLED\"", "\"CANCELLED\""));
        gateway(config());
        gateway.sendNewOrder(12, 0, Side.SELL, 99, 5, TimeInForce.IOC);
        ring.await("ack", RecordingPublisher.order(OrderEventKind.ACK, 12));
        venue.push("trade", "[" + trade(T0, "TIDE_SPOT", "bob", "alice", 2, 100) + "]");
        final EngineEvent fill = ring.await("fill", RecordingPublisher.fill(12, 3));
        assertEquals(100, fill.fillPriceTicks);
        venue.await("DELETE", "/api/order/ioc-1", 1);
        final EngineEvent cancelled = ring.await("remainder cancelled", RecordingPublisher.order(OrderEventKind.CANCELLED, 12));
        assertEquals(3, cancelled.quantity);
        assertEquals(RejectReason.IOC_REMAINDER, cancelled.rejectReason);
        assertEquals(-2L, (long)gateway.inspect(s -> s.position(0)));
    }

    @Test
    void shouldPaceRequestsFromTheCompletionOfThePreviousOne() throws Exception {
        gateway(config());
        for (int i = 0; i < 5; i++) {
            gateway.sendNewOrder(100 + i, 0, Side.BUY, 90 - i, 1, TimeInForce.GTC);
        }
        final List<ScriptedCmiVenue.Seen> posts = venue.await("POST", "/api/order", 5);
        for (int i = 1; i < posts.size(); i++) {
            final long gap = posts.get(i).atNanos() - posts.get(i - 1).atNanos();
            assertTrue(gap >= PERIOD_WALL_NANOS * 95 / 100, "requests " + (i - 1) + " and " + i + " arrived " + gap / 1000 + " us apart");
        }
    }

    @Test
    void shouldCoalesceAnOrderCancelledBeforeItWasSent() throws Exception {
        gateway(config().requestsPerSecond(0.25));
        gateway.sendNewOrder(20, 0, Side.BUY, 95, 1, TimeInForce.GTC);
        ring.await("ack", RecordingPublisher.order(OrderEventKind.ACK, 20));
        gateway.sendNewOrder(21, 0, Side.BUY, 96, 1, TimeInForce.GTC);
        gateway.sendCancel(21, 0);
        gateway.sendNewOrder(22, 0, Side.BUY, 97, 1, TimeInForce.GTC);
        final EngineEvent cancelled = ring.await("never sent", RecordingPublisher.order(OrderEventKind.CANCELLED, 21));
        assertEquals(RejectReason.NOT_SENT_CANCELLED, cancelled.rejectReason);
        ring.await("ack of the replacement", RecordingPublisher.order(OrderEventKind.ACK, 22));
        assertEquals(2, venue.seen("POST", "/api/order").size(), "the cancelled order was never sent");
        assertTrue(venue.seen("DELETE", "/api/order").isEmpty());
    }

    @Test
    void shouldSendCancelsFirstThenFlatteningThenQuotes() throws Exception {
        gateway(config().requestsPerSecond(0.25));
        gateway.sendNewOrder(30, 0, Side.BUY, 100, 5, TimeInForce.GTC);
        ring.await("ack", RecordingPublisher.order(OrderEventKind.ACK, 30));
        venue.push("trade", trade(T0, "TIDE_SPOT", "alice", "bob", 5, 100));
        ring.await("filled", RecordingPublisher.fill(30, 0));
        gateway.sendNewOrder(31, 0, Side.BUY, 95, 1, TimeInForce.GTC);
        ring.await("ack", RecordingPublisher.order(OrderEventKind.ACK, 31));
        gateway.sendNewOrder(32, 0, Side.BUY, 94, 1, TimeInForce.GTC);
        gateway.sendNewOrder(33, 0, Side.SELL, 101, 5, TimeInForce.GTC);
        gateway.sendCancel(31, 0);
        ring.await("quote placed", RecordingPublisher.order(OrderEventKind.ACK, 32));
        final List<ScriptedCmiVenue.Seen> orders = venue.seen().stream().filter(s -> s.path().startsWith("/api/order")
            && !s.path().equals("/api/order/current-user")).toList();
        assertEquals(List.of("POST", "POST", "DELETE", "POST", "POST"), orders.stream().map(ScriptedCmiVenue.Seen::method).toList());
        assertTrue(orders.get(3).body().contains("\"side\":\"SELL\""), "the flattening sell goes before the quote: " + orders.get(3));
        assertTrue(orders.get(4).body().contains("\"price\":94"));
    }

    @Test
    void shouldBackOffOnTooManyRequestsAndRetry() throws Exception {
        // the order waits out two back-offs in the queue: a loaded host stretches that past the default
        // queue age (30 s of world time, 1.5 s of wall time here), which this test is not about
        gateway(config().maxQueueAgeMillis(600_000));
        venue.enqueue(json(429, "Too Many Requests"));
        venue.enqueue(json(429, "Too Many Requests"));
        gateway.sendNewOrder(40, 0, Side.BUY, 95, 1, TimeInForce.GTC);
        ring.await("ack", RecordingPublisher.order(OrderEventKind.ACK, 40));
        final List<ScriptedCmiVenue.Seen> posts = venue.seen("POST", "/api/order");
        assertEquals(3, posts.size());
        assertEquals(2L, (long)gateway.inspect(CmiSession::tooManyRequests));
        final long first = posts.get(1).atNanos() - posts.get(0).atNanos();
        final long second = posts.get(2).atNanos() - posts.get(1).atNanos();
        assertTrue(first >= PERIOD_WALL_NANOS / 2, "backed off " + first / 1000 + " us after the first 429");
        assertTrue(second >= PERIOD_WALL_NANOS, "backed off " + second / 1000 + " us after the second 429 (doubled)");
        assertEquals(1, ring.matching(RecordingPublisher.order(OrderEventKind.ACK, 40)).size());
    }

    @Test
    void shouldLogInAgainWhenTheTokenIsRefused() throws Exception {
        gateway(config());
        venue.enqueue(json(401, "token expired"));
        gateway.sendNewOrder(50, 0, Side.BUY, 95, 1, TimeInForce.GTC);
        ring.await("ack", RecordingPublisher.order(OrderEventKind.ACK, 50));
        final List<ScriptedCmiVenue.Seen> posts = venue.seen("POST", "/api/order");
        assertEquals(List.of("tok-1", "tok-2"), posts.stream().map(ScriptedCmiVenue.Seen::authorization).toList());
        assertEquals(2, venue.seen("POST", "/api/user/authenticate").size());
    }

    @Test
    void shouldSurfaceAPositionLimitRefusalAsAReject() throws Exception {
        venue.placements = body -> json(400, "order rejected: position limit of 100 would be exceeded");
        gateway(config());
        gateway.sendNewOrder(60, 1, Side.BUY, 3000, 101, TimeInForce.GTC);
        final EngineEvent reject = ring.await("reject", RecordingPublisher.order(OrderEventKind.REJECT, 60));
        assertEquals(RejectReason.POSITION_LIMIT, reject.rejectReason);
        assertEquals(1, reject.instrumentId);
    }

    @Test
    void shouldCountEachFillOnceAcrossAStreamReconnect() throws Exception {
        gateway(config());
        gateway.sendNewOrder(70, 0, Side.BUY, 100, 10, TimeInForce.GTC);
        ring.await("ack", RecordingPublisher.order(OrderEventKind.ACK, 70));
        // trade times from the session's clock: a trade is never older than the session that made it
        final String twin = trade(IsoInstant.format(clock.nanoTime()), "TIDE_SPOT", "alice", "bob", 2, 100);
        venue.push("trade", "[" + twin + "," + twin + "]");
        ring.await("two equal fills in one batch are two fills", RecordingPublisher.fill(70, 6));
        final String missed = trade(IsoInstant.format(clock.nanoTime()), "TIDE_SPOT", "alice", "carol", 3, 100);
        final String other = trade(IsoInstant.format(clock.nanoTime() + 1), "TIDE_SPOT", "bob", "carol", 9, 100);
        venue.trades = "[" + twin + "," + twin + "," + missed + "," + other + "]";
        venue.openOrders = "[{\"id\":\"id-1\",\"product\":\"TIDE_SPOT\",\"side\":\"BUY\",\"price\":100,\"volume\":3}]";
        venue.positions = "[{\"product\":\"TIDE_SPOT\",\"netPosition\":7}]";
        venue.endStream();
        venue.await("GET", "/api/trade?from=", 1);
        ring.await("the fill missed while away", RecordingPublisher.fill(70, 3));
        final EngineEvent report = ring.await("position after reconciliation",
            e -> e.type == EventType.POSITION_REPORT && e.instrumentId == 0 && e.position == 7);
        assertEquals(7, report.position);
        assertTrue(gateway.awaitConnected(5000));
        assertEquals(3, ring.matching(e -> e.type == EventType.ORDER_EVENT && e.orderEventKind == OrderEventKind.FILL).size());
        assertEquals(2L, (long)gateway.inspect(CmiSession::duplicateFills));
        assertEquals(7L, (long)gateway.inspect(s -> s.position(0)));
    }

    /** Waits (up to 10 s) for the session to be ready: everything reconciled after the latest (re)connect. */
    private void awaitReady() throws InterruptedException {
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (!gateway.inspect(CmiSession::isReady)) {
            assertTrue(System.nanoTime() < deadline, "not reconciled within 10 s: " + venue.seen());
            Thread.sleep(2);
        }
    }

    /** Connects and rests a TIDE_SPOT bid of {@code qty} at 100 (the venue calls it id-1). */
    private void restBid(final long clOrdId, final long qty) throws InterruptedException {
        gateway(config());
        gateway.sendNewOrder(clOrdId, 0, Side.BUY, 100, qty, TimeInForce.GTC);
        ring.await("ack", RecordingPublisher.order(OrderEventKind.ACK, clOrdId));
    }

    /** The venue closes the stream; its REST answers then list id-1 with {@code openVolume} left (none: not open) and this TIDE_SPOT position. */
    private void dropStream(final long openVolume, final long tidePosition) throws InterruptedException {
        venue.openOrders = openVolume == 0 ? "[]"
            : "[{\"id\":\"id-1\",\"product\":\"TIDE_SPOT\",\"side\":\"BUY\",\"price\":100,\"volume\":" + openVolume + "}]";
        venue.positions = "[{\"product\":\"TIDE_SPOT\",\"netPosition\":" + tidePosition + "}]";
        venue.endStream();
    }

    private static java.util.function.Predicate<EngineEvent> tidePosition(final long position) {
        return e -> e.type == EventType.POSITION_REPORT && e.instrumentId == 0 && e.position == position;
    }

    /** The positions published for an instrument, in order. */
    private List<Long> positionReports(final int instrument) {
        return ring.matching(e -> e.type == EventType.POSITION_REPORT && e.instrumentId == instrument).stream()
            .map(e -> e.position).toList();
    }

    /**
     * The race of issue 16: after a reconnect the venue's positions answer counts a fill whose trade
     * event is still on the (lagging) stream. That answer must not be published (risk would see a
     * mismatch and go SAFE) nor adopted (the late trade would then count twice); the positions are
     * asked again after the pending-trade wait, and then agree.
     */
    @Test
    void shouldHoldAVenuePositionAheadOfTheStreamUntilItsTradesArrive() throws Exception {
        restBid(90, 10);
        final String first = trade(T0, "TIDE_SPOT", "alice", "bob", 2, 100);
        venue.push("trade", "[" + first + "]");
        ring.await("first fill", RecordingPublisher.fill(90, 8));
        venue.trades = "[" + first + "]";
        dropStream(5, 5);
        venue.await("GET", "/api/position/current-user", 2);
        awaitReady();
        assertEquals(List.of(0L), positionReports(0), "the answer ahead of the stream is not published");
        venue.push("trade", "[" + trade("2026-02-28T14:07:32.000000000Z", "TIDE_SPOT", "alice", "carol", 3, 100) + "]");
        ring.await("the late fill", RecordingPublisher.fill(90, 5));
        ring.await("the positions asked again agree", tidePosition(5));
        assertEquals(List.of(0L, 5L), positionReports(0));
        assertEquals(3, venue.seen("GET", "/api/position/current-user").size());
        assertEquals(5L, (long)gateway.inspect(s -> s.position(0)), "the late fill counted once");
        assertEquals(1L, (long)gateway.inspect(CmiSession::positionsHeld));
        assertEquals(0L, (long)gateway.inspect(CmiSession::positionsAdopted));
    }

    @Test
    void shouldAdoptAVenuePositionThatStaysDifferentWithNoFillInBetween() throws Exception {
        restBid(91, 10);
        dropStream(6, 4);
        final EngineEvent adopted = ring.await("the lasting disagreement, adopted", tidePosition(4));
        final List<ScriptedCmiVenue.Seen> asked = venue.seen("GET", "/api/position/current-user");
        assertEquals(3, asked.size(), "adopted on the second answer after the reconnect, not the first");
        assertTrue(asked.get(2).atNanos() - asked.get(1).atNanos() >= 2_000_000_000L, "asked again after the pending-trade wait");
        assertEquals(List.of(0L, 4L), positionReports(0));
        assertEquals(4, adopted.position);
        assertEquals(4L, (long)gateway.inspect(s -> s.position(0)));
        assertEquals(1L, (long)gateway.inspect(CmiSession::positionsAdopted));
    }

    /**
     * The venue drops what a stream had queued when it closes it (a slow reader), so a trade of ours
     * made long before the loss was noticed may never have been delivered: the trade list is asked
     * from the newest trade the stream did deliver, not from a fixed look-back before the loss.
     */
    @Test
    void shouldRecoverATradeTheVenueDroppedWithItsStream() throws Exception {
        restBid(95, 10);
        final long delivered = clock.nanoTime();
        final String first = trade(IsoInstant.format(delivered), "TIDE_SPOT", "alice", "bob", 2, 100);
        venue.push("trade", "[" + first + "]");
        ring.await("delivered fill", RecordingPublisher.fill(95, 8));
        final long dropped = clock.nanoTime();
        final String lost = trade(IsoInstant.format(dropped), "TIDE_SPOT", "alice", "carol", 3, 100);
        final long lookback = config().build().reconcileLookbackNanos;
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (clock.nanoTime() < dropped + 2 * lookback) {
            assertTrue(System.nanoTime() < deadline);
            Thread.sleep(5);
        }
        venue.trades = "[" + first + "," + lost + "]";
        dropStream(5, 5);
        ring.await("the dropped trade, from the trade list", RecordingPublisher.fill(95, 5));
        final String asked = venue.await("GET", "/api/trade?from=", 1).get(0).path();
        assertTrue(IsoInstant.parse(java.net.URLDecoder.decode(asked.substring(asked.indexOf('=') + 1), java.nio.charset.StandardCharsets.UTF_8))
            <= delivered, "asked from the newest delivered trade or before: " + asked);
        ring.await("positions agree", tidePosition(5));
        assertEquals(List.of(0L, 5L), positionReports(0));
        assertEquals(1L, (long)gateway.inspect(CmiSession::duplicateFills), "the delivered trade, listed again, counted once");
        assertEquals(5L, (long)gateway.inspect(s -> s.position(0)));
    }

    /**
     * An order that vanished from the open orders while the stream was down was filled (its trades
     * may still be on the stream) or cancelled by the venue. The trade list, asked next, tells
     * which: here its fill, made after the reconnect's first trade list, is attributed to it (the
     * engine sees it filled, not cancelled) and its late stream copy is a duplicate.
     */
    @Test
    void shouldAttributeTheLastTradeOfAnOrderThatVanishedWhileTheStreamWasDown() throws Exception {
        restBid(97, 4);
        dropStream(0, 4);
        venue.await("GET", "/api/trade?from=", 1);
        final String late = trade(IsoInstant.format(clock.nanoTime()), "TIDE_SPOT", "alice", "bob", 4, 100);
        venue.trades = "[" + late + "]";
        ring.await("the vanished order's fill", RecordingPublisher.fill(97, 0));
        ring.await("positions agree", tidePosition(4));
        venue.push("trade", "[" + late + "]");
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (gateway.inspect(CmiSession::duplicateFills) < 1) {
            assertTrue(System.nanoTime() < deadline, "the stream's copy of the fill was not recognised");
            Thread.sleep(2);
        }
        assertEquals(List.of(0L, 4L), positionReports(0));
        assertTrue(ring.matching(RecordingPublisher.order(OrderEventKind.CANCELLED, 97)).isEmpty(), "filled, not cancelled");
        assertEquals(1, ring.matching(e -> e.type == EventType.ORDER_EVENT && e.orderEventKind == OrderEventKind.FILL).size());
        assertEquals(0L, (long)gateway.inspect(CmiSession::unattributedFills));
        assertEquals(4L, (long)gateway.inspect(s -> s.position(0)));
    }

    /** A vanished order the trade list shows no trade for was cancelled at the venue: closed at once, not after a wait. */
    @Test
    void shouldCloseAVanishedOrderWithNoTradesAsSoonAsTheTradeListSaysSo() throws Exception {
        gateway(config().pendingTradeMillis(600_000));
        gateway.sendNewOrder(98, 0, Side.BUY, 100, 4, TimeInForce.GTC);
        ring.await("ack", RecordingPublisher.order(OrderEventKind.ACK, 98));
        dropStream(0, 0);
        final EngineEvent cancelled = ring.await("closed", RecordingPublisher.order(OrderEventKind.CANCELLED, 98));
        assertEquals(RejectReason.RECONCILED_CLOSED, cancelled.rejectReason);
        assertEquals(4, cancelled.quantity);
        ring.await("positions after the reconnect", e -> e.type == EventType.POSITION_REPORT && e.instrumentId == 0
            && e.sequence > cancelled.sequence);
        final List<ScriptedCmiVenue.Seen> seen = venue.seen();
        final List<String> after = seen.subList(seen.indexOf(venue.seen("GET", "/api/market/stream").get(1)), seen.size()).stream()
            .map(x -> x.method() + " " + x.path().replaceAll("\\?.*", "")).toList();
        assertEquals(List.of("GET /api/market/stream", "GET /api/trade", "GET /api/order/current-user", "GET /api/trade",
            "GET /api/position/current-user"), after.subList(0, 5), "the vanished order's trades asked before the positions");
    }

    /**
     * A trade no order explains is published unattributed after the pending-trade wait and the
     * positions are asked again, without stopping new orders (only a reconnect does that).
     */
    @Test
    void shouldAskThePositionsAfterAnUnexplainedTradeWithoutStoppingOrders() throws Exception {
        gateway(config().requestsPerSecond(0.2));
        venue.positions = "[{\"product\":\"WX_SPOT\",\"netPosition\":2}]";
        venue.push("trade", "[" + trade(T0, "WX_SPOT", "alice", "bob", 2, 3000) + "]");
        final EngineEvent unattributed = ring.await("unattributed", e -> e.type == EventType.ORDER_EVENT
            && e.orderEventKind == OrderEventKind.FILL && e.clientOrderId == 0);
        assertEquals(2, unattributed.fillQty);
        assertTrue(gateway.inspect(CmiSession::isReady), "still accepting orders while the positions are asked");
        ring.await("the venue's position, agreeing", e -> e.type == EventType.POSITION_REPORT && e.instrumentId == 1 && e.position == 2);
        assertEquals(List.of(0L, 2L), positionReports(1));
        assertEquals(2L, (long)gateway.inspect(s -> s.position(1)));
    }

    /**
     * A placement the venue's self-trade prevention cut short (status CANCELLED, nothing left) is
     * closed once its immediate fill's trades have arrived, not left open until a book disagreement
     * reconciles it away.
     */
    @Test
    void shouldCloseAPlacementTheVenueCancelledForSelfTradeOnceItsFillArrived() throws Exception {
        venue.placements = body -> json(200, order("stp-1", "TIDE_SPOT", "BUY", 100, 0, 2).replace("\"FILLED\"", "\"CANCELLED\""));
        gateway(config());
        gateway.sendNewOrder(99, 0, Side.BUY, 100, 5, TimeInForce.GTC);
        ring.await("ack", RecordingPublisher.order(OrderEventKind.ACK, 99));
        venue.push("trade", "[" + trade(IsoInstant.format(clock.nanoTime()), "TIDE_SPOT", "alice", "bob", 2, 100) + "]");
        final EngineEvent fill = ring.await("the immediate fill", RecordingPublisher.fill(99, 3));
        assertEquals(2, fill.fillQty);
        final EngineEvent cancelled = ring.await("the rest, cancelled by the venue", RecordingPublisher.order(OrderEventKind.CANCELLED, 99));
        assertEquals(RejectReason.SELF_TRADE, cancelled.rejectReason);
        assertEquals(3, cancelled.quantity);
        assertEquals(0, (int)gateway.inspect(CmiSession::liveOrders));
        assertEquals(1L, (long)gateway.inspect(CmiSession::reconciliations), "no reconciliation needed beyond the login's");
        assertEquals(2L, (long)gateway.inspect(s -> s.position(0)));
    }

    @Test
    void shouldResolveAPlacementWhoseReplyWasLostByReconciliation() throws Exception {
        gateway(config());
        venue.enqueue(json(503, "busy"));
        venue.openOrders = "[{\"id\":\"kept-1\",\"product\":\"TIDE_SPOT\",\"side\":\"BUY\",\"price\":95,\"volume\":2}]";
        gateway.sendNewOrder(80, 0, Side.BUY, 95, 2, TimeInForce.GTC);
        final EngineEvent ack = ring.await("adopted", RecordingPublisher.order(OrderEventKind.ACK, 80));
        assertEquals(2, ack.quantity);
        venue.openOrders = "[{\"id\":\"kept-1\",\"product\":\"TIDE_SPOT\",\"side\":\"BUY\",\"price\":95,\"volume\":2}]";
        venue.enqueue(json(500, "oops"));
        gateway.sendNewOrder(81, 0, Side.BUY, 96, 1, TimeInForce.GTC);
        final EngineEvent lost = ring.await("lost", RecordingPublisher.order(OrderEventKind.REJECT, 81));
        assertEquals(RejectReason.LOST_IN_TRANSIT, lost.rejectReason);
        assertEquals(1, venue.seen("POST", "/api/order").size() - 1, "nothing was placed twice");
    }

    @Test
    void shouldLogInAgainWhenTheStreamIsRefused() throws Exception {
        gateway(config());
        venue.streamStatus = 401;
        venue.endStream();
        venue.await("POST", "/api/user/authenticate", 2);
        venue.streamStatus = 200;
        assertTrue(gateway.awaitConnected(5000));
        final List<ScriptedCmiVenue.Seen> streams = venue.seen("GET", "/api/market/stream");
        final int logins = venue.seen("POST", "/api/user/authenticate").size();
        assertTrue(logins >= 2, "each refused stream was followed by a login: " + venue.seen());
        assertEquals("tok-" + logins, streams.get(streams.size() - 1).authorization(), "the stream reopened with the newest token");
    }
}
