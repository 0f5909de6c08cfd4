package io.skytrade.exchange.websocket;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientHandshakeTest {
    @Test
    void shouldComputeTheAcceptValueOfRfc6455() {
        final ClientHandshake h = new ClientHandshake(new FixedNonce("the sample nonce".getBytes(StandardCharsets.US_ASCII)));
        final String request = new String(h.request(URI.create("ws://example.com:8765/chat?x=1")), StandardCharsets.US_ASCII);
        assertTrue(request.startsWith("GET /chat?x=1 HTTP/1.1\r\nHost: example.com:8765\r\n"), request);
        assertTrue(request.contains("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"), request);
        assertTrue(request.endsWith("\r\n\r\n"));
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", h.expectedAccept());
        assertNull(h.check("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n"));
    }

    @Test
    void shouldNameWhatIsWrongWithARefusedUpgrade() {
        final ClientHandshake h = new ClientHandshake(new FixedNonce(new byte[16]));
        assertTrue(h.check("HTTP/1.1 404 Not Found\r\n\r\n").contains("did not switch protocols"));
        assertTrue(h.check("HTTP/1.1 101 OK\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: nope\r\n\r\n")
            .contains("does not answer the key"));
        assertTrue(h.check("HTTP/1.1 101 OK\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n").contains("Upgrade header"));
        assertTrue(h.check("HTTP/1.1 101 OK\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Extensions: deflate\r\n"
            + "Sec-WebSocket-Accept: " + h.expectedAccept() + "\r\n\r\n").contains("did not offer"));
        final byte[] head = "HTTP/1.1 101 OK\r\n\r\nxx".getBytes(StandardCharsets.US_ASCII);
        assertEquals(19, ClientHandshake.headLength(head, head.length));
        assertEquals(-1, ClientHandshake.headLength(head, 18));
    }

    /** A random source whose bytes are fixed (the RFC's example nonce). */
    private static final class FixedNonce extends Random {
        private static final long serialVersionUID = 1L;

        private final byte[] nonce;

        FixedNonce(final byte[] nonce) {
            this.nonce = nonce;
        }

        @Override
        public void nextBytes(final byte[] bytes) {
            System.arraycopy(nonce, 0, bytes, 0, bytes.length);
        }
    }
}
