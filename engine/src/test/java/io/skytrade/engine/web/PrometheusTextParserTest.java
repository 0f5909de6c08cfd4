package io.skytrade.engine.web;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test parser is strict: what the text format forbids is rejected, naming the line. */
class PrometheusTextParserTest {
    private static final String GOOD = """
        # HELP x_total Things, with a \\\\ backslash
        # TYPE x_total counter
        x_total{a="q\\"uote",b="line\\nfeed"} 3
        x_total{a="b"} 1.5e3 1700000000000
        # TYPE h histogram
        h_bucket{le="0.1"} 1
        h_bucket{le="+Inf"} 2
        h_sum 0.3
        h_count 2
        g NaN
        """;

    @Test
    void shouldParseFamiliesTypesLabelsAndValues() {
        final var families = PrometheusTextParser.parse(GOOD);
        assertEquals("counter", families.get("x_total").type());
        assertEquals("Things, with a \\ backslash", families.get("x_total").help());
        assertEquals(3.0, families.get("x_total").value("x_total", Map.of("a", "q\"uote", "b", "line\nfeed")));
        assertEquals(1500.0, families.get("x_total").value("x_total", Map.of("a", "b")));
        assertEquals(2.0, families.get("h").value("h_count", Map.of()));
        assertTrue(Double.isNaN(families.get("g").value("g", Map.of())));
    }

    @Test
    void shouldRejectWhatTheFormatForbids() {
        for (final String bad : new String[]{
            "1x 3\n", "x{a=\"b\" 3\n", "x{a=b} 3\n", "x{a=\"\\t\"} 3\n", "x 3 4 5\n", "x three\n", "x 3",
            "# TYPE x counter\n# TYPE x counter\n", "x 1\ny 1\nx{a=\"b\"} 2\n", "x 1\nx 2\n",
            "# TYPE x counter\nx -1\n", "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n",
            "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\n",
            "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_count 3\n", "# TYPE h histogram\nh 1\n",
            "x{__name__=\"y\"} 1\n", "x{a=\"1\",a=\"2\"} 1\n", "x 1\n# TYPE x gauge\n"}) {
            assertThrows(IllegalArgumentException.class, () -> PrometheusTextParser.parse(bad), bad);
        }
    }
}
