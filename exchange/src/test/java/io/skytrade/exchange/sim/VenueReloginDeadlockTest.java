package io.skytrade.exchange.sim;

import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Defect 1 of issue #11: logged-in clients send orders, cancels and re-logins with the same API
 * keys while the superseded connections close from both ends (the reconnect PROTOCOL.md
 * recommends). The venue must never wedge: no Java-level deadlock, and afterwards a new client
 * logs in, trades and cancels within a deadline.
 */
@Tag("integration")
@Timeout(120)
class VenueReloginDeadlockTest {
    private static final int CLIENTS = 4;
    private static final long WORKLOAD_NANOS = TimeUnit.SECONDS.toNanos(4);

    @Test
    void shouldNeverWedgeWhenReloginsSupersedeClosingConnections() throws Exception {
        final ExchangeSimulator simulator = new ExchangeSimulator(VenueConfig.builder().quoteIntervalMillis(5)
            .heartbeatIntervalMillis(20).orderRatePerSecond(0).build());
        simulator.start(0);
        try {
            final AtomicReference<Throwable> failure = new AtomicReference<>();
            final List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                final int client = c;
                final Thread t = new Thread(() -> hammer(simulator.uri(), client, failure), "relogin-client-" + c);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            final long deadline = System.nanoTime() + WORKLOAD_NANOS + TimeUnit.SECONDS.toNanos(30);
            for (final Thread t : threads) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            assertNoDeadlock();
            for (final Thread t : threads) {
                assertTrue(!t.isAlive(), t.getName() + " still running 30 s after the workload: the venue stopped answering");
            }
            if (failure.get() != null) {
                throw new AssertionError("a client failed", failure.get());
            }
            assertNewClientTradesAndCancels(simulator.uri());
        } finally {
            assertNoDeadlock();
            simulator.stop();
        }
    }

    /** One client: connect, log in with one of two shared keys, trade a little, leave abruptly or politely, repeat. */
    private static void hammer(final String uri, final int client, final AtomicReference<Throwable> failure) {
        final SplittableRandom random = new SplittableRandom(1100 + client);
        final long end = System.nanoTime() + WORKLOAD_NANOS;
        long clOrdId = 1_000_000L * (client + 1);
        try {
            while (System.nanoTime() < end) {
                final RawClient c = new RawClient(uri);
                if (!c.connectBlocking(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("client " + client + " could not connect: the venue completes no handshake");
                }
                final String key = "shared-" + random.nextInt(2);
                try {
                    c.send("{\"type\":\"login\",\"apiKey\":\"" + key + "\",\"lastExecSeq\":0}");
                    final int messages = random.nextInt(20);
                    for (int m = 0; m < messages; m++) {
                        final String product = VenueConfig.DEFAULT_PRODUCTS.get(random.nextInt(3));
                        if (random.nextInt(3) == 0) {
                            c.send("{\"type\":\"cancel\",\"clOrdId\":" + (clOrdId - random.nextInt(5)) + ",\"product\":\"" + product + "\"}");
                        } else if (random.nextInt(8) == 0) {
                            c.send("{\"type\":\"login\",\"apiKey\":\"" + key + "\",\"lastExecSeq\":0}");
                        } else {
                            c.send("{\"type\":\"new_order\",\"clOrdId\":" + (++clOrdId) + ",\"product\":\"" + product
                                + "\",\"side\":\"" + (random.nextBoolean() ? "BUY" : "SELL") + "\",\"price\":" + (2000 + random.nextInt(1500))
                                + ",\"qty\":" + (1 + random.nextInt(3)) + ",\"tif\":\"" + (random.nextBoolean() ? "GTC" : "IOC") + "\"}");
                        }
                    }
                } catch (final WebsocketNotConnectedException ex) {
                    continue; // superseded by another client's login and closed by the venue: connect again
                }
                switch (random.nextInt(3)) {
                    case 0 -> {
                        final Socket socket = c.getSocket();
                        if (socket != null) {
                            socket.close();
                        }
                    }
                    case 1 -> c.close();
                    default -> {
                    }
                }
            }
        } catch (final Exception | AssertionError ex) {
            failure.compareAndSet(null, ex);
        }
    }

    private static void assertNewClientTradesAndCancels(final String uri) throws Exception {
        final RawClient c = new RawClient(uri);
        assertTrue(c.connectBlocking(10, TimeUnit.SECONDS), "a new client connects after the workload");
        c.send("{\"type\":\"login\",\"apiKey\":\"after-the-storm\",\"lastExecSeq\":0}");
        c.next("open_orders");
        c.send("{\"type\":\"new_order\",\"clOrdId\":1,\"product\":\"TIDE_SPOT\",\"side\":\"BUY\",\"price\":1,\"qty\":1,\"tif\":\"GTC\"}");
        assertTrue(c.next("ack").contains("\"clOrdId\":1,"));
        c.send("{\"type\":\"cancel\",\"clOrdId\":1,\"product\":\"TIDE_SPOT\"}");
        assertTrue(c.next("cancelled").contains("\"reason\":15,"));
        c.closeBlocking();
    }

    private static void assertNoDeadlock() {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final long[] ids = threads.findDeadlockedThreads();
        if (ids != null) {
            final StringBuilder dump = new StringBuilder("Java-level deadlock in the venue:\n");
            for (final ThreadInfo info : threads.getThreadInfo(ids, true, true)) {
                dump.append(info);
            }
            fail(dump.toString());
        }
    }
}
