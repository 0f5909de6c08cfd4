package io.skytrade.engine.backtest.report;

import java.util.List;

/**
 * The HTML pieces the self-contained report pages share ({@code report.html} of a backtest,
 * {@code evaluation.html} of an evaluation): a fact line, a figure card, a chart section and a
 * {@link ReportTable} as an HTML table, every text escaped. Stateless; offline only.
 */
public final class ReportHtml {
    private ReportHtml() {
    }

    /** One name and value of the header's fact list. */
    public static void fact(final StringBuilder h, final String name, final String value) {
        h.append("<dt>").append(ReportText.html(name)).append("</dt><dd>").append(ReportText.html(value)).append("</dd>\n");
    }

    /** A figure card: name, value (a number, or n/a) and a note. */
    public static void card(final StringBuilder h, final String name, final Object value, final String note) {
        h.append("<div class=\"card\"><div class=\"card-name\">").append(ReportText.html(name))
            .append("</div><div class=\"card-value\">").append(value instanceof Number n ? ReportText.number(n) : "n/a")
            .append("</div><div class=\"card-note\">").append(ReportText.html(note)).append("</div></div>\n");
    }

    /** A section with a title, a paragraph and an empty chart container the page script fills. */
    public static void section(final StringBuilder h, final String id, final String title, final String text, final String chart) {
        h.append("<section id=\"").append(id).append("\">\n<h2>").append(ReportText.html(title)).append("</h2>\n<p>")
            .append(ReportText.html(text)).append("</p>\n<div class=\"chart\" id=\"").append(chart).append("\"></div>\n</section>\n");
    }

    /** A table: caption, header row, one row per data row, numbers right-aligned; "none" when empty. */
    public static void table(final StringBuilder h, final ReportTable t) {
        h.append("<table>\n<caption>").append(ReportText.html(t.title())).append("</caption>\n<thead><tr>");
        for (final String c : t.columns()) {
            h.append("<th>").append(ReportText.html(c)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (final List<Object> row : t.rows()) {
            h.append("<tr>");
            for (final Object cell : row) {
                if (cell instanceof Number n) {
                    h.append("<td class=\"num\">").append(ReportText.html(ReportText.number(n))).append("</td>");
                } else {
                    h.append("<td>").append(cell == null ? "" : ReportText.html((String) cell)).append("</td>");
                }
            }
            h.append("</tr>\n");
        }
        if (t.rows().isEmpty()) {
            h.append("<tr><td class=\"empty\" colspan=\"").append(t.columns().size()).append("\">none</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }
}
