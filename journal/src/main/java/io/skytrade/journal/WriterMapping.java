package io.skytrade.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesStore;
import net.openhft.chronicle.bytes.MappedBytesStore;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Where one journal writer's own memory mapping of its queue file is and how far into it the
 * writer has written, published by the writer after each append ({@link #wrote}) and read by the
 * {@link PageToucher}, which populates that same mapping ahead of the writer
 * ({@code madvise(MADV_POPULATE_WRITE)}) so that the writer's copy into the mapped file takes no
 * page fault: a page the toucher faulted in through its own mapping is in the page cache, but the
 * writer's mapping still faulted once per 4 KiB page (33% of the stage thread's samples saturated
 * on disk, 58% on tmpfs, session 11). Addresses only: the toucher never dereferences them, and
 * {@code madvise} on a range that is no longer mapped fails harmlessly.
 *
 * <p>One writer thread, one reader thread: the writer publishes a new chunk's bounds under a
 * sequence lock (odd while it writes them), the reader retries a torn read. Hot-path cost: a
 * reference compare and one ordered store per append, a few ordered stores per new Chronicle
 * chunk (every block size, 64 MiB by default); no allocation.
 */
public final class WriterMapping {
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong chunkStart = new AtomicLong();
    private final AtomicLong chunkEnd = new AtomicLong();
    private final AtomicLong position = new AtomicLong();
    /** The writer's current chunk (writer thread only). */
    private BytesStore<?, ?> chunk;

    /**
     * Publishes where {@code bytes} (the appender's mapped bytes, right after an append) writes
     * next. Writer thread only.
     */
    public void wrote(final Bytes<?> bytes) {
        final BytesStore<?, ?> store = bytes.bytesStore();
        if (!(store instanceof MappedBytesStore)) {
            return;
        }
        if (store != chunk) {
            chunk = store;
            final long v = version.get();
            version.lazySet(v + 1);
            final long base = store.addressForWrite(store.start());
            chunkStart.lazySet(base);
            chunkEnd.lazySet(base + store.realCapacity() - store.start());
            version.lazySet(v + 2);
        }
        position.lazySet(store.addressForWrite(bytes.writePosition()));
    }

    /**
     * Reads the writer's chunk bounds and position into {@code into} (start, end, position);
     * reader thread.
     *
     * @return false while nothing is published, or when the writer was publishing a new chunk
     */
    boolean read(final long[] into) {
        final long v = version.get();
        if (v == 0 || (v & 1) != 0) {
            return false;
        }
        into[0] = chunkStart.get();
        into[1] = chunkEnd.get();
        into[2] = position.get();
        return version.get() == v && into[2] >= into[0] && into[2] <= into[1];
    }
}
