package io.skytrade.exchange.websocket;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/** Server frames in, messages and control events out; every violation named with its close code. */
class FrameAdapterTest {
    private final List<String> events = new ArrayList<>();
    private final FrameAdapter adapter = new FrameAdapter(new FrameListener() {
        @Override
        public void onText(final DirectBuffer buffer, final int offset, final int length) {
            events.add("text:" + buffer.getStringWithoutLengthUtf8(offset, length));
        }

        @Override
        public void onBinary(final int length) {
            events.add("binary:" + length);
        }

        @Override
        public void onPing(final DirectBuffer buffer, final int offset, final int length) {
            events.add("ping:" + buffer.getStringWithoutLengthAscii(offset, length));
        }

        @Override
        public void onClose(final int code, final String reason) {
            events.add("close:" + code + ":" + reason);
        }

        @Override
        public void onProtocolError(final int code, final String problem) {
            events.add("error:" + code);
        }
    });

    @Test
    void shouldDeliverMessagesWhateverTheSplitOfTheBytes() {
        final byte[] stream = concat(frame(true, 1, text("{\"type\":\"heartbeat\",\"ts\":1}")), frame(true, 9, text("p")),
            frame(false, 1, text("frag")), frame(false, 0, text("men")), frame(true, 0, text("ted")), frame(true, 10, text("")),
            frame(true, 1, text("x".repeat(300))), frame(true, 1, text("\u00e9t\u00e9 \u20ac")), frame(true, 2, new byte[70_000]),
            frame(true, 8, concat(new byte[] {0x03, (byte) 0xE8}, text("bye"))));
        final List<String> expected = List.of("text:{\"type\":\"heartbeat\",\"ts\":1}", "ping:p", "text:fragmented",
            "text:" + "x".repeat(300), "text:\u00e9t\u00e9 \u20ac", "binary:70000", "close:1000:bye");
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            events.clear();
            adapter.reset();
            feedInPieces(stream, new SplittableRandom(seed));
            assertEquals(expected, events);
        });
    }

    @Test
    void shouldFailTheConnectionOnEveryProtocolViolation() {
        assertEquals("error:1002", only(new byte[] {(byte) 0x81, (byte) 0x81, 1, 2, 3, 4, 'x'}), "masked server frame");
        assertEquals("error:1002", only(new byte[] {(byte) 0xC1, 0x00}), "reserved bit");
        assertEquals("error:1002", only(new byte[] {(byte) 0x83, 0x00}), "unknown opcode");
        assertEquals("error:1002", only(frame(false, 9, text("x"))), "fragmented ping");
        assertEquals("error:1002", only(frame(true, 9, new byte[126])), "long ping");
        assertEquals("error:1002", only(frame(true, 0, text("x"))), "continuation without a message");
        assertEquals("error:1002", only(concat(frame(false, 1, text("a")), frame(true, 1, text("b")))), "message inside a message");
        assertEquals("error:1007", only(frame(true, 1, new byte[] {(byte) 0xC0, (byte) 0x80})), "overlong UTF-8");
        assertEquals("error:1007", only(frame(true, 1, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})), "surrogate");
        assertEquals("error:1007", only(frame(true, 1, new byte[] {(byte) 0xE2, (byte) 0x82})), "truncated sequence");
        assertEquals("error:1009", only(new byte[] {(byte) 0x81, 127, 0, 0, 0, 0, 0, 0x20, 0, 0}), "over 1 MiB");
        assertEquals("error:1002", only(new byte[] {(byte) 0x88, 0x01, 0x03}), "one-byte close");
        assertEquals("close:1005:", only(new byte[] {(byte) 0x88, 0x00}), "close without a code");
    }

    @Test
    void shouldAskForRoomForAFrameLargerThanTheBufferHeld() {
        final byte[] big = frame(true, 1, text("y".repeat(100_000)));
        final UnsafeBuffer partial = new UnsafeBuffer(big, 0, 1000);
        assertEquals(0, adapter.onBytes(partial, 0, 1000));
        assertEquals(big.length, adapter.incompleteFrameBytes());
    }

    private String only(final byte[] bytes) {
        events.clear();
        adapter.reset();
        adapter.onBytes(new UnsafeBuffer(bytes), 0, bytes.length);
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }

    /** Feeds the stream in random pieces, keeping unconsumed bytes, as a socket reader does. */
    private void feedInPieces(final byte[] stream, final SplittableRandom r) {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[stream.length]);
        int held = 0;
        int next = 0;
        while (next < stream.length) {
            final int n = Math.min(stream.length - next, 1 + r.nextInt(r.nextBoolean() ? 8 : 5000));
            buffer.putBytes(held, stream, next, n);
            held += n;
            next += n;
            final int consumed = adapter.onBytes(buffer, 0, held);
            buffer.putBytes(0, buffer, consumed, held - consumed);
            held -= consumed;
        }
        assertEquals(0, held);
    }

    static byte[] frame(final boolean fin, final int opcode, final byte[] payload) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length <= 0xFFFF) {
            out.write(126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(127);
            for (int i = 7; i >= 0; i--) {
                out.write((int) ((long) payload.length >>> (8 * i)) & 0xFF);
            }
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] text(final String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(final byte[]... parts) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
