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
import io.skytrade.exchange.sim.InProcessVenue;
import io.skytrade.exchange.sim.VenueConfig;
import io.skytrade.exchange.testing.RecordingPublisher;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulated venue driven in-process on a manual clock, through the in-process gateway: the
 * protocol's login, subscription, books, order entry and settlement with no socket and no thread,
 * each happening at the time the test sets.
 */
class InProcessExchangeGatewayTest {
    private static final long SECOND = 1_000_000_000L;
    /** 2026-01-10 11:59:00 UTC: one minute before the London noon settlement. */
    private static final long START = 1_768_046_340_000_000_000L;
    private static final List<String> PRODUCTS = List.of("TIDE_SPOT", "WX_SPOT");

    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(START);
    private final RecordingPublisher published = new RecordingPublisher();
    private final ArrayDeque<String> toVenue = new ArrayDeque<>();
    private final InProcessVenue venue = new InProcessVenue(VenueConfig.builder().products(PRODUCTS).seed(5).build(),
        clock::nanoTime);
    private final InProcessExchangeGateway gateway = new InProcessExchangeGateway(
        InstrumentRegistry.of(PRODUCTS, List.of("thames_level_m")), published, clock, "k", 1, toVenue::add);
    private final InProcessVenue.Connection connection = venue.connect(gateway::onFrame);

    private void deliver() {
        while (!toVenue.isEmpty()) {
            connection.send(toVenue.pollFirst());
        }
    }

    @Test
    void shouldLogInSubscribeAndPublishBooksAtTheClocksTime() {
        gateway.sendNewOrder(1, 0, Side.BUY, 100, 1, TimeInForce.GTC);
        assertEquals(RejectReason.NOT_CONNECTED, published.snapshot().get(0).rejectReason, "an order before the login is refused locally");
        gateway.connect();
        deliver();
        assertTrue(gateway.isConnected());
        venue.onTimer();
        deliver();
        final List<EngineEvent> books = published.matching(e -> e.type == EventType.MARKET_BOOK && e.hasTwoSidedBook());
        assertFalse(books.isEmpty(), "the background traders' quotes reach the gateway as books");
        for (final EngineEvent b : books) {
            assertEquals(START, b.receiveTimeNanos);
        }
    }

    @Test
    void shouldFillAnOrderAndReportTheSettlementOnTheSeededWorld() {
        gateway.connect();
        deliver();
        venue.onTimer();
        deliver();
        final EngineEvent book = published.matching(e -> e.type == EventType.MARKET_BOOK && e.instrumentId == 0
            && e.hasTwoSidedBook()).get(0);
        clock.set(START + SECOND);
        gateway.sendNewOrder(7, 0, Side.BUY, book.bestAsk(), 1, TimeInForce.IOC);
        gateway.sendNewOrder(7, 0, Side.BUY, book.bestAsk(), 1, TimeInForce.IOC);
        assertEquals(RejectReason.DUPLICATE_CLIENT_ORDER_ID, published.matching(RecordingPublisher.order(OrderEventKind.REJECT, 7))
            .get(0).rejectReason, "a repeated client order id never reaches the venue");
        deliver();
        final EngineEvent fill = published.matching(RecordingPublisher.fill(7, 0)).get(0);
        assertEquals(book.bestAsk(), fill.fillPriceTicks);
        assertEquals(START + SECOND, fill.eventTimeNanos, "venue stamps follow the driving clock");

        final long noon = venue.sessionEnd();
        clock.set(noon);
        venue.onTimer();
        deliver();
        assertTrue(venue.isSettled());
        final EngineEvent settlement = published.matching(e -> e.type == EventType.SETTLEMENT && e.instrumentId == 0).get(0);
        assertEquals(new WorldSettlement(new SyntheticWorld(5), SettlementRules.defaults()).value("TIDE_SPOT", noon), settlement.value);
        assertEquals(1, settlement.position);
        assertEquals(settlement.value, venue.settlementValue("TIDE_SPOT"));
    }
}
