package io.skytrade.engine.backtest.report;

import io.skytrade.engine.evaluate.DayResult;
import io.skytrade.engine.evaluate.Evaluation;
import io.skytrade.engine.evaluate.EvaluationPlan;
import io.skytrade.engine.evaluate.EvaluationReport;
import io.skytrade.engine.evaluate.EvaluationSummary;
import io.skytrade.engine.evaluate.FairValueSample;
import io.skytrade.engine.evaluate.PairedComparison;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * evaluation.html and comparison.html of three made-up days open in headless Chromium from the
 * file alone, draw both charts (equity laid end to end, daily PnL), show every table, and log no
 * error; the pages are the same for the same results.
 */
@Tag("integration")
@Timeout(120)
class EvaluationReportBrowserTest {
    private static final long DAY = 86_400_000_000_000L;
    private static final long MINUTE = 60_000_000_000L;
    private static final String PROBE = """
        (() => {
        """ + ReportPageProbe.COLORED + """
          return JSON.stringify({
            error: document.documentElement.getAttribute('data-report-error'),
            charts: Array.from(document.querySelectorAll('.chart')).map(el => {
              const canvas = el.querySelector('canvas');
              return { id: el.id, colored: canvas ? colored(canvas) : 0 };
            }),
            captions: Array.from(document.querySelectorAll('caption')).map(c => c.textContent)
          });
        })()
        """;

    @TempDir
    Path tmp;

    private static Evaluation.Result result(final double scale) {
        final List<DayResult> days = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            final double[] equity = new double[1441];
            for (int i = 1; i < equity.length; i++) {
                equity[i] = scale * (d - 1) * i + 300 * Math.sin(i / 60.0);
            }
            final double pnl = equity[equity.length - 1];
            final long start = (20_463 + d) * DAY;
            days.add(new DayResult(201 + d, 0, start, start + DAY, pnl, new double[] {pnl}, new long[] {3}, new long[] {1}, 10,
                new long[64], List.of(), new long[24], new long[24], new boolean[24], equity,
                List.of(new FairValueSample(start + DAY, 0, 3, 1000 + d, 50, 990, 995, 1010)), ""));
        }
        final EvaluationPlan plan = new EvaluationPlan(List.of(201L, 202L, 203L), 1, LocalDate.of(2026, 1, 10), List.of(12), null, 1, false);
        return new Evaluation.Result(plan, "medium", List.of(), new EvaluationSummary(days, List.of("TIDE_SPOT <i>"), 100_000, MINUTE), 0);
    }

    @Test
    void shouldDrawBothChartsAndEveryTableOfAnEvaluationAndAComparison() throws Exception {
        final String single = EvaluationReport.html(result(1));
        assertEquals(single, EvaluationReport.html(result(1)), "no clock or random input in the page");
        assertFalse(single.contains("TIDE_SPOT <i>"), "text is escaped");
        final Path evaluation = EvaluationReport.write(single, tmp, EvaluationReport.FILE);
        final Path comparison = EvaluationReport.write(EvaluationReport.html(new PairedComparison(result(1), result(2))), tmp,
            EvaluationReport.COMPARISON_FILE);
        final Path chromium = HeadlessChromium.requireOrSkip("evaluation.html");
        try (HeadlessChromium browser = HeadlessChromium.start(chromium)) {
            browser.watchPage();
            for (final Path page : List.of(evaluation, comparison)) {
                browser.send("Page.navigate", "{\"url\":" + HeadlessChromium.quote(page.toUri().toString()) + "}");
                awaitCharts(browser, page);
                final Map<String, Object> probe = MiniJson.object(MiniJson.parse((String) browser.evaluate(PROBE)));
                assertEquals(null, probe.get("error"), page + ": window error handler");
                final List<Object> charts = MiniJson.array(probe.get("charts"));
                assertEquals(2, charts.size(), page + ": " + charts);
                for (final Object o : charts) {
                    final Map<String, Object> c = MiniJson.object(o);
                    assertTrue((Double) c.get("colored") > 50, page + ": chart " + c.get("id") + " drew its series: " + c);
                }
                final List<Object> captions = MiniJson.array(probe.get("captions"));
                assertTrue(captions.stream().anyMatch(c -> ((String) c).startsWith("Fair value 30m before settlement")), page + ": " + captions);
            }
            assertEquals(List.of(), HeadlessChromium.errors(browser.events()), "console errors and uncaught exceptions");
            assertEquals(List.of(), BacktestReportBrowserTest.remoteRequests(browser.events()), "the pages fetched nothing");
        }
    }

    private static void awaitCharts(final HeadlessChromium browser, final Path page) throws InterruptedException {
        final long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            final Object ready = browser.evaluate("document.readyState === 'complete' && document.documentElement.hasAttribute("
                + "'data-charts-ready') && location.href.endsWith(" + HeadlessChromium.quote(page.getFileName().toString()) + ")");
            if (Boolean.TRUE.equals(ready)) {
                return;
            }
            Thread.sleep(100);
        }
        fail(page + " did not finish drawing within 20 s; console: " + HeadlessChromium.errors(browser.events()));
    }
}
