package io.skytrade.exchange.sim;

import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The protocol gaps of issue #11 item 5, each decided in PROTOCOL.md and held here over a real
 * loopback socket: out-of-range order values get reject reasons 2-6, a cancel must name the
 * order's product, a second login on a connection is refused, a new session pushes a
 * {@code login_ack}, invalid UTF-8 closes with 1007 and a binary frame gets an error, and each
 * problem is one log line.
 */
@Tag("integration")
@Timeout(30)
class VenueProtocolGapsTest {
    private static final long WORLD_START = Instant.parse("2026-02-27T12:00:00Z").getEpochSecond() * 1_000_000_000L;
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private ExchangeSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    private RawClient loggedIn(final VenueConfig.Builder config, final String key) throws InterruptedException {
        if (simulator == null) {
            simulator = new ExchangeSimulator(config.build(), new SystemEpochNanoClock(), new ProblemLog(logLines::add, System::nanoTime));
            simulator.start(0);
        }
        final RawClient client = RawClient.connect(simulator.uri());
        client.send("{\"type\":\"login\",\"apiKey\":\"" + key + "\",\"lastExecSeq\":0}");
        client.next("open_orders");
        return client;
    }

    private static VenueConfig.Builder quiet() {
        return VenueConfig.builder().backgroundTraders(false).worldStartNanos(WORLD_START);
    }

    private static String order(final String clOrdId, final String product, final String side, final String price,
                                final String qty, final String tif) {
        return "{\"type\":\"new_order\",\"clOrdId\":" + clOrdId + ",\"product\":\"" + product + "\",\"side\":\"" + side
            + "\",\"price\":" + price + ",\"qty\":" + qty + ",\"tif\":\"" + tif + "\"}";
    }

    @Test
    void shouldRejectOutOfRangeOrderValuesWithTheirOwnReasons() throws Exception {
        final RawClient client = loggedIn(quiet(), "k");
        final String[][] cases = {
            // clOrdId, product, side, price, qty, tif, expected reason
            {"0", "TIDE_SPOT", "BUY", "2600", "1", "GTC", "6"},
            {"-3", "TIDE_SPOT", "BUY", "2600", "1", "GTC", "6"},
            {"1", "TIDE_SPOT", "BUY", "-1", "1", "GTC", "2"},
            {"2", "TIDE_SPOT", "BUY", "1000000001", "1", "GTC", "2"},
            {"3", "TIDE_SPOT", "BUY", "2600", "0", "GTC", "3"},
            {"4", "TIDE_SPOT", "BUY", "2600", "99999999999999999999999", "GTC", "3"},
            {"5", "TIDE_SPOT", "HOLD", "2600", "1", "GTC", "4"},
            {"6", "TIDE_SPOT", "BUY", "2600", "1", "FOK", "5"},
            {"7", "NOPE", "BUY", "2600", "1", "GTC", "1"},
        };
        for (final String[] c : cases) {
            client.send(order(c[0], c[1], c[2], c[3], c[4], c[5]));
            final String reject = client.next("reject");
            assertTrue(reject.contains("\"clOrdId\":" + c[0] + ",") && reject.contains("\"reason\":" + c[6] + ","), reject);
        }
        client.send(order("8", "TIDE_SPOT", "BUY", "2600.5", "1", "GTC"));
        assertTrue(client.next("error").contains("\"code\":1,"), "a price that is not an integer is a decode error");
        client.assertNo("ack", 100);
        assertEquals(0, simulator.openOrderCount("k"));
    }

    @Test
    void shouldCancelOnlyWhenTheCancelNamesTheOrdersProduct() throws Exception {
        final RawClient client = loggedIn(quiet(), "k");
        client.send(order("1", "TIDE_SPOT", "BUY", "2600", "1", "GTC"));
        client.next("ack");
        client.send("{\"type\":\"cancel\",\"clOrdId\":1,\"product\":\"LON_ETF\"}");
        final String wrongProduct = client.next("cancel_reject");
        assertTrue(wrongProduct.contains("\"product\":\"LON_ETF\"") && wrongProduct.contains("\"reason\":10,"), wrongProduct);
        client.send("{\"type\":\"cancel\",\"clOrdId\":1,\"product\":\"NOPE\"}");
        assertTrue(client.next("cancel_reject").contains("\"reason\":1,"));
        client.send("{\"type\":\"cancel\",\"clOrdId\":0,\"product\":\"TIDE_SPOT\"}");
        assertTrue(client.next("cancel_reject").contains("\"reason\":6,"));
        assertEquals(1, simulator.openOrderCount("k"), "the order is still open");
        client.send("{\"type\":\"cancel\",\"clOrdId\":1,\"product\":\"TIDE_SPOT\"}");
        assertTrue(client.next("cancelled").contains("\"reason\":15,"));
        assertEquals(0, simulator.openOrderCount("k"));
    }

    @Test
    void shouldRefuseASecondLoginOnALoggedInConnection() throws Exception {
        final RawClient client = loggedIn(quiet(), "first");
        client.send("{\"type\":\"login\",\"apiKey\":\"second\",\"lastExecSeq\":0}");
        assertTrue(client.next("error").contains("\"code\":8,"));
        client.send("{\"type\":\"login\",\"apiKey\":\"first\",\"lastExecSeq\":0}");
        assertTrue(client.next("error").contains("\"code\":8,"));
        client.send(order("1", "TIDE_SPOT", "BUY", "2600", "1", "GTC"));
        client.next("ack");
        assertEquals(1, simulator.openOrderCount("first"), "the connection still trades as the first key");
        assertEquals(1, simulator.participantCount(), "no record was made for the second key");
        assertTrue(client.isOpen());
    }

    @Test
    void shouldPushALoginAckWhenTheNextSessionOpens() throws Exception {
        final long sessionEnd = WORLD_START + 30_000_000_000L;
        final RawClient client = loggedIn(quiet().sessionEndNanos(sessionEnd).timeScale(60).quoteIntervalMillis(20), "k");
        final String settledAt = "\"sessionEnd\":" + sessionEnd + ",";
        final String next = client.next("login_ack");
        assertFalse(next.contains(settledAt), "the pushed login_ack names the new session's end: " + next);
        assertTrue(next.contains("\"participant\":\"p10\"") && next.contains("\"lastExecSeq\":0,"), next);
        final long nextEnd = WORLD_START + 24 * 3_600_000_000_000L;
        assertEquals(nextEnd, simulator.sessionEndNanos(), "the next session ends at the next London noon");
        assertTrue(next.contains("\"sessionEnd\":" + nextEnd + ","), next);
    }

    /** PROTOCOL.md, Large integers: values beyond 2^53 are exact on the wire (what a JavaScript client must parse as BigInt). */
    @Test
    void shouldWriteIntegersBeyondTwoToThe53Exactly() throws Exception {
        final RawClient client = loggedIn(quiet(), "k");
        final long beyond = (1L << 53) + 1;
        client.send(order(Long.toString(beyond), "TIDE_SPOT", "BUY", "2600", "1", "GTC"));
        final String ack = client.next("ack");
        assertTrue(ack.contains("\"clOrdId\":9007199254740993,"), ack);
        final long ts = Long.parseLong(ack.replaceAll(".*\"ts\":(\\d+)}$", "$1"));
        assertTrue(ts > beyond, "venue time in nanoseconds is beyond 2^53: " + ts);
        client.send(order(Long.toString(Long.MAX_VALUE), "TIDE_SPOT", "BUY", "2600", "1", "GTC"));
        assertTrue(client.next("ack").contains("\"clOrdId\":9223372036854775807,"));
        client.send("{\"type\":\"cancel\",\"clOrdId\":9007199254740993,\"product\":\"TIDE_SPOT\"}");
        assertTrue(client.next("cancelled").contains("\"clOrdId\":9007199254740993,"));
    }

    @Test
    void shouldCloseOnInvalidUtf8WithCode1007AndLogOneLine() throws Exception {
        final RawClient client = loggedIn(quiet(), "k");
        final ByteBuffer bytes = StandardCharsets.UTF_8.encode("{\"type\":\"heartbeat\",\"ts\":1}");
        final byte[] invalid = new byte[bytes.remaining()];
        bytes.get(invalid);
        invalid[5] = (byte)0xC3;
        invalid[6] = (byte)0x28;
        client.sendTextBytes(invalid);
        assertEquals(1007, client.awaitCloseCode());
        awaitLogLine("1007");
        assertEquals(1, logLines.size(), "one line for the problem: " + logLines);
        assertTrue(logLines.get(0).contains("not valid UTF-8"), logLines.get(0));
        final RawClient again = loggedIn(quiet(), "k");
        again.send(order("1", "TIDE_SPOT", "BUY", "2600", "1", "GTC"));
        again.next("ack");
    }

    @Test
    void shouldAnswerABinaryFrameWithAnErrorAndKeepTheConnection() throws Exception {
        final RawClient client = loggedIn(quiet(), "k");
        client.send(new byte[] {1, 2, 3});
        assertTrue(client.next("error").contains("\"code\":1,\"text\":\"binary frame of 3 bytes"));
        client.send(order("1", "TIDE_SPOT", "BUY", "2600", "1", "GTC"));
        client.next("ack");
        assertTrue(client.isOpen());
    }

    @Test
    void shouldLogEachBadFrameAsOneLineRateLimited() throws Exception {
        final RawClient client = loggedIn(quiet(), "k");
        final int frames = 200;
        for (int i = 0; i < frames; i++) {
            client.send("{\"type\":\"new_order\",\"clOrdId\":" + i + "\n\tgarbage");
        }
        for (int i = 0; i < frames; i++) {
            assertTrue(client.next("error").contains("\"code\":1,"));
        }
        assertEquals(frames, simulator.problemCount(), "every bad frame is a counted problem");
        assertTrue(logLines.size() >= ProblemLog.BURST && logLines.size() <= ProblemLog.BURST + 2,
            "a burst of lines, then the rate limit: " + logLines.size());
        for (final String line : logLines) {
            assertTrue(line.indexOf('\n') < 0 && line.indexOf('\t') < 0 && !line.contains("\tat "), line);
            assertTrue(line.startsWith("venue: 127.0.0.1:") && line.contains("(p10): error 1: malformed JSON"), line);
        }
        assertEquals(0, simulator.venueFailureCount());
    }

    private void awaitLogLine(final String part) throws InterruptedException {
        final long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (final String line : logLines) {
                if (line.contains(part)) {
                    return;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no log line with '" + part + "' within 5 s: " + logLines);
    }
}
