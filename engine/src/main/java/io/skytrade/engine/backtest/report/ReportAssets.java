package io.skytrade.engine.backtest.report;

import io.skytrade.journal.FileErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * The files the report inlines, read from the classpath: uPlot's minified script and style sheet
 * from its webjar ({@code org.webjars.npm:uplot}, whichever version the pom pins: the webjar's own
 * {@code pom.properties} names it) and the report's own script and style sheet. A missing resource fails with its path and the dependency to add;
 * a script containing {@code </script} (or a style sheet {@code </style}) is refused, as it would
 * end the inline element early. Offline only; reads each file once per call.
 */
public final class ReportAssets {
    private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final String UPLOT_DEPENDENCY = " (the engine needs the dependency org.webjars.npm:uplot)";
    private static final String OWN_DIR = "io/skytrade/engine/backtest/report/";

    private ReportAssets() {
    }

    public static String uPlotScript() {
        return script(uPlotDir() + "uPlot.iife.min.js");
    }

    public static String uPlotStyle() {
        return style(uPlotDir() + "uPlot.min.css");
    }

    public static String reportScript() {
        return script(OWN_DIR + "report.js");
    }

    /** The script of {@code evaluation.html}: its equity and daily PnL charts. */
    public static String evaluationScript() {
        return script(OWN_DIR + "evaluation.js");
    }

    public static String reportStyle() {
        return style(OWN_DIR + "report.css");
    }

    /** The webjar's directory of uPlot's built files, for the version on the classpath. */
    private static String uPlotDir() {
        final Properties pom = new Properties();
        try {
            pom.load(new StringReader(read(UPLOT_POM)));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot parse " + UPLOT_POM + ": " + e.getMessage(), e);
        }
        final String version = pom.getProperty("version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("classpath resource " + UPLOT_POM + " names no version" + UPLOT_DEPENDENCY);
        }
        return "META-INF/resources/webjars/uplot/" + version.trim() + "/dist/";
    }

    private static String script(final String path) {
        return inlineable(path, "</script");
    }

    private static String style(final String path) {
        return inlineable(path, "</style");
    }

    private static String inlineable(final String path, final String endTag) {
        final String text = read(path);
        if (text.toLowerCase(Locale.ROOT).contains(endTag)) {
            throw new IllegalStateException("cannot inline classpath resource " + path + ": it contains '" + endTag + "'");
        }
        return text;
    }

    static String read(final String path) {
        final ClassLoader loader = ReportAssets.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("report resource not on the classpath: " + path
                    + (path.startsWith(OWN_DIR) ? "" : UPLOT_DEPENDENCY));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read report resource " + path + ": " + FileErrors.describe(e, path), e);
        }
    }
}
