package io.skytrade.exchange.websocket;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** Client frames: FIN, the right length form, the mask bit, and a payload that unmasks to the original. */
class ClientFrameEncoderTest {
    @Test
    void shouldMaskEveryPayloadSoThatItUnmasksToTheOriginal() {
        final ClientFrameEncoder encoder = new ClientFrameEncoder();
        encoder.seed(99);
        final UnsafeBuffer out = new UnsafeBuffer(new byte[80_000]);
        qt().withExamples(500).forAll(longs().all(), integers().between(0, 70_000)).checkAssert((seed, length) -> {
            final byte[] payload = new byte[length];
            new SplittableRandom(seed).nextBytes(payload);
            final int offset = (int) (seed & 7);
            final int n = encoder.encode(0x1, new UnsafeBuffer(payload), 0, length, out, offset);
            assertEquals(ClientFrameEncoder.frameLength(length), n);
            assertEquals((byte) 0x81, out.getByte(offset));
            final int lengthCode = out.getByte(offset + 1) & 0x7F;
            assertEquals(0x80, out.getByte(offset + 1) & 0x80, "masked");
            int header = 2;
            long declared = lengthCode;
            if (lengthCode == 126) {
                declared = ((out.getByte(offset + 2) & 0xFF) << 8) | (out.getByte(offset + 3) & 0xFF);
                header = 4;
            } else if (lengthCode == 127) {
                declared = 0;
                for (int i = 0; i < 8; i++) {
                    declared = (declared << 8) | (out.getByte(offset + 2 + i) & 0xFF);
                }
                header = 10;
            }
            assertEquals((long) length, declared);
            assertEquals(length < 126 ? 2 : length <= 0xFFFF ? 4 : 10, header, "shortest length form");
            final byte[] unmasked = new byte[length];
            for (int i = 0; i < length; i++) {
                unmasked[i] = (byte) (out.getByte(offset + header + 4 + i) ^ out.getByte(offset + header + (i & 3)));
            }
            assertArrayEquals(payload, unmasked);
        });
    }

    @Test
    void shouldUseAFreshMaskPerFrame() {
        final ClientFrameEncoder encoder = new ClientFrameEncoder();
        encoder.seed(1);
        final UnsafeBuffer out = new UnsafeBuffer(new byte[64]);
        final UnsafeBuffer payload = new UnsafeBuffer(new byte[4]);
        encoder.encode(0x1, payload, 0, 4, out, 0);
        final int first = out.getInt(2);
        encoder.encode(0x1, payload, 0, 4, out, 0);
        assertNotEquals(first, out.getInt(2));
    }
}
