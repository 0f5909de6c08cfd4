package io.skytrade.exchange.gateway;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.exchange.RejectReason;
import io.skytrade.exchange.sim.ExchangeSimulator;
import io.skytrade.exchange.sim.VenueConfig;
import io.skytrade.exchange.testing.RecordingPublisher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.awaitility.Awaitility.await;
import static io.skytrade.exchange.testing.RecordingPublisher.order;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Orders, cancels and crossing flow while connections are repeatedly killed from both ends: in
 * the end every client order id has exactly one accept-or-reject outcome, the venue acknowledged
 * it at most once (and only if the engine saw that ack), and positions and open orders agree.
 */
@Tag("integration")
@Timeout(120)
class GatewayReconnectStressTest {
    private static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(VenueConfig.DEFAULT_PRODUCTS, List.of());

    @Test
    void shouldNeverDuplicateOrLoseAnOrderAcrossRepeatedDisconnects() throws Exception {
        final ExchangeSimulator simulator = new ExchangeSimulator(VenueConfig.builder().backgroundTraders(false)
            .heartbeatIntervalMillis(50).build());
        simulator.start(0);
        final RecordingPublisher maker = new RecordingPublisher();
        final RecordingPublisher taker = new RecordingPublisher();
        final WebSocketExchangeGateway a = gateway(simulator, "maker", maker, 11);
        final WebSocketExchangeGateway b = gateway(simulator, "taker", taker, 12);
        try {
            assertTrue(a.awaitConnected(10_000) && b.awaitConnected(10_000));
            final SplittableRandom random = new SplittableRandom(2026);
            final int orders = 300;
            for (int id = 1; id <= orders; id++) {
                final int instrument = random.nextInt(3);
                a.sendNewOrder(id, instrument, Side.SELL, 2600 + random.nextInt(5), 1, TimeInForce.GTC);
                if (random.nextInt(3) == 0) {
                    b.sendNewOrder(id, instrument, Side.BUY, 2604, 1, TimeInForce.IOC);
                }
                if (random.nextInt(4) == 0) {
                    a.sendCancel(1 + random.nextInt(id), instrument);
                }
                if (random.nextInt(40) == 0) {
                    if (random.nextBoolean()) {
                        simulator.closeAllConnections();
                    } else {
                        a.dropConnection();
                    }
                }
                Thread.sleep(random.nextInt(3));
            }
            assertTrue(a.awaitConnected(20_000) && b.awaitConnected(20_000));
            for (int id = 1; id <= orders; id++) {
                final long clOrdId = id;
                maker.await("outcome of " + id, e -> e.type == EventType.ORDER_EVENT && e.clientOrderId == clOrdId
                    && (e.orderEventKind == OrderEventKind.ACK || e.orderEventKind == OrderEventKind.REJECT));
            }
            await("the maker's open orders reconciled with the venue's").atMost(Duration.ofSeconds(30))
                .until(() -> a.openOrderCount() == simulator.openOrderCount("maker"));
            assertTrue(a.connectCount() > 1, "connections were killed");
            int acked = 0;
            for (int id = 1; id <= orders; id++) {
                final int acks = maker.matching(order(OrderEventKind.ACK, id)).size();
                final List<EngineEvent> rejects = maker.matching(order(OrderEventKind.REJECT, id));
                assertEquals(1, acks + rejects.size(), "exactly one outcome for " + id);
                final int venueAcks = simulator.executionCount("maker", "ack", id);
                assertEquals(acks, venueAcks, "venue acks of " + id + " equal the engine's");
                if (!rejects.isEmpty()) {
                    final int reason = rejects.get(0).rejectReason;
                    assertTrue(reason == RejectReason.NOT_CONNECTED || reason == RejectReason.LOST_IN_TRANSIT
                        || reason == RejectReason.POSITION_LIMIT || reason == RejectReason.RATE_LIMIT,
                        "reject reason of " + id + ": " + RejectReason.name(reason));
                }
                acked += acks;
            }
            assertTrue(acked > orders / 4, "most orders reached the venue: " + acked);
            assertEquals(simulator.openOrderCount("maker"), a.openOrderCount());
            for (int i = 0; i < 3; i++) {
                final int instrument = i;
                long net = 0;
                for (final EngineEvent e : maker.matching(e -> e.type == EventType.ORDER_EVENT
                    && e.orderEventKind == OrderEventKind.FILL && e.instrumentId == instrument)) {
                    net += Side.sign(e.side) * e.fillQty;
                }
                assertEquals(simulator.position("maker", REGISTRY.instrumentName(i)), net, "fills of " + REGISTRY.instrumentName(i));
            }
        } finally {
            a.close();
            b.close();
            simulator.stop();
        }
    }

    private static WebSocketExchangeGateway gateway(final ExchangeSimulator simulator, final String key,
                                                    final RecordingPublisher publisher, final long seed) {
        final WebSocketExchangeGateway gateway = new WebSocketExchangeGateway(
            GatewayConfig.builder().uri(simulator.uri()).apiKey(key).heartbeatIntervalMillis(50).staleAfterMillis(1000)
                .backoffInitialMillis(5).backoffMaxMillis(50).jitterSeed(seed).build(),
            REGISTRY, publisher, new ManualEpochNanoClock(1));
        gateway.connect();
        return gateway;
    }
}
