package io.skytrade.journal;

import java.util.Locale;

/**
 * How the journal's queues are stored: Chronicle block size, roll cycle, and the page pre-toucher
 * that faults pages in ahead of the writer (design section 9: first-write page faults on the
 * sparse memory-mapped file are what stall appends on ext4).
 *
 * @param blockSizeBytes   Chronicle block (mapping chunk) size; a power of two of at least 64 KiB
 * @param rollCycle        Chronicle roll cycle name (e.g. FAST_DAILY, FAST_HOURLY)
 * @param pretouch         whether a background thread touches pages ahead of the input writer
 * @param pretouchAheadBytes how far ahead of the writer the toucher keeps pages faulted in
 */
public record JournalSettings(long blockSizeBytes, String rollCycle, boolean pretouch, long pretouchAheadBytes) {
    /** The smallest block size, so also the smallest queue file a writer leaves. */
    public static final long MIN_BLOCK_SIZE = 65_536;

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
    }

    /** 64 MiB blocks, daily files, pre-touching 32 MiB ahead: what measured best here. */
    public static JournalSettings defaults() {
        return new JournalSettings(64L << 20, "FAST_DAILY", true, 32L << 20);
    }
}
