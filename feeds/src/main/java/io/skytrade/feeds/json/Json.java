package io.skytrade.feeds.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.skytrade.feeds.FeedParseException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a whole JSON document with Jackson's streaming parser into a small tree of
 * {@link JsonValue}s (objects, arrays, strings, numbers as {@code double}, booleans, null), so
 * parsers can navigate a response with typed accessors that report the path of anything missing.
 * Any malformed, truncated or over-deep input, and trailing content after the document, becomes a
 * {@link FeedParseException}.
 *
 * <p>Thread-safety: stateless apart from a shared, thread-safe {@link JsonFactory}. Cost: one
 * allocation per JSON value (feeds run off the hot path).
 */
public final class Json {
    private static final int MAX_DEPTH = 64;
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(64).build())
        .build();

    private Json() {
    }

    /** Parses {@code body} as one JSON document attributed to {@code source} in error messages. */
    public static JsonValue parse(final String source, final byte[] body) throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException(source, "empty response body");
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            final JsonToken first = parser.nextToken();
            if (first == null) {
                throw new FeedParseException(source, "response body holds no JSON value");
            }
            final Object root = read(parser, first, source);
            if (parser.nextToken() != null) {
                throw new FeedParseException(source, "trailing content after the JSON document at offset "
                    + parser.currentTokenLocation().getByteOffset());
            }
            return new JsonValue(source, "$", root);
        } catch (IOException e) {
            throw new FeedParseException(source, "malformed or truncated JSON: " + firstLine(e.getMessage()), e);
        }
    }

    private static Object read(final JsonParser parser, final JsonToken token, final String source)
        throws IOException, FeedParseException {
        switch (token) {
            case START_OBJECT: {
                final Map<String, Object> map = new LinkedHashMap<>();
                JsonToken t = parser.nextToken();
                while (t == JsonToken.FIELD_NAME) {
                    final String name = parser.currentName();
                    final JsonToken valueToken = parser.nextToken();
                    if (valueToken == null) {
                        throw new FeedParseException(source, "truncated JSON inside object field '" + name + "'");
                    }
                    map.put(name, read(parser, valueToken, source));
                    t = parser.nextToken();
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new FeedParseException(source, "truncated JSON: object not closed");
                }
                return map;
            }
            case START_ARRAY: {
                final List<Object> list = new ArrayList<>();
                JsonToken t = parser.nextToken();
                while (t != null && t != JsonToken.END_ARRAY) {
                    list.add(read(parser, t, source));
                    t = parser.nextToken();
                }
                if (t == null) {
                    throw new FeedParseException(source, "truncated JSON: array not closed");
                }
                return list;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return JsonValue.NULL;
            default:
                throw new FeedParseException(source, "unexpected JSON token " + token);
        }
    }

    private static String firstLine(final String message) {
        if (message == null) {
            return "no detail";
        }
        final int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
