package io.skytrade.engine.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A strict view of one YAML mapping while it is bound to a config record: typed getters with
 * defaults, each failing with one line naming the full key path, the value and what was expected,
 * and {@link #finish()} rejecting any key nobody asked for (so a typo never passes silently).
 *
 * <p>Start-up only; not thread-safe.
 */
public final class ConfigNode {
    private final String path;
    private final Map<String, Object> values;
    private final Set<String> read = new LinkedHashSet<>();
    private final Set<String> secretPaths;

    public ConfigNode(final String path, final Map<String, Object> values) {
        this(path, values, Set.of());
    }

    /**
     * @param secretPaths full key paths whose values are secrets: error messages never show them
     */
    public ConfigNode(final String path, final Map<String, Object> values, final Set<String> secretPaths) {
        this.path = path;
        this.values = values == null ? Map.of() : values;
        this.secretPaths = secretPaths;
    }

    /** An empty node (a section absent from the file: every key takes its default). */
    public static ConfigNode empty(final String path) {
        return new ConfigNode(path, Map.of());
    }

    public String path() {
        return path;
    }

    public boolean has(final String key) {
        return values.containsKey(key);
    }

    /** Full dotted path of a key in this node. */
    public String keyPath(final String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Marks a key as known without reading it (binders that read the raw value themselves). */
    public void markRead(final String key) {
        read.add(key);
    }

    private Object raw(final String key) {
        read.add(key);
        return values.get(key);
    }

    public String string(final String key, final String defaultValue) {
        final Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Map || v instanceof List) {
            throw bad(key, v, "a string");
        }
        return v.toString();
    }

    public int integer(final String key, final int defaultValue) {
        final long v = longValue(key, defaultValue);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw bad(key, v, "an integer within 32 bits");
        }
        return (int) v;
    }

    public long longValue(final String key, final long defaultValue) {
        final Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (final NumberFormatException e) {
                throw bad(key, v, "an integer");
            }
        }
        throw bad(key, v, "an integer");
    }

    public double decimal(final String key, final double defaultValue) {
        final Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        final double d;
        if (v instanceof Number n) {
            d = n.doubleValue();
        } else if (v instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (final NumberFormatException e) {
                throw bad(key, v, "a number");
            }
        } else {
            throw bad(key, v, "a number");
        }
        if (!Double.isFinite(d)) {
            throw bad(key, v, "a finite number");
        }
        return d;
    }

    public boolean bool(final String key, final boolean defaultValue) {
        final Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            final String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true")) {
                return true;
            }
            if (t.equals("false")) {
                return false;
            }
        }
        throw bad(key, v, "true or false");
    }

    /**
     * A size in bytes: an integer, or a string with a unit suffix KiB, MiB, GiB (also k, m, g).
     */
    public long bytes(final String key, final long defaultValue) {
        final Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof String s) {
            final String t = s.trim().toLowerCase(Locale.ROOT).replace(" ", "");
            long unit = 1;
            String digits = t;
            for (final String[] suffix : new String[][]{{"kib", "1024"}, {"mib", "1048576"}, {"gib", "1073741824"},
                {"k", "1024"}, {"m", "1048576"}, {"g", "1073741824"}, {"b", "1"}}) {
                if (t.endsWith(suffix[0])) {
                    unit = Long.parseLong(suffix[1]);
                    digits = t.substring(0, t.length() - suffix[0].length());
                    break;
                }
            }
            try {
                return Math.multiplyExact(Long.parseLong(digits), unit);
            } catch (final NumberFormatException | ArithmeticException e) {
                throw bad(key, v, "a size such as 65536, 64KiB or 64MiB");
            }
        }
        throw bad(key, v, "a size such as 65536, 64KiB or 64MiB");
    }

    /** A duration in nanoseconds: an integer number of seconds, or a string such as 250ms, 10s, 5m, 1h. */
    public long durationNanos(final String key, final long defaultNanos) {
        final Object v = raw(key);
        if (v == null) {
            return defaultNanos;
        }
        try {
            return Durations.parseNanos(v.toString());
        } catch (final IllegalArgumentException e) {
            throw bad(key, v, "a duration such as 500ms, 10s, 5m or 1h");
        }
    }

    public List<String> stringList(final String key, final List<String> defaultValue) {
        final Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof List<?> list)) {
            throw bad(key, v, "a list of strings");
        }
        final List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            final Object item = list.get(i);
            if (item == null || item instanceof Map || item instanceof List) {
                throw new ConfigException("config key '" + keyPath(key) + "[" + i + "]' has value " + show(item) + ", expected a string");
            }
            out.add(item.toString());
        }
        return out;
    }

    public List<Integer> intList(final String key, final List<Integer> defaultValue) {
        final Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof List<?> list)) {
            throw bad(key, v, "a list of integers");
        }
        final List<Integer> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            final Object item = list.get(i);
            if (!(item instanceof Integer n)) {
                throw new ConfigException("config key '" + keyPath(key) + "[" + i + "]' has value " + show(item) + ", expected an integer");
            }
            out.add(n);
        }
        return out;
    }

    /** A list of lists of strings (e.g. stage names per thread). */
    public List<List<String>> stringListList(final String key, final List<List<String>> defaultValue) {
        final Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof List<?> list)) {
            throw bad(key, v, "a list of lists of stage names");
        }
        final List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            final ConfigNode holder = new ConfigNode(keyPath(key), Map.of(Integer.toString(i), list.get(i) == null ? List.of() : list.get(i)));
            out.add(holder.stringList(Integer.toString(i), List.of()));
        }
        return out;
    }

    /** A nested mapping; an absent key yields an empty node. */
    @SuppressWarnings("unchecked")
    public ConfigNode node(final String key) {
        final Object v = raw(key);
        if (v == null) {
            return empty(keyPath(key));
        }
        if (!(v instanceof Map)) {
            throw bad(key, v, "a mapping of keys to values");
        }
        return new ConfigNode(keyPath(key), (Map<String, Object>) v, secretPaths);
    }

    /** The keys of this mapping, in file order (for open-ended sections such as per-instrument tables). */
    public List<String> keys() {
        return new ArrayList<>(values.keySet());
    }

    /** Fails naming the first key of this node that no getter asked for. */
    public void finish() {
        for (final String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new ConfigException("config key '" + keyPath(key) + "' is unknown"
                    + (read.isEmpty() ? "" : "; known keys here: " + String.join(", ", read)));
            }
        }
    }

    /**
     * Replaces, in a message, every secret value held under this node (at any depth) with
     * {@code <redacted secret>}: for validation messages that quote values.
     */
    public String redactSecrets(final String message) {
        return redact(message, path, values);
    }

    @SuppressWarnings("unchecked")
    private String redact(final String message, final String at, final Map<String, Object> map) {
        String m = message;
        for (final Map.Entry<String, Object> e : map.entrySet()) {
            final String p = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
            if (e.getValue() instanceof Map) {
                m = redact(m, p, (Map<String, Object>) e.getValue());
            } else if (secretPaths.contains(p) && e.getValue() != null && !e.getValue().toString().isEmpty()) {
                m = m.replace(e.getValue().toString(), "<redacted secret>");
            }
        }
        return m;
    }

    /** An error for {@code key} naming the value and the expectation. */
    public ConfigException bad(final String key, final Object value, final String expected) {
        final String shown = secretPaths.contains(keyPath(key)) ? "<redacted secret>" : show(value);
        return new ConfigException("config key '" + keyPath(key) + "' has value " + shown + ", expected " + expected);
    }

    private static String show(final Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "'" + value + "'";
        }
        if (value instanceof Map || value instanceof List) {
            return "a " + (value instanceof Map ? "mapping" : "list");
        }
        return value.toString();
    }

    /** A copy of the underlying values (for tools). */
    public Map<String, Object> values() {
        return new LinkedHashMap<>(values);
    }
}
