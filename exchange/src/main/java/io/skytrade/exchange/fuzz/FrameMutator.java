package io.skytrade.exchange.fuzz;

import io.skytrade.exchange.protocol.MessageType;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.TextFrame;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes the frames of the venue fuzzer from one seeded random source: valid client messages
 * (orders, cancels, subscriptions, heartbeats, re-logins) and mutations of them (bit flips,
 * truncation, insertion, a message type of the other direction, a member of the wrong JSON type,
 * huge and boundary numbers, missing, extra and duplicate members, deep nesting, long strings), now
 * and then a frame the WebSocket layer refuses (invalid UTF-8, over 1 MiB) or a binary frame.
 *
 * <p>Not thread-safe: one per fuzzing client. Not on the engine's hot path.
 */
public final class FrameMutator {
    /** What kind of frame to send. */
    public enum Kind {
        /** A text frame of a Java string (valid UTF-8). */
        TEXT,
        /** A text frame whose payload is not valid UTF-8: the venue closes with 1007. */
        INVALID_UTF8,
        /** A binary frame: the venue answers error code 1. */
        BINARY,
        /** A text frame over the venue's 1 MiB limit: the venue closes with 1009. */
        OVERSIZED
    }

    /** One frame to send. */
    public record Frame(Kind kind, String text, byte[] bytes) {
        static Frame text(final String text) {
            return new Frame(Kind.TEXT, text, null);
        }
    }

    /**
     * A masked, final text frame whose payload is {@code bytes} as they are, which a client's
     * {@code send(String)} cannot make when they are not UTF-8.
     */
    public static Framedata rawTextFrame(final byte[] bytes) {
        final TextFrame frame = new TextFrame();
        frame.setPayload(ByteBuffer.wrap(bytes));
        frame.setFin(true);
        frame.setTransferemasked(true);
        return frame;
    }

    private static final List<String> PRODUCTS = List.of("TIDE_SPOT", "TIDE_SWING", "WX_SPOT", "WX_SUM", "LHR_COUNT",
        "LHR_INDEX", "AQ_SPOT", "LON_ETF", "LON_FLY");
    private static final String[] ODD_VALUES = {
        "\"x\"", "\"\"", "1", "-1", "0", "1.5", "-0.0", "1e3", "true", "false", "null", "[]", "{}", "[[1,2]]", "{\"a\":1}",
        "\"BUY\"", "\"\\u0000\"", "\"\\ud800\"", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "-9223372036854775809", "99999999999999999999999999999", "1e400", "-1e400", "9007199254740993", "1000000001",
    };
    private static final String PUNCTUATION = "{}[]:,\"\\ \t\n0-+.eE";

    private final SplittableRandom random;
    private final String apiKey;
    private long clOrdId;

    /**
     * @param random       this client's seeded source
     * @param apiKey       the key of this client's logins
     * @param firstClOrdId client order ids of valid orders count up from here
     */
    public FrameMutator(final SplittableRandom random, final String apiKey, final long firstClOrdId) {
        this.random = random;
        this.apiKey = apiKey;
        this.clOrdId = firstClOrdId;
    }

    /** A login with this client's key. */
    public String login(final long lastExecSeq) {
        return "{\"type\":\"login\",\"apiKey\":\"" + apiKey + "\",\"lastExecSeq\":" + lastExecSeq + "}";
    }

    /** The next frame: a valid message with probability {@code validShare}, else a mutation of one. */
    public Frame next(final double validShare) {
        final String valid = validMessage();
        if (random.nextDouble() < validShare) {
            return Frame.text(valid);
        }
        final int rare = random.nextInt(1000);
        if (rare < 4) {
            return invalidUtf8(valid);
        }
        if (rare < 6) {
            return new Frame(Kind.BINARY, null, valid.getBytes(StandardCharsets.UTF_8));
        }
        if (rare < 7) {
            return new Frame(Kind.OVERSIZED, "{\"type\":\"heartbeat\",\"ts\":" + "1".repeat((1 << 20) + 10) + "}", null);
        }
        return Frame.text(mutate(valid));
    }

    /** A valid client message: mostly orders and cancels, some subscriptions, heartbeats and re-logins. */
    public String validMessage() {
        final String product = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
        final int pick = random.nextInt(100);
        if (pick < 50) {
            return "{\"type\":\"new_order\",\"clOrdId\":" + (++clOrdId) + ",\"product\":\"" + product + "\",\"side\":\""
                + (random.nextBoolean() ? "BUY" : "SELL") + "\",\"price\":" + (random.nextInt(4) == 0 ? random.nextInt(10_000)
                : 500 + random.nextInt(4000)) + ",\"qty\":" + (1 + random.nextInt(5)) + ",\"tif\":\""
                + (random.nextInt(3) == 0 ? "IOC" : "GTC") + "\"}";
        }
        if (pick < 80) {
            return "{\"type\":\"cancel\",\"clOrdId\":" + Math.max(1, clOrdId - random.nextInt(20)) + ",\"product\":\"" + product + "\"}";
        }
        if (pick < 90) {
            return "{\"type\":\"subscribe\",\"products\":[\"" + product + "\"" + (random.nextBoolean() ? ",\"LON_ETF\"" : "") + "]}";
        }
        if (pick < 97) {
            return "{\"type\":\"heartbeat\",\"ts\":" + random.nextLong(0, Long.MAX_VALUE) + "}";
        }
        return login(random.nextInt(50));
    }

    private String mutate(final String valid) {
        return switch (random.nextInt(12)) {
            case 0 -> flipBit(valid);
            case 1 -> valid.substring(0, random.nextInt(valid.length()));
            case 2 -> insert(valid, Character.toString(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()))));
            case 3 -> valid.replaceFirst("\"type\":\"[a-z_]+\"", "\"type\":\"" + otherType() + "\"");
            case 4 -> replaceValue(valid, ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
            case 5 -> removeMember(valid);
            case 6 -> valid.substring(0, valid.length() - 1) + ",\"extra\":1}";
            case 7 -> duplicateFirstMember(valid);
            case 8 -> "[".repeat(1 + random.nextInt(5000)) + valid;
            case 9 -> replaceValue(valid, "\"" + "A".repeat(1 + random.nextInt(3000)) + "\"");
            case 10 -> random.nextBoolean() ? "" : random.nextBoolean() ? "null" : valid + valid;
            default -> replaceValue(valid, ODD_VALUES[random.nextInt(ODD_VALUES.length)].replace("1", "-1"));
        };
    }

    private String otherType() {
        final int type = random.nextInt(MessageType.COUNT + 2);
        return type >= 1 && type < MessageType.COUNT ? MessageType.wireName(type) : type == 0 ? "" : "LOGIN";
    }

    /** Flips one of the low seven bits of one character, so the text stays valid UTF-8. */
    private String flipBit(final String valid) {
        final char[] chars = valid.toCharArray();
        final int at = random.nextInt(chars.length);
        chars[at] = (char)((chars[at] ^ (1 << random.nextInt(7))) & 0x7F);
        return new String(chars);
    }

    private String insert(final String valid, final String what) {
        final int at = random.nextInt(valid.length() + 1);
        return valid.substring(0, at) + what + valid.substring(at);
    }

    /** Replaces the value of one member (the text between a ':' and the next ',' or '}') by {@code value}. */
    private String replaceValue(final String valid, final String value) {
        final int colons = count(valid, ':');
        int colon = -1;
        for (int k = random.nextInt(colons) + 1; k > 0; k--) {
            colon = valid.indexOf(':', colon + 1);
        }
        int end = colon + 1;
        int depth = 0;
        boolean inString = false;
        while (end < valid.length()) {
            final char c = valid.charAt(end);
            if (c == '"' && valid.charAt(end - 1) != '\\') {
                inString = !inString;
            } else if (!inString && (c == '[' || c == '{')) {
                depth++;
            } else if (!inString && (c == ']' || c == '}')) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (!inString && c == ',' && depth == 0) {
                break;
            }
            end++;
        }
        return valid.substring(0, colon + 1) + value + valid.substring(end);
    }

    private String removeMember(final String valid) {
        final int commas = count(valid, ',');
        if (commas == 0) {
            return "{}";
        }
        int comma = -1;
        for (int k = random.nextInt(commas) + 1; k > 0; k--) {
            comma = valid.indexOf(',', comma + 1);
        }
        final int next = valid.indexOf(',', comma + 1);
        final int end = next < 0 ? valid.lastIndexOf('}') : next;
        return valid.substring(0, comma) + valid.substring(end);
    }

    private static String duplicateFirstMember(final String valid) {
        final int comma = valid.indexOf(',');
        return comma < 0 ? valid : valid.substring(0, comma) + valid.substring(0, comma).replaceFirst("\\{", ",") + valid.substring(comma);
    }

    private Frame invalidUtf8(final String valid) {
        final byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        final byte[] out = new byte[bytes.length + 1];
        final int at = 1 + random.nextInt(bytes.length - 1);
        System.arraycopy(bytes, 0, out, 0, at);
        out[at] = (byte)(random.nextBoolean() ? 0xC3 : 0xFF);
        System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
        return new Frame(Kind.INVALID_UTF8, null, out);
    }

    private static int count(final String text, final char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
