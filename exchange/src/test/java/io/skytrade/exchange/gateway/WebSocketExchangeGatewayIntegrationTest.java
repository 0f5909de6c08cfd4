package io.skytrade.exchange.gateway;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldSettlement;
import io.skytrade.exchange.RejectReason;
import io.skytrade.exchange.sim.ExchangeSimulator;
import io.skytrade.exchange.sim.VenueConfig;
import io.skytrade.exchange.testing.RecordingPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static io.skytrade.exchange.testing.RecordingPublisher.fill;
import static io.skytrade.exchange.testing.RecordingPublisher.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway against the real simulator over loopback sockets: books, orders, partial and full
 * fills, positions, settlement PnL, and reconnection after server-side and client-side drops
 * without duplicated or lost orders.
 */
@Tag("integration")
@Timeout(60)
class WebSocketExchangeGatewayIntegrationTest {
    private static final long WORLD_START = Instant.parse("2026-02-27T12:00:00Z").getEpochSecond() * 1_000_000_000L;
    private static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(VenueConfig.DEFAULT_PRODUCTS, List.of());
    private static final int TIDE = REGISTRY.requireInstrument("TIDE_SPOT");
    private static final int ETF = REGISTRY.requireInstrument("LON_ETF");

    private final List<WebSocketExchangeGateway> gateways = new ArrayList<>();
    private ExchangeSimulator simulator;

    @AfterEach
    void tearDown() {
        gateways.forEach(WebSocketExchangeGateway::close);
        if (simulator != null) {
            simulator.stop();
        }
    }

    private void startSimulator(final VenueConfig.Builder config) {
        simulator = new ExchangeSimulator(config.worldStartNanos(WORLD_START).build());
        simulator.start(0);
    }

    private WebSocketExchangeGateway gateway(final String apiKey, final RecordingPublisher publisher) throws InterruptedException {
        return gateway(apiKey, publisher, 20, 200);
    }

    private WebSocketExchangeGateway gateway(final String apiKey, final RecordingPublisher publisher, final long backoffInitialMillis,
                                             final long backoffMaxMillis) throws InterruptedException {
        final WebSocketExchangeGateway gateway = new WebSocketExchangeGateway(
            GatewayConfig.builder().uri(simulator.uri()).apiKey(apiKey).heartbeatIntervalMillis(100).staleAfterMillis(2000)
                .backoffInitialMillis(backoffInitialMillis).backoffMaxMillis(backoffMaxMillis).build(),
            REGISTRY, publisher, new ManualEpochNanoClock(42));
        gateways.add(gateway);
        gateway.connect();
        assertTrue(gateway.awaitConnected(10_000), "gateway " + apiKey + " connected");
        return gateway;
    }

    @Test
    void shouldTradeWithPartialAndFullFillsAndMatchTheVenuesPositionsAndPnl() throws Exception {
        startSimulator(VenueConfig.builder().backgroundTraders(false));
        final RecordingPublisher seller = new RecordingPublisher();
        final RecordingPublisher buyer = new RecordingPublisher();
        final WebSocketExchangeGateway a = gateway("seller-key", seller);
        final WebSocketExchangeGateway b = gateway("buyer-key", buyer);
        buyer.await("initial TIDE_SPOT snapshot", e -> e.type == EventType.MARKET_BOOK && e.instrumentId == TIDE);

        a.sendNewOrder(1, TIDE, Side.SELL, 2600, 10, TimeInForce.GTC);
        seller.await("ack of 1", order(OrderEventKind.ACK, 1));
        final EngineEvent book = buyer.await("book with the ask", e -> e.type == EventType.MARKET_BOOK && e.instrumentId == TIDE
            && e.askLevels == 1 && e.askPrices[0] == 2600 && e.askQtys[0] == 10);
        assertEquals(42, book.receiveTimeNanos, "stamped from the injected clock");
        assertEquals(1, book.source);

        b.sendNewOrder(100, TIDE, Side.BUY, 2601, 4, TimeInForce.GTC);
        seller.await("partial fill of 1", fill(1, 6));
        final EngineEvent partial = buyer.await("full fill of 100", fill(100, 0));
        assertEquals(2600, partial.fillPriceTicks, "fills at the resting price");
        buyer.await("trade print", e -> e.type == EventType.MARKET_TRADE && e.tradeQty == 4 && e.aggressorSide == Side.BUY);

        b.sendNewOrder(101, TIDE, Side.BUY, 2600, 7, TimeInForce.IOC);
        seller.await("full fill of 1", fill(1, 0));
        buyer.await("fill of 101", fill(101, 1));
        buyer.await("IOC remainder of 101", e -> order(OrderEventKind.CANCELLED, 101).test(e) && e.rejectReason == RejectReason.IOC_REMAINDER);

        a.sendNewOrder(2, ETF, Side.SELL, 7000, 3, TimeInForce.GTC);
        seller.await("ack of 2", order(OrderEventKind.ACK, 2));
        a.sendCancel(2, ETF);
        seller.await("cancel of 2", e -> order(OrderEventKind.CANCELLED, 2).test(e) && e.rejectReason == RejectReason.USER_CANCEL);
        a.sendCancel(2, ETF);
        assertEquals(ETF, seller.await("cancel reject of 2", order(OrderEventKind.CANCEL_REJECT, 2)).instrumentId);

        b.sendNewOrder(102, TIDE, Side.BUY, 2500, 100, TimeInForce.GTC);
        buyer.await("position-limit reject", e -> order(OrderEventKind.REJECT, 102).test(e) && e.rejectReason == RejectReason.POSITION_LIMIT);

        assertEquals(-10, simulator.position("seller-key", "TIDE_SPOT"));
        assertEquals(10, simulator.position("buyer-key", "TIDE_SPOT"));
        assertEquals(-10, lastPosition(seller, TIDE));
        assertEquals(10, lastPosition(buyer, TIDE));
        assertEquals(netFromFills(buyer, TIDE), 10);
        assertEquals(0, a.openOrderCount());

        simulator.settleNow();
        final EngineEvent settlement = buyer.await("settlement", e -> e.type == EventType.SETTLEMENT && e.instrumentId == TIDE);
        final double price = simulator.settlementValue("TIDE_SPOT");
        assertEquals(price, settlement.value);
        assertEquals(10, settlement.position);
        final double enginePnl = cashFromFills(buyer, TIDE) + settlement.position * settlement.value;
        assertEquals(simulator.realisedPnl("buyer-key"), enginePnl, 1e-9);
        assertEquals(10 * price - (4 * 2600 + 6 * 2600), enginePnl, 1e-9);
    }

    @Test
    void shouldReconnectAfterAServerSideCloseWithoutDuplicateOrLostOrders() throws Exception {
        startSimulator(VenueConfig.builder().backgroundTraders(false));
        reconnectScenario(true);
    }

    @Test
    void shouldReconnectAfterAClientSideSocketDropWithoutDuplicateOrLostOrders() throws Exception {
        startSimulator(VenueConfig.builder().backgroundTraders(false));
        reconnectScenario(false);
    }

    @Test
    void shouldKeepRetryingUntilTheVenueStartsListening() throws Exception {
        final int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        final RecordingPublisher publisher = new RecordingPublisher();
        final WebSocketExchangeGateway gateway = new WebSocketExchangeGateway(
            GatewayConfig.builder().uri("ws://127.0.0.1:" + port + "/").apiKey("early-key").backoffInitialMillis(10)
                .backoffMaxMillis(100).build(),
            REGISTRY, publisher, new ManualEpochNanoClock(1));
        gateways.add(gateway);
        gateway.connect();
        await("three failed attempts while nothing listens").atMost(Duration.ofSeconds(30))
            .until(() -> gateway.reconnectAttempts() >= 3);
        assertTrue(!gateway.isConnected() && gateway.connectCount() == 0);
        gateway.sendNewOrder(1, TIDE, Side.BUY, 1, 1, TimeInForce.GTC);
        publisher.await("local reject before the venue exists",
            e -> order(OrderEventKind.REJECT, 1).test(e) && e.rejectReason == RejectReason.NOT_CONNECTED);
        simulator = new ExchangeSimulator(VenueConfig.builder().backgroundTraders(false).worldStartNanos(WORLD_START).build());
        simulator.start(port);
        assertTrue(gateway.awaitConnected(10_000), "connected once the venue listens");
        assertEquals(1, gateway.connectCount());
    }

    private void reconnectScenario(final boolean serverSide) throws Exception {
        final RecordingPublisher maker = new RecordingPublisher();
        final RecordingPublisher taker = new RecordingPublisher();
        // The maker waits 1-2 s before it reconnects: with 10-20 ms, a loaded host let it reconnect between
        // the test seeing it disconnected and order 3 reaching its I/O thread (order 3 then went out and was acked).
        final WebSocketExchangeGateway a = gateway("maker-key", maker, 2000, 2000);
        final WebSocketExchangeGateway b = gateway("taker-key", taker);
        a.sendNewOrder(1, TIDE, Side.SELL, 2600, 5, TimeInForce.GTC);
        a.sendNewOrder(2, TIDE, Side.SELL, 2610, 5, TimeInForce.GTC);
        maker.await("ack 2", order(OrderEventKind.ACK, 2));

        if (serverSide) {
            simulator.closeAllConnections();
        } else {
            a.dropConnection();
        }
        await("the maker sees its connection gone").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
            .until(() -> !a.isConnected());
        a.sendNewOrder(3, TIDE, Side.SELL, 2620, 1, TimeInForce.GTC);
        maker.await("local reject of 3 while disconnected",
            e -> order(OrderEventKind.REJECT, 3).test(e) && e.rejectReason == RejectReason.NOT_CONNECTED);

        if (serverSide) {
            await("the taker reconnected").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1))
                .until(() -> b.connectCount() >= 2 && b.isConnected());
        }
        assertTrue(b.awaitConnected(10_000));
        b.sendNewOrder(50, TIDE, Side.BUY, 2600, 5, TimeInForce.GTC);
        taker.await("taker filled while the maker is away", fill(50, 0));

        assertTrue(a.awaitConnected(10_000), "maker reconnected");
        assertTrue(a.connectCount() >= 2);
        maker.await("fill of 1 replayed after reconnect", fill(1, 0));
        maker.await("book after resubscribe", e -> e.type == EventType.MARKET_BOOK && e.instrumentId == TIDE
            && e.askLevels == 1 && e.askPrices[0] == 2610);

        a.sendNewOrder(3, TIDE, Side.SELL, 2620, 1, TimeInForce.GTC);
        maker.await("duplicate id rejected locally", e -> order(OrderEventKind.REJECT, 3).test(e)
            && e.rejectReason == RejectReason.DUPLICATE_CLIENT_ORDER_ID);
        a.sendNewOrder(4, TIDE, Side.SELL, 2620, 1, TimeInForce.GTC);
        maker.await("ack 4", order(OrderEventKind.ACK, 4));
        a.sendCancel(2, TIDE);
        maker.await("cancel 2", order(OrderEventKind.CANCELLED, 2));

        for (final long id : new long[] {1, 2, 4}) {
            assertEquals(1, simulator.executionCount("maker-key", "ack", id), "venue acked " + id + " once");
            assertEquals(1, maker.matching(order(OrderEventKind.ACK, id)).size(), "engine saw one ack of " + id);
        }
        assertEquals(0, simulator.executionCount("maker-key", "ack", 3), "3 never reached the venue");
        assertEquals(1, maker.matching(fill(1, 0)).size(), "the replayed fill is applied once");
        assertEquals(-5, simulator.position("maker-key", "TIDE_SPOT"));
        assertEquals(-5, lastPosition(maker, TIDE));
        assertEquals(1, simulator.openOrderCount("maker-key"));
        assertEquals(1, a.openOrderCount());
    }

    @Test
    void shouldTradeAgainstBackgroundTradersAndReceiveBooksOnEveryProduct() throws Exception {
        startSimulator(VenueConfig.builder().quoteIntervalMillis(10).seed(3));
        final RecordingPublisher publisher = new RecordingPublisher();
        final WebSocketExchangeGateway gateway = gateway("engine-key", publisher);
        final Map<Integer, EngineEvent> books = new HashMap<>();
        for (int i = 0; i < REGISTRY.instrumentCount(); i++) {
            final int id = i;
            books.put(i, publisher.await("two-sided book of " + REGISTRY.instrumentName(i),
                e -> e.type == EventType.MARKET_BOOK && e.instrumentId == id && e.bidLevels > 0 && e.askLevels > 0));
        }
        final EngineEvent etf = books.get(ETF);
        assertTrue(etf.bestBid() < etf.bestAsk());
        gateway.sendNewOrder(1, ETF, Side.BUY, etf.bestAsk() + 500, 3, TimeInForce.IOC);
        publisher.await("fill against a background maker", e -> e.type == EventType.ORDER_EVENT
            && e.orderEventKind == OrderEventKind.FILL && e.clientOrderId == 1);
        publisher.await("terminal event of 1", e -> e.clientOrderId == 1 && (e.orderEventKind == OrderEventKind.CANCELLED
            || e.orderEventKind == OrderEventKind.FILL && e.leavesQty == 0));
        await("the venue's position report").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
            .until(() -> lastPosition(publisher, ETF) == simulator.position("engine-key", "LON_ETF"));
        assertEquals(netFromFills(publisher, ETF), simulator.position("engine-key", "LON_ETF"));
    }

    @Test
    void shouldSettleAutomaticallyAtTheEndOfAFastSimulatedDay() throws Exception {
        startSimulator(VenueConfig.builder().timeScale(86_400.0 / 4).quoteIntervalMillis(10).seed(4));
        final RecordingPublisher publisher = new RecordingPublisher();
        final WebSocketExchangeGateway gateway = gateway("day-key", publisher);
        final EngineEvent book = publisher.await("two-sided TIDE_SPOT book", e -> e.type == EventType.MARKET_BOOK
            && e.instrumentId == TIDE && e.bidLevels > 0 && e.askLevels > 0);
        gateway.sendNewOrder(1, TIDE, Side.BUY, book.bestAsk() + 300, 1, TimeInForce.IOC);
        final EngineEvent bought = publisher.await("fill of 1", fill(1, 0));
        // everything below is about the fill's own session: at 21,600x a session lasts seconds, so the
        // venue may have settled earlier ones, and opened later ones, while the test looks
        final long end = SettlementRules.defaults().nextSettlementAtOrAfter(bought.eventTimeNanos);
        final EngineEvent late = publisher.await("a book in the last hour of the fill's session", e -> e.type == EventType.MARKET_BOOK
            && e.instrumentId == TIDE && e.bidLevels > 0 && e.askLevels > 0
            && e.eventTimeNanos > end - 3_600_000_000_000L && e.eventTimeNanos < end);
        final double truth = new WorldSettlement(new SyntheticWorld(4), SettlementRules.defaults()).value("TIDE_SPOT", end);
        final double mid = (late.bestBid() + late.bestAsk()) / 2.0;
        assertTrue(Math.abs(mid - truth) < 400, "late quotes near the settlement: mid " + mid + " vs " + truth);
        final EngineEvent settlement = publisher.await("automatic settlement of the fill's session", e -> e.type == EventType.SETTLEMENT
            && e.instrumentId == TIDE && e.eventTimeNanos >= end);
        assertEquals(truth, settlement.value);
        assertEquals(1, settlement.position);
        assertEquals(simulator.realisedPnl("day-key"), truth - bought.fillPriceTicks, 1e-9);
    }

    private static long lastPosition(final RecordingPublisher publisher, final int instrument) {
        final List<EngineEvent> reports = publisher.matching(e -> e.type == EventType.POSITION_REPORT && e.instrumentId == instrument);
        return reports.isEmpty() ? 0 : reports.get(reports.size() - 1).position;
    }

    private static long netFromFills(final RecordingPublisher publisher, final int instrument) {
        long net = 0;
        for (final EngineEvent e : publisher.matching(e -> e.type == EventType.ORDER_EVENT
            && e.orderEventKind == OrderEventKind.FILL && e.instrumentId == instrument)) {
            net += Side.sign(e.side) * e.fillQty;
        }
        return net;
    }

    private static double cashFromFills(final RecordingPublisher publisher, final int instrument) {
        double cash = 0;
        for (final EngineEvent e : publisher.matching(e -> e.type == EventType.ORDER_EVENT
            && e.orderEventKind == OrderEventKind.FILL && e.instrumentId == instrument)) {
            cash -= Side.sign(e.side) * e.fillQty * (double)e.fillPriceTicks + e.fee;
        }
        return cash;
    }
}
