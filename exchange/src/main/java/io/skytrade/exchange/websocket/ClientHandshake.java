package io.skytrade.exchange.websocket;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;

/**
 * The client side of the RFC 6455 opening handshake (section 4.1): the HTTP/1.1 upgrade request
 * with a fresh {@code Sec-WebSocket-Key}, and the check of the server's answer (status 101,
 * {@code Upgrade: websocket}, {@code Connection: Upgrade}, the {@code Sec-WebSocket-Accept} that
 * proves the server read our key, and no extension or subprotocol we did not ask for).
 *
 * <p>One per connection attempt; not thread-safe. Allocates (strings, a digest): connection
 * set-up only, never on the hot path.
 */
public final class ClientHandshake {
    /** The GUID RFC 6455 appends to the key before hashing it. */
    static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    /** Longest response head accepted, bytes. */
    public static final int MAX_RESPONSE_BYTES = 8192;

    private final String key;

    /** @param random source of the 16 key bytes */
    public ClientHandshake(final Random random) {
        final byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        this.key = Base64.getEncoder().encodeToString(nonce);
    }

    /** The request for {@code uri} (path and query kept; "/" when empty). */
    public byte[] request(final URI uri) {
        final String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        final int port = uri.getPort() < 0 ? 80 : uri.getPort();
        final String text = "GET " + path + " HTTP/1.1\r\n"
            + "Host: " + uri.getHost() + (port == 80 ? "" : ":" + port) + "\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: " + key + "\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "\r\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The accept value a server must answer our key with. */
    String expectedAccept() {
        try {
            final byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    /**
     * Length of the response head (through its blank line) in {@code bytes[0, length)}, or -1 when
     * it is not complete yet.
     */
    public static int headLength(final byte[] bytes, final int length) {
        for (int i = 3; i < length; i++) {
            if (bytes[i] == '\n' && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * Checks a complete response head.
     *
     * @return null when the server accepted the upgrade, else what was wrong (one line)
     */
    public String check(final String head) {
        final String[] lines = head.split("\r\n");
        if (lines.length == 0 || !lines[0].matches("HTTP/1\\.1 101( .*)?")) {
            return "the server did not switch protocols: '" + (lines.length == 0 ? "" : lines[0]) + "'";
        }
        String upgrade = null;
        String connection = null;
        String accept = null;
        for (int i = 1; i < lines.length; i++) {
            final int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            final String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            final String value = lines[i].substring(colon + 1).trim();
            switch (name) {
                case "upgrade" -> upgrade = value;
                case "connection" -> connection = value;
                case "sec-websocket-accept" -> accept = value;
                case "sec-websocket-extensions", "sec-websocket-protocol" -> {
                    if (!value.isEmpty()) {
                        return "the server chose " + name + " '" + value + "' that the client did not offer";
                    }
                }
                default -> {
                }
            }
        }
        if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
            return "the server's Upgrade header is '" + upgrade + "', not websocket";
        }
        if (connection == null || !connection.toLowerCase(Locale.ROOT).contains("upgrade")) {
            return "the server's Connection header is '" + connection + "', not Upgrade";
        }
        if (!expectedAccept().equals(accept)) {
            return "the server's Sec-WebSocket-Accept '" + accept + "' does not answer the key sent";
        }
        return null;
    }
}
