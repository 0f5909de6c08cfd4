package io.skytrade.engine.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Measures the process resources a soak bounds: heap in use right after a full collection (what
 * is still reachable: a leak grows it), live threads, open file descriptors, and the bytes of the
 * journal directory (the length of every file under it; Chronicle's queue files are sparse, so this
 * is an upper bound of the disk used).
 *
 * <p>Calls {@link System#gc()}: for the soak's controlling thread only, never the engine's.
 */
final class ResourceProbe {
    /** One measurement. */
    record Sample(long heapAfterGcBytes, int threads, long openFileDescriptors, long journalBytes, int runDirectories) {
    }

    private final Path journalRoot;

    ResourceProbe(final Path journalRoot) {
        this.journalRoot = journalRoot;
    }

    Sample sample() {
        System.gc();
        final long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        final int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        return new Sample(heap, threads, openFileDescriptors(), journalBytes(), runDirectories());
    }

    /** Open file descriptors of this process, or -1 where the JVM cannot tell (not a Unix). */
    static long openFileDescriptors() {
        final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.UnixOperatingSystemMXBean unix ? unix.getOpenFileDescriptorCount() : -1;
    }

    private long journalBytes() {
        try (Stream<Path> files = Files.walk(journalRoot)) {
            return files.filter(Files::isRegularFile).mapToLong(ResourceProbe::length).sum();
        } catch (final NoSuchFileException e) {
            return 0;
        } catch (final IOException e) {
            throw new UncheckedIOException("soak: cannot measure " + journalRoot + ": " + e.getMessage(), e);
        }
    }

    private int runDirectories() {
        try (Stream<Path> dirs = Files.list(journalRoot)) {
            return (int)dirs.filter(d -> Files.isRegularFile(d.resolve("run.properties"))).count();
        } catch (final NoSuchFileException e) {
            return 0;
        } catch (final IOException e) {
            throw new UncheckedIOException("soak: cannot list " + journalRoot + ": " + e.getMessage(), e);
        }
    }

    private static long length(final Path file) {
        try {
            return Files.size(file);
        } catch (final IOException e) {
            return 0; // deleted by journal retention while the walk ran
        }
    }
}
