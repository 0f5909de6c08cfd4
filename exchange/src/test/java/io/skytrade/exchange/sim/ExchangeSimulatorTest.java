package io.skytrade.exchange.sim;

import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldSettlement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("integration")
@Timeout(30)
class ExchangeSimulatorTest {
    private static final long WORLD_START = Instant.parse("2026-02-27T12:00:00Z").getEpochSecond() * 1_000_000_000L;
    private ExchangeSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    private ExchangeSimulator start(final VenueConfig config) {
        simulator = new ExchangeSimulator(config);
        simulator.start(0);
        return simulator;
    }

    @Test
    void shouldServeTheMinimalSessionOfTheProtocolDocument() throws Exception {
        start(VenueConfig.builder().backgroundTraders(false).worldStartNanos(WORLD_START).build());
        final RawClient client = RawClient.connect(simulator.uri());
        client.send("{\"type\":\"login\",\"apiKey\":\"demo-key-0001\",\"lastExecSeq\":0}");
        assertTrue(client.next("login_ack").contains("\"lastExecSeq\":0"));
        assertTrue(client.next("products").contains("{\"symbol\":\"LON_FLY\",\"tick\":1,\"limit\":100}"));
        assertTrue(client.next("open_orders").startsWith("{\"type\":\"open_orders\",\"orders\":[],"));
        client.send("{\"type\":\"subscribe\",\"products\":[\"TIDE_SPOT\"]}");
        assertTrue(client.next("book_snapshot").contains("\"seq\":1,"));
        client.send("{\"type\":\"new_order\",\"clOrdId\":1,\"product\":\"TIDE_SPOT\",\"side\":\"BUY\",\"price\":2600,\"qty\":1,\"tif\":\"GTC\"}");
        assertTrue(client.next("ack").startsWith("{\"type\":\"ack\",\"execSeq\":1,\"clOrdId\":1,"));
        assertTrue(client.next("book_update").contains("\"seq\":2,"));
        client.send("{\"type\":\"cancel\",\"clOrdId\":1,\"product\":\"TIDE_SPOT\"}");
        final String cancelled = client.next("cancelled");
        assertTrue(cancelled.contains("\"execSeq\":2,") && cancelled.contains("\"reason\":15,"), cancelled);
        client.send("{\"type\":\"new_order\",\"clOrdId\":1,\"product\":\"TIDE_SPOT\",\"side\":\"BUY\",\"price\":2600,\"qty\":1,\"tif\":\"GTC\"}");
        assertTrue(client.next("reject").contains("\"reason\":7,"));
        client.send("{\"type\":\"new_order\",\"clOrdId\":2}");
        assertTrue(client.next("error").contains("missing member 'product' in new_order"));
        client.closeBlocking();
    }

    @Test
    void shouldRequireLoginAndAcceptOnlyConfiguredKeys() throws Exception {
        start(VenueConfig.builder().backgroundTraders(false).apiKeys(Set.of("good-key")).build());
        final RawClient client = RawClient.connect(simulator.uri());
        client.send("{\"type\":\"subscribe\",\"products\":[\"TIDE_SPOT\"]}");
        assertTrue(client.next("error").contains("\"code\":2,"));
        client.send("{\"type\":\"login\",\"apiKey\":\"bad-key\",\"lastExecSeq\":0}");
        assertTrue(client.next("error").contains("\"code\":3,"));
        await("the venue closes the connection of a refused key").atMost(Duration.ofSeconds(30)).until(() -> !client.isOpen());
    }

    @Test
    void shouldQuoteAroundTheSettlementAndSettleOnTheWorld() throws Exception {
        start(VenueConfig.builder().worldStartNanos(WORLD_START).quoteIntervalMillis(5).seed(9).build());
        final RawClient client = RawClient.connect(simulator.uri());
        client.send("{\"type\":\"login\",\"apiKey\":\"k\",\"lastExecSeq\":0}");
        client.next("open_orders");
        client.send("{\"type\":\"subscribe\",\"products\":[\"LON_ETF\"]}");
        client.next("book_snapshot");
        client.next("trade");
        final String update = client.next("book_update");
        assertTrue(update.contains("\"product\":\"LON_ETF\""), update);
        final double truth = simulator.settlementValue("LON_ETF");
        assertEquals(new WorldSettlement(new SyntheticWorld(9), SettlementRules.defaults()).value("LON_ETF", simulator.sessionEndNanos()),
            truth);
        client.send("{\"type\":\"new_order\",\"clOrdId\":5,\"product\":\"LON_ETF\",\"side\":\"BUY\",\"price\":" + Math.round(truth * 2)
            + ",\"qty\":2,\"tif\":\"IOC\"}");
        client.next("fill");
        final long position = simulator.position("k", "LON_ETF");
        assertTrue(position > 0 && position <= 2, "position " + position);
        simulator.settleNow();
        final String settlement = client.next("settlement");
        assertTrue(settlement.contains("\"position\":" + position + ","), settlement);
        client.send("{\"type\":\"new_order\",\"clOrdId\":6,\"product\":\"LON_ETF\",\"side\":\"BUY\",\"price\":1,\"qty\":1,\"tif\":\"GTC\"}");
        assertTrue(client.next("reject").contains("\"reason\":11,"));
        client.closeBlocking();
    }
}
