package io.skytrade.exchange.cmi;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.exchange.RejectReason;
import io.skytrade.exchange.sim.CmiVenueConfig;
import io.skytrade.exchange.sim.ExchangeSimulator;
import io.skytrade.exchange.sim.VenueConfig;
import io.skytrade.exchange.testing.RecordingPublisher;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CMI gateway against the simulator speaking CMI, over real loopback HTTP and SSE, with two
 * users trading against each other (no background traders, so every fill is explained): place,
 * partial fill, cancel, IOC emulation, a stream reconnect while fills happen, a 429 storm, a
 * position-limit reject and token expiry. The venue runs 20x the wall clock; its rate limit (one
 * request a second per user, venue time) is enforced and its breaches counted.
 */
@Tag("integration")
@Timeout(60)
class CmiSimulatorLoopbackTest {
    private static final double SCALE = 20;
    private static final long WORLD_START = Instant.parse("2026-11-25T08:00:00Z").toEpochMilli() * 1_000_000L;
    private static final List<String> PRODUCTS = List.of("TIDE_SPOT", "WX_SPOT");

    private final InstrumentRegistry registry = InstrumentRegistry.of(PRODUCTS, List.of("x"));
    private final List<CmiGateway> gateways = new ArrayList<>();
    private ExchangeSimulator sim;

    private void start(final CmiVenueConfig.Builder cmi) {
        sim = new ExchangeSimulator(VenueConfig.builder().products(PRODUCTS).backgroundTraders(false).timeScale(SCALE)
            .worldStartNanos(WORLD_START).build(), new SystemEpochNanoClock(), cmi.build());
        sim.start(0);
    }

    private CmiGateway connect(final String user, final RecordingPublisher ring) throws InterruptedException {
        return connect(user, ring, CmiGatewayConfig.builder());
    }

    private CmiGateway connect(final String user, final RecordingPublisher ring, final CmiGatewayConfig.Builder b)
        throws InterruptedException {
        final CmiGateway g = new CmiGateway(b.baseUrl(sim.uri()).username(user).password("pw-" + user)
            .clockRate(SCALE).mismatchTimeoutMillis(20_000).pendingTradeMillis(20_000).build(), registry, ring,
            new ScaledTestClock(WORLD_START, SCALE));
        gateways.add(g);
        g.connect();
        assertTrue(g.awaitConnected(10_000), user + " did not connect");
        return g;
    }

    @AfterEach
    void stop() {
        gateways.forEach(CmiGateway::close);
        if (sim != null) {
            final long failures = sim.venueFailureCount();
            sim.stop();
            assertEquals(0, failures, "venue-thread tasks that threw (the CMI front end's included)");
        }
    }

    private static long fills(final RecordingPublisher ring, final long clOrdId) {
        long sum = 0;
        for (final EngineEvent e : ring.matching(e -> e.type == EventType.ORDER_EVENT && e.orderEventKind == OrderEventKind.FILL
            && e.clientOrderId == clOrdId)) {
            sum += e.fillQty;
        }
        return sum;
    }

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void shouldPlaceFillPartlyAndCancelAgainstAnotherUser() throws Exception {
        start(CmiVenueConfig.builder());
        final RecordingPublisher aliceRing = new RecordingPublisher();
        final RecordingPublisher bobRing = new RecordingPublisher();
        final CmiGateway alice = connect("alice", aliceRing);
        final CmiGateway bob = connect("bob", bobRing);

        bob.sendNewOrder(1, 0, Side.SELL, 2000, 3, TimeInForce.GTC);
        bobRing.await("bob's ask acked", RecordingPublisher.order(OrderEventKind.ACK, 1));
        aliceRing.await("alice sees bob's ask", e -> e.type == EventType.MARKET_BOOK && e.askLevels == 1 && e.askPrices[0] == 2000
            && e.askQtys[0] == 3);

        alice.sendNewOrder(11, 0, Side.BUY, 2000, 5, TimeInForce.GTC);
        aliceRing.await("alice acked", RecordingPublisher.order(OrderEventKind.ACK, 11));
        final EngineEvent partial = aliceRing.await("partial fill", RecordingPublisher.fill(11, 2));
        assertEquals(3, partial.fillQty);
        assertEquals(2000, partial.fillPriceTicks);
        bobRing.await("bob filled", RecordingPublisher.fill(1, 0));
        bobRing.await("alice's bid, in bob's book", e -> e.type == EventType.MARKET_BOOK && e.bidLevels == 1
            && e.bidPrices[0] == 2000 && e.bidQtys[0] == 2);
        aliceRing.await("bob's ask gone from alice's book", e -> e.type == EventType.MARKET_BOOK && e.instrumentId == 0
            && e.askLevels == 0);
        assertTrue(aliceRing.matching(e -> e.type == EventType.MARKET_BOOK && e.bidLevels > 0).isEmpty(),
            "alice's own bid never reached her engine as market data");

        alice.sendCancel(11, 0);
        final EngineEvent cancelled = aliceRing.await("rest cancelled", RecordingPublisher.order(OrderEventKind.CANCELLED, 11));
        assertEquals(2, cancelled.quantity);
        assertEquals(RejectReason.USER_CANCEL, cancelled.rejectReason);
        assertEquals(3, sim.cmiPosition("alice", "TIDE_SPOT"));
        assertEquals(-3, sim.cmiPosition("bob", "TIDE_SPOT"));
        assertEquals(0, sim.cmiOpenOrderCount("alice"));
        assertEquals(3L, (long)alice.inspect(s -> s.position(0)));
        assertEquals(0, sim.cmiRateLimitBreaches(), "the gateways kept to one request a second");
    }

    @Test
    void shouldEmulateIocWithThePlacementsRemainderCancelled() throws Exception {
        start(CmiVenueConfig.builder());
        final RecordingPublisher aliceRing = new RecordingPublisher();
        final RecordingPublisher bobRing = new RecordingPublisher();
        final CmiGateway alice = connect("alice", aliceRing);
        final CmiGateway bob = connect("bob", bobRing);
        bob.sendNewOrder(1, 1, Side.SELL, 3001, 2, TimeInForce.GTC);
        bobRing.await("acked", RecordingPublisher.order(OrderEventKind.ACK, 1));
        alice.sendNewOrder(21, 1, Side.BUY, 3005, 5, TimeInForce.IOC);
        final EngineEvent fill = aliceRing.await("fill", RecordingPublisher.fill(21, 3));
        assertEquals(3001, fill.fillPriceTicks, "filled at the resting order's price");
        final EngineEvent cancelled = aliceRing.await("remainder", RecordingPublisher.order(OrderEventKind.CANCELLED, 21));
        assertEquals(RejectReason.IOC_REMAINDER, cancelled.rejectReason);
        assertEquals(3, cancelled.quantity);
        await("no order left", () -> sim.cmiOpenOrderCount("alice") == 0);
        assertEquals(2, sim.cmiPosition("alice", "WX_SPOT"));
    }

    @Test
    void shouldCountEveryFillOnceAcrossAStreamReconnectMidSession() throws Exception {
        start(CmiVenueConfig.builder());
        final RecordingPublisher aliceRing = new RecordingPublisher();
        final RecordingPublisher bobRing = new RecordingPublisher();
        final CmiGateway alice = connect("alice", aliceRing);
        final CmiGateway bob = connect("bob", bobRing);
        alice.sendNewOrder(31, 0, Side.BUY, 1990, 10, TimeInForce.GTC);
        aliceRing.await("acked", RecordingPublisher.order(OrderEventKind.ACK, 31));
        bob.sendNewOrder(1, 0, Side.SELL, 1990, 2, TimeInForce.GTC);
        aliceRing.await("first fill", RecordingPublisher.fill(31, 8));

        sim.dropCmiStreams("alice");
        bob.sendNewOrder(2, 0, Side.SELL, 1990, 3, TimeInForce.GTC);
        bob.sendNewOrder(3, 0, Side.SELL, 1990, 1, TimeInForce.GTC);
        bobRing.await("bob's last sell filled", RecordingPublisher.fill(3, 0));
        aliceRing.await("the fills while the stream was down, reconciled", RecordingPublisher.fill(31, 4));
        assertTrue(alice.awaitConnected(10_000));
        bob.sendNewOrder(4, 0, Side.SELL, 1990, 4, TimeInForce.GTC);
        aliceRing.await("filled after the reconnect", RecordingPublisher.fill(31, 0));
        assertEquals(10, fills(aliceRing, 31), "no fill lost or counted twice");
        assertEquals(10, sim.cmiPosition("alice", "TIDE_SPOT"));
        assertEquals(10L, (long)alice.inspect(s -> s.position(0)));
        assertTrue(alice.inspect(CmiSession::streamOpens) >= 2);
        assertEquals(0L, (long)alice.inspect(CmiSession::unattributedFills));
    }

    @Test
    void shouldRideOutATooManyRequestsStormWithoutBreachingTheLimit() throws Exception {
        start(CmiVenueConfig.builder());
        final RecordingPublisher ring = new RecordingPublisher();
        final CmiGateway alice = connect("alice", ring, CmiGatewayConfig.builder().maxQueueAgeMillis(600_000));
        sim.injectCmiFaults(429, 6);
        for (int i = 0; i < 6; i++) {
            alice.sendNewOrder(40 + i, i % 2, Side.BUY, 100 + i, 1, TimeInForce.GTC);
        }
        for (int i = 0; i < 6; i++) {
            ring.await("order " + i + " placed after the storm", RecordingPublisher.order(OrderEventKind.ACK, 40 + i));
        }
        assertEquals(6, sim.cmiFaultsAnswered());
        assertEquals(6L, (long)alice.inspect(CmiSession::tooManyRequests));
        assertEquals(0, sim.cmiRateLimitBreaches("alice"), "the backoff never sent faster than the limit");
        assertEquals(6, sim.cmiOpenOrderCount("alice"), "each order placed exactly once");
    }

    @Test
    void shouldSurfaceThePositionLimitAsAReject() throws Exception {
        start(CmiVenueConfig.builder());
        final RecordingPublisher ring = new RecordingPublisher();
        final CmiGateway alice = connect("alice", ring);
        alice.sendNewOrder(51, 0, Side.BUY, 1500, 101, TimeInForce.GTC);
        final EngineEvent reject = ring.await("reject", RecordingPublisher.order(OrderEventKind.REJECT, 51));
        assertEquals(RejectReason.POSITION_LIMIT, reject.rejectReason);
        assertEquals(0, sim.cmiOpenOrderCount("alice"));
    }

    @Test
    void shouldLogInAgainWhenTheTokenExpires() throws Exception {
        start(CmiVenueConfig.builder().tokenTtlMillis(8000));
        final RecordingPublisher ring = new RecordingPublisher();
        final CmiGateway alice = connect("alice", ring);
        await("token expired and replaced", () -> alice.inspect(CmiSession::logins) >= 2);
        await("connected again", alice::isConnected);
        alice.sendNewOrder(61, 0, Side.BUY, 1500, 1, TimeInForce.GTC);
        ring.await("placed with the new token", RecordingPublisher.order(OrderEventKind.ACK, 61));
        assertEquals(0, sim.cmiRateLimitBreaches());
    }
}
