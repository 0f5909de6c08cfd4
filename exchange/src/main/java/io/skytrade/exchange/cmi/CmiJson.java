package io.skytrade.exchange.cmi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CMI venue's REST replies and {@code trade} events, which are one flat JSON object or an
 * array of them ({@code [{...}, {...}]}), into one map per object of member name to scalar text
 * (strings as they are, numbers as written, {@code true}/{@code false}, JSON {@code null} as Java
 * null); nested members are skipped. Typed accessors parse a member and name it when it is missing
 * or of the wrong shape. Also writes the few request bodies the client sends.
 *
 * <p>Stateless; thread-safe. Cost: a map and a string per member: for REST replies (at most one a
 * second) and trade events, never for book snapshots ({@link CmiBookDecoder} reads those).
 */
public final class CmiJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxNumberLength(64).build())
        .build();

    private CmiJson() {
    }

    /** The objects of {@code text}: one for a JSON object, each element's for an array of objects. */
    public static List<Map<String, String>> objects(final String text) throws CmiProtocolException {
        if (text == null || text.isBlank()) {
            throw new CmiProtocolException("empty body where JSON was expected");
        }
        try (JsonParser p = FACTORY.createParser(text)) {
            final List<Map<String, String>> out = new ArrayList<>();
            final JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                out.add(object(p));
            } else if (first == JsonToken.START_ARRAY) {
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.START_OBJECT) {
                        throw new CmiProtocolException("array element " + out.size() + " is not an object");
                    }
                    out.add(object(p));
                }
            } else {
                throw new CmiProtocolException("expected a JSON object or array, found " + first);
            }
            if (p.nextToken() != null) {
                throw new CmiProtocolException("trailing content after the JSON value");
            }
            return out;
        } catch (final IOException e) {
            throw new CmiProtocolException("malformed JSON: " + firstLine(e.getMessage()), e);
        }
    }

    /** The single object of {@code text}. */
    public static Map<String, String> object(final String text) throws CmiProtocolException {
        final List<Map<String, String>> all = objects(text);
        if (all.size() != 1 || text.stripLeading().startsWith("[")) {
            throw new CmiProtocolException("expected one JSON object, found an array of " + all.size());
        }
        return all.get(0);
    }

    private static Map<String, String> object(final JsonParser p) throws IOException {
        final Map<String, String> map = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            final String name = p.currentName();
            final JsonToken value = p.nextToken();
            switch (value) {
                case START_OBJECT, START_ARRAY -> p.skipChildren();
                case VALUE_NULL -> map.put(name, null);
                default -> map.put(name, p.getText());
            }
        }
        return map;
    }

    /** A required string member. */
    public static String string(final Map<String, String> o, final String name) throws CmiProtocolException {
        final String v = o.get(name);
        if (v == null || v.isEmpty()) {
            throw new CmiProtocolException("member '" + name + "' missing or empty");
        }
        return v;
    }

    /** A required number member (an integer or a decimal such as {@code 8.0}). */
    public static double number(final Map<String, String> o, final String name) throws CmiProtocolException {
        final double v = CmiNumbers.parseDecimal(string(o, name));
        if (Double.isNaN(v)) {
            throw new CmiProtocolException("member '" + name + "' = '" + o.get(name) + "' is not a number");
        }
        return v;
    }

    /** A required whole-number member ({@code 4} or {@code 4.0}). */
    public static long whole(final Map<String, String> o, final String name) throws CmiProtocolException {
        final double v = number(o, name);
        if (v != Math.rint(v) || Math.abs(v) > 1e15) {
            throw new CmiProtocolException("member '" + name + "' = " + o.get(name) + " is not a whole number");
        }
        return (long)v;
    }

    /** A required timestamp member (UTC ISO-8601), as epoch nanoseconds. */
    public static long timestamp(final Map<String, String> o, final String name) throws CmiProtocolException {
        final long t = IsoInstant.parse(string(o, name));
        if (t == IsoInstant.INVALID) {
            throw new CmiProtocolException("member '" + name + "' = '" + o.get(name) + "' is not a UTC ISO-8601 timestamp");
        }
        return t;
    }

    /** {@code {"username":..,"password":..}}. */
    public static String credentials(final String username, final String password) {
        final StringBuilder sb = new StringBuilder(64).append("{\"username\":");
        quote(sb, username).append(",\"password\":");
        return quote(sb, password).append('}').toString();
    }

    /** {@code {"product":..,"price":..,"side":"BUY"|"SELL","volume":..}}. */
    public static String newOrder(final String product, final String price, final boolean buy, final long volume) {
        final StringBuilder sb = new StringBuilder(96).append("{\"product\":");
        quote(sb, product).append(",\"price\":").append(price).append(",\"side\":\"").append(buy ? "BUY" : "SELL")
            .append("\",\"volume\":").append(volume).append('}');
        return sb.toString();
    }

    /** Appends {@code s} as a JSON string (Jackson's escaping). */
    public static StringBuilder quote(final StringBuilder sb, final String s) {
        return sb.append('"').append(JsonStringEncoder.getInstance().quoteAsString(s)).append('"');
    }

    private static String firstLine(final String message) {
        if (message == null) {
            return "unknown error";
        }
        final int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
