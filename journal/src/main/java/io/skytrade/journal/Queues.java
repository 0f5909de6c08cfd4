package io.skytrade.journal;

import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the Chronicle queues of a run directory with the configured settings. Start-up and tools
 * only.
 */
public final class Queues {
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
        try {
            return SingleChronicleQueueBuilder.binary(dir.toFile()).readOnly(true).build();
        } catch (final RuntimeException e) {
            throw new CorruptJournalException("cannot open journal queue " + dir + ": " + e.getMessage(), e);
        }
    }
}
