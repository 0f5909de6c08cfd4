package io.skytrade.engine.web;

import io.skytrade.engine.config.ConfigException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Who may read the engine's HTTP endpoints ({@code /metrics}, the dashboard): bound to a loopback
 * address, anyone on the machine; bound to any other address (a LAN interface, the wildcard),
 * only a request presenting the token held by an environment variable, compared in constant time.
 * The token is never logged, echoed or written anywhere.
 *
 * <p>Immutable; thread-safe. Built at start-up; {@link #allows} is called per request.
 */
public final class AccessPolicy {
    private final InetAddress address;
    private final byte[] token;

    private AccessPolicy(final InetAddress address, final byte[] token) {
        this.address = address;
        this.token = token;
    }

    /**
     * @param key      the config key of the bind address, for errors ({@code dashboard.bind})
     * @param bind     the address to bind ({@code 127.0.0.1}, {@code 0.0.0.0}, an interface address)
     * @param tokenEnv the environment variable holding the token
     * @throws ConfigException when the address does not resolve, or is not loopback and the
     *                         variable is unset or empty
     */
    public static AccessPolicy of(final String key, final String bind, final String tokenEnv, final Map<String, String> env) {
        final InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (final UnknownHostException e) {
            throw new ConfigException(key + ": '" + bind + "' is not an address of this machine");
        }
        if (address.isLoopbackAddress()) {
            return new AccessPolicy(address, null);
        }
        final String value = env.get(tokenEnv);
        if (value == null || value.isEmpty()) {
            throw new ConfigException(key + ": " + bind + " is not a loopback address, so every request needs a token: set "
                + tokenEnv + " in the environment (or bind 127.0.0.1)");
        }
        return new AccessPolicy(address, value.getBytes(StandardCharsets.UTF_8));
    }

    public InetAddress address() {
        return address;
    }

    /** True when requests need the token (the address is not loopback). */
    public boolean tokenRequired() {
        return token != null;
    }

    /** True when a request presenting {@code presented} (may be null) may be served. */
    public boolean allows(final String presented) {
        if (token == null) {
            return true;
        }
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The token of an {@code Authorization: Bearer <token>} header value, or null. */
    public static String bearer(final String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    /** {@code http://host:port} for printing, the host as a URL needs it (IPv6 in brackets). */
    public static String url(final InetAddress address, final int port) {
        final String host = address.getHostAddress();
        return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
