package io.skytrade.exchange.sim;

import io.skytrade.core.settlement.SettlementRules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Immutable, validated configuration of the simulated venue. Every value has a documented
 * default ({@link Builder}); {@link Builder#build()} checks them all and fails with one line per
 * bad value naming the key, the value and what was expected.
 *
 * <p>Immutable; safe to share. Hot-path cost: none (read at start-up and in field reads).
 */
public final class VenueConfig {
    /** The default products (design section 7), in registry order. */
    public static final List<String> DEFAULT_PRODUCTS = List.of(
        "TIDE_SPOT", "TIDE_SWING", "WX_SPOT", "WX_SUM", "LHR_COUNT", "LHR_INDEX", "AQ_SPOT", "LON_ETF", "LON_FLY");

    public final List<String> products;
    public final long tickSize;
    public final long positionLimit;
    public final long seed;
    public final int bookDepth;
    public final long heartbeatIntervalMillis;
    public final double orderRatePerSecond;
    public final double orderBurst;
    public final Set<String> apiKeys;
    public final long worldStartNanos;
    public final double timeScale;
    public final long sessionEndNanos;
    public final boolean backgroundTraders;
    public final long quoteIntervalMillis;
    public final double feePerLot;
    public final int orderCapacity;
    public final int maxParticipants;
    public final MarketSkill marketSkill;
    public final long readingSeed;
    public final double readingNoiseScale;
    public final double traderNoise;
    public final double sizeSkew;
    public final double flowImpact;
    public final boolean basketPricing;
    public final long participantIdleTimeoutMillis;
    public final SettlementRules settlement;

    private VenueConfig(final Builder b) {
        products = List.copyOf(b.products);
        tickSize = b.tickSize;
        positionLimit = b.positionLimit;
        seed = b.seed;
        bookDepth = b.bookDepth;
        heartbeatIntervalMillis = b.heartbeatIntervalMillis;
        orderRatePerSecond = b.orderRatePerSecond;
        orderBurst = b.orderBurst;
        apiKeys = Set.copyOf(b.apiKeys);
        worldStartNanos = b.worldStartNanos;
        timeScale = b.timeScale;
        sessionEndNanos = b.sessionEndNanos;
        backgroundTraders = b.backgroundTraders;
        quoteIntervalMillis = b.quoteIntervalMillis;
        feePerLot = b.feePerLot;
        orderCapacity = b.orderCapacity;
        maxParticipants = b.maxParticipants;
        marketSkill = b.marketSkill;
        readingSeed = b.readingSeed;
        readingNoiseScale = b.readingNoiseScale;
        traderNoise = b.traderNoise;
        sizeSkew = b.sizeSkew;
        flowImpact = b.flowImpact;
        basketPricing = b.basketPricing;
        participantIdleTimeoutMillis = b.participantIdleTimeoutMillis;
        settlement = b.settlement;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder; every setter documents its default. */
    public static final class Builder {
        private List<String> products = DEFAULT_PRODUCTS;
        private long tickSize = 1;
        private long positionLimit = 100;
        private long seed = 1;
        private int bookDepth = 10;
        private long heartbeatIntervalMillis = 1000;
        private double orderRatePerSecond = 50;
        private double orderBurst = 100;
        private Set<String> apiKeys = Set.of();
        private long worldStartNanos;
        private double timeScale = 1.0;
        private long sessionEndNanos;
        private boolean backgroundTraders = true;
        private long quoteIntervalMillis = 250;
        private double feePerLot;
        private int orderCapacity = 100_000;
        private int maxParticipants = 64;
        private MarketSkill marketSkill = MarketSkill.MEDIUM;
        private long readingSeed = 42;
        private double readingNoiseScale = 1.0;
        private double traderNoise = 0.3;
        private double sizeSkew = 0.5;
        private double flowImpact = 0.2;
        private boolean basketPricing = true;
        private long participantIdleTimeoutMillis = 60_000;
        private SettlementRules settlement = SettlementRules.defaults();

        /** Product symbols, each one the settlement rules define (default: the nine default products). */
        public Builder products(final List<String> value) {
            products = value;
            return this;
        }

        /** Tick size in price units, for the product list (default 1). */
        public Builder tickSize(final long value) {
            tickSize = value;
            return this;
        }

        /** Position limit per participant and product, open orders included (default 100). */
        public Builder positionLimit(final long value) {
            positionLimit = value;
            return this;
        }

        /** Seed of the synthetic world and of the background traders (default 1). */
        public Builder seed(final long value) {
            seed = value;
            return this;
        }

        /** Levels per side in book messages (default 10, at most 64). */
        public Builder bookDepth(final int value) {
            bookDepth = value;
            return this;
        }

        /** Interval of the venue's heartbeats (default 1000 ms). */
        public Builder heartbeatIntervalMillis(final long value) {
            heartbeatIntervalMillis = value;
            return this;
        }

        /**
         * Order-rate limit per participant, new orders and cancels per second of venue (world)
         * time, so a {@link #timeScale} above 1 loosens it by that factor (default 50; 0 disables).
         */
        public Builder orderRatePerSecond(final double value) {
            orderRatePerSecond = value;
            return this;
        }

        /** Burst of the order-rate bucket (default 100). */
        public Builder orderBurst(final double value) {
            orderBurst = value;
            return this;
        }

        /** Accepted API keys; empty (the default) accepts any non-empty key. */
        public Builder apiKeys(final Set<String> value) {
            apiKeys = value;
            return this;
        }

        /** World time at start, epoch nanoseconds; 0 (default) means the wall clock at start. */
        public Builder worldStartNanos(final long value) {
            worldStartNanos = value;
            return this;
        }

        /** World nanoseconds per wall nanosecond (default 1: real time; 1440 runs a day in a minute). */
        public Builder timeScale(final double value) {
            timeScale = value;
            return this;
        }

        /**
         * First settlement instant, epoch nanoseconds; 0 (default) means the settlement rules' next
         * session end after the world start (12:00 London time by default). Each later session ends
         * at the rules' next session end.
         */
        public Builder sessionEndNanos(final long value) {
            sessionEndNanos = value;
            return this;
        }

        /** Whether background traders quote and trade (default true). */
        public Builder backgroundTraders(final boolean value) {
            backgroundTraders = value;
            return this;
        }

        /** Wall interval between background quote updates (default 250 ms). */
        public Builder quoteIntervalMillis(final long value) {
            quoteIntervalMillis = value;
            return this;
        }

        /** Fee per lot filled, in price units, charged to non-background participants (default 0). */
        public Builder feePerLot(final double value) {
            feePerLot = value;
            return this;
        }

        /** Most resting orders at once (default 100000). */
        public Builder orderCapacity(final int value) {
            orderCapacity = value;
            return this;
        }

        /**
         * Most participant records at once, background traders (one market maker per product and
         * one taker) included (default 64: room for 54 client participants with the nine default
         * products). A login with a new key when every slot is held gets error code 7.
         */
        public Builder maxParticipants(final int value) {
            maxParticipants = value;
            return this;
        }

        /**
         * What the background participants know: {@link MarketSkill} (default MEDIUM: a public
         * weather-service forecast, issued every 15 minutes, public 15 minutes later).
         */
        public Builder marketSkill(final MarketSkill value) {
            marketSkill = value;
            return this;
        }

        /**
         * Wall time after which the record of a participant without a connection is released, if
         * it owns nothing (no open order, no position, nothing traded since the last settlement),
         * counted from its last disconnect or its last execution report, whichever is later
         * (default 60000 ms; 0 releases a flat participant as soon as it disconnects).
         */
        public Builder participantIdleTimeoutMillis(final long value) {
            participantIdleTimeoutMillis = value;
            return this;
        }

        /**
         * Seed of the measurement noise of the public readings the participants read (default 42,
         * the offline feeds' default {@code feeds.synthetic.seed}: pass the engine's value so the
         * market reads exactly the readings the engine's feeds see).
         */
        public Builder readingSeed(final long value) {
            readingSeed = value;
            return this;
        }

        /** Multiplier on the public readings' noise (default 1; the feeds' {@code feeds.synthetic.noiseScale}). */
        public Builder readingNoiseScale(final double value) {
            readingNoiseScale = value;
            return this;
        }

        /**
         * Each background participant's own error around the public forecast, in forecast standard
         * deviations (default 0.3; 0 quotes the forecast itself).
         */
        public Builder traderNoise(final double value) {
            traderNoise = value;
            return this;
        }

        /**
         * How far the market maker's touch sizes lean towards the side the fresher forecast points
         * to, 0..1 (default 0.5; 0: uniform random sizes that carry no information).
         */
        public Builder sizeSkew(final double value) {
            sizeSkew = value;
            return this;
        }

        /**
         * How far each lot that trades against the market maker moves its quote centre towards the
         * aggressor, in the maker's half-spreads, fading as its forecast catches up
         * ({@link MarketSkill#flowMemoryNanos()}); 0..5 (default 0.2; 0: quotes ignore the flow).
         */
        public Builder flowImpact(final double value) {
            flowImpact = value;
            return this;
        }

        /**
         * Whether the ETF's participants price it off its legs' views (the sum of the legs') and
         * the fly's off the ETF's (default true; false: each product on its own forecast and noise).
         */
        public Builder basketPricing(final boolean value) {
            basketPricing = value;
            return this;
        }

        /**
         * The settlement rules the venue settles by on the synthetic world; the engine's valuation
         * reads the same configuration section (default: {@link SettlementRules#defaults()}).
         */
        public Builder settlement(final SettlementRules value) {
            settlement = value;
            return this;
        }

        public VenueConfig build() {
            final List<String> errors = new ArrayList<>();
            if (products == null || products.isEmpty()) {
                errors.add("products = " + products + ": expected at least one product symbol");
            } else {
                for (final String symbol : products) {
                    if (settlement != null && settlement.kindOf(symbol) < 0) {
                        errors.add("products contains '" + symbol + "': expected a product of the settlement rules");
                    }
                }
                if (Set.copyOf(products).size() != products.size()) {
                    errors.add("products = " + products + ": expected no duplicates");
                }
            }
            check(errors, tickSize >= 1, "tickSize", tickSize, "at least 1");
            check(errors, positionLimit >= 1 && positionLimit <= 1_000_000, "positionLimit", positionLimit, "1..1000000");
            check(errors, bookDepth >= 1 && bookDepth <= 64, "bookDepth", bookDepth, "1..64");
            check(errors, heartbeatIntervalMillis >= 10, "heartbeatIntervalMillis", heartbeatIntervalMillis, "at least 10");
            check(errors, orderRatePerSecond >= 0, "orderRatePerSecond", orderRatePerSecond, "0 (off) or more");
            check(errors, orderRatePerSecond == 0 || orderBurst >= 1, "orderBurst", orderBurst, "at least 1");
            check(errors, apiKeys != null, "apiKeys", apiKeys, "a set (empty accepts any key)");
            check(errors, worldStartNanos >= 0, "worldStartNanos", worldStartNanos, "0 (wall clock) or epoch nanoseconds");
            check(errors, timeScale > 0 && timeScale <= 1_000_000, "timeScale", timeScale, "greater than 0, at most 1000000");
            check(errors, sessionEndNanos >= 0, "sessionEndNanos", sessionEndNanos, "0 (next London noon) or epoch nanoseconds");
            check(errors, quoteIntervalMillis >= 1, "quoteIntervalMillis", quoteIntervalMillis, "at least 1");
            check(errors, feePerLot >= 0, "feePerLot", feePerLot, "0 or more");
            check(errors, orderCapacity >= 16, "orderCapacity", orderCapacity, "at least 16");
            check(errors, marketSkill != null, "marketSkill", marketSkill, "one of DULL, MEDIUM, SHARP");
            check(errors, readingNoiseScale >= 0 && readingNoiseScale <= 10, "readingNoiseScale", readingNoiseScale, "0..10");
            check(errors, traderNoise >= 0 && traderNoise <= 10, "traderNoise", traderNoise, "0..10");
            check(errors, sizeSkew >= 0 && sizeSkew <= 1, "sizeSkew", sizeSkew, "0..1");
            check(errors, flowImpact >= 0 && flowImpact <= 5, "flowImpact", flowImpact, "0..5");
            check(errors, maxParticipants >= 4 && maxParticipants <= 100_000, "maxParticipants", maxParticipants, "4..100000");
            check(errors, participantIdleTimeoutMillis >= 0, "participantIdleTimeoutMillis", participantIdleTimeoutMillis,
                "0 (release on disconnect) or more");
            check(errors, settlement != null, "settlement", settlement, "settlement rules");
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("invalid venue configuration:\n" + String.join("\n", errors));
            }
            return new VenueConfig(this);
        }

        private static void check(final List<String> errors, final boolean ok, final String key, final Object value, final String expected) {
            if (!ok) {
                errors.add(key + " = " + value + ": expected " + expected);
            }
        }
    }
}
