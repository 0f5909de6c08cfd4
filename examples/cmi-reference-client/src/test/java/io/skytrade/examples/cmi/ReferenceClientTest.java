package io.skytrade.examples.cmi;

import io.skytrade.exchange.sim.CmiVenueConfig;
import io.skytrade.exchange.sim.ExchangeSimulator;
import io.skytrade.exchange.sim.VenueConfig;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client written from the public CMI description alone trades against the simulator speaking
 * CMI (background traders quoting, venue time 10x the wall clock, so its one request a second of
 * venue time is one every 100 ms): it logs in, receives a snapshot of every product on the stream,
 * polls books, buys at the ask, rests and cancels bids, and sees its trades; the venue's position
 * agrees and its rate limit was never breached.
 */
@Tag("integration")
@Timeout(60)
class ReferenceClientTest {
    @Test
    void shouldTradeAgainstTheSimulatorSpeakingCmi() throws Exception {
        final List<String> products = List.of("TIDE_SPOT", "WX_SPOT", "LON_ETF");
        try (ExchangeSimulator sim = new ExchangeSimulator(VenueConfig.builder().products(products).timeScale(10)
            .worldStartNanos(Instant.parse("2026-11-25T09:00:00Z").toEpochMilli() * 1_000_000L).build(),
            new SystemEpochNanoClock(), CmiVenueConfig.builder().build())) {
            sim.start(0);
            Thread.sleep(500);
            final List<String> lines = new CopyOnWriteArrayList<>();
            try (ReferenceClient client = new ReferenceClient(sim.uri(), "ref", "pw", Duration.ofMillis(120), lines::add)) {
                final int cancelled = client.run(3);
                final long deadline = System.nanoTime() + 5_000_000_000L;
                while (client.trades().size() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertEquals(products.size(), client.streamedProducts().size(), "a snapshot of every product: " + lines);
                assertTrue(cancelled >= 1, "rested bids cancelled: " + lines);
                assertTrue(client.trades().size() >= 3, "bought at the ask each round, trades reported once: " + lines);
                long bought = 0;
                for (final var t : client.trades()) {
                    assertEquals("ref", t.get("buyer").asText());
                    bought += t.get("volume").asLong();
                }
                long position = 0;
                for (final String p : products) {
                    position += sim.cmiPosition("ref", p);
                }
                assertEquals(bought, position, "the venue's positions agree with the trades the stream reported: " + lines);
                assertEquals(0, sim.cmiRateLimitBreaches("ref"), "paced by the client itself: " + lines);
            }
        }
    }
}
