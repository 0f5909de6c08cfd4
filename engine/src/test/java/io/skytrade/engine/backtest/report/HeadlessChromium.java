package io.skytrade.engine.backtest.report;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the DevTools protocol (a JDK WebSocket, no driver binaries): one
 * fresh profile in a temporary directory, one page target attached with a flat session, every
 * protocol event kept for assertions. {@link #close()} kills the browser and deletes the profile.
 * Test code only (the report's and the dashboard's browser tests); one thread issues commands.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final String LISTENING = "DevTools listening on ";
    private static final List<String> CANDIDATES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    private static final long TIMEOUT_SECONDS = 30;
    /** Set to 1 to make a missing browser a test failure instead of a skipped test. */
    static final String REQUIRE_ENV = "SKYTRADE_REQUIRE_BROWSER";
    /** Set to 1 to skip browser tests even where a browser is installed. */
    static final String SKIP_ENV = "SKYTRADE_SKIP_BROWSER_TESTS";

    private final Process process;
    private final Path profile;
    private final StringBuffer stderr = new StringBuffer();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private WebSocket socket;
    private String session;

    private HeadlessChromium(final Process process, final Path profile) {
        this.process = process;
        this.profile = profile;
    }

    /**
     * The browser for a test of {@code what}. Without one the test is skipped with a notice on
     * stderr, so that {@code mvn -B verify} passes on a fresh machine; with
     * {@code SKYTRADE_REQUIRE_BROWSER=1} (as {@code .ci/run} sets) a missing browser fails the test
     * instead. {@code SKYTRADE_SKIP_BROWSER_TESTS=1} skips browser tests even with a browser.
     */
    public static Path requireOrSkip(final String what) {
        Assumptions.assumeFalse("1".equals(System.getenv(SKIP_ENV)), SKIP_ENV + "=1: browser test of " + what + " skipped");
        final Path chromium = find();
        if (chromium != null) {
            return chromium;
        }
        final String missing = "headless Chromium is needed to test " + what + " and none was found on the PATH ("
            + String.join(", ", CANDIDATES) + "): install Debian's chromium (apt-get install chromium)";
        if ("1".equals(System.getenv(REQUIRE_ENV))) {
            return Assertions.fail(missing + "; " + REQUIRE_ENV + "=1 requires it");
        }
        System.err.println("NOTICE: browser test SKIPPED: " + missing + ". Set " + REQUIRE_ENV
            + "=1 to make a missing browser fail the build (.ci/run does).");
        return Assumptions.abort(missing);
    }

    /** The browser executable on the PATH, or null when none of the usual names is installed. */
    public static Path find() {
        final String path = System.getenv().getOrDefault("PATH", "");
        for (final String name : CANDIDATES) {
            for (final String dir : path.split(java.io.File.pathSeparator)) {
                final Path p = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Starts the browser and attaches to a blank page; fails naming what the browser printed. */
    public static HeadlessChromium start(final Path executable) throws IOException, InterruptedException {
        final Path profile = Files.createTempDirectory("skytrade-chromium-");
        final Process process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
            "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        final HeadlessChromium browser = new HeadlessChromium(process, profile);
        try {
            browser.connect(browser.awaitEndpoint());
            return browser;
        } catch (final IOException | InterruptedException | RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    private URI awaitEndpoint() throws InterruptedException {
        final CompletableFuture<String> endpoint = new CompletableFuture<>();
        final Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    stderr.append(line).append('\n');
                    final int at = line.indexOf(LISTENING);
                    if (at >= 0) {
                        endpoint.complete(line.substring(at + LISTENING.length()).trim());
                    }
                }
            } catch (final IOException e) {
                stderr.append("(stderr unreadable: ").append(e.getMessage()).append(")\n");
            }
            endpoint.complete(null);
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        final String ws;
        try {
            ws = endpoint.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException("chromium printed no DevTools endpoint within " + TIMEOUT_SECONDS + " s; stderr:\n" + stderr, e);
        }
        if (ws == null) {
            throw new IllegalStateException("chromium exited without a DevTools endpoint; stderr:\n" + stderr);
        }
        return URI.create(ws);
    }

    private void connect(final URI endpoint) throws InterruptedException, IOException {
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(endpoint, new Listener())
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IOException("cannot connect to chromium's DevTools at " + endpoint + ": " + e, e);
        }
        final String target = (String) send("Target.createTarget", "{\"url\":\"about:blank\"}").get("targetId");
        session = (String) send("Target.attachToTarget", "{\"targetId\":" + quote(target) + ",\"flatten\":true}").get("sessionId");
    }

    /**
     * Turns on what a report test watches (console and uncaught errors, log entries, page events,
     * network requests) and sets a 1280 x 900 desktop viewport.
     */
    void watchPage() throws InterruptedException {
        send("Runtime.enable", "{}");
        send("Log.enable", "{}");
        send("Page.enable", "{}");
        send("Network.enable", "{}");
        send("Emulation.setDeviceMetricsOverride", "{\"width\":1280,\"height\":900,\"deviceScaleFactor\":1,\"mobile\":false}");
    }

    /**
     * Sends a command to the page (once attached) or the browser, waits for its answer and returns
     * its result; a protocol error fails with the method and the browser's message.
     */
    public Map<String, Object> send(final String method, final String paramsJson) throws InterruptedException {
        final int id = ids.incrementAndGet();
        final CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        final String message = "{\"id\":" + id + ",\"method\":" + quote(method) + ",\"params\":" + paramsJson
            + (session == null ? "" : ",\"sessionId\":" + quote(session)) + "}";
        socket.sendText(message, true).join();
        final Map<String, Object> reply;
        try {
            reply = answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (final ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no answer to " + method + " within " + TIMEOUT_SECONDS + " s: " + e, e);
        } finally {
            pending.remove(id);
        }
        if (reply.containsKey("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        final Object result = reply.get("result");
        return result == null ? Map.of() : MiniJson.object(result);
    }

    /** Evaluates a JavaScript expression in the page (awaiting a promise) and returns its value. */
    public Object evaluate(final String expression) throws InterruptedException {
        final Map<String, Object> r = send("Runtime.evaluate", "{\"expression\":" + quote(expression)
            + ",\"returnByValue\":true,\"awaitPromise\":true}");
        if (r.containsKey("exceptionDetails")) {
            throw new IllegalStateException("evaluating the test's script failed: " + r.get("exceptionDetails"));
        }
        return MiniJson.object(r.get("result")).get("value");
    }

    /** Every protocol event received so far ({@code method}, {@code params}). */
    public List<Map<String, Object>> events() {
        return new ArrayList<>(events);
    }

    /** Console errors and assertions, uncaught exceptions and error-level log entries, as text. */
    public static List<String> errors(final List<Map<String, Object>> events) {
        final List<String> out = new ArrayList<>();
        for (final Map<String, Object> e : events) {
            final String method = String.valueOf(e.get("method"));
            final Map<String, Object> params = e.get("params") == null ? Map.of() : MiniJson.object(e.get("params"));
            if (method.equals("Runtime.consoleAPICalled") && ("error".equals(params.get("type")) || "assert".equals(params.get("type")))) {
                out.add("console." + params.get("type") + ": " + params.get("args"));
            } else if (method.equals("Runtime.exceptionThrown")) {
                out.add("uncaught: " + params.get("exceptionDetails"));
            } else if (method.equals("Log.entryAdded") && "error".equals(MiniJson.object(params.get("entry")).get("level"))) {
                out.add("log: " + params.get("entry"));
            }
        }
        return out;
    }

    public static String quote(final String s) {
        return ReportText.jsonString(new StringBuilder(), s).toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            for (final Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot delete chromium's temporary profile " + profile + ": " + e.getMessage(), e);
        }
    }

    /** Joins a message's frames, then completes its command or records it as an event. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last) {
            partial.append(data);
            if (last) {
                final Map<String, Object> message = MiniJson.object(MiniJson.parse(partial.toString()));
                partial.setLength(0);
                final Object id = message.get("id");
                if (id instanceof Double d) {
                    final CompletableFuture<Map<String, Object>> f = pending.get(d.intValue());
                    if (f != null) {
                        f.complete(message);
                    }
                } else {
                    events.add(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
