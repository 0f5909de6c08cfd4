package io.skytrade.feeds.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Keeps every response body received, when enabled, under
 * {@code <dir>/<yyyy-MM-dd>/<source>_<key>_<fetchTimeNanos>_<httpCode>.json} (date of the fetch in
 * UTC), for audits and parser fixtures. Bodies are stored redacted; URLs and headers are not stored.
 *
 * <p>Thread-safety: safe for concurrent use (distinct file per response). Cost: one file write per
 * response when enabled, nothing when disabled (off the hot path).
 */
public final class RawResponseStore {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private final Path dir;
    private final boolean enabled;

    public RawResponseStore(final Path dir, final boolean enabled) {
        this.dir = dir;
        this.enabled = enabled;
    }

    /** A store that keeps nothing. */
    public static RawResponseStore disabled() {
        return new RawResponseStore(Path.of("data", "raw"), false);
    }

    public boolean enabled() {
        return enabled;
    }

    /** Writes one body (already redacted); a no-op when disabled. */
    public void store(final String source, final String key, final long fetchTimeNanos, final int httpCode,
                      final byte[] body) throws IOException {
        if (!enabled) {
            return;
        }
        final Instant at = Instant.ofEpochSecond(Math.floorDiv(fetchTimeNanos, 1_000_000_000L));
        final Path day = dir.resolve(DAY.format(at));
        Files.createDirectories(day);
        Files.write(day.resolve(ResponseCache.safe(source) + "_" + ResponseCache.safe(key) + "_" + fetchTimeNanos
            + "_" + httpCode + ".json"), body);
    }
}
