package io.skytrade.journal;

import java.util.Locale;

/**
 * How the journal's queues are stored: Chronicle block size, roll cycle, the page pre-toucher
 * that faults pages in ahead of the writers (design section 9: first-write page faults on the
 * sparse memory-mapped file are what stall appends on ext4), and where the queues are written:
 * {@code disk} (in the run directory) or {@code shm} (on a tmpfs such as {@code /dev/shm}, each
 * completed roll cycle copied to the run directory by an archiver thread: {@link ShmArchiver}).
 *
 * @param blockSizeBytes     Chronicle block (mapping chunk) size; a power of two of at least 64 KiB
 * @param rollCycle          Chronicle roll cycle name (e.g. FAST_DAILY, FAST_HOURLY, FIVE_MINUTELY)
 * @param pretouch           whether a background thread touches pages ahead of the writers
 * @param pretouchAheadBytes how far ahead of each writer the toucher keeps pages faulted in
 * @param storage            {@link #DISK} or {@link #SHM}
 * @param shmDir             root on a tmpfs for {@link #SHM} storage (run queues go to {@code shmDir/<run-id>/})
 */
public record JournalSettings(long blockSizeBytes, String rollCycle, boolean pretouch, long pretouchAheadBytes,
                              String storage, String shmDir) {
    /** The smallest block size, so also the smallest queue file a writer leaves. */
    public static final long MIN_BLOCK_SIZE = 65_536;
    /** Queues written in the run directory. */
    public static final String DISK = "disk";
    /** Queues written on a tmpfs and archived to the run directory cycle by cycle. */
    public static final String SHM = "shm";
    /** Default tmpfs root of {@link #SHM} storage. */
    public static final String DEFAULT_SHM_DIR = "/dev/shm/skytrade";

    /** Disk storage with the given queue settings. */
    public JournalSettings(final long blockSizeBytes, final String rollCycle, final boolean pretouch, final long pretouchAheadBytes) {
        this(blockSizeBytes, rollCycle, pretouch, pretouchAheadBytes, DISK, DEFAULT_SHM_DIR);
    }

    public JournalSettings {
        if (blockSizeBytes < MIN_BLOCK_SIZE || Long.bitCount(blockSizeBytes) != 1) {
            throw new IllegalArgumentException("journal.blockSize: " + blockSizeBytes + " must be a power of two >= "
                + MIN_BLOCK_SIZE + " bytes");
        }
        rollCycle = rollCycle == null ? "FAST_DAILY" : rollCycle.toUpperCase(Locale.ROOT);
        try {
            net.openhft.chronicle.queue.RollCycles.valueOf(rollCycle);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("journal.rollCycle: '" + rollCycle + "' is not a Chronicle roll cycle"
                + " (e.g. FAST_DAILY, FAST_HOURLY, FIVE_MINUTELY)", e);
        }
        if (pretouchAheadBytes < 0) {
            throw new IllegalArgumentException("journal.pretouchAhead: " + pretouchAheadBytes + " must be >= 0");
        }
        storage = storage == null ? DISK : storage.toLowerCase(Locale.ROOT);
        if (!storage.equals(DISK) && !storage.equals(SHM)) {
            throw new IllegalArgumentException("journal.storage: '" + storage + "' must be disk or shm");
        }
        if (shmDir == null || shmDir.isBlank()) {
            throw new IllegalArgumentException("journal.shmDir: must name a directory on a tmpfs");
        }
    }

    /** True for {@link #SHM} storage. */
    public boolean onShm() {
        return storage.equals(SHM);
    }

    /** The same settings with queues stored as {@code storage} under {@code shmDir}. */
    public JournalSettings withStorage(final String storage, final String shmDir) {
        return new JournalSettings(blockSizeBytes, rollCycle, pretouch, pretouchAheadBytes, storage, shmDir);
    }

    /** 64 MiB blocks, daily files, pre-touching 32 MiB ahead: what measured best here. */
    public static JournalSettings defaults() {
        return new JournalSettings(64L << 20, "FAST_DAILY", true, 32L << 20);
    }
}
