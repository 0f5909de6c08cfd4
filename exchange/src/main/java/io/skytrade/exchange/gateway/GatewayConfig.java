package io.skytrade.exchange.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Immutable, validated configuration of {@link WebSocketExchangeGateway}; every key has a
 * documented default ({@link Builder}) and {@link Builder#build()} names each bad value.
 *
 * <p>Immutable; safe to share. Hot-path cost: none.
 */
public final class GatewayConfig {
    /** Environment variable the API key is read from by {@link Builder#apiKeyFromEnvironment()}. */
    public static final String API_KEY_ENV = "SKYTRADE_API_KEY";

    public final URI uri;
    public final String apiKey;
    public final int venueSource;
    public final long heartbeatIntervalMillis;
    public final long staleAfterMillis;
    public final long backoffInitialMillis;
    public final long backoffMaxMillis;
    public final long jitterSeed;
    public final long connectTimeoutMillis;

    private GatewayConfig(final Builder b) {
        uri = b.uri;
        apiKey = b.apiKey;
        venueSource = b.venueSource;
        heartbeatIntervalMillis = b.heartbeatIntervalMillis;
        staleAfterMillis = b.staleAfterMillis;
        backoffInitialMillis = b.backoffInitialMillis;
        backoffMaxMillis = b.backoffMaxMillis;
        jitterSeed = b.jitterSeed;
        connectTimeoutMillis = b.connectTimeoutMillis;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; every setter documents its default. */
    public static final class Builder {
        private URI uri = URI.create("ws://127.0.0.1:8765/");
        private String apiKey;
        private int venueSource = 1;
        private long heartbeatIntervalMillis = 1000;
        private long staleAfterMillis = 3000;
        private long backoffInitialMillis = 100;
        private long backoffMaxMillis = 5000;
        private long jitterSeed = 1;
        private long connectTimeoutMillis = 2000;

        /** Venue address (default ws://127.0.0.1:8765/). */
        public Builder uri(final String value) {
            uri = value == null ? null : URI.create(value);
            return this;
        }

        /** API key (no default: set it or call {@link #apiKeyFromEnvironment()}). */
        public Builder apiKey(final String value) {
            apiKey = value;
            return this;
        }

        /** Reads the API key from {@value #API_KEY_ENV}. */
        public Builder apiKeyFromEnvironment() {
            apiKey = System.getenv(API_KEY_ENV);
            return this;
        }

        /** Source id stamped on every event this gateway publishes (default 1). */
        public Builder venueSource(final int value) {
            venueSource = value;
            return this;
        }

        /** Heartbeat send interval (default 1000 ms). */
        public Builder heartbeatIntervalMillis(final long value) {
            heartbeatIntervalMillis = value;
            return this;
        }

        /** Silence after which the connection is presumed dead and replaced (default 3000 ms). */
        public Builder staleAfterMillis(final long value) {
            staleAfterMillis = value;
            return this;
        }

        /** First reconnect delay before jitter (default 100 ms); doubles per failed attempt. */
        public Builder backoffInitialMillis(final long value) {
            backoffInitialMillis = value;
            return this;
        }

        /** Largest reconnect delay (default 5000 ms). */
        public Builder backoffMaxMillis(final long value) {
            backoffMaxMillis = value;
            return this;
        }

        /** Seed of the reconnect jitter (default 1). */
        public Builder jitterSeed(final long value) {
            jitterSeed = value;
            return this;
        }

        /** Time allowed for the WebSocket handshake (default 2000 ms). */
        public Builder connectTimeoutMillis(final long value) {
            connectTimeoutMillis = value;
            return this;
        }

        public GatewayConfig build() {
            final List<String> errors = new ArrayList<>();
            if (uri == null || !"ws".equals(uri.getScheme()) || uri.getHost() == null) {
                errors.add("uri = " + uri + ": expected a ws://host:port/ address (the gateway speaks plain TCP; put a TLS"
                    + " terminator in front of a wss:// venue)");
            }
            if (apiKey == null || apiKey.isEmpty() || apiKey.length() > 256) {
                errors.add("apiKey = " + (apiKey == null ? "null (is " + API_KEY_ENV + " set?)" : "<" + apiKey.length() + " characters>")
                    + ": expected 1..256 characters");
            }
            check(errors, heartbeatIntervalMillis >= 10, "heartbeatIntervalMillis", heartbeatIntervalMillis, "at least 10");
            check(errors, staleAfterMillis > heartbeatIntervalMillis, "staleAfterMillis", staleAfterMillis, "more than heartbeatIntervalMillis");
            check(errors, backoffInitialMillis >= 1, "backoffInitialMillis", backoffInitialMillis, "at least 1");
            check(errors, backoffMaxMillis >= backoffInitialMillis, "backoffMaxMillis", backoffMaxMillis, "at least backoffInitialMillis");
            check(errors, connectTimeoutMillis >= 1, "connectTimeoutMillis", connectTimeoutMillis, "at least 1");
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("invalid gateway configuration:\n" + String.join("\n", errors));
            }
            return new GatewayConfig(this);
        }

        private static void check(final List<String> errors, final boolean ok, final String key, final Object value, final String expected) {
            if (!ok) {
                errors.add(key + " = " + value + ": expected " + expected);
            }
        }
    }
}
