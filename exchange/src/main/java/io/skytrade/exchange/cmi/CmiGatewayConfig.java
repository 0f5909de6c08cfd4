package io.skytrade.exchange.cmi;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Immutable, validated configuration of the CMI gateway ({@link CmiGateway}, {@link CmiSession}).
 * Every value has a documented default ({@link Builder}); {@link Builder#build()} names each bad
 * value. The pace, backoff and queue age are in the engine's clock (world time in the demo, wall
 * time live); the waits for the network (HTTP and stream timeouts, a trade report's order, a
 * cancelled order's last trades, the venue's view of our orders catching up) are wall time. The password is never printed.
 *
 * <p>Immutable; safe to share. Cost: none.
 */
public final class CmiGatewayConfig {
    /** Environment variable the user name is read from by default. */
    public static final String USERNAME_ENV = "CMI_USERNAME";
    /** Environment variable the password is read from by default. */
    public static final String PASSWORD_ENV = "CMI_PASSWORD";

    public final URI baseUrl;
    public final String username;
    public final String password;
    public final int venueSource;
    public final double requestsPerSecond;
    public final int burst;
    public final double clockRate;
    public final long backoffInitialNanos;
    public final long backoffMaxNanos;
    public final long streamReadTimeoutMillis;
    public final long requestTimeoutMillis;
    public final long maxQueueAgeNanos;
    public final long mismatchTimeoutNanos;
    public final long pendingTradeNanos;
    public final long fillDedupeWindowNanos;
    public final long reconcileLookbackNanos;
    public final boolean marketVolumeIncludesOwn;
    public final long jitterSeed;
    public final int queueCapacity;

    private CmiGatewayConfig(final Builder b) {
        baseUrl = b.baseUrl;
        username = b.username;
        password = b.password;
        venueSource = b.venueSource;
        requestsPerSecond = b.requestsPerSecond;
        burst = b.burst;
        clockRate = b.clockRate;
        backoffInitialNanos = b.backoffInitialMillis * 1_000_000L;
        backoffMaxNanos = b.backoffMaxMillis * 1_000_000L;
        streamReadTimeoutMillis = b.streamReadTimeoutMillis;
        requestTimeoutMillis = b.requestTimeoutMillis;
        maxQueueAgeNanos = b.maxQueueAgeMillis * 1_000_000L;
        mismatchTimeoutNanos = b.mismatchTimeoutMillis * 1_000_000L;
        pendingTradeNanos = b.pendingTradeMillis * 1_000_000L;
        fillDedupeWindowNanos = b.fillDedupeWindowMillis * 1_000_000L;
        reconcileLookbackNanos = b.reconcileLookbackMillis * 1_000_000L;
        marketVolumeIncludesOwn = b.marketVolumeIncludesOwn;
        jitterSeed = b.jitterSeed;
        queueCapacity = b.queueCapacity;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** "baseUrl as user": for log lines (never the password). */
    @Override
    public String toString() {
        return baseUrl + " as " + username;
    }

    /** Mutable builder; every setter documents its default. */
    public static final class Builder {
        private URI baseUrl = URI.create("http://127.0.0.1:8080/");
        private String username;
        private String password;
        private int venueSource = 1;
        private double requestsPerSecond = 1.0;
        private int burst = 1;
        private double clockRate = 1.0;
        private long backoffInitialMillis = 1000;
        private long backoffMaxMillis = 30_000;
        private long streamReadTimeoutMillis = 30_000;
        private long requestTimeoutMillis = 10_000;
        private long maxQueueAgeMillis = 30_000;
        private long mismatchTimeoutMillis = 5000;
        private long pendingTradeMillis = 5000;
        private long fillDedupeWindowMillis = 600_000;
        private long reconcileLookbackMillis = 10_000;
        private boolean marketVolumeIncludesOwn = true;
        private long jitterSeed = 1;
        private int queueCapacity = 1024;

        /** The venue's address, {@code http://} or {@code https://} (default http://127.0.0.1:8080/). */
        public Builder baseUrl(final String value) {
            baseUrl = value == null ? null : URI.create(value.endsWith("/") ? value : value + "/");
            return this;
        }

        /** User name to log in with (no default: set it, or read it from {@value #USERNAME_ENV}). */
        public Builder username(final String value) {
            username = value;
            return this;
        }

        /** Password to log in with (no default: set it, or read it from {@value #PASSWORD_ENV}). */
        public Builder password(final String value) {
            password = value;
            return this;
        }

        /** Source id stamped on every event this gateway publishes (default 1). */
        public Builder venueSource(final int value) {
            venueSource = value;
            return this;
        }

        /** REST requests per second the gateway allows itself (default 1, the venue's limit). */
        public Builder requestsPerSecond(final double value) {
            requestsPerSecond = value;
            return this;
        }

        /** Requests the gateway may send back to back after a quiet spell (default 1). */
        public Builder burst(final int value) {
            burst = value;
            return this;
        }

        /** Engine-clock seconds per wall second, to turn waits into sleeps (default 1; the demo's time scale). */
        public Builder clockRate(final double value) {
            clockRate = value;
            return this;
        }

        /** First wait after a 429, a 5xx or an I/O failure (default 1000 ms); doubles per failure in a row. */
        public Builder backoffInitialMillis(final long value) {
            backoffInitialMillis = value;
            return this;
        }

        /** Longest such wait (default 30 000 ms). */
        public Builder backoffMaxMillis(final long value) {
            backoffMaxMillis = value;
            return this;
        }

        /** Silence on the event stream after which it is presumed dead and reopened (default 30 000 ms, as the reference client). */
        public Builder streamReadTimeoutMillis(final long value) {
            streamReadTimeoutMillis = value;
            return this;
        }

        /** Time allowed for one REST request, wall time (default 10 000 ms). */
        public Builder requestTimeoutMillis(final long value) {
            requestTimeoutMillis = value;
            return this;
        }

        /** A new order queued longer than this is dropped unsent and rejected (QUEUE_TIMEOUT) (default 30 000 ms). */
        public Builder maxQueueAgeMillis(final long value) {
            maxQueueAgeMillis = value;
            return this;
        }

        /**
         * Longest the venue's view of our resting orders (a snapshot's {@code userVolume}) may
         * disagree with ours (a reply or trade report still on its way) before the open orders are
         * reconciled (default 5000 ms).
         */
        public Builder mismatchTimeoutMillis(final long value) {
            mismatchTimeoutMillis = value;
            return this;
        }

        /** Longest a reported trade waits for an order to attribute it to before it is published unattributed (default 5000 ms). */
        public Builder pendingTradeMillis(final long value) {
            pendingTradeMillis = value;
            return this;
        }

        /** How long fill identities are remembered for de-duplication, by trade time (default 600 000 ms). */
        public Builder fillDedupeWindowMillis(final long value) {
            fillDedupeWindowMillis = value;
            return this;
        }

        /** After a stream loss, trades from this long before the loss are asked for again (default 10 000 ms). */
        public Builder reconcileLookbackMillis(final long value) {
            reconcileLookbackMillis = value;
            return this;
        }

        /** Whether the stream's {@code marketVolume} includes our {@code userVolume} (default true, as the REST book's volume). */
        public Builder marketVolumeIncludesOwn(final boolean value) {
            marketVolumeIncludesOwn = value;
            return this;
        }

        /** Seed of the backoff jitter (default 1). */
        public Builder jitterSeed(final long value) {
            jitterSeed = value;
            return this;
        }

        /** Most intents queued and orders tracked at once (default 1024). */
        public Builder queueCapacity(final int value) {
            queueCapacity = value;
            return this;
        }

        public CmiGatewayConfig build() {
            final List<String> errors = new ArrayList<>();
            if (baseUrl == null || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))
                || baseUrl.getHost() == null) {
                errors.add("baseUrl = " + baseUrl + ": expected an http:// or https:// address");
            }
            if (username == null || username.isEmpty() || username.length() > 256) {
                errors.add("username = " + (username == null ? "null (is " + USERNAME_ENV + " set?)" : "'" + username + "'")
                    + ": expected 1..256 characters");
            }
            if (password == null || password.isEmpty() || password.length() > 1024) {
                errors.add("password = " + (password == null ? "null (is " + PASSWORD_ENV + " set?)" : "<" + password.length()
                    + " characters>") + ": expected 1..1024 characters");
            }
            check(errors, requestsPerSecond > 0 && requestsPerSecond <= 1000, "requestsPerSecond", requestsPerSecond, "in (0, 1000]");
            check(errors, burst >= 1 && burst <= 1000, "burst", burst, "1..1000");
            check(errors, clockRate > 0 && clockRate <= 1_000_000, "clockRate", clockRate, "in (0, 1000000]");
            check(errors, backoffInitialMillis >= 1, "backoffInitialMillis", backoffInitialMillis, "at least 1");
            check(errors, backoffMaxMillis >= backoffInitialMillis, "backoffMaxMillis", backoffMaxMillis, "at least backoffInitialMillis");
            check(errors, streamReadTimeoutMillis >= 100, "streamReadTimeoutMillis", streamReadTimeoutMillis, "at least 100");
            check(errors, requestTimeoutMillis >= 10, "requestTimeoutMillis", requestTimeoutMillis, "at least 10");
            check(errors, maxQueueAgeMillis >= 1, "maxQueueAgeMillis", maxQueueAgeMillis, "at least 1");
            check(errors, mismatchTimeoutMillis >= 0, "mismatchTimeoutMillis", mismatchTimeoutMillis, "0 or more");
            check(errors, pendingTradeMillis >= 0, "pendingTradeMillis", pendingTradeMillis, "0 or more");
            check(errors, reconcileLookbackMillis >= 0, "reconcileLookbackMillis", reconcileLookbackMillis, "0 or more");
            check(errors, fillDedupeWindowMillis >= 2 * reconcileLookbackMillis && fillDedupeWindowMillis >= 1000,
                "fillDedupeWindowMillis", fillDedupeWindowMillis, "at least 1000 and twice reconcileLookbackMillis");
            check(errors, queueCapacity >= 16 && queueCapacity <= 65_536, "queueCapacity", queueCapacity, "16..65536");
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("invalid CMI gateway configuration:\n" + String.join("\n", errors));
            }
            return new CmiGatewayConfig(this);
        }

        private static void check(final List<String> errors, final boolean ok, final String key, final Object value,
                                  final String expected) {
            if (!ok) {
                errors.add(key + " = " + value + ": expected " + expected);
            }
        }
    }
}
