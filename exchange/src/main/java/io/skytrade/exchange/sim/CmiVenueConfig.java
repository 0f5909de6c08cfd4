package io.skytrade.exchange.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Immutable, validated configuration of the simulator's CMI front end ({@code --protocol cmi}):
 * the REST rate limit it enforces per user (answered with 429 and counted), how often the event
 * stream sends a keep-alive comment, how long a login token lasts, which users may log in, and how
 * many streams it serves. Every value has a documented default ({@link Builder}); {@link Builder#build()}
 * names each bad value. Passwords are never printed.
 *
 * <p>Immutable; safe to share. Cost: none.
 */
public final class CmiVenueConfig {
    public final double requestsPerSecond;
    public final int burst;
    public final long keepAliveMillis;
    public final long tokenTtlNanos;
    public final Map<String, String> users;
    public final int maxStreams;
    public final int maxStreamBacklog;
    public final int tradeHistory;

    private CmiVenueConfig(final Builder b) {
        requestsPerSecond = b.requestsPerSecond;
        burst = b.burst;
        keepAliveMillis = b.keepAliveMillis;
        tokenTtlNanos = b.tokenTtlMillis * 1_000_000L;
        users = Map.copyOf(b.users);
        maxStreams = b.maxStreams;
        maxStreamBacklog = b.maxStreamBacklog;
        tradeHistory = b.tradeHistory;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; every setter documents its default. */
    public static final class Builder {
        private double requestsPerSecond = 1.0;
        private int burst = 1;
        private long keepAliveMillis = 15_000;
        private long tokenTtlMillis = 86_400_000L;
        private Map<String, String> users = Map.of();
        private int maxStreams = 64;
        private int maxStreamBacklog = 10_000;
        private int tradeHistory = 100_000;

        /** REST requests per second allowed per user, in venue (world) time; more are answered 429 and counted (default 1). */
        public Builder requestsPerSecond(final double value) {
            requestsPerSecond = value;
            return this;
        }

        /** Requests a user may send back to back after a quiet spell (default 1). */
        public Builder burst(final int value) {
            burst = value;
            return this;
        }

        /** Wall time between keep-alive comments on a quiet stream; under the reference client's 30 s read timeout (default 15 000 ms). */
        public Builder keepAliveMillis(final long value) {
            keepAliveMillis = value;
            return this;
        }

        /** Venue (world) time a login token lasts; then requests get 401 and its streams close (default 24 h). */
        public Builder tokenTtlMillis(final long value) {
            tokenTtlMillis = value;
            return this;
        }

        /** User name to password; empty (default) accepts any user name with a non-empty password. */
        public Builder users(final Map<String, String> value) {
            users = value;
            return this;
        }

        /** Most event streams open at once (default 64); more are answered 503. */
        public Builder maxStreams(final int value) {
            maxStreams = value;
            return this;
        }

        /** Events waiting for a stream that does not read, after which the stream is closed (default 10 000). */
        public Builder maxStreamBacklog(final int value) {
            maxStreamBacklog = value;
            return this;
        }

        /** Market trades kept for {@code GET /api/trade} (default 100 000, oldest dropped first). */
        public Builder tradeHistory(final int value) {
            tradeHistory = value;
            return this;
        }

        public CmiVenueConfig build() {
            final List<String> errors = new ArrayList<>();
            check(errors, requestsPerSecond > 0 && requestsPerSecond <= 1_000_000, "requestsPerSecond", requestsPerSecond,
                "in (0, 1000000]");
            check(errors, burst >= 1 && burst <= 1_000_000, "burst", burst, "1..1000000");
            check(errors, keepAliveMillis >= 10 && keepAliveMillis < 30_000, "keepAliveMillis", keepAliveMillis,
                "10..29999 (clients time a stream out after 30 s)");
            check(errors, tokenTtlMillis >= 1, "tokenTtlMillis", tokenTtlMillis, "at least 1");
            check(errors, maxStreams >= 1 && maxStreams <= 10_000, "maxStreams", maxStreams, "1..10000");
            check(errors, maxStreamBacklog >= 16, "maxStreamBacklog", maxStreamBacklog, "at least 16");
            check(errors, tradeHistory >= 0, "tradeHistory", tradeHistory, "0 or more");
            if (users == null) {
                errors.add("users = null: expected a map of user name to password (empty accepts anyone)");
            } else {
                for (final Map.Entry<String, String> u : users.entrySet()) {
                    if (u.getKey() == null || u.getKey().isEmpty() || u.getValue() == null || u.getValue().isEmpty()) {
                        errors.add("users contains '" + u.getKey() + "' with an empty name or password");
                    }
                }
            }
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("invalid CMI venue configuration:\n" + String.join("\n", errors));
            }
            return new CmiVenueConfig(this);
        }

        private static void check(final List<String> errors, final boolean ok, final String key, final Object value,
                                  final String expected) {
            if (!ok) {
                errors.add(key + " = " + value + ": expected " + expected);
            }
        }
    }
}
