package io.skytrade.examples.cmi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A CMI Exchange client as the venue's public material describes one, and nothing more: REST with
 * a token from the login's {@code Authorization} header, at most one request a second, and the
 * server-sent event stream of personalised book snapshots and our trades. Written from
 * {@code reference/cmi-exchange.md} alone, without skytrade's code, to check that the simulator's
 * CMI mode serves a client that only knows the published protocol.
 *
 * <p>Thread-safety: REST calls from one thread; the stream runs on a thread of its own and keeps
 * its state in concurrent collections. Not tuned for speed.
 */
public final class ReferenceClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many times a round tries to buy at the ask when the ask moved before its order arrived. */
    static final int BUY_ATTEMPTS = 3;

    private final String base;
    private final String username;
    private final String password;
    private final Duration pause;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, JsonNode> books = new ConcurrentHashMap<>();
    private final List<JsonNode> trades = new CopyOnWriteArrayList<>();
    private final Set<String> seenTrades = ConcurrentHashMap.newKeySet();
    private final Consumer<String> log;
    private volatile boolean running;
    private volatile long lastRequest;
    private String token;
    private Thread streamThread;

    /**
     * @param base     the venue's address, e.g. {@code http://127.0.0.1:8080/}
     * @param pause    least time between two REST requests (the venue allows one a second)
     * @param log      where the client says what it does
     */
    public ReferenceClient(final String base, final String username, final String password, final Duration pause,
                           final Consumer<String> log) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.username = username;
        this.password = password;
        this.pause = pause;
        this.log = log;
    }

    /** A reply: status and JSON body (null when the body is not JSON). */
    public record Reply(int status, JsonNode body, String text) {
    }

    // ---------------------------------------------------------------- REST

    /** {@code POST /api/user/authenticate}; keeps the token the reply's Authorization header carries. */
    public void login() throws IOException, InterruptedException {
        final HttpResponse<String> r = send("POST", "api/user/authenticate",
            JSON.writeValueAsString(Map.of("username", username, "password", password)), false);
        if (r.statusCode() / 100 != 2) {
            throw new IOException("login refused: " + r.statusCode() + " " + r.body());
        }
        token = r.headers().firstValue("Authorization").orElseThrow(() -> new IOException("login reply without Authorization"));
        log.accept("logged in as " + username);
    }

    /** {@code GET /api/product}: the product symbols. */
    public List<String> products() throws IOException, InterruptedException {
        final List<String> symbols = new ArrayList<>();
        for (final JsonNode p : call("GET", "api/product", null).body()) {
            symbols.add(p.get("symbol").asText());
        }
        return symbols;
    }

    /** {@code GET /api/product/{symbol}/order-book/current-user}. */
    public JsonNode orderBook(final String symbol) throws IOException, InterruptedException {
        return call("GET", "api/product/" + symbol + "/order-book/current-user", null).body();
    }

    /** {@code POST /api/order}; the reply's {@code volume} is what remains open. */
    public Reply place(final String product, final double price, final String side, final int volume)
        throws IOException, InterruptedException {
        return call("POST", "api/order", JSON.writeValueAsString(Map.of("product", product, "price", price, "side", side,
            "volume", volume)));
    }

    /** {@code DELETE /api/order/{id}}. */
    public Reply cancel(final String id) throws IOException, InterruptedException {
        return call("DELETE", "api/order/" + id, null);
    }

    /** {@code GET /api/position/current-user}: product to net position (flat products absent). */
    public JsonNode positions() throws IOException, InterruptedException {
        return call("GET", "api/position/current-user", null).body();
    }

    /** One REST call with the token; a 429 is waited out and retried (the venue asks for fewer requests). */
    public Reply call(final String method, final String path, final String body) throws IOException, InterruptedException {
        long backoff = pause.toMillis();
        while (true) {
            final HttpResponse<String> r = send(method, path, body, true);
            if (r.statusCode() == 429) {
                log.accept("429 on " + method + " " + path + ": waiting " + backoff + " ms");
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 30_000);
                continue;
            }
            JsonNode json = null;
            if (r.body() != null && !r.body().isEmpty() && (r.body().startsWith("{") || r.body().startsWith("["))) {
                json = JSON.readTree(r.body());
            }
            return new Reply(r.statusCode(), json, r.body());
        }
    }

    private HttpResponse<String> send(final String method, final String path, final String body, final boolean auth)
        throws IOException, InterruptedException {
        final long wait = lastRequest + pause.toMillis() - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json; charset=utf-8")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (auth) {
            b.header("Authorization", token);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } finally {
            lastRequest = System.currentTimeMillis();
        }
    }

    // ---------------------------------------------------------------- the event stream

    /** Starts following {@code GET /api/market/stream}, reconnecting whenever it ends or is silent for 30 s. */
    public void startStream() {
        running = true;
        streamThread = new Thread(() -> {
            while (running) {
                try {
                    readStream();
                } catch (final IOException e) {
                    log.accept("stream ended (" + e.getMessage() + "); reconnecting");
                } catch (final InterruptedException e) {
                    return;
                }
            }
        }, "cmi-reference-stream");
        streamThread.setDaemon(true);
        streamThread.start();
    }

    private void readStream() throws IOException, InterruptedException {
        final HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/market/stream"))
            .header("Authorization", token).header("Accept", "text/event-stream; charset=utf-8").GET().build();
        final HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            Thread.sleep(1000);
            throw new IOException("stream answered " + response.statusCode());
        }
        final InputStream body = response.body();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = "message";
            final StringBuilder data = new StringBuilder();
            final Thread reader = Thread.currentThread();
            final long[] lastLine = {System.currentTimeMillis()};
            final Thread watchdog = new Thread(() -> {
                while (running) {
                    if (System.currentTimeMillis() - lastLine[0] > 30_000) {
                        reader.interrupt();
                        try {
                            body.close(); // unblocks the reader's readLine
                        } catch (final IOException ignored) {
                            return;
                        }
                        return;
                    }
                    try {
                        Thread.sleep(500);
                    } catch (final InterruptedException e) {
                        return;
                    }
                }
            }, "cmi-reference-stream-timeout");
            watchdog.setDaemon(true);
            watchdog.start();
            try {
                String line;
                while (running && (line = in.readLine()) != null) {
                    lastLine[0] = System.currentTimeMillis();
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            onEvent(event, data.toString());
                        }
                        event = "message";
                        data.setLength(0);
                    } else if (line.startsWith(":")) {
                        continue;
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(data.length() > 0 ? "\n" : "").append(line.substring(5).trim());
                    }
                }
            } finally {
                watchdog.interrupt();
            }
        }
    }

    private void onEvent(final String type, final String data) throws IOException {
        if ("order".equals(type)) {
            final JsonNode book = JSON.readTree(data);
            books.put(book.get("productsymbol").asText(), book);
        } else if ("trade".equals(type)) {
            final JsonNode node = JSON.readTree(data);
            final List<JsonNode> batch = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(batch::add);
            } else {
                batch.add(node);
            }
            // fills arrive in batches and may come again: a record seen before is not counted twice
            final Map<String, Integer> inBatch = new java.util.HashMap<>();
            for (final JsonNode t : batch) {
                final String key = t.toString();
                final int n = inBatch.merge(key, 1, Integer::sum);
                if (seenTrades.add(key + "#" + n)) {
                    trades.add(t);
                    final String side = username.equals(t.get("buyer").asText()) ? "bought" : "sold";
                    log.accept("trade: " + side + " " + t.get("volume").asText() + " " + t.get("product").asText() + " at "
                        + t.get("price").asText());
                }
            }
        }
    }

    /** The last snapshot of a product the stream sent: {@code buyOrders}/{@code sellOrders} keyed by price. */
    public JsonNode streamedBook(final String symbol) {
        return books.get(symbol);
    }

    /** Products the stream has sent a snapshot of. */
    public Set<String> streamedProducts() {
        return new HashSet<>(books.keySet());
    }

    /** Our trades the stream reported, each once. */
    public List<JsonNode> trades() {
        return new ArrayList<>(trades);
    }

    /** Best price of one side of a REST book ({@code buy} or {@code sell}), or NaN. */
    public static double best(final JsonNode book, final String side) {
        double best = Double.NaN;
        for (final Iterator<JsonNode> it = book.get(side).elements(); it.hasNext(); ) {
            final double p = it.next().get("price").asDouble();
            if (Double.isNaN(best) || ("buy".equals(side) ? p > best : p < best)) {
                best = p;
            }
        }
        return best;
    }

    @Override
    public void close() {
        running = false;
        if (streamThread != null) {
            streamThread.interrupt();
        }
    }

    /**
     * What the reference bot does, a few rounds of: poll a product's book, buy one lot at the best
     * ask (a taker; if the ask moved before the order arrived, cancel it and try the new ask, at most
     * {@value #BUY_ATTEMPTS} times), rest a bid well below the market and cancel it.
     *
     * @param args the venue's address, then the number of rounds (default 3); credentials from
     *             CMI_USERNAME and CMI_PASSWORD
     */
    public static void main(final String[] args) throws Exception {
        final String user = System.getenv("CMI_USERNAME");
        final String password = System.getenv("CMI_PASSWORD");
        if (args.length < 1 || user == null || password == null) {
            System.err.println("usage: CMI_USERNAME=.. CMI_PASSWORD=.. ReferenceClient <venue url> [rounds]");
            System.exit(2);
        }
        try (ReferenceClient client = new ReferenceClient(args[0], user, password, Duration.ofMillis(1100), System.out::println)) {
            client.run(args.length > 1 ? Integer.parseInt(args[1]) : 3);
        }
    }

    /** Logs in, follows the stream, and trades {@code rounds} rounds (see {@link #main}); returns the orders cancelled. */
    public int run(final int rounds) throws IOException, InterruptedException {
        login();
        final List<String> symbols = products();
        startStream();
        int cancelled = 0;
        for (int round = 0; round < rounds; round++) {
            final String symbol = symbols.get(round % symbols.size());
            JsonNode book = orderBook(symbol);
            for (int attempt = 1; attempt <= BUY_ATTEMPTS; attempt++) {
                final double ask = best(book, "sell");
                if (Double.isNaN(ask)) {
                    break;
                }
                final Reply r = place(symbol, ask, "BUY", 1);
                log.accept("bought 1 " + symbol + " at " + ask + ": " + r.status() + " " + (r.body() == null ? r.text()
                    : r.body().get("status").asText() + ", remaining " + r.body().get("volume").asText()));
                if (r.body() == null || r.body().get("volume").asInt() == 0) {
                    break;
                }
                cancel(r.body().get("id").asText());
                book = orderBook(symbol);
            }
            final double bid = best(book, "buy");
            if (!Double.isNaN(bid) && bid > 10) {
                final Reply rest = place(symbol, Math.floor(bid * 0.9), "BUY", 1);
                if (rest.body() != null) {
                    final Reply c = cancel(rest.body().get("id").asText());
                    log.accept("rested a bid on " + symbol + " and cancelled it: " + c.status());
                    if (c.status() / 100 == 2) {
                        cancelled++;
                    }
                }
            }
        }
        log.accept("positions: " + positions());
        return cancelled;
    }
}
