package io.skytrade.engine.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a YAML mapping onto a parameter record of the business stages, component by component,
 * starting from the record's documented defaults: every key is optional and takes the default's
 * value, unknown keys fail, and the record's own validation (its compact constructor) reports bad
 * combinations. Component types: int, long, double, boolean, String, double[], nested records and
 * {@code Map<String, Record>}, enums, Duration and Path. A {@code long} component named {@code xxxNanos} is written in YAML as
 * {@code xxx}, a duration ("15m", "250ms"; a bare number is seconds) or an ISO-8601 instant
 * ("2026-02-28T12:00:00Z") for points in time.
 *
 * <p>Start-up only; uses reflection once per record.
 */
public final class RecordBinder {
    private static final String NANOS = "Nanos";

    private RecordBinder() {
    }

    /** Binds {@code node} onto a copy of {@code defaults}. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R bind(final ConfigNode node, final R defaults) {
        final Class<R> type = (Class<R>) defaults.getClass();
        final RecordComponent[] components = type.getRecordComponents();
        final Object[] values = new Object[components.length];
        final Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            final RecordComponent c = components[i];
            types[i] = c.getType();
            values[i] = bindComponent(node, c, read(c, defaults));
        }
        node.finish();
        try {
            final Constructor<R> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(values);
        } catch (final InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw new ConfigException("config " + (node.path().isEmpty() ? "" : "section '" + node.path() + "': ")
                    + node.redactSecrets(bad.getMessage()));
            }
            throw new IllegalStateException("cannot build " + type.getSimpleName() + " from config section '" + node.path() + "'",
                e.getCause());
        } catch (final ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static Object read(final RecordComponent c, final Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (final ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read default of " + c.getName(), e);
        }
    }

    /** The YAML key of a component (xxxNanos is written as xxx). */
    public static String keyOf(final RecordComponent c) {
        final String name = c.getName();
        return c.getType() == long.class && name.endsWith(NANOS) && name.length() > NANOS.length()
            ? name.substring(0, name.length() - NANOS.length()) : name;
    }

    @SuppressWarnings("unchecked")
    private static Object bindComponent(final ConfigNode node, final RecordComponent c, final Object def) {
        final String key = keyOf(c);
        final Class<?> t = c.getType();
        if (t == int.class) {
            return node.integer(key, (Integer) def);
        }
        if (t == long.class) {
            return c.getName().endsWith(NANOS) ? timeNanos(node, key, (Long) def) : node.longValue(key, (Long) def);
        }
        if (t == double.class) {
            return node.decimal(key, (Double) def);
        }
        if (t == boolean.class) {
            return node.bool(key, (Boolean) def);
        }
        if (t == String.class) {
            return node.string(key, (String) def);
        }
        if (t.isEnum()) {
            return enumValue(node, key, t, (Enum<?>) def);
        }
        if (t == Duration.class) {
            if (!node.has(key)) {
                node.markRead(key);
                return def;
            }
            return Duration.ofNanos(node.durationNanos(key, 0));
        }
        if (t == Path.class) {
            final String text = node.string(key, def == null ? null : def.toString());
            return text == null ? null : Path.of(text);
        }
        if (t == double[].class) {
            return doubles(node, key, (double[]) def);
        }
        if (Record.class.isAssignableFrom(t)) {
            return node.has(key) ? bind(node.node(key), (Record) def) : def;
        }
        if (Map.class.isAssignableFrom(t) && c.getGenericType() instanceof ParameterizedType p
            && p.getActualTypeArguments()[1] instanceof Class<?> valueType && Record.class.isAssignableFrom(valueType)) {
            return recordMap(node, key, (Map<String, Record>) def);
        }
        throw new IllegalStateException("config binding does not support " + t + " (" + c.getName() + ")");
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Object enumValue(final ConfigNode node, final String key, final Class<?> type, final Enum<?> def) {
        final String text = node.string(key, def == null ? null : def.name());
        if (text == null) {
            return null;
        }
        final StringBuilder names = new StringBuilder();
        for (final Object value : type.getEnumConstants()) {
            final Enum<?> constant = (Enum<?>) value;
            if (constant.name().equalsIgnoreCase(text.replace('-', '_'))) {
                return constant;
            }
            names.append(names.length() == 0 ? "" : ", ").append(constant.name());
        }
        throw node.bad(key, text, "one of " + names);
    }

    private static long timeNanos(final ConfigNode node, final String key, final long def) {
        if (!node.has(key)) {
            node.markRead(key);
            return def;
        }
        final String text = node.string(key, null);
        if (text == null) {
            throw node.bad(key, "null", "a duration such as 250ms, 15m, 1h or an instant such as 2026-02-28T12:00:00Z");
        }
        try {
            return Durations.parseNanos(text);
        } catch (final IllegalArgumentException notDuration) {
            try {
                final Instant at = text.endsWith("Z") ? Instant.parse(text) : OffsetDateTime.parse(text).toInstant();
                return at.getEpochSecond() * 1_000_000_000L + at.getNano();
            } catch (final DateTimeParseException e) {
                throw node.bad(key, text, "a duration such as 250ms, 15m, 1h or an instant such as 2026-02-28T12:00:00Z");
            }
        }
    }

    private static double[] doubles(final ConfigNode node, final String key, final double[] def) {
        node.markRead(key);
        if (!node.has(key)) {
            return def;
        }
        final Object raw = node.values().get(key);
        if (!(raw instanceof List<?> list)) {
            throw node.bad(key, raw, "a list of numbers");
        }
        final double[] out = new double[list.size()];
        final ConfigNode items = new ConfigNode(node.keyPath(key), indexed(list));
        for (int i = 0; i < out.length; i++) {
            out[i] = items.decimal(Integer.toString(i), 0);
        }
        return out;
    }

    private static Map<String, Object> indexed(final List<?> list) {
        final Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            m.put(Integer.toString(i), list.get(i));
        }
        return m;
    }

    private static Map<String, Record> recordMap(final ConfigNode node, final String key, final Map<String, Record> def) {
        final Map<String, Record> out = new LinkedHashMap<>(def);
        if (!node.has(key)) {
            node.markRead(key);
            return out;
        }
        final ConfigNode entries = node.node(key);
        for (final String name : entries.keys()) {
            Record base = def.get(name);
            if (base == null) {
                if (def.isEmpty()) {
                    throw entries.bad(name, "a mapping", "one of the known names (none have defaults)");
                }
                base = def.values().iterator().next();
            }
            out.put(name, bind(entries.node(name), base));
        }
        entries.finish();
        return out;
    }
}
