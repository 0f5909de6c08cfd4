package io.skytrade.engine.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.skytrade.engine.backtest.report.HeadlessChromium;
import io.skytrade.engine.backtest.report.MiniJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A demo run ({@code skytrade demo --duration 10s}) in its own JVM with the production logging
 * configuration. Logs: every line it writes to
 * stderr (the log) is one JSON object with timestamp, level, thread, logger, message and key-value
 * list (Logback's JsonEncoder field names), decisions carry their key-values, and stdout keeps the
 * user-facing lines, ending with the run directory. Session report: its paths are printed before
 * the run directory, and {@code report.html} opens offline in headless Chromium showing equity,
 * positions and the run's decisions.
 */
@Tag("integration")
@Timeout(240)
class DemoRunTest {
    private static final JsonFactory JSON = new JsonFactory();

    @TempDir
    static Path tmp;
    static List<String> stdout;
    static List<String> log;

    @BeforeAll
    static void runTheDemo() throws Exception {
        final Path out = tmp.resolve("stdout.txt");
        final Path err = tmp.resolve("stderr.txt");
        final Process demo = DemoProcess.start(tmp.resolve("journal"), out, err, "--duration", "15s",
            "--world-start", "2026-11-25T14:00:00Z");
        assertTrue(demo.waitFor(180, TimeUnit.SECONDS), "the demo did not stop");
        stdout = Files.readAllLines(out, StandardCharsets.UTF_8);
        log = Files.readAllLines(err, StandardCharsets.UTF_8);
        assertEquals(0, demo.exitValue(), "stdout: " + stdout + "\nstderr: " + log);
    }

    @Test
    void shouldWriteEveryLogLineAsJsonAndKeepUserOutputOnStdout() throws Exception {

        assertFalse(log.isEmpty(), "the demo logged nothing");
        int decisions = 0;
        boolean exchangeListening = false;
        for (final String line : log) {
            final Map<String, Object> event = parseObject(line);
            for (final String key : List.of("timestamp", "level", "threadName", "loggerName", "formattedMessage")) {
                assertTrue(event.containsKey(key), "no " + key + " in " + line);
            }
            if ("decision".equals(event.get("formattedMessage"))) {
                decisions++;
                assertTrue(event.containsKey("kvpList") && line.contains("\"product\"") && line.contains("\"fairValue\"") && line.contains("\"verdict\"")
                    && line.contains("\"sequence\""), line);
            }
            exchangeListening |= "simulated exchange listening".equals(event.get("formattedMessage"));
        }
        assertTrue(exchangeListening, "no start-up event in " + log);
        assertTrue(decisions > 0, "no decision logged in " + log.size() + " lines");

        assertTrue(stdout.stream().anyMatch(l -> l.startsWith("dashboard on http://127.0.0.1:")), stdout.toString());
        assertTrue(stdout.stream().anyMatch(l -> l.startsWith("metrics on http://127.0.0.1:")), stdout.toString());
        assertTrue(stdout.get(stdout.size() - 1).startsWith("run directory: "), stdout.toString());
    }

    @Test
    void shouldPrintTheSessionReportBeforeTheRunDirectoryAndOpenItOfflineWithEquityPositionsAndDecisions() throws Exception {
        final int n = stdout.size();
        assertTrue(stdout.get(n - 3).startsWith("report: ") && stdout.get(n - 2).startsWith("metrics: "), stdout.toString());
        final Path runDir = Path.of(stdout.get(n - 1).substring("run directory: ".length()));
        final Path report = Path.of(stdout.get(n - 3).substring("report: ".length()));
        assertEquals(runDir.resolve("report.html"), report);
        assertEquals(runDir.resolve("metrics.json"), Path.of(stdout.get(n - 2).substring("metrics: ".length())));
        assertTrue(Files.readString(runDir.resolve("metrics.json")).contains("\"sharpe\""));
        final Path chromium = HeadlessChromium.requireOrSkip("a demo run's report.html");
        try (HeadlessChromium browser = HeadlessChromium.start(chromium)) {
            browser.send("Runtime.enable", "{}");
            browser.send("Network.enable", "{}");
            browser.send("Page.enable", "{}");
            browser.send("Page.navigate", "{\"url\":" + HeadlessChromium.quote(report.toUri().toString()) + "}");
            final long deadline = System.nanoTime() + 30_000_000_000L;
            Object ready = false;
            while (!Boolean.TRUE.equals(ready) && System.nanoTime() < deadline) {
                Thread.sleep(200);
                ready = browser.evaluate("document.readyState === 'complete' && document.documentElement.hasAttribute('data-charts-ready')");
            }
            assertEquals(Boolean.TRUE, ready, "report.html did not draw: " + HeadlessChromium.errors(browser.events()));
            final Map<String, Object> page = MiniJson.object(MiniJson.parse((String) browser.evaluate("JSON.stringify({"
                + "heading: document.querySelector('h1').textContent,"
                + "equity: document.querySelectorAll('#chart-equity canvas').length,"
                + "positions: document.querySelectorAll('#chart-positions canvas').length,"
                + "flat: document.getElementById('chart-positions').textContent,"
                + "decisions: [...document.querySelectorAll('#tables table')].filter(t => t.caption && /Latest [0-9]+ decisions/"
                + ".test(t.caption.textContent)).map(t => t.querySelectorAll('tbody tr').length)})")));
            assertEquals("Session report", page.get("heading"));
            assertTrue((Double) page.get("equity") > 0, "no equity chart: " + page);
            final boolean traded = !Files.readString(runDir.resolve("metrics.json")).contains("\"fills\": 0,");
            if (traded) {
                assertTrue((Double) page.get("positions") > 0, "no positions chart: " + page);
            } else {
                assertEquals("No fills: no product held a position.", page.get("flat"), "the run held no position: " + page);
            }
            final List<Object> decisionTables = MiniJson.array(page.get("decisions"));
            assertFalse(decisionTables.isEmpty(), "no decisions table: " + page);
            assertTrue((Double) decisionTables.get(0) > 0, "the decisions table is empty: " + page);
            assertEquals(List.of(), HeadlessChromium.errors(browser.events()), "console errors");
            for (final Map<String, Object> e : browser.events()) {
                if ("Network.requestWillBeSent".equals(e.get("method"))) {
                    final String url = String.valueOf(MiniJson.object(MiniJson.object(e.get("params")).get("request")).get("url"));
                    assertTrue(url.startsWith("file:") || url.startsWith("data:"), "report.html fetched " + url);
                }
            }
        }
    }

    /** Parses one line as exactly one JSON object (nothing after it); returns its top-level scalars. */
    private static Map<String, Object> parseObject(final String line) throws IOException {
        final Map<String, Object> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new AssertionError("not a JSON object: " + line);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                final String name = p.currentName();
                final JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    p.skipChildren();
                    fields.put(name, "(structure)");
                } else {
                    fields.put(name, value == JsonToken.VALUE_NULL ? null : p.getText());
                }
            }
            if (p.nextToken() != null) {
                throw new AssertionError("more than one JSON value on the line: " + line);
            }
        }
        return fields;
    }
}
