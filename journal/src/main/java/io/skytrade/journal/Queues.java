package io.skytrade.journal;

import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.impl.table.Metadata;
import net.openhft.chronicle.queue.impl.table.SingleTableBuilder;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

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
        checkMetadata(dir.resolve(METADATA));
        try {
            return SingleChronicleQueueBuilder.binary(dir.toFile()).readOnly(true).build();
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
