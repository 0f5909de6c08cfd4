package io.skytrade.engine.backtest.report;

import io.skytrade.engine.backtest.BacktestRunner;
import io.skytrade.engine.cli.SkytradeCli;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.journal.RunDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A seeded synthetic journal backtested with the report recorder against the fill model; the report must open in headless Chromium from the file alone with every chart drawn, its tables
 * present and no console error, and the CLI must write it next to metrics.json.
 */
@Tag("integration")
@Timeout(180)
class BacktestReportBrowserTest {
    /** Title of the extra table: markup and a script end tag that must come out as text. */
    static final String HOSTILE_TITLE = "Live vs backtest </script><b>\"quoted\" & 'single'</b>";
    /** Inputs of the synthetic journal: about eleven hours of world time with books a second apart. */
    static final long EVENTS = 60_000;
    static final long STEP_NANOS = 1_000_000_000L;
    static final Set<String> TIME_CHARTS = Set.of("chart-equity", "chart-positions", "chart-price", "chart-signal", "chart-regime");

    @TempDir
    static Path tmp;
    static RunDirectory journal;
    static BacktestRunner.Result result;
    static Path report;
    static String html;
    static int products;
    static ReportRecorder recorder;
    static List<String> names;

    @BeforeAll
    static void backtestASyntheticJournal() throws IOException {
        final String config;
        try (InputStream in = BacktestReportBrowserTest.class.getClassLoader().getResourceAsStream("config/default.yaml")) {
            assertNotNull(in, "config/default.yaml on the classpath");
            config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        journal = io.skytrade.engine.demo.SyntheticJournal.write(EVENTS, STEP_NANOS, tmp.resolve("journal"), config);
        final PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        final var loaded = new ConfigLoader(Map.of()).loadText(journal.configYaml());
        products = loaded.config().instruments().size();
        names = loaded.config().instruments();
        final BacktestRunner runner = new BacktestRunner(journal, loaded, tmp.resolve("backtests"), quiet);
        recorder = ReportRecorder.attachTo(runner, names.size());
        result = runner.run();
        assertTrue(result.fills() > 0, "the backtest traded: " + result.fills() + " fills, " + result.orders() + " orders, "
            + result.inputs() + " inputs");
        report = report().write(result.run().dir());
        html = Files.readString(report);
        Files.createDirectories(Path.of("target"));
        Files.copy(report, Path.of("target", "report-test.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static BacktestReport report() {
        return new BacktestReport(result, recorder, names)
            .table(new ReportTable(HOSTILE_TITLE, List.of("market", "live PnL", "backtest PnL"),
                List.of(List.of("TIDE_SPOT <i>", 12.5, -3L), java.util.Arrays.asList("</script>", null, 0.25))));
    }

    @Test
    void shouldBoundEverySeriesAndWriteTheSamePageForTheSameBacktest() {
        long books = 0;
        for (int i = 0; i < products; i++) {
            assertTrue(recorder.book(i).size() <= ReportRecorder.DEFAULT_MAX_POINTS, "book series " + i);
            books += recorder.book(i).size();
        }
        assertTrue(recorder.events(io.skytrade.core.event.EventType.MARKET_BOOK) > books, "books were thinned");
        assertEquals(html, report().html(), "no clock or random input in the page");
    }

    @Test
    void shouldInlineEverythingAndEscapeText() {
        assertEquals(report, result.run().dir().resolve(BacktestReport.FILE_NAME));
        assertFalse(html.contains("<b>\"quoted\""), "table text is escaped");
        assertTrue(html.contains("&lt;/script&gt;&lt;b&gt;&quot;quoted&quot; &amp; &#39;single&#39;&lt;/b&gt;"), "escaped title");
        assertEquals(4, html.split("</script>", -1).length - 1, "only the four inline scripts (error flag, data, uPlot, page) end a script element");
        assertFalse(html.contains("<script src") || html.contains("<link "), "everything is inlined");
        assertTrue(html.length() < 3_000_000, "report size " + html.length());
    }

    @Test
    void shouldRenderEveryChartInHeadlessChromiumWithoutConsoleErrors() throws Exception {
        final Path chromium = HeadlessChromium.requireOrSkip("report.html");
        try (HeadlessChromium browser = HeadlessChromium.start(chromium)) {
            browser.watchPage();
            browser.send("Page.navigate", "{\"url\":" + HeadlessChromium.quote(report.toUri().toString()) + "}");
            awaitCharts(browser);
            final Map<String, Object> page = MiniJson.object(MiniJson.parse((String) browser.evaluate(ReportPageProbe.SCRIPT)));
            screenshot(browser);

            assertEquals(List.of(), HeadlessChromium.errors(browser.events()), "console errors and uncaught exceptions");
            assertEquals(List.of(), remoteRequests(browser.events()), "the page fetched nothing from the network");
            assertEquals(null, page.get("error"), "window error handler");
            final List<Object> charts = MiniJson.array(page.get("initial"));
            final List<String> drawn = new ArrayList<>();
            for (final Object o : charts) {
                final Map<String, Object> c = MiniJson.object(o);
                assertEquals(Boolean.TRUE, c.get("canvas"), "chart " + c.get("id") + " has a canvas: " + c);
                assertTrue((Double) c.get("colored") > 50, "chart " + c.get("id") + " has drawn series pixels: " + c);
                assertTrue((Double) c.get("points") > 1, "chart " + c.get("id") + " has data: " + c);
                drawn.add((String) c.get("id"));
            }
            assertTrue(drawn.containsAll(TIME_CHARTS) && drawn.contains("chart-latency") && drawn.contains("chart-delay"),
                "charts drawn: " + drawn);
            final List<Object> perProduct = MiniJson.array(page.get("products"));
            assertEquals(products, perProduct.size(), "one selector entry per product");
            for (final Object o : perProduct) {
                final Map<String, Object> p = MiniJson.object(o);
                for (final Object co : MiniJson.array(p.get("charts"))) {
                    final Map<String, Object> c = MiniJson.object(co);
                    final boolean ok = Boolean.TRUE.equals(c.get("canvas")) ? (Double) c.get("colored") > 50
                        : !((String) c.get("text")).isEmpty();
                    assertTrue(ok, p.get("product") + ": chart drawn or says why not: " + c);
                }
            }
            final List<Object> captions = MiniJson.array(page.get("captions"));
            assertTrue(captions.contains(HOSTILE_TITLE), "the extra table's title renders as text: " + captions);
            assertTrue(captions.contains("Handling time per input") && captions.contains("Backtest metrics (as in metrics.json)")
                && captions.contains("Fills per product"), "built-in tables: " + captions);
            assertTrue(((String) page.get("extraTableText")).contains("TIDE_SPOT <i>"), "cells render as text");
        }
    }

    @Test
    void shouldWriteTheReportFromTheCliUnlessAskedNotTo() throws IOException {
        final PrintStream saved = System.out;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream none = new ByteArrayOutputStream();
        final PrintStream savedErr = System.err;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertEquals(SkytradeCli.EXIT_OK, SkytradeCli.execute("backtest", "--journal", journal.dir().toString(),
                "--out", tmp.resolve("cli").toString()));
            System.setOut(new PrintStream(none, true, StandardCharsets.UTF_8));
            assertEquals(SkytradeCli.EXIT_OK, SkytradeCli.execute("backtest", "--journal", journal.dir().toString(),
                "--out", tmp.resolve("cli-no-report").toString(), "--no-report"));
        } finally {
            System.setOut(saved);
            System.setErr(savedErr);
        }
        final String printed = out.toString(StandardCharsets.UTF_8);
        final String line = printed.lines().filter(l -> l.startsWith("report: ")).findFirst().orElse(null);
        assertNotNull(line, printed);
        final Path written = Path.of(line.substring("report: ".length()));
        assertTrue(Files.isRegularFile(written) && written.getParent().resolve("metrics.json").toFile().isFile(), printed);
        assertTrue(Files.readString(written).contains("id=\"report-data\""));
        assertFalse(none.toString(StandardCharsets.UTF_8).contains("report: "), "--no-report writes no report");
    }

    private static void awaitCharts(final HeadlessChromium browser) {
        try {
            await("report.html drawn").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> Boolean.TRUE.equals(browser.evaluate("document.readyState === 'complete' && (document"
                    + ".documentElement.hasAttribute('data-charts-ready') || document.documentElement.hasAttribute('data-report-error'))")));
        } catch (final ConditionTimeoutException e) {
            fail("report.html did not finish drawing within 60 s; console: " + HeadlessChromium.errors(browser.events()));
        }
    }

    private static void screenshot(final HeadlessChromium browser) throws Exception {
        final Map<String, Object> metrics = browser.send("Page.getLayoutMetrics", "{}");
        final double height = (Double) MiniJson.object(metrics.get("cssContentSize")).get("height");
        final Map<String, Object> shot = browser.send("Page.captureScreenshot", "{\"format\":\"png\",\"captureBeyondViewport\":true,"
            + "\"clip\":{\"x\":0,\"y\":0,\"width\":1280,\"height\":" + Math.ceil(height) + ",\"scale\":1}}");
        Files.write(Path.of("target", "report-screenshot.png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /** URLs the page requested other than its own file. */
    static List<String> remoteRequests(final List<Map<String, Object>> events) {
        final List<String> out = new ArrayList<>();
        for (final Map<String, Object> e : events) {
            if ("Network.requestWillBeSent".equals(e.get("method"))) {
                final String url = String.valueOf(MiniJson.object(MiniJson.object(e.get("params")).get("request")).get("url"));
                if (!url.startsWith("file:") && !url.startsWith("data:")) {
                    out.add(url);
                }
            }
        }
        return out;
    }
}
