package io.skytrade.engine.backtest.report;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTextTest {
    @Test
    void shouldEscapeHtml() {
        assertEquals("&lt;/script&gt;&lt;b a=&quot;1&quot;&gt;x &amp; &#39;y&#39;", ReportText.html("</script><b a=\"1\">x & 'y'"));
    }

    @Test
    void shouldWriteJsonStringsThatCannotEndAScriptElement() {
        final String json = ReportText.jsonString(new StringBuilder(), "a</script>\"\\\n\u2028<!--&").toString();
        assertEquals("\"a\\u003c/script\\u003e\\\"\\\\\\n\\u2028\\u003c!--\\u0026\"", json);
        assertFalse(json.contains("<") || json.contains(">"));
        assertEquals("a</script>\"\\\n\u2028<!--&", MiniJson.parse(json), "the same text read back");
    }

    @Test
    void shouldWriteCompactNumbers() {
        assertEquals("1.5", num(1.5, 2));
        assertEquals("1.05", num(1.049999, 2));
        assertEquals("-0.001", num(-0.001, 3));
        assertEquals("0", num(-0.0001, 3));
        assertEquals("1234", num(1234.0, 2));
        assertEquals("null", num(Double.NaN, 2));
        assertEquals("null", num(Double.POSITIVE_INFINITY, 2));
        assertEquals("12345678901234568", num(12345678901234568.0, 2));
        assertEquals("150000000000000000000", num(1.5e20, 2));
    }

    @Test
    void shouldFormatNumbersForPeople() {
        assertEquals("1,234,567", ReportText.number(1_234_567L));
        assertEquals("0.1235", ReportText.number(0.123456));
        assertEquals("1,234.57", ReportText.number(1234.567));
        assertEquals("∞", ReportText.number(Double.POSITIVE_INFINITY));
        assertEquals("n/a", ReportText.number(Double.NaN));
        assertEquals("1.000e-05", ReportText.number(0.00001));
    }

    @Test
    void shouldAcceptOnlyRectangularTablesOfTextAndNumbers() {
        final ReportTable t = new ReportTable("t", List.of("a", "b"), List.of(Arrays.asList("x", null), List.of(1L, 2.5)));
        assertEquals(2, t.rows().size());
        final IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
            () -> new ReportTable("per market", List.of("a", "b"), List.of(List.of("x"))));
        assertTrue(ragged.getMessage().contains("'per market' row 0: 1 cells, expected 2"), ragged.getMessage());
        final IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
            () -> new ReportTable("t", List.of("a"), List.of(List.of(new Object()))));
        assertTrue(type.getMessage().contains("column 'a'") && type.getMessage().contains("expected text or a number"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReportTable(" ", List.of("a"), List.of()));
    }

    private static String num(final double v, final int decimals) {
        return ReportText.jsonNumber(new StringBuilder(), v, decimals).toString();
    }
}
