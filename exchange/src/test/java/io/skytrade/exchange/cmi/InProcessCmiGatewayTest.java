package io.skytrade.exchange.cmi;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.exchange.RejectReason;
import io.skytrade.exchange.sim.CmiVenueConfig;
import io.skytrade.exchange.sim.InProcessVenue;
import io.skytrade.exchange.sim.VenueConfig;
import io.skytrade.exchange.testing.RecordingPublisher;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CMI gateway on a virtual clock against the simulator's CMI front end in the same process
 * (what {@code evaluate} runs): it connects and reconciles in four requests a second apart, a
 * placement reaches the venue after the latency, and a cancel the strategy sends while the
 * placement is on its way follows the placement instead of pretending it was never sent.
 */
class InProcessCmiGatewayTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long LATENCY = 5_000_000L;
    private static final long START = Instant.parse("2026-11-25T09:00:00Z").toEpochMilli() * 1_000_000L;

    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(START);
    private final RecordingPublisher ring = new RecordingPublisher();
    private final InProcessVenue venue = new InProcessVenue(VenueConfig.builder().products(List.of("TIDE_SPOT", "WX_SPOT"))
        .backgroundTraders(false).build(), clock::nanoTime);
    private final InProcessCmiGateway gateway = new InProcessCmiGateway(CmiGatewayConfig.builder().username("eve").password("pw")
        .build(), InstrumentRegistry.of(List.of("TIDE_SPOT", "WX_SPOT"), List.of("x")), ring, clock,
        venue.cmi(CmiVenueConfig.builder().build()), LATENCY);

    /** Advances the clock to each of the gateway's wake-ups until {@code until}. */
    private void runUntil(final long until) {
        while (true) {
            final long wake = gateway.nextWakeNanos();
            if (wake > until) {
                clock.set(until);
                gateway.onTime();
                return;
            }
            clock.set(Math.max(clock.nanoTime(), wake));
            gateway.onTime();
        }
    }

    @Test
    void shouldConnectPlaceAndCancelAnOrderWhosePlacementIsInFlight() {
        gateway.connect();
        runUntil(START + 10 * SECOND);
        assertTrue(gateway.isConnected(), "login, products, open orders and positions, paced");
        assertEquals(1, gateway.connectCount());
        assertEquals(2, ring.matching(e -> e.type == EventType.POSITION_REPORT).size());
        assertEquals(2, ring.matching(e -> e.type == EventType.MARKET_BOOK).size(), "one snapshot per product on connect");

        gateway.sendNewOrder(7, 0, Side.BUY, 1500, 2, TimeInForce.GTC);
        gateway.onTime();
        assertTrue(gateway.nextWakeNanos() > clock.nanoTime(), "the placement is on its way");
        gateway.sendCancel(7, 0);
        runUntil(clock.nanoTime() + 5 * SECOND);

        final List<EngineEvent> events = ring.matching(e -> e.type == EventType.ORDER_EVENT && e.clientOrderId == 7);
        assertEquals(2, events.size(), events.toString());
        assertEquals(OrderEventKind.ACK, events.get(0).orderEventKind);
        assertEquals(OrderEventKind.CANCELLED, events.get(1).orderEventKind);
        assertEquals(RejectReason.USER_CANCEL, events.get(1).rejectReason);
        assertEquals(2, events.get(1).quantity);
        assertEquals(0, gateway.session().coalesced(), "the order was sent, so its cancel was sent too");
        assertEquals(0, gateway.session().queued());
        assertEquals(0, gateway.session().liveOrders());
    }
}
