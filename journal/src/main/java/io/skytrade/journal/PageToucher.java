package io.skytrade.journal;

import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.posix.PosixAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A background thread that faults in the pages of the current file of one or more queues ahead of
 * their writers, so no journal append pays the first-write page fault (and, on ext4, block
 * allocation) of the sparse memory-mapped file: design section 9 measured ~19 ms stalls every
 * ~8 MiB without it. One thread serves the inputs queue (the constructor's writer) and any queue
 * added with {@link #track} (the decisions queue, whose writer is the thread that sends orders).
 *
 * <p>Each page is touched with an atomic compare-and-set of a zero word to zero: it writes only
 * where the word is still zero and is atomic with respect to the writer, so it can never change
 * data even if it races the writer. It never maps beyond the file's current size. That faults the
 * page into the page cache through the toucher's own mapping; a writer that publishes its own
 * mapping ({@link WriterMapping}) also has that mapping populated ahead of it with
 * {@code madvise(MADV_POPULATE_WRITE)} (Linux 5.14+; on an older kernel the call fails once with
 * EINVAL and the toucher goes on without it), which writes nothing and takes the page faults the
 * writer's copy would otherwise take. Runs on its own daemon thread, off the hot path; it learns of
 * new cycle files through Chronicle's {@link StoreFileListener}.
 */
public final class PageToucher implements StoreFileListener, AutoCloseable {
    private static final int PAGE = 4096;
    private static final long WINDOW = 16L << 20;
    /** Linux's {@code MADV_POPULATE_WRITE} (5.14+; not in {@code MAdviseFlag}). */
    private static final int MADV_POPULATE_WRITE = 23;
    /** {@code errno} of a kernel without {@code MADV_POPULATE_WRITE}. */
    private static final int EINVAL = 22;
    /** Most bytes of a writer's mapping populated by one {@code madvise} call. */
    private static final long POPULATE_STEP = 1L << 20;
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private static final Logger LOG = LoggerFactory.getLogger(PageToucher.class);

    private final long aheadBytes;
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;
    private final List<Target> targets = new CopyOnWriteArrayList<>();
    private final Target first;
    private volatile boolean running = true;
    private final AtomicLong pagesTouched = new AtomicLong();
    private final AtomicLong bytesPopulated = new AtomicLong();
    /** The toucher thread's name (benchmarks tell its CPU from the stage threads' by it). */
    public static final String THREAD_NAME = "skytrade-journal-pretouch";

    /** Whether the kernel populates mappings ahead ({@code MADV_POPULATE_WRITE}); written by the toucher thread. */
    private volatile boolean populate = true;

    /**
     * @param writerBytes the first writer's running count of bytes appended (its position, approximately)
     * @param aheadBytes  how far ahead of each writer's position to keep pages touched
     */
    public PageToucher(final AtomicLong writerBytes, final long aheadBytes) {
        this(writerBytes, null, aheadBytes);
    }

    /**
     * @param writerBytes the first writer's running count of bytes appended (its position, approximately)
     * @param mapping     where the first writer's own mapping is, to populate it ahead; null for none
     * @param aheadBytes  how far ahead of each writer's position to keep pages touched
     */
    public PageToucher(final AtomicLong writerBytes, final WriterMapping mapping, final long aheadBytes) {
        this.aheadBytes = aheadBytes;
        this.first = new Target(writerBytes, mapping);
        this.targets.add(first);
        this.thread = new Thread(this::run, THREAD_NAME);
        this.thread.setDaemon(true);
    }

    /**
     * Touches ahead of one more writer too; pass the returned listener to that queue's builder.
     *
     * @param writerBytes that writer's running count of bytes appended
     */
    public StoreFileListener track(final AtomicLong writerBytes) {
        return track(writerBytes, null);
    }

    /**
     * Touches ahead of one more writer too, and populates its own mapping ahead when it publishes one.
     *
     * @param writerBytes that writer's running count of bytes appended
     * @param mapping     where that writer's own mapping is; null for none
     */
    public StoreFileListener track(final AtomicLong writerBytes, final WriterMapping mapping) {
        final Target target = new Target(writerBytes, mapping);
        targets.add(target);
        return target;
    }

    public PageToucher start() {
        thread.start();
        return this;
    }

    @Override
    public void onAcquired(final int cycle, final File file) {
        first.onAcquired(cycle, file);
    }

    @Override
    public void onReleased(final int cycle, final File file) {
        // Nothing to release: the toucher's mappings are dropped when it moves to the next file.
    }

    private void run() {
        try {
            while (running) {
                for (final Target target : targets) {
                    target.touchAhead();
                    target.populateAhead();
                }
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(500));
            }
        } catch (final IOException | RuntimeException e) {
            failures.incrementAndGet();
            LOG.warn("journal page pre-toucher stopped ({}); appends may stall on page faults", e.toString());
        } finally {
            for (final Target target : targets) {
                target.closeChannel();
            }
        }
    }

    /** Failures reported (each also logged as a warning): 0 while it works. */
    public long failures() {
        return failures.get();
    }

    public long pagesTouched() {
        return pagesTouched.get();
    }

    /** False once the kernel or the platform turned out unable to populate a mapping ahead ({@code MADV_POPULATE_WRITE}). */
    public boolean populates() {
        return populate;
    }

    /** Bytes of the writers' own mappings populated ahead of them ({@link WriterMapping}). */
    public long bytesPopulated() {
        return bytesPopulated.get();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One queue's current file and how far into it pages are touched; state owned by the toucher thread. */
    private final class Target implements StoreFileListener {
        private final AtomicLong writerBytes;
        private final WriterMapping mapping;
        /** The writer's chunk bounds and position, as {@link WriterMapping#read} fills them. */
        private final long[] published = new long[3];
        /** The chunk last populated and the address up to which it is. */
        private long populatedChunk;
        private long populatedUpTo;
        private volatile File current;
        private File mappedFile;
        private long baseWriterBytes;
        private long touchedUpTo;
        private MappedByteBuffer window;
        private long windowStart;
        private FileChannel channel;

        Target(final AtomicLong writerBytes, final WriterMapping mapping) {
            this.writerBytes = writerBytes;
            this.mapping = mapping;
        }

        @Override
        public void onAcquired(final int cycle, final File file) {
            current = file;
        }

        @Override
        public void onReleased(final int cycle, final File file) {
            // Nothing to release: the mappings are dropped when the toucher moves to the next file.
        }

        void touchAhead() throws IOException {
            final File file = current;
            if (file != null && !file.equals(mappedFile)) {
                closeChannel();
                channel = FileChannel.open(file.toPath(), StandardOpenOption.READ, StandardOpenOption.WRITE);
                mappedFile = file;
                baseWriterBytes = writerBytes.get();
                touchedUpTo = 0;
                window = null;
            }
            if (channel == null) {
                return;
            }
            final long target = Math.min(channel.size(), writerBytes.get() - baseWriterBytes + aheadBytes);
            while (touchedUpTo < target && running) {
                if (window == null || touchedUpTo >= windowStart + window.capacity()) {
                    windowStart = touchedUpTo - (touchedUpTo % PAGE);
                    final long length = Math.min(WINDOW, channel.size() - windowStart);
                    if (length <= 0) {
                        return;
                    }
                    window = channel.map(FileChannel.MapMode.READ_WRITE, windowStart, length);
                }
                final int offset = (int) (touchedUpTo - windowStart);
                LONGS.compareAndSet(window, offset, 0L, 0L);
                pagesTouched.lazySet(pagesTouched.get() + 1);
                touchedUpTo = windowStart + offset + PAGE;
            }
        }

        /**
         * Populates the writer's own mapping from its position up to {@link #aheadBytes} ahead (within
         * its current chunk), a {@link #POPULATE_STEP} per call. A failure other than an unsupported
         * kernel means the chunk is no longer mapped (the writer moved on): the next round reads the
         * new one.
         */
        void populateAhead() {
            if (!populate || mapping == null || !mapping.read(published)) {
                return;
            }
            final long chunkStart = published[0];
            final long chunkEnd = published[1];
            final long position = published[2];
            if (chunkStart != populatedChunk) {
                populatedChunk = chunkStart;
                populatedUpTo = chunkStart;
            }
            final long target = Math.min(chunkEnd, position + aheadBytes);
            long from = Math.max(populatedUpTo, position) & -PAGE;
            while (from < target && running) {
                final long length = Math.min(POPULATE_STEP, target - from);
                if (madvise(from, length) != 0) {
                    return;
                }
                bytesPopulated.lazySet(bytesPopulated.get() + length);
                from += length;
                populatedUpTo = from;
            }
        }

        /** {@code madvise(MADV_POPULATE_WRITE)}: 0 when done; turns populating off when the kernel or the platform cannot. */
        private int madvise(final long address, final long length) {
            final int result;
            try {
                result = PosixAPI.posix().madvise(address, length, MADV_POPULATE_WRITE);
            } catch (final UnsupportedOperationException | LinkageError e) {
                populate = false;
                LOG.info("journal writers' mappings are not populated ahead (no native madvise: {}): "
                    + "they take a page fault per page", e.toString());
                return -1;
            }
            if (result != 0 && PosixAPI.posix().lastError() == EINVAL) {
                populate = false;
                LOG.info("the kernel does not populate mappings ahead (MADV_POPULATE_WRITE, Linux 5.14+): "
                    + "journal writers take a page fault per page");
            }
            return result;
        }

        void closeChannel() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (final IOException e) {
                    failures.incrementAndGet();
                    LOG.warn("journal page pre-toucher could not close its channel: {}", e.toString());
                }
                channel = null;
            }
        }
    }
}
