package io.skytrade.feeds.json;

import io.skytrade.feeds.FeedParseException;

import java.util.List;
import java.util.Map;

/**
 * A node of a parsed JSON document with its path from the root, offering typed accessors that
 * throw {@link FeedParseException} naming the source, the path and what was expected instead of
 * a {@code ClassCastException} or {@code NullPointerException}.
 *
 * <p>Immutable; thread-safe. Cost: one small allocation per accessor call (off the hot path).
 */
public final class JsonValue {
    /** Marker for an explicit JSON {@code null}, as opposed to an absent field. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private final String source;
    private final String path;
    private final Object value;

    JsonValue(final String source, final String path, final Object value) {
        this.source = source;
        this.path = path;
        this.value = value;
    }

    public String path() {
        return path;
    }

    /** True for JSON null and for an absent field. */
    public boolean isNull() {
        return value == null || value == NULL;
    }

    /** True when the field was absent from its object. */
    public boolean isMissing() {
        return value == null;
    }

    public boolean isObject() {
        return value instanceof Map;
    }

    public boolean isArray() {
        return value instanceof List;
    }

    public boolean isNumber() {
        return value instanceof Double;
    }

    public boolean isString() {
        return value instanceof String;
    }

    /** A field of this object; absent fields yield a missing value. Fails if this is not an object. */
    public JsonValue get(final String field) throws FeedParseException {
        final Map<?, ?> map = asMap();
        return new JsonValue(source, path + "." + field, map.get(field));
    }

    /** A field that must be present and non-null. */
    public JsonValue require(final String field) throws FeedParseException {
        final JsonValue v = get(field);
        if (v.isNull()) {
            throw v.problem(v.isMissing() ? "required field is missing" : "required field is null");
        }
        return v;
    }

    /** Number of elements of this array. */
    public int size() throws FeedParseException {
        return asList().size();
    }

    /** Element {@code i} of this array. */
    public JsonValue at(final int i) throws FeedParseException {
        final List<?> list = asList();
        if (i < 0 || i >= list.size()) {
            throw problem("index " + i + " outside array of " + list.size());
        }
        return new JsonValue(source, path + "[" + i + "]", list.get(i));
    }

    public double asDouble() throws FeedParseException {
        if (!(value instanceof Double)) {
            throw problem("expected a number, got " + kind());
        }
        final double d = (Double) value;
        if (!Double.isFinite(d)) {
            throw problem("number is not finite");
        }
        return d;
    }

    /** A number that must be an integer within {@code long} range. */
    public long asLong() throws FeedParseException {
        final double d = asDouble();
        if (d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15) {
            throw problem("expected an integer, got " + d);
        }
        return (long) d;
    }

    public String asString() throws FeedParseException {
        if (!(value instanceof String)) {
            throw problem("expected a string, got " + kind());
        }
        return (String) value;
    }

    public boolean asBoolean() throws FeedParseException {
        if (!(value instanceof Boolean)) {
            throw problem("expected a boolean, got " + kind());
        }
        return (Boolean) value;
    }

    /** A problem at this node, as an exception ready to throw. */
    public FeedParseException problem(final String what) {
        return new FeedParseException(source, path + ": " + what);
    }

    private Map<?, ?> asMap() throws FeedParseException {
        if (!(value instanceof Map)) {
            throw problem("expected an object, got " + kind());
        }
        return (Map<?, ?>) value;
    }

    private List<?> asList() throws FeedParseException {
        if (!(value instanceof List)) {
            throw problem("expected an array, got " + kind());
        }
        return (List<?>) value;
    }

    private String kind() {
        if (value == null) {
            return "nothing (field missing)";
        }
        if (value == NULL) {
            return "null";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }
}
