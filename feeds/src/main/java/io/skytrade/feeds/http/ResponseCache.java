package io.skytrade.feeds.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * The last good response body per source and request on disk, with its fetch time, so a failed
 * fetch (even right after a restart) can serve the last known observations flagged stale. One file
 * per source and request key, {@code <dir>/<source>/<key>.cache}: a header line
 * {@code skytrade-feed-cache 1 <fetchTimeNanos> <length>} then the body. Writes go to a temporary
 * file and are moved into place, so a reader never sees half a body; a truncated file reads as absent.
 *
 * <p>Thread-safety: safe for concurrent use on distinct keys; one client writes one key at a time.
 * Cost: one small file write per good response (off the hot path).
 */
public final class ResponseCache {
    private static final String MAGIC = "skytrade-feed-cache 1 ";
    private final Path dir;

    public ResponseCache(final Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Stores {@code body} (already redacted) as the last good response of {@code source}/{@code key}. */
    public void store(final String source, final String key, final long fetchTimeNanos, final byte[] body) throws IOException {
        final Path file = file(source, key);
        Files.createDirectories(file.getParent());
        final Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        final byte[] header = (MAGIC + fetchTimeNanos + " " + body.length + "\n").getBytes(StandardCharsets.US_ASCII);
        final byte[] all = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, all, header.length, body.length);
        Files.write(tmp, all);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The stored response, or null when none is stored or the file is damaged (reason in the exception). */
    public CachedResponse load(final String source, final String key) throws IOException {
        final byte[] all;
        try {
            all = Files.readAllBytes(file(source, key));
        } catch (NoSuchFileException e) {
            return null;
        }
        int nl = -1;
        for (int i = 0; i < Math.min(all.length, 128); i++) {
            if (all[i] == '\n') {
                nl = i;
                break;
            }
        }
        final String header = nl < 0 ? "" : new String(all, 0, nl, StandardCharsets.US_ASCII);
        if (!header.startsWith(MAGIC)) {
            throw new IOException("cache file of " + source + "/" + key + " has no valid header");
        }
        final String[] parts = header.substring(MAGIC.length()).split(" ");
        try {
            final long fetchTime = Long.parseLong(parts[0]);
            final int length = Integer.parseInt(parts[1]);
            if (all.length - nl - 1 != length) {
                throw new IOException("cache file of " + source + "/" + key + " is truncated: "
                    + (all.length - nl - 1) + " of " + length + " bytes");
            }
            return new CachedResponse(fetchTime, Arrays.copyOfRange(all, nl + 1, all.length));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IOException("cache file of " + source + "/" + key + " has a damaged header", e);
        }
    }

    private Path file(final String source, final String key) {
        return dir.resolve(safe(source)).resolve(safe(key) + ".cache");
    }

    static String safe(final String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
