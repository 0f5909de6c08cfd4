package io.skytrade.exchange.sim;

import io.skytrade.core.time.ManualEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #11 defect 2: participant records are released when their key has no connection and owns
 * nothing, after {@code participantIdleTimeoutMillis}; the cap on records held at once is refused
 * with its own error code (7); a participant that still owns something, or is owed a settlement,
 * keeps its record and its replay.
 */
@Tag("integration")
@Timeout(60)
class ParticipantReleaseTest {
    private static final long WORLD_START = Instant.parse("2026-02-27T12:00:00Z").getEpochSecond() * 1_000_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private ExchangeSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    private ExchangeSimulator start(final VenueConfig.Builder config) {
        simulator = new ExchangeSimulator(config.backgroundTraders(false).worldStartNanos(WORLD_START).build());
        simulator.start(0);
        return simulator;
    }

    private RawClient login(final String key, final long lastExecSeq) throws InterruptedException {
        final RawClient client = RawClient.connect(simulator.uri());
        client.send("{\"type\":\"login\",\"apiKey\":\"" + key + "\",\"lastExecSeq\":" + lastExecSeq + "}");
        return client;
    }

    @Test
    void shouldLetFarMoreDistinctKeysThanSlotsLogInOverTime() throws Exception {
        start(VenueConfig.builder().participantIdleTimeoutMillis(0));
        final int keys = 150;
        for (int k = 0; k < keys; k++) {
            final RawClient client = login("key-" + k, 0);
            assertTrue(client.next("login_ack").contains("\"lastExecSeq\":0,"), "key " + k + " logs in");
            client.next("open_orders");
            client.send("{\"type\":\"new_order\",\"clOrdId\":1,\"product\":\"TIDE_SPOT\",\"side\":\"BUY\",\"price\":1,\"qty\":1,\"tif\":\"GTC\"}");
            client.next("ack");
            client.send("{\"type\":\"cancel\",\"clOrdId\":1,\"product\":\"TIDE_SPOT\"}");
            client.next("cancelled");
            client.closeBlocking();
        }
        awaitEquals(0, simulator::participantCount, "records held once every key left");
        assertEquals(keys, simulator.releasedParticipantCount());
    }

    @Test
    void shouldRefuseANewKeyWithErrorSevenWhileEverySlotIsHeld() throws Exception {
        final int clientSlots = 2;
        start(VenueConfig.builder().maxParticipants(VenueConfig.DEFAULT_PRODUCTS.size() + 1 + clientSlots)
            .participantIdleTimeoutMillis(0));
        final RawClient a = login("a", 0);
        a.next("open_orders");
        final RawClient b = login("b", 0);
        b.next("open_orders");
        final RawClient c = login("c", 0);
        assertTrue(c.next("error").contains("\"code\":7,"));
        assertEquals(1008, c.awaitCloseCode());
        a.closeBlocking();
        awaitEquals(1, simulator::participantCount, "records held after a left");
        final RawClient again = login("c", 0);
        assertTrue(again.next("login_ack").contains("\"lastExecSeq\":0,"), "c gets the slot a freed");
    }

    @Test
    void shouldKeepAParticipantWithAnOpenOrderAndReplayItsReports() throws Exception {
        start(VenueConfig.builder().participantIdleTimeoutMillis(0));
        final RawClient first = login("k", 0);
        first.next("open_orders");
        first.send("{\"type\":\"new_order\",\"clOrdId\":7,\"product\":\"TIDE_SPOT\",\"side\":\"BUY\",\"price\":1,\"qty\":1,\"tif\":\"GTC\"}");
        first.next("ack");
        first.closeBlocking();
        awaitEquals(0, simulator::connectionCount, "connections");
        simulator.releaseIdleParticipantsNow();
        assertEquals(1, simulator.participantCount(), "a participant with an open order is never released");
        final RawClient back = login("k", 0);
        assertTrue(back.next("login_ack").contains("\"lastExecSeq\":1,"));
        assertTrue(back.next("ack").contains("\"execSeq\":1,\"clOrdId\":7,"), "the ack is replayed");
        assertTrue(back.next("open_orders").contains("\"clOrdId\":7,"));
    }

    @Test
    void shouldHoldASettlementForAnAbsentClientUntilTheIdleTimeoutThenRelease() throws Exception {
        final ManualEpochNanoClock wall = new ManualEpochNanoClock(WORLD_START);
        simulator = new ExchangeSimulator(VenueConfig.builder().backgroundTraders(false).worldStartNanos(WORLD_START)
            .participantIdleTimeoutMillis(60_000).build(), wall);
        simulator.start(0);
        final RawClient seller = login("seller", 0);
        seller.next("open_orders");
        final RawClient buyer = login("buyer", 0);
        buyer.next("open_orders");
        seller.send("{\"type\":\"new_order\",\"clOrdId\":1,\"product\":\"TIDE_SPOT\",\"side\":\"SELL\",\"price\":2600,\"qty\":1,\"tif\":\"GTC\"}");
        seller.next("ack");
        buyer.send("{\"type\":\"new_order\",\"clOrdId\":1,\"product\":\"TIDE_SPOT\",\"side\":\"BUY\",\"price\":2600,\"qty\":1,\"tif\":\"IOC\"}");
        assertTrue(buyer.next("fill").contains("\"execSeq\":2,"));
        buyer.closeBlocking();
        awaitEquals(1, simulator::connectionCount, "connections once the buyer left (the seller's)");
        wall.advance(120 * SECOND);
        simulator.releaseIdleParticipantsNow();
        assertEquals(2, simulator.participantCount(), "a participant with a position is kept however long it is away");
        simulator.settleNow();
        wall.advance(30 * SECOND);
        simulator.releaseIdleParticipantsNow();
        assertEquals(2, simulator.participantCount(), "flat now, but its settlement waits out the idle timeout");
        final RawClient back = login("buyer", 2);
        assertTrue(back.next("login_ack").contains("\"lastExecSeq\":3,"));
        assertTrue(back.next("settlement").contains("\"execSeq\":3,"), "the settlement sent while away is replayed");
        back.next("open_orders");
        back.closeBlocking();
        awaitEquals(1, simulator::connectionCount, "connections once the buyer left again (the seller's)");
        wall.advance(59 * SECOND);
        simulator.releaseIdleParticipantsNow();
        assertEquals(2, simulator.participantCount(), "59 s after the buyer left, within the idle timeout");
        wall.advance(2 * SECOND);
        simulator.releaseIdleParticipantsNow();
        assertEquals(1, simulator.participantCount(), "records held after the buyer's idle timeout");
        final RawClient fresh = login("buyer", 3);
        assertTrue(fresh.next("login_ack").contains("\"lastExecSeq\":0,"), "a released key starts afresh, shown by lastExecSeq 0");
    }

    private static void awaitEquals(final int expected, final IntSupplier actual, final String what) throws InterruptedException {
        final long deadline = System.nanoTime() + 5 * SECOND;
        while (actual.getAsInt() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(expected, actual.getAsInt(), what);
    }
}
