package io.skytrade.engine.web;

import io.skytrade.core.event.EventType;
import io.skytrade.engine.TestConfigs;
import io.skytrade.engine.config.ConfigException;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.metrics.EngineCounters;
import io.skytrade.engine.metrics.LatencyStage;
import io.skytrade.engine.runtime.LiveRun;
import io.skytrade.engine.runtime.Supervision;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /metrics} of a real live run, scraped over loopback and parsed by the strict
 * {@link PrometheusTextParser}; and the token rule when the endpoint is bound beyond loopback.
 */
@Tag("integration")
@Timeout(120)
class PrometheusEndpointTest {
    private static final String METRICS_ON = TestConfigs.FAST_CONFIG + "metrics:\n  enabled: true\n  port: 0\n";
    private static final String TOKEN = "obs-token-5f1e2d";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @Test
    void shouldServeEveryEngineMetricInTheStrictTextFormat() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final LiveRun live = LiveRun.start(new ConfigLoader(Map.of()).loadText(METRICS_ON), tmp,
            new PrintStream(out, true, StandardCharsets.UTF_8));
        final Map<String, PrometheusTextParser.Family> families;
        final HttpResponse<String> response;
        try {
            Supervision.superviseUntil(live, "an order sent and the latencies sampled", Duration.ofSeconds(90),
                () -> live.metrics().counters().ordersSent() >= 1
                    && live.metrics().latencies().cumulative(LatencyStage.RECEIVE_TO_DECISION).getTotalCount() > 0);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("metrics on " + live.metricsUrl()),
                out.toString(StandardCharsets.UTF_8));
            response = http.send(HttpRequest.newBuilder(URI.create(live.metricsUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
        } finally {
            live.close();
        }
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
            response.headers().toString());
        families = PrometheusTextParser.parse(response.body());
        final EngineCounters c = live.metrics().counters();

        final PrometheusTextParser.Family inputs = families.get("skytrade_inputs_total");
        assertEquals("counter", inputs.type());
        final double books = inputs.value("skytrade_inputs_total", Map.of("type", "MARKET_BOOK"));
        assertTrue(books > 0 && books <= c.inputs(EventType.MARKET_BOOK), "books " + books);
        final double sent = families.get("skytrade_orders_sent_total").value("skytrade_orders_sent_total", Map.of());
        assertTrue(sent >= 1 && sent <= c.ordersSent(), "orders sent " + sent);
        assertEquals("gauge", families.get("skytrade_position_lots").type());
        assertEquals(c.instruments().size(), families.get("skytrade_fair_value").samples().size());
        families.get("skytrade_risk_rejects_total").value("skytrade_risk_rejects_total", Map.of("reason", "FAIR_VALUE_BAND"));
        assertEquals(1.0, families.get("skytrade_risk_mode").value("skytrade_risk_mode", Map.of("mode", "NORMAL")));
        assertTrue(families.get("skytrade_observation_age_seconds").samples().size() > 0);

        final PrometheusTextParser.Family latency = families.get("skytrade_latency_seconds");
        assertEquals("histogram", latency.type());
        final double timed = latency.value("skytrade_latency_seconds_count", Map.of("stage", "receive_to_decision"));
        assertTrue(timed > 0 && timed <= c.inputsTotal(), "timed " + timed);
        assertTrue(latency.value("skytrade_latency_seconds_count", Map.of("stage", "receive_to_wire")) >= 0);
        assertTrue(latency.value("skytrade_latency_seconds_bucket", Map.of("stage", "receive_to_decision", "le", "1.0"))
            > timed * 0.9, "nine in ten inputs decided within a second");
    }

    @Test
    void shouldRefuseARequestWithoutTheTokenWhenBoundBeyondLoopbackAndNeverPrintTheToken() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final String config = TestConfigs.FAST_CONFIG + "metrics:\n  enabled: true\n  port: 0\n  bind: 0.0.0.0\n";
        final LiveRun live = LiveRun.start(new ConfigLoader(Map.of()).loadText(config), tmp,
            new PrintStream(out, true, StandardCharsets.UTF_8), Map.of("SKYTRADE_OBS_TOKEN", TOKEN));
        try {
            final URI uri = URI.create(live.metricsUrl().replace("0.0.0.0", "127.0.0.1"));
            assertEquals(401, http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(401, http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer wrong").build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
            final HttpResponse<String> ok = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().contains("skytrade_inputs_total"));
        } finally {
            live.close();
        }
        final String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("bearer token from SKYTRADE_OBS_TOKEN required"), printed);
        assertFalse(printed.contains(TOKEN), "the token was printed");
    }

    @Test
    void shouldFailStartUpNamingTheKeyWhenBoundBeyondLoopbackWithoutAToken() {
        final String config = TestConfigs.FAST_CONFIG + "metrics:\n  enabled: true\n  port: 0\n  bind: 0.0.0.0\n";
        final ConfigException e = assertThrows(ConfigException.class, () -> LiveRun.start(
            new ConfigLoader(Map.of()).loadText(config), tmp, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), Map.of()));
        assertTrue(e.getMessage().startsWith("metrics.bind: 0.0.0.0 is not a loopback address"), e.getMessage());
        assertTrue(e.getMessage().contains("SKYTRADE_OBS_TOKEN"), e.getMessage());
    }
}
