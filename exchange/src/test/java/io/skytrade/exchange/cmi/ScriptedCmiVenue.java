package io.skytrade.exchange.cmi;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A CMI venue scripted by a test on OkHttp's MockWebServer: logins hand out tokens {@code tok-1},
 * {@code tok-2}, ...; the product list, open orders, positions and trades are whatever the test
 * set (the trade list honours {@code from}, as the venue's does); placements and cancels are answered by the test's functions (or queued canned replies);
 * the event stream sends what the test pushes and stays open until the test ends it. Every request
 * is recorded with its arrival time once its answer is made.
 */
final class ScriptedCmiVenue extends Dispatcher {
    /** One recorded request. */
    record Seen(String method, String path, String authorization, String body, long atNanos) {
    }

    private static final String END = "\u0000end";

    final MockWebServer server = new MockWebServer();
    private final List<Seen> seen = new ArrayList<>();
    private final Deque<MockResponse> canned = new ArrayDeque<>();
    private volatile BlockingQueue<String> stream;
    private int tokens;
    volatile String products = "[{\"symbol\":\"TIDE_SPOT\",\"tickSize\":1,\"startingPrice\":2000,\"contractSize\":1},"
        + "{\"symbol\":\"WX_SPOT\",\"tickSize\":1,\"startingPrice\":3000,\"contractSize\":1}]";
    volatile String openOrders = "[]";
    volatile String positions = "[]";
    volatile String trades = "[]";
    volatile Function<String, MockResponse> placements = body -> json(200, "{\"id\":\"00000000-0000-0000-0000-000000000001\","
        + "\"status\":\"ACTIVE\",\"product\":\"TIDE_SPOT\",\"side\":\"BUY\",\"price\":100,\"volume\":1,\"filled\":0,"
        + "\"user\":\"alice\",\"timestamp\":\"2026-02-28T14:07:30.547773253Z\",\"targetUser\":null,\"message\":\"\"}");
    volatile Function<String, MockResponse> cancels = id -> json(200, "");
    volatile int streamStatus = 200;

    ScriptedCmiVenue() throws IOException {
        server.setDispatcher(this);
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    String url() {
        return server.url("/").toString();
    }

    /** Answers the next request (of any kind but the stream) with {@code response} instead of the script. */
    synchronized void enqueue(final MockResponse response) {
        canned.addLast(response);
    }

    /** Sends one event on the open stream (waits up to 5 s for it to be open). */
    void push(final String type, final String data) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (stream == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the client never opened the stream");
            }
            Thread.sleep(2);
        }
        stream.put("event: " + type + "\ndata: " + data + "\n\n");
    }

    /** Ends the open stream (the client sees the venue close it). */
    void endStream() throws InterruptedException {
        final BlockingQueue<String> s = stream;
        if (s != null) {
            stream = null;
            s.put(END);
        }
    }

    boolean streamOpen() {
        return stream != null;
    }

    synchronized List<Seen> seen() {
        return new ArrayList<>(seen);
    }

    synchronized List<Seen> seen(final String method, final String pathPrefix) {
        final List<Seen> out = new ArrayList<>();
        for (final Seen s : seen) {
            if (s.method().equals(method) && s.path().startsWith(pathPrefix)) {
                out.add(s);
            }
        }
        return out;
    }

    /** Waits up to 10 s for {@code n} requests of a kind. */
    List<Seen> await(final String method, final String pathPrefix, final int n) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            final List<Seen> s = seen(method, pathPrefix);
            if (s.size() >= n) {
                return s;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + n + " " + method + " " + pathPrefix + ", saw " + seen());
            }
            Thread.sleep(2);
        }
    }

    @Override
    public MockResponse dispatch(final RecordedRequest request) {
        final String path = request.getUrl().encodedPath() + (request.getUrl().encodedQuery() == null ? "" : "?" + request.getUrl().encodedQuery());
        final String body = request.getBody() == null ? "" : request.getBody().utf8();
        final long at = System.nanoTime();
        final MockResponse response = answer(request, path, body);
        synchronized (this) {
            // recorded once answered: a test that saw the request may change the script for the next one
            seen.add(new Seen(request.getMethod(), path, request.getHeaders().get("Authorization"), body, at));
        }
        return response;
    }

    private MockResponse answer(final RecordedRequest request, final String path, final String body) {
        final MockResponse next;
        synchronized (this) {
            next = path.equals("/api/market/stream") ? null : canned.pollFirst();
        }
        if (next != null) {
            return next;
        }
        if (path.equals("/api/user/authenticate")) {
            final int n;
            synchronized (this) {
                n = ++tokens;
            }
            return new MockResponse.Builder().code(200).setHeader("Authorization", "tok-" + n).body("").build();
        }
        if (path.equals("/api/market/stream")) {
            if (streamStatus != 200) {
                return json(streamStatus, "unauthorised");
            }
            final BlockingQueue<String> events = new LinkedBlockingQueue<>();
            stream = events;
            return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream; charset=utf-8")
                .body(new StreamBody(events)).onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build();
        }
        if (path.equals("/api/product")) {
            return json(200, products);
        }
        if (path.equals("/api/order/current-user")) {
            return json(200, openOrders);
        }
        if (path.equals("/api/position/current-user")) {
            return json(200, positions);
        }
        if (path.startsWith("/api/trade")) {
            return json(200, tradesFrom(request.getUrl().queryParameter("from")));
        }
        if (path.equals("/api/order") && request.getMethod().equals("POST")) {
            return placements.apply(body);
        }
        if (path.startsWith("/api/order/") && request.getMethod().equals("DELETE")) {
            return cancels.apply(path.substring("/api/order/".length()));
        }
        return json(404, "no such endpoint " + path);
    }

    /** The scripted trades whose timestamp is at or after {@code from} (all when null), as a venue answers {@code GET /api/trade?from=}. */
    private String tradesFrom(final String from) {
        final String all = trades.strip();
        if (from == null || all.equals("[]")) {
            return all;
        }
        final long since = IsoInstant.parse(from);
        final List<String> kept = new ArrayList<>();
        for (final String record : all.substring(1, all.length() - 1).split("(?<=\\}),(?=\\{)")) {
            final String ts = record.replaceAll(".*\"timestamp\":\"([^\"]+)\".*", "$1");
            if (IsoInstant.parse(ts) >= since) {
                kept.add(record);
            }
        }
        return "[" + String.join(",", kept) + "]";
    }

    static MockResponse json(final int code, final String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    /** An order reply. */
    static String order(final String id, final String product, final String side, final long price, final long volume,
                        final long filled) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + (volume == 0 ? "FILLED" : filled > 0 ? "PART_FILLED" : "ACTIVE")
            + "\",\"product\":\"" + product + "\",\"side\":\"" + side + "\",\"price\":" + price + ",\"volume\":" + volume
            + ",\"filled\":" + filled + ",\"user\":\"alice\",\"timestamp\":\"2026-02-28T14:07:30.547773253Z\","
            + "\"targetUser\":null,\"message\":\"\"}";
    }

    /** A trade record. */
    static String trade(final String ts, final String product, final String buyer, final String seller, final long volume,
                        final long price) {
        return "{\"timestamp\":\"" + ts + "\",\"product\":\"" + product + "\",\"buyer\":\"" + buyer + "\",\"seller\":\""
            + seller + "\",\"volume\":" + volume + ",\"price\":" + price + "}";
    }

    /** Ends the stream and stops the server. */
    void shutdown() throws InterruptedException {
        endStream();
        server.close();
    }

    /** An SSE body that writes pushed events until told to end. */
    private static final class StreamBody implements MockResponseBody {
        private final BlockingQueue<String> events;

        StreamBody(final BlockingQueue<String> events) {
            this.events = events;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(final BufferedSink sink) throws IOException {
            sink.writeUtf8(": connected\n\n");
            sink.flush();
            while (true) {
                final String e;
                try {
                    e = events.poll(200, TimeUnit.MILLISECONDS);
                } catch (final InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (e == null) {
                    sink.writeUtf8(": keep-alive\n\n");
                } else if (END.equals(e)) {
                    return;
                } else {
                    sink.writeUtf8(e);
                }
                sink.flush();
            }
        }
    }
}
