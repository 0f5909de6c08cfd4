package io.skytrade.engine.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4, for tests (the Prometheus Java
 * client writes the format but ships no parser of it). It rejects what the format forbids: a
 * malformed name, label or value, a bad escape, a TYPE or HELP line repeated or a TYPE after the
 * family's samples, samples of one family not kept together, a repeated series, a sample whose
 * name does not belong to its declared type (histograms: _bucket with le, _sum, _count), and
 * histogram buckets that are not ascending, not cumulative, or whose +Inf bucket differs from
 * _count. Any violation is an {@link IllegalArgumentException} naming the line.
 */
final class PrometheusTextParser {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** One sample: its full name, labels and value. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    /** One metric family: name, type, help and samples in order. */
    record Family(String name, String type, String help, List<Sample> samples) {
        /** The value of the sample named {@code name} with exactly these labels; fails when absent. */
        double value(final String sampleName, final Map<String, String> labels) {
            for (final Sample s : samples) {
                if (s.name().equals(sampleName) && s.labels().equals(labels)) {
                    return s.value();
                }
            }
            throw new AssertionError("no sample " + sampleName + labels + " in family " + name);
        }
    }

    private PrometheusTextParser() {
    }

    static Map<String, Family> parse(final String text) {
        final Map<String, Family> families = new LinkedHashMap<>();
        final Set<String> closed = new HashSet<>();
        final Set<String> series = new HashSet<>();
        String current = null;
        final String[] lines = text.split("\n", -1);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition does not end with a line feed");
        }
        for (int n = 0; n < lines.length; n++) {
            final String line = lines[n];
            final String where = "line " + (n + 1) + " '" + line + "': ";
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                final String[] parts = line.split(" ", 4);
                if (parts.length >= 3 && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
                    final String name = parts[2];
                    requireName(name, where);
                    final Family f = families.get(name);
                    if (parts[1].equals("TYPE")) {
                        if (parts.length != 4 || !TYPES.contains(parts[3])) {
                            throw new IllegalArgumentException(where + "unknown type");
                        }
                        if (f != null && (f.type() != null || !f.samples().isEmpty())) {
                            throw new IllegalArgumentException(where + "TYPE repeated or after the family's samples");
                        }
                        families.put(name, new Family(name, parts[3], f == null ? null : f.help(),
                            f == null ? new ArrayList<>() : f.samples()));
                    } else {
                        if (f != null && f.help() != null) {
                            throw new IllegalArgumentException(where + "HELP repeated");
                        }
                        families.put(name, new Family(name, f == null ? null : f.type(),
                            parts.length == 4 ? unescapeHelp(parts[3], where) : "", f == null ? new ArrayList<>() : f.samples()));
                    }
                    switchTo(name, current, closed, where);
                    current = name;
                }
                continue;
            }
            final Sample s = sample(line, where);
            final String family = familyOf(s.name(), families);
            switchTo(family, current, closed, where);
            current = family;
            final Family f = families.computeIfAbsent(family, k -> new Family(k, "untyped", null, new ArrayList<>()));
            checkBelongs(f, s, where);
            if (!series.add(s.name() + new TreeMap<>(s.labels()))) {
                throw new IllegalArgumentException(where + "series repeated");
            }
            f.samples().add(s);
        }
        for (final Family f : families.values()) {
            if ("histogram".equals(f.type())) {
                checkHistogram(f);
            }
        }
        return families;
    }

    private static void switchTo(final String family, final String current, final Set<String> closed, final String where) {
        if (!family.equals(current)) {
            if (closed.contains(family)) {
                throw new IllegalArgumentException(where + "samples of family " + family + " are not together");
            }
            if (current != null) {
                closed.add(current);
            }
        }
    }

    private static String familyOf(final String name, final Map<String, Family> families) {
        if (families.containsKey(name)) {
            return name;
        }
        for (final String suffix : List.of("_bucket", "_sum", "_count", "_total", "_created")) {
            if (name.endsWith(suffix)) {
                final String base = name.substring(0, name.length() - suffix.length());
                if (families.containsKey(base)) {
                    return base;
                }
            }
        }
        return name;
    }

    private static void checkBelongs(final Family f, final Sample s, final String where) {
        final String base = f.name();
        final boolean ok = switch (f.type()) {
            case "histogram" -> (s.name().equals(base + "_bucket") && s.labels().containsKey("le"))
                || ((s.name().equals(base + "_sum") || s.name().equals(base + "_count")) && !s.labels().containsKey("le"));
            case "summary" -> s.name().equals(base) && s.labels().containsKey("quantile")
                || s.name().equals(base + "_sum") || s.name().equals(base + "_count");
            case "counter" -> s.name().equals(base) || s.name().equals(base + "_total");
            default -> s.name().equals(base);
        };
        if (!ok) {
            throw new IllegalArgumentException(where + "sample does not belong to " + f.type() + " family " + base);
        }
        if ("counter".equals(f.type()) && (s.value() < 0 || Double.isNaN(s.value()))) {
            throw new IllegalArgumentException(where + "a counter must not be negative or NaN");
        }
    }

    private static void checkHistogram(final Family f) {
        final Map<Map<String, String>, List<Sample>> buckets = new LinkedHashMap<>();
        final Map<Map<String, String>, Double> counts = new LinkedHashMap<>();
        for (final Sample s : f.samples()) {
            if (s.name().endsWith("_bucket")) {
                final Map<String, String> key = new TreeMap<>(s.labels());
                key.remove("le");
                buckets.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            } else if (s.name().endsWith("_count")) {
                counts.put(new TreeMap<>(s.labels()), s.value());
            }
        }
        for (final var e : buckets.entrySet()) {
            double lastLe = Double.NEGATIVE_INFINITY;
            double lastCount = 0;
            for (final Sample b : e.getValue()) {
                final double le = parseValue(b.labels().get("le"), "bucket le of " + f.name());
                if (le <= lastLe) {
                    throw new IllegalArgumentException(f.name() + e.getKey() + ": buckets not in ascending le order");
                }
                if (b.value() < lastCount) {
                    throw new IllegalArgumentException(f.name() + e.getKey() + ": bucket counts not cumulative");
                }
                lastLe = le;
                lastCount = b.value();
            }
            if (lastLe != Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(f.name() + e.getKey() + ": no le=\"+Inf\" bucket");
            }
            final Double count = counts.get(e.getKey());
            if (count == null || count != lastCount) {
                throw new IllegalArgumentException(f.name() + e.getKey() + ": +Inf bucket " + lastCount + " differs from _count " + count);
            }
        }
    }

    private static Sample sample(final String line, final String where) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        final String name = line.substring(0, i);
        requireName(name, where);
        final Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (true) {
                if (line.charAt(i) == '}') {
                    i++;
                    break;
                }
                final int eq = line.indexOf('=', i);
                if (eq < 0) {
                    throw new IllegalArgumentException(where + "label without '='");
                }
                final String label = line.substring(i, eq);
                if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
                    throw new IllegalArgumentException(where + "bad label name '" + label + "'");
                }
                if (eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException(where + "label value not quoted");
                }
                final StringBuilder value = new StringBuilder();
                int j = eq + 2;
                while (true) {
                    if (j >= line.length()) {
                        throw new IllegalArgumentException(where + "unterminated label value");
                    }
                    final char ch = line.charAt(j);
                    if (ch == '"') {
                        break;
                    }
                    if (ch == '\\') {
                        final char next = line.charAt(j + 1);
                        value.append(switch (next) {
                            case '\\' -> '\\';
                            case '"' -> '"';
                            case 'n' -> '\n';
                            default -> throw new IllegalArgumentException(where + "bad escape \\" + next);
                        });
                        j += 2;
                    } else {
                        value.append(ch);
                        j++;
                    }
                }
                if (labels.put(label, value.toString()) != null) {
                    throw new IllegalArgumentException(where + "label '" + label + "' repeated");
                }
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                } else if (line.charAt(i) != '}') {
                    throw new IllegalArgumentException(where + "expected ',' or '}' after a label");
                }
            }
        }
        if (i >= line.length() || line.charAt(i) != ' ') {
            throw new IllegalArgumentException(where + "no space before the value");
        }
        final String[] rest = line.substring(i + 1).split(" ");
        if (rest.length < 1 || rest.length > 2) {
            throw new IllegalArgumentException(where + "expected a value and an optional timestamp");
        }
        if (rest.length == 2 && !rest[1].matches("-?[0-9]+")) {
            throw new IllegalArgumentException(where + "bad timestamp");
        }
        return new Sample(name, labels, parseValue(rest[0], where));
    }

    private static double parseValue(final String text, final String where) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                if (!text.matches("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
                    throw new IllegalArgumentException(where + "bad value '" + text + "'");
                }
                return Double.parseDouble(text);
        }
    }

    private static void requireName(final String name, final String where) {
        if (!METRIC_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(where + "bad metric name '" + name + "'");
        }
    }

    private static String unescapeHelp(final String help, final String where) {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < help.length(); i++) {
            final char ch = help.charAt(i);
            if (ch == '\\') {
                final char next = help.charAt(++i);
                sb.append(switch (next) {
                    case '\\' -> '\\';
                    case 'n' -> '\n';
                    default -> throw new IllegalArgumentException(where + "bad escape in HELP \\" + next);
                });
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
