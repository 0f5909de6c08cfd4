package io.skytrade.exchange.protocol;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * The byte decoder never accepts what {@link ProtocolDecoder} would not, and when it accepts it
 * decodes exactly what {@link ProtocolDecoder} decodes (compared through the encoder, which writes
 * every member, decimals in full): on valid messages of every type, on the same messages with
 * whitespace, decimals written other ways and the optional member, and on mutated and random text.
 */
class VenueFrameDecoderEquivalenceTest {
    private static final SymbolTable SYMBOLS = new SymbolTable(List.of(RandomMessages.SYMBOLS));
    private static final String[] DECIMALS = {
        "0", "-0", "0.0", "-0.0", "1.5", "1.50", "0.125", "1e2", "1E+2", "25e-1", "0.000001", "123456789012345",
        "1234567890123456", "0.1234567890123456", "1e22", "1e23", "9007199254740993", "-12.75", "3.000", "1e-22", "1e-23"
    };

    private final ProtocolEncoder encoder = new ProtocolEncoder();
    private final ProtocolDecoder strict = new ProtocolDecoder();
    private final VenueFrameDecoder fast = new VenueFrameDecoder(SYMBOLS);
    private final ProtocolMessage strictMessage = new ProtocolMessage();
    private final ProtocolMessage fastMessage = new ProtocolMessage();

    @Test
    void shouldDecodeEveryValidHotMessageAsTheStrictDecoderDoes() {
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger hot = new AtomicInteger();
        qt().withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            final SplittableRandom r = new SplittableRandom(seed);
            final ProtocolMessage m = RandomMessages.random(r, new ProtocolMessage());
            final String text = encoder.encode(m);
            if (isHot(m.type)) {
                hot.incrementAndGet();
            }
            if (compare(text)) {
                accepted.incrementAndGet();
            }
        });
        assertTrue(accepted.get() > hot.get() / 2, "the fast path took " + accepted + " of " + hot + " hot messages");
    }

    @Test
    void shouldAgreeOnWhitespaceDecimalsAndTheOptionalMember() {
        qt().withExamples(2000).forAll(longs().all()).checkAssert(seed -> {
            final SplittableRandom r = new SplittableRandom(seed);
            String text = encoder.encode(RandomMessages.random(r, new ProtocolMessage()));
            text = text.replaceAll("(\"(fee|pnl|price)\":)-?[0-9.eE+-]+", "$1" + DECIMALS[r.nextInt(DECIMALS.length)]);
            if (r.nextBoolean()) {
                text = text.substring(0, text.length() - 1) + ",\"inSeq\":" + r.nextLong(-2, Long.MAX_VALUE) + "}";
            }
            compare(spaced(r, text));
        });
    }

    @Test
    void shouldNeverAcceptMoreThanTheStrictDecoderOnMutatedMessages() {
        qt().withExamples(4000).forAll(longs().all(), integers().between(1, 3)).checkAssert((seed, mutations) -> {
            final SplittableRandom r = new SplittableRandom(seed);
            String text = encoder.encode(RandomMessages.random(r, new ProtocolMessage()));
            for (int i = 0; i < mutations; i++) {
                text = ProtocolCodecPropertyTest.mutate(r, text);
            }
            compare(text);
        });
    }

    @Test
    void shouldNeverAcceptMoreThanTheStrictDecoderOnRandomText() {
        qt().withExamples(3000).forAll(strings().allPossible().ofLengthBetween(0, 80)).checkAssert(this::compare);
        qt().withExamples(3000).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 60))
            .checkAssert(tail -> compare("{\"type\":\"book_update\",\"product\":\"X\"," + tail));
    }

    /** Decodes with both; true when the fast decoder accepted (and then agreed). */
    private boolean compare(final String text) {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[bytes.length + 8]);
        frame.putBytes(3, bytes);
        final boolean accepted = fast.decode(frame, 3, bytes.length, fastMessage);
        if (!accepted) {
            return false;
        }
        try {
            strict.decode(text, strictMessage);
        } catch (final ProtocolDecodeException ex) {
            fail("the byte decoder accepted what the strict decoder refuses (" + ex.getMessage() + "): " + text);
        }
        assertEquals(encoder.encode(strictMessage), encoder.encode(fastMessage), "decoded differently: " + text);
        assertEquals(SYMBOLS.indexOf(strictMessage.product), fastMessage.productIndex, "product index of " + text);
        return true;
    }

    private static boolean isHot(final int type) {
        return type == MessageType.BOOK_SNAPSHOT || type == MessageType.BOOK_UPDATE || type == MessageType.TRADE
            || type == MessageType.ACK || type == MessageType.FILL || type == MessageType.CANCELLED || type == MessageType.REJECT
            || type == MessageType.CANCEL_REJECT || type == MessageType.POSITION || type == MessageType.SETTLEMENT
            || type == MessageType.HEARTBEAT;
    }

    /** Inserts JSON whitespace after some structural characters outside strings. */
    private static String spaced(final SplittableRandom r, final String text) {
        final StringBuilder b = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            b.append(c);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                inString = !inString;
            }
            if (!inString && "{}[],:".indexOf(c) >= 0 && r.nextInt(4) == 0) {
                b.append(" \t\n\r".charAt(r.nextInt(4)));
            }
        }
        return r.nextInt(8) == 0 ? "\n " + b + " \r\n" : b.toString();
    }
}
