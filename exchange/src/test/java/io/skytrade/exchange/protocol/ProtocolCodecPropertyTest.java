package io.skytrade.exchange.protocol;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Properties of the codec: every encoded message decodes to one that encodes identically, and
 * random or mutated text never makes the decoder throw anything but {@link ProtocolDecodeException}.
 */
class ProtocolCodecPropertyTest {
    private static final String[] JSON_VALUES = {
        "null", "true", "false", "0", "-1", "1.5", "1e400", "-9223372036854775809", "9223372036854775808",
        "\"\"", "\"BUY\"", "\"x\"", "[]", "[[1]]", "[[1,2,3]]", "[[\"a\",1]]", "{}", "{\"symbol\":1}", "[{}]",
        "1000000001", "NaN", "\"GTC\"", "[\"tide\"]", "[[1,-1]]", "2147483648", "99"
    };

    @Test
    void shouldRoundTripEveryMessageType() {
        final ProtocolEncoder encoder = new ProtocolEncoder();
        final ProtocolDecoder decoder = new ProtocolDecoder();
        final ProtocolMessage decoded = new ProtocolMessage();
        qt().withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            final String text = encoder.encode(RandomMessages.random(new SplittableRandom(seed), new ProtocolMessage()));
            try {
                decoder.decode(text, decoded);
            } catch (final ProtocolDecodeException ex) {
                fail("valid message rejected: " + text + " -> " + ex.getMessage());
            }
            assertEquals(text, encoder.encode(decoded));
        });
    }

    @Test
    void shouldOnlyThrowDecodeErrorsOnMutatedMessages() {
        final ProtocolEncoder encoder = new ProtocolEncoder();
        final ProtocolDecoder decoder = new ProtocolDecoder();
        final ProtocolMessage decoded = new ProtocolMessage();
        qt().withExamples(5000).forAll(longs().all(), integers().between(1, 4)).checkAssert((seed, mutations) -> {
            final SplittableRandom r = new SplittableRandom(seed);
            String text = encoder.encode(RandomMessages.random(r, new ProtocolMessage()));
            for (int i = 0; i < mutations; i++) {
                text = mutate(r, text);
            }
            decodeExpectingOnlyDecodeErrors(decoder, text, decoded);
        });
    }

    @Test
    void shouldOnlyThrowDecodeErrorsOnRandomText() {
        final ProtocolDecoder decoder = new ProtocolDecoder();
        final ProtocolMessage decoded = new ProtocolMessage();
        qt().withExamples(3000).forAll(strings().allPossible().ofLengthBetween(0, 80))
            .checkAssert(text -> decodeExpectingOnlyDecodeErrors(decoder, text, decoded));
        qt().withExamples(2000).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 80))
            .checkAssert(text -> decodeExpectingOnlyDecodeErrors(decoder, "{\"type\":\"new_order\"," + text, decoded));
    }

    private static void decodeExpectingOnlyDecodeErrors(final ProtocolDecoder decoder, final String text, final ProtocolMessage into) {
        try {
            decoder.decode(text, into);
        } catch (final ProtocolDecodeException expected) {
            if (expected.getMessage() == null || expected.getMessage().isEmpty()) {
                fail("decode error without a message for " + text);
            }
        } catch (final RuntimeException ex) {
            throw new AssertionError("decoder threw " + ex + " for: " + text, ex);
        }
    }

    static String mutate(final SplittableRandom r, final String text) {
        if (text.isEmpty()) {
            return JSON_VALUES[r.nextInt(JSON_VALUES.length)];
        }
        final int at = r.nextInt(text.length());
        switch (r.nextInt(6)) {
            case 0:
                return text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + r.nextInt(8)));
            case 1:
                return text.substring(0, at) + (char)r.nextInt(0x20, 0x7f) + text.substring(at);
            case 2: {
                final int colon = text.indexOf(':', at);
                if (colon < 0) {
                    return text.substring(0, at);
                }
                int end = colon + 1;
                int depth = 0;
                boolean inString = false;
                while (end < text.length()) {
                    final char c = text.charAt(end);
                    if (inString) {
                        if (c == '\\') {
                            end++;
                        } else if (c == '"') {
                            inString = false;
                        }
                    } else if (c == '"') {
                        inString = true;
                    } else if (c == '[' || c == '{') {
                        depth++;
                    } else if (c == ']' || c == '}') {
                        if (depth == 0) {
                            break;
                        }
                        depth--;
                    } else if (c == ',' && depth == 0) {
                        break;
                    }
                    end++;
                }
                return text.substring(0, colon + 1) + JSON_VALUES[r.nextInt(JSON_VALUES.length)] + text.substring(Math.min(end, text.length()));
            }
            case 3: {
                final int comma = text.indexOf(',', at);
                if (comma < 0) {
                    return text;
                }
                final int next = text.indexOf(',', comma + 1);
                return next < 0 ? text.substring(0, comma) + "}" : text.substring(0, comma) + text.substring(next);
            }
            case 4:
                return text.replaceFirst("\"type\":\"[a-z_]+\"", "\"type\":\"" + MessageType.wireName(1 + r.nextInt(MessageType.COUNT - 1)) + "\"");
            default:
                return text.substring(0, at) + JSON_VALUES[r.nextInt(JSON_VALUES.length)] + text.substring(at);
        }
    }
}
