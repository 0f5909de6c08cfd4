package io.skytrade.journal;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The durable half of the shared-memory journal: the run's queues are written on a tmpfs
 * ({@code journal.storage: shm}), where an append never waits for a disk, and this archiver thread
 * copies each completed roll cycle of each queue (every cycle file but the newest: Chronicle
 * writes a cycle's end-of-file marker before it creates the next file) into the run directory on
 * the durable journal root, then the queue's metadata, each copy written to a temporary name,
 * forced to disk and renamed. On a clean close it copies the last cycle too and removes the tmpfs
 * directory.
 *
 * <p>What can be lost: a process crash loses nothing (the tmpfs files outlive the process, and
 * {@link #recover} moves a crashed run's queues to its run directory, as the next live run does at
 * start); a power loss or an operating-system crash loses the cycle being written, at most one roll
 * cycle of inputs (five minutes with {@code rollCycle: FIVE_MINUTELY}) plus the copy in progress.
 * LMAX's answer to losing a machine is replication, not a synchronous disk write per input.
 *
 * <p>Runs on its own daemon thread, polling every 200 ms; it never touches the writers. A tmpfs
 * run directory is locked while its run writes, so {@link #recover} never takes a live run's files.
 */
public final class ShmArchiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShmArchiver.class);
    /** Lock file held in a run's tmpfs directory while the run writes. */
    static final String LOCK = ".lock";
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int PAGE = 4096;

    private final Path shmRun;
    private final Path durableRun;
    private final List<String> queues;
    private final AtomicLong failures = new AtomicLong();
    private final Map<Path, Long> archived = new HashMap<>();
    private final Thread thread;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private volatile boolean running = true;
    private volatile long cyclesArchived;

    /**
     * Locks {@code shmRun} and starts archiving the queues named {@code queues} (directories under
     * both {@code shmRun} and {@code durableRun}).
     */
    public ShmArchiver(final Path shmRun, final Path durableRun, final List<String> queues) {
        this.shmRun = shmRun;
        this.durableRun = durableRun;
        this.queues = List.copyOf(queues);
        try {
            Files.createDirectories(shmRun);
            lockChannel = FileChannel.open(shmRun.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.lock();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create the shared-memory journal directory " + shmRun + ": "
                + FileErrors.describe(e, shmRun), e);
        }
        thread = new Thread(this::run, "skytrade-journal-archiver");
        thread.setDaemon(true);
        thread.start();
    }

    /** Copies that failed (each logged as a warning): 0 while it works. */
    public long failures() {
        return failures.get();
    }

    /** Completed cycle files copied to the run directory so far, each counted once the metadata naming it is there too (readable). */
    public long cyclesArchived() {
        return cyclesArchived;
    }

    private void run() {
        while (running) {
            try {
                archive(false);
            } catch (final IOException e) {
                failures.incrementAndGet();
                LOG.warn("journal archiver could not copy a completed cycle to {} ({}); it retries; until then that cycle exists"
                    + " only on {}", durableRun, FileErrors.describe(e, durableRun), shmRun);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Copies what is complete (every cycle when {@code all}) and not yet copied as it is now. */
    private synchronized void archive(final boolean all) throws IOException {
        for (final String queue : queues) {
            final Path from = shmRun.resolve(queue);
            if (!Files.isDirectory(from)) {
                continue;
            }
            final List<Path> cycles = cycleFiles(from);
            final int complete = all ? cycles.size() : cycles.size() - 1;
            boolean copied = false;
            int completedCycles = 0;
            for (int i = 0; i < complete; i++) {
                final Path file = cycles.get(i);
                final long size = Files.size(file);
                if (archived.getOrDefault(file, -1L) != size || all && i == cycles.size() - 1) {
                    copySparse(file, durableRun.resolve(queue).resolve(file.getFileName()));
                    archived.put(file, size);
                    copied = true;
                    if (!all) {
                        completedCycles++;
                    }
                }
            }
            final Path metadata = from.resolve(Queues.METADATA);
            if (copied && Files.exists(metadata)) {
                copyMetadata(metadata, durableRun.resolve(queue));
            }
            // counted once readable from the durable directory: the cycles and the metadata naming them
            cyclesArchived += completedCycles;
        }
    }

    /**
     * Copies a queue's metadata and lets Chronicle refresh its listing of cycles from the files
     * present: the tmpfs copy already names the cycle being written, which a power loss would leave
     * missing, and a reader refuses a listing that names a missing file.
     */
    private static void copyMetadata(final Path metadata, final Path durableQueue) throws IOException {
        copySparse(metadata, durableQueue.resolve(Queues.METADATA));
        SingleChronicleQueueBuilder.binary(durableQueue.toFile()).build().close();
    }

    private static List<Path> cycleFiles(final Path dir) throws IOException {
        final List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(dir)) {
            listing.filter(p -> p.getFileName().toString().endsWith(".cq4")).forEach(files::add);
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return files;
    }

    /**
     * Copies {@code from} to {@code to} through a temporary file, skipping all-zero pages (the
     * queue files are sparse), forcing it to disk and renaming it into place.
     */
    static void copySparse(final Path from, final Path to) throws IOException {
        Files.createDirectories(to.getParent());
        final Path partial = to.resolveSibling(to.getFileName() + ".partial");
        final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                 StandardOpenOption.TRUNCATE_EXISTING)) {
            final long size = in.size();
            long position = 0;
            while (position < size) {
                buffer.clear();
                final int n = in.read(buffer, position);
                if (n <= 0) {
                    break;
                }
                for (int page = 0; page < n; page += PAGE) {
                    final int end = Math.min(n, page + PAGE);
                    if (!zero(buffer, page, end)) {
                        out.write(buffer.duplicate().limit(end).position(page), position + page);
                    }
                }
                position += n;
            }
            if (out.size() < size) {
                out.write(ByteBuffer.allocate(1), size - 1);
            }
            out.force(true);
        }
        Files.move(partial, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(to.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    private static boolean zero(final ByteBuffer b, final int from, final int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            if (b.getLong(i) != 0) {
                return false;
            }
        }
        for (; i < to; i++) {
            if (b.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Stops the thread, copies every cycle (the last one too) and the metadata, and removes the
     * run's tmpfs directory. Call after the writers' queues are closed.
     */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            archive(true);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.incrementAndGet();
            LOG.warn("interrupted while archiving the journal; its queues remain on {}", shmRun);
            return;
        } catch (final IOException e) {
            failures.incrementAndGet();
            LOG.warn("cannot copy the journal from {} to {} ({}); the queues remain on {}", shmRun, durableRun,
                FileErrors.describe(e, durableRun), shmRun);
            return;
        } finally {
            release();
        }
        if (!delete(shmRun)) {
            failures.incrementAndGet();
        }
    }

    private void release() {
        try {
            lock.release();
            lockChannel.close();
        } catch (final IOException e) {
            failures.incrementAndGet();
            LOG.warn("cannot release the journal lock in {}: {}", shmRun, e.getMessage());
        }
    }

    /**
     * Moves the queues that crashed runs left under {@code shmRoot} into their run directories
     * under {@code journalRoot} (a run directory there with the same id), skipping any run still
     * writing (its lock is held); logs each run recovered.
     *
     * @return the run ids recovered
     */
    public static List<String> recover(final Path shmRoot, final Path journalRoot, final List<String> queues) {
        final List<String> recovered = new ArrayList<>();
        if (!Files.isDirectory(shmRoot)) {
            return recovered;
        }
        final List<Path> runs = new ArrayList<>();
        try (Stream<Path> listing = Files.list(shmRoot)) {
            listing.filter(Files::isDirectory).forEach(runs::add);
        } catch (final IOException e) {
            LOG.warn("cannot list {} for journals of crashed runs: {}", shmRoot, e.getMessage());
            return recovered;
        }
        runs.sort(Comparator.naturalOrder());
        for (final Path shmRun : runs) {
            final Path durableRun = journalRoot.resolve(shmRun.getFileName());
            if (!Files.isDirectory(durableRun)) {
                continue;
            }
            try (FileChannel channel = FileChannel.open(shmRun.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                final FileLock free = tryLock(channel);
                if (free == null) {
                    continue;
                }
                try {
                    for (final String queue : queues) {
                        final Path from = shmRun.resolve(queue);
                        if (Files.isDirectory(from)) {
                            for (final Path file : cycleFiles(from)) {
                                copySparse(file, durableRun.resolve(queue).resolve(file.getFileName()));
                            }
                            if (Files.exists(from.resolve(Queues.METADATA))) {
                                copyMetadata(from.resolve(Queues.METADATA), durableRun.resolve(queue));
                            }
                        }
                    }
                } finally {
                    free.release();
                }
            } catch (final IOException e) {
                LOG.warn("cannot recover the journal of {} from {} ({}); it stays there", shmRun.getFileName(), shmRun,
                    FileErrors.describe(e, durableRun));
                continue;
            }
            delete(shmRun);
            recovered.add(shmRun.getFileName().toString());
            LOG.warn("recovered the journal of run {} (it did not close cleanly) from {} into {}", shmRun.getFileName(), shmRun,
                durableRun);
        }
        return recovered;
    }

    private static FileLock tryLock(final FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (final OverlappingFileLockException e) {
            return null;
        }
    }

    private static boolean delete(final Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (final Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
            return true;
        } catch (final IOException e) {
            LOG.warn("cannot remove {} after archiving it: {}", dir, e.getMessage());
            return false;
        }
    }
}
