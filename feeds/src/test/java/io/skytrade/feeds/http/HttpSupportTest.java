package io.skytrade.feeds.http;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.skytrade.feeds.TestSupport.nanos;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Back-off, Retry-After, redaction, cache and raw store. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HttpSupportTest {
    private static final long S = 1_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldDoubleBackoffUpToTheCapAndResetOnSuccess() {
        final Backoff b = new Backoff(10 * S, 60 * S);
        b.onFailure(0, 0);
        assertEquals(10 * S, b.blockedUntilNanos());
        b.onFailure(0, 0);
        assertEquals(20 * S, b.blockedUntilNanos());
        for (int i = 0; i < 40; i++) {
            b.onFailure(0, 0);
        }
        assertEquals(60 * S, b.blockedUntilNanos());
        assertTrue(b.blocked(59 * S));
        assertFalse(b.blocked(60 * S));
        b.onSuccess();
        assertFalse(b.blocked(0));
        assertEquals(0, b.failures());
    }

    @Test
    void shouldHonourServerWaitsBeyondTheCap() {
        final Backoff b = new Backoff(10 * S, 60 * S);
        b.onFailure(0, 40_000 * S);
        assertTrue(b.blocked(39_999 * S));
        assertFalse(b.blocked(40_000 * S));
    }

    @Test
    void shouldReadRetryAfterSecondsDatesAndOpenSkyHeader() {
        final long now = nanos("2026-02-28T12:00:00Z");
        assertEquals(120 * S, RetryAfter.nanos("120", null, now));
        assertEquals(30 * S, RetryAfter.nanos("Sat, 28 Feb 2026 12:00:30 GMT", null, now));
        assertEquals(40_000 * S, RetryAfter.nanos("5", "40000", now));
        assertEquals(0, RetryAfter.nanos("soon", "", now));
        assertEquals(0, RetryAfter.nanos("-5", null, now));
    }

    @Test
    void shouldRedactRegisteredSecretsAndKeyParameters() {
        final Redactor r = new Redactor();
        r.register("abc123secret");
        r.register("");
        assertEquals("key=*** here", r.redact("key=abc123secret here"));
        assertArrayEquals("{\"x\":\"***\"}".getBytes(StandardCharsets.UTF_8),
            r.redact("{\"x\":\"abc123secret\"}".getBytes(StandardCharsets.UTF_8)));
        final byte[] clean = "{}".getBytes(StandardCharsets.UTF_8);
        assertTrue(clean == r.redact(clean));
        final String url = r.redact(HttpUrl.get("https://api.example/w?lat=1&appid=other-key&apikey=k2"));
        assertFalse(url.contains("other-key") || url.contains("k2"), url);
        assertTrue(url.contains("lat=1"), url);
    }

    @Test
    void shouldStoreAndLoadCachedResponsesWithFetchTime() throws IOException {
        final ResponseCache cache = new ResponseCache(dir);
        assertNull(cache.load("ea-flood", "readings"));
        final byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
        cache.store("ea-flood", "readings", 123L, body);
        final CachedResponse c = cache.load("ea-flood", "readings");
        assertEquals(123L, c.fetchTimeNanos());
        assertArrayEquals(body, c.body());
    }

    @Test
    void shouldRejectTruncatedOrDamagedCacheFiles() throws IOException {
        final ResponseCache cache = new ResponseCache(dir);
        cache.store("s", "k", 5L, "0123456789".getBytes(StandardCharsets.UTF_8));
        final Path file = dir.resolve("s/k.cache");
        final byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length - 3));
        assertTrue(assertThrows(IOException.class, () -> cache.load("s", "k")).getMessage().contains("truncated"));
        Files.writeString(file, "garbage");
        assertThrows(IOException.class, () -> cache.load("s", "k"));
    }

    @Test
    void shouldKeepRawResponsesByDateOnlyWhenEnabled() throws IOException {
        final long t = nanos("2026-02-28T23:59:00Z");
        new RawResponseStore(dir.resolve("off"), false).store("s", "k", t, 200, new byte[] {1});
        assertFalse(Files.exists(dir.resolve("off")));
        new RawResponseStore(dir.resolve("raw"), true).store("s", "k", t, 500, "x".getBytes(StandardCharsets.UTF_8));
        assertTrue(Files.exists(dir.resolve("raw/2026-02-28/s_k_" + t + "_500.json")));
    }
}
