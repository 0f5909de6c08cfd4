package io.skytrade.engine.web;

import io.skytrade.core.event.ControlCode;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.risk.RiskReason;
import io.skytrade.core.risk.TradingMode;
import io.skytrade.engine.TestConfigs;
import io.skytrade.engine.backtest.report.HeadlessChromium;
import io.skytrade.engine.backtest.report.MiniJson;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.runtime.LiveRun;
import io.skytrade.journal.DecisionJournalReader;
import io.skytrade.journal.DecisionRecord;
import io.skytrade.journal.InputJournalReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The live dashboard of a running demo stack in Debian's headless Chromium (driven over the
 * DevTools protocol by {@link HeadlessChromium}: real mouse events, DOM reads, screenshots): it
 * shows prices, fair values, the decision tape and the latency chart, and they update; pressing
 * "Safe mode" and confirming puts the engine into SAFE through a journaled CONTROL input; after the
 * engine restarts on the same port the page reconnects by itself. Screenshots (laptop and phone
 * widths) are saved under {@code target/dashboard-browser-test/}.
 */
@Tag("integration")
@Timeout(240)
class DashboardBrowserTest {
    private static final Path SHOTS = Path.of("target", "dashboard-browser-test");

    @TempDir
    Path tmp;

    @Test
    void shouldShowLiveValuesEnterSafeOnConfirmationAndReconnectAfterARestart() throws Exception {
        final Path chromium = HeadlessChromium.requireOrSkip("the live dashboard");
        Files.createDirectories(SHOTS);
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        LiveRun live = LiveRun.start(new ConfigLoader(Map.of()).loadText(config(0)), tmp.resolve("a"), print);
        final int port = URI.create(live.dashboardUrl()).getPort();
        try (HeadlessChromium browser = HeadlessChromium.start(chromium)) {
            browser.send("Runtime.enable", "{}");
            browser.send("Page.enable", "{}");
            browser.send("Network.enable", "{}");
            browser.send("Emulation.setDeviceMetricsOverride", "{\"width\":1280,\"height\":1000,\"deviceScaleFactor\":1,\"mobile\":false}");
            browser.send("Page.navigate", "{\"url\":" + HeadlessChromium.quote(live.dashboardUrl()) + "}");

            await(browser, "every product row shows a bid, an ask and a fair value",
                "[...document.querySelectorAll('#products tbody tr')].length === 9 && [...document.querySelectorAll("
                    + "'#products tbody tr')].filter(r => /^[0-9]/.test(r.querySelector('.bid').textContent)"
                    + " && /^[0-9]/.test(r.querySelector('.fair').textContent)).length >= 5");
            await(browser, "the decision tape shows decisions with their journal sequence",
                "document.querySelectorAll('#tape tbody tr').length > 0 && /^[0-9]+$/.test("
                    + "document.querySelector('#tape tbody tr td').textContent)");
            await(browser, "the latency chart and table show values",
                "Number(document.getElementById('chart-latency').getAttribute('data-points')) >= 3 && /^[0-9.]+$/.test("
                    + "document.querySelector('#latency-table tbody tr td:nth-child(3)').textContent)");
            final Map<String, Object> before = probe(browser);
            Thread.sleep(2500);
            final Map<String, Object> after = probe(browser);
            assertTrue((Double) after.get("updates") > (Double) before.get("updates"), "no push: " + before + " " + after);
            assertTrue((Double) after.get("latencyPoints") > (Double) before.get("latencyPoints"), before + " " + after);
            assertTrue(!after.get("events").equals(before.get("events")), "input count did not move: " + after);
            assertTrue(!after.get("prices").equals(before.get("prices")) || !after.get("tape").equals(before.get("tape")),
                "neither prices nor the tape moved: " + before + " " + after);
            screenshot(browser, "dashboard.png", 1280);

            click(browser, "#safe-button");
            await(browser, "the confirmation dialog opens", "!document.getElementById('confirm').hidden");
            click(browser, "#safe-confirm");
            await(browser, "the engine reports SAFE after the operator's request",
                "document.getElementById('mode').textContent === 'SAFE'"
                    + " && document.getElementById('mode-reason').textContent.startsWith('OPERATOR_SAFE')"
                    + " && document.getElementById('safe-status').textContent.startsWith('SAFE requested')");
            screenshot(browser, "dashboard-safe.png", 1280);
            browser.send("Emulation.setDeviceMetricsOverride", "{\"width\":390,\"height\":844,\"deviceScaleFactor\":2,\"mobile\":true}");
            Thread.sleep(1500);
            assertEquals(Boolean.TRUE, browser.evaluate("document.documentElement.scrollWidth <= 400"),
                "the page fits a phone's width");
            screenshot(browser, "dashboard-phone.png", 390);
            browser.send("Emulation.setDeviceMetricsOverride", "{\"width\":1280,\"height\":1000,\"deviceScaleFactor\":1,\"mobile\":false}");

            live.close();
            assertSafeJournaled(live);
            await(browser, "the page notices the engine is gone", "document.getElementById('conn').textContent !== 'live'");
            live = LiveRun.start(new ConfigLoader(Map.of()).loadText(config(port)), tmp.resolve("b"), print);
            await(browser, "the page reconnects to the restarted engine and shows its fresh state",
                "document.getElementById('conn').textContent === 'live' && document.getElementById('mode').textContent === 'NORMAL'"
                    + " && document.querySelectorAll('#products tbody tr').length === 9");
            assertEquals(List.of(), HeadlessChromium.errors(browser.events()), "console errors and uncaught exceptions");
        } finally {
            live.close();
        }
    }

    private static String config(final int port) {
        return TestConfigs.FAST_CONFIG + "dashboard:\n  enabled: true\n  port: " + port + "\nmetrics:\n  interval: 250ms\n";
    }

    private static void assertSafeJournaled(final LiveRun live) {
        boolean control = false;
        try (InputJournalReader reader = new InputJournalReader(live.runDirectory().inputs())) {
            final EngineEvent e = new EngineEvent();
            while (reader.next(e)) {
                control |= e.type == EventType.CONTROL && e.controlCode == ControlCode.SAFE;
            }
        }
        assertTrue(control, "no CONTROL SAFE input in the journal");
        boolean modeChange = false;
        try (DecisionJournalReader reader = new DecisionJournalReader(live.runDirectory().decisions())) {
            final DecisionRecord d = new DecisionRecord();
            while (reader.next(d)) {
                modeChange |= d.kind == DecisionKind.MODE_CHANGE && d.reason == TradingMode.SAFE
                    && d.priceTicks == RiskReason.OPERATOR_SAFE;
            }
        }
        assertTrue(modeChange, "no MODE_CHANGE to SAFE caused by OPERATOR_SAFE in the decisions journal");
    }

    private static Map<String, Object> probe(final HeadlessChromium browser) throws InterruptedException {
        return MiniJson.object(MiniJson.parse((String) browser.evaluate("JSON.stringify({updates: Number(document.body"
            + ".getAttribute('data-updates')), latencyPoints: Number(document.getElementById('chart-latency')"
            + ".getAttribute('data-points')), events: document.getElementById('events').textContent, prices: [...document"
            + ".querySelectorAll('#products tbody td.bid, #products tbody td.fair')].map(td => td.textContent).join(' '),"
            + " tape: document.querySelector('#tape tbody tr').textContent})")));
    }

    /** A real click: mouse pressed and released at the centre of the element, as a user's. */
    private static void click(final HeadlessChromium browser, final String selector) throws InterruptedException {
        final Map<String, Object> box = MiniJson.object(MiniJson.parse((String) browser.evaluate(
            "(() => { const e = document.querySelector('" + selector + "'); e.scrollIntoView({block: 'center'});"
                + " const r = e.getBoundingClientRect(); return JSON.stringify({x: r.x + r.width / 2, y: r.y + r.height / 2}); })()")));
        for (final String type : List.of("mousePressed", "mouseReleased")) {
            browser.send("Input.dispatchMouseEvent", "{\"type\":\"" + type + "\",\"x\":" + box.get("x") + ",\"y\":" + box.get("y")
                + ",\"button\":\"left\",\"clickCount\":1}");
        }
    }

    private static void await(final HeadlessChromium browser, final String what, final String condition) throws InterruptedException {
        final long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(browser.evaluate("(() => { try { return " + condition + "; } catch (e) { return false; } })()"))) {
                return;
            }
            Thread.sleep(200);
        }
        fail("within 60 s: " + what + "; console: " + HeadlessChromium.errors(browser.events()));
    }

    private static void screenshot(final HeadlessChromium browser, final String name, final int width) throws Exception {
        final Map<String, Object> metrics = browser.send("Page.getLayoutMetrics", "{}");
        final double height = (Double) MiniJson.object(metrics.get("cssContentSize")).get("height");
        final Map<String, Object> shot = browser.send("Page.captureScreenshot", "{\"format\":\"png\",\"captureBeyondViewport\":true,"
            + "\"clip\":{\"x\":0,\"y\":0,\"width\":" + width + ",\"height\":" + Math.ceil(height) + ",\"scale\":1}}");
        Files.write(SHOTS.resolve(name), Base64.getDecoder().decode((String) shot.get("data")));
    }

}
