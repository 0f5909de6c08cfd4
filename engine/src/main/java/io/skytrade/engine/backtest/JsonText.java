package io.skytrade.engine.backtest;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes the figures files ({@code metrics.json}, {@code evaluation.json}) as indented JSON from
 * plain values: maps (in their iteration order), lists, strings, numbers and booleans. Non-finite
 * numbers (a profit factor with no losing trip, a figure with nothing to measure) are written as
 * the strings "Infinity", "-Infinity" and "NaN", since JSON has no such numbers. Stateless; offline.
 */
public final class JsonText {
    private JsonText() {
    }

    /** {@code value} as JSON text (no trailing newline). */
    public static String of(final Object value) {
        final StringBuilder sb = new StringBuilder();
        write(value, sb, "");
        return sb.toString();
    }

    private static void write(final Object v, final StringBuilder sb, final String indent) {
        if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            final Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                final Map.Entry<?, ?> e = it.next();
                sb.append(indent).append("  ").append(quote(String.valueOf(e.getKey()))).append(": ");
                write(e.getValue(), sb, indent + "  ");
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            sb.append(indent).append('}');
        } else if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                sb.append(indent).append("  ");
                write(list.get(i), sb, indent + "  ");
                sb.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            sb.append(indent).append(']');
        } else if (v instanceof String s) {
            sb.append(quote(s));
        } else if (v instanceof Double d && !Double.isFinite(d)) {
            sb.append('"').append(d).append('"');
        } else if (v == null) {
            sb.append("null");
        } else {
            sb.append(v);
        }
    }

    private static String quote(final String s) {
        final StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
