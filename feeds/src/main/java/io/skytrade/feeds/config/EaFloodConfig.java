package io.skytrade.feeds.config;

import java.time.Duration;

/**
 * Environment Agency flood-monitoring source, the TIDE settlement data: the newest {@code limit}
 * readings of one measure ({@code /id/measures/{measureId}/readings?_sorted&_limit=}); asking for
 * several readings each poll picks up late and batched ones. No key.
 *
 * <p>Immutable and validated on construction; thread-safe. Cost: start-up only.
 *
 * @param http      shared source settings
 * @param measureId measure id, e.g. the Westminster tidal level {@code 0006-level-tidal_level-i-15_min-mAOD}
 * @param limit     readings per request, 1..2000
 * @param backfill  how far back the first poll asks for readings ({@code since=}, start-up backfill of
 *                  the settlement window and the tide model's constituents), 0 (none)..P28D
 */
public record EaFloodConfig(SourceSettings http, String measureId, int limit, Duration backfill) {
    public static final String PREFIX = "feeds.eaFlood";

    public EaFloodConfig {
        final ConfigErrors e = new ConfigErrors(PREFIX);
        e.check(http != null, "http", http, "source settings");
        if (http != null) {
            http.check(e, false);
        }
        e.check(measureId != null && measureId.matches("[A-Za-z0-9_.-]+"), "measureId", measureId, "an EA measure id");
        e.check(limit >= 1 && limit <= 2000, "limit", limit, "1..2000");
        e.check(backfill != null && !backfill.isNegative() && backfill.compareTo(Duration.ofDays(28)) <= 0,
            "backfill", backfill, "a duration 0..P28D");
        e.throwIfAny();
    }

    public static EaFloodConfig defaults() {
        return new EaFloodConfig(new SourceSettings(true, "https://environment.data.gov.uk/flood-monitoring",
            Duration.ofMinutes(5), Duration.ofSeconds(10), ""), "0006-level-tidal_level-i-15_min-mAOD", 8,
            Duration.ofDays(21));
    }

    public EaFloodConfig withHttp(final SourceSettings value) {
        return new EaFloodConfig(value, measureId, limit, backfill);
    }

    public EaFloodConfig withBackfill(final Duration value) {
        return new EaFloodConfig(http, measureId, limit, value);
    }
}
