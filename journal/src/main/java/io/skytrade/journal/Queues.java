package io.skytrade.journal;

import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;
import net.openhft.chronicle.queue.impl.table.Metadata;
import net.openhft.chronicle.queue.impl.table.SingleTableBuilder;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NavigableSet;

/**
 * Opens the Chronicle queues of a run directory with the configured settings. Start-up and tools
 * only.
 */
public final class Queues {
    /** Chronicle's metadata file in a queue directory. */
    static final String METADATA = "metadata.cq4t";
    /** Shorter than Chronicle's header of a metadata file (its first document is over 100 bytes). */
    private static final long MIN_METADATA_BYTES = 64;
    /** Chronicle's header word: bit 30 marks a metadata document, bit 31 an incomplete one, the rest its length. */
    private static final int META_DATA = 1 << 30;
    private static final int NOT_COMPLETE = 1 << 31;
    private static final int LENGTH_MASK = META_DATA - 1;
    private static final int MIN_HEADER_LENGTH = 16;
    /** A queue file must reach past its last entry's start by a header and the largest entry. */
    private static final long ENTRY_MARGIN = 4 + Math.max(InputCodec.MAX_LENGTH, DecisionCodec.LENGTH);

    private Queues() {
    }

    /** Opens (creating if needed) a queue for writing. */
    public static SingleChronicleQueue openForWriting(final Path dir, final JournalSettings settings,
                                                      final StoreFileListener listener) {
        final SingleChronicleQueueBuilder builder = SingleChronicleQueueBuilder.binary(dir.toFile())
            .rollCycle(RollCycles.valueOf(settings.rollCycle()))
            .blockSize(settings.blockSizeBytes());
        if (listener != null) {
            builder.storeFileListener(listener);
        }
        return builder.build();
    }

    /**
     * Opens an existing queue for reading.
     *
     * @throws CorruptJournalException when the directory is missing or holds no queue files
     */
    public static SingleChronicleQueue openForReading(final Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CorruptJournalException("journal queue directory " + dir + " does not exist");
        }
        final File[] files = dir.toFile().listFiles((d, name) -> name.endsWith(".cq4"));
        if (files == null || files.length == 0) {
            throw new CorruptJournalException("journal queue directory " + dir + " holds no .cq4 files");
        }
        for (final File file : files) {
            if (file.length() < JournalSettings.MIN_BLOCK_SIZE) {
                throw new CorruptJournalException(file + " is truncated: " + file.length() + " bytes, less than the "
                    + JournalSettings.MIN_BLOCK_SIZE + " every queue file is created with (an incomplete copy or a full disk?)");
            }
        }
        checkMetadata(dir.resolve(METADATA));
        final SingleChronicleQueue queue;
        try {
            queue = SingleChronicleQueueBuilder.binary(dir.toFile()).readOnly(true).build();
        } catch (final InternalError | RuntimeException e) {
            if (ChronicleFaults.isMappedFileFault(e)) {
                throw ChronicleFaults.truncated(dir, "opening it", e);
            }
            if (e instanceof InternalError) {
                throw e;
            }
            throw new CorruptJournalException("cannot open journal queue " + dir + " from its " + METADATA + ": "
                + ChronicleFaults.describe(e), e);
        }
        try {
            checkQueueFiles(queue);
        } catch (final RuntimeException e) {
            queue.close();
            throw e;
        }
        return queue;
    }

    /**
     * Checks that every queue file is as long as its header says its entries reach: Chronicle maps
     * the files into memory, and a read past the end of a file cut short (an incomplete copy, a full
     * disk) faults in the JVM; in compiled code that fault surfaces late, as an
     * {@link InternalError} or as whatever garbage exception the code ran into first. A writer that
     * was killed leaves its files at their preallocated length, which passes.
     */
    private static void checkQueueFiles(final SingleChronicleQueue queue) {
        final NavigableSet<Long> cycles;
        try {
            cycles = queue.listCyclesBetween(queue.firstCycle(), queue.lastCycle());
        } catch (final InternalError | Exception e) {
            // a metadata file garbled where it names the roll cycle's file format: Chronicle looks for files that are not there
            throw ChronicleFaults.unreadable(Path.of(queue.fileAbsolutePath()), "listing its cycles' files (is its "
                + METADATA + " damaged?)", e);
        }
        for (final long cycle : cycles) {
            final SingleChronicleQueueStore store;
            try {
                store = queue.storeForCycle((int) cycle, queue.epoch(), false, null);
            } catch (final InternalError | Exception e) {
                // Chronicle throws undeclared checked exceptions (StreamCorruptedException) on a damaged header
                throw ChronicleFaults.unreadable(Path.of(queue.fileAbsolutePath()), "reading the header of cycle " + cycle
                    + "'s file", e);
            }
            if (store == null) {
                continue;
            }
            try {
                final File file = store.file();
                final long length = file.length();
                final long lastEntry = store.writePosition();
                if (length < lastEntry + ENTRY_MARGIN) {
                    throw new CorruptJournalException(file + " is truncated: " + length + " bytes, but its last entry starts at byte "
                        + lastEntry + " (an incomplete copy or a full disk?); the queue is not read");
                }
            } finally {
                queue.closeStore(store);
            }
        }
    }

    /**
     * Opens the queue's metadata file read-only and closes it again, so that a missing, empty or
     * damaged one is named as such: Chronicle would otherwise fall back to default settings (a
     * warning with a stack trace, then a possibly wrong roll cycle) or fail with an unrelated
     * message such as a lock it could not claim.
     */
    private static void checkMetadata(final Path metadata) {
        if (!Files.isRegularFile(metadata)) {
            throw new CorruptJournalException(metadata + " is missing (Chronicle's roll cycle and index of the queue): "
                + "the run directory is incomplete");
        }
        final long length;
        try {
            length = Files.size(metadata);
        } catch (final IOException e) {
            throw new CorruptJournalException("cannot read " + metadata + ": " + FileErrors.describe(e, metadata), e);
        }
        if (length < MIN_METADATA_BYTES) {
            throw new CorruptJournalException(metadata + " is damaged: " + length + " bytes, shorter than its header");
        }
        final int header = firstWord(metadata);
        final int headerLength = header & LENGTH_MASK;
        if ((header & META_DATA) == 0 || (header & NOT_COMPLETE) != 0 || headerLength < MIN_HEADER_LENGTH
            || headerLength > length - 4) {
            throw new CorruptJournalException(metadata + " is damaged: its first word 0x" + Integer.toHexString(header)
                + " is not the header of a Chronicle metadata file");
        }
        SingleChronicleQueueBuilder.addAliases();
        try {
            SingleTableBuilder.binary(metadata, Metadata.NoMeta.INSTANCE).readOnly(true).build().close();
        } catch (final InternalError | RuntimeException e) {
            if (ChronicleFaults.isMappedFileFault(e)) {
                throw ChronicleFaults.truncated(metadata, "reading its header", e);
            }
            if (e instanceof InternalError) {
                throw e;
            }
            throw new CorruptJournalException(metadata + " is damaged: " + ChronicleFaults.describe(e), e);
        }
    }

    private static int firstWord(final Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ByteBuffer.wrap(in.readNBytes(4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
        } catch (final IOException e) {
            throw new CorruptJournalException("cannot read " + file + ": " + FileErrors.describe(e, file), e);
        }
    }
}
