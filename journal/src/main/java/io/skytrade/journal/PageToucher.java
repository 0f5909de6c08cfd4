package io.skytrade.journal;

import net.openhft.chronicle.queue.impl.StoreFileListener;
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
 * data even if it races the writer. It never maps beyond the file's current size. Runs on its own
 * daemon thread, off the hot path; it learns of new cycle files through Chronicle's
 * {@link StoreFileListener}.
 */
public final class PageToucher implements StoreFileListener, AutoCloseable {
    private static final int PAGE = 4096;
    private static final long WINDOW = 16L << 20;
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private static final Logger LOG = LoggerFactory.getLogger(PageToucher.class);

    private final long aheadBytes;
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;
    private final List<Target> targets = new CopyOnWriteArrayList<>();
    private final Target first;
    private volatile boolean running = true;
    private final AtomicLong pagesTouched = new AtomicLong();

    /**
     * @param writerBytes the first writer's running count of bytes appended (its position, approximately)
     * @param aheadBytes  how far ahead of each writer's position to keep pages touched
     */
    public PageToucher(final AtomicLong writerBytes, final long aheadBytes) {
        this.aheadBytes = aheadBytes;
        this.first = new Target(writerBytes);
        this.targets.add(first);
        this.thread = new Thread(this::run, "skytrade-journal-pretouch");
        this.thread.setDaemon(true);
    }

    /**
     * Touches ahead of one more writer too; pass the returned listener to that queue's builder.
     *
     * @param writerBytes that writer's running count of bytes appended
     */
    public StoreFileListener track(final AtomicLong writerBytes) {
        final Target target = new Target(writerBytes);
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
        private volatile File current;
        private File mappedFile;
        private long baseWriterBytes;
        private long touchedUpTo;
        private MappedByteBuffer window;
        private long windowStart;
        private FileChannel channel;

        Target(final AtomicLong writerBytes) {
            this.writerBytes = writerBytes;
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
