package io.skytrade.engine.soak;

import io.skytrade.core.pipeline.EngineHealth;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.runtime.LiveRun;
import io.skytrade.exchange.sim.ExchangeSimulator;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code skytrade soak}: runs the demo world at a high time scale for a long wall time as a chain of
 * live runs (segments: the duration rounded to whole segments, each running its full length once
 * its engine has started), each a fresh engine with its embedded simulated exchange, journaling into
 * one root with journal retention on; drops the venue connection every so often (alternately a
 * WebSocket close and a TCP drop without handshake) and requires the gateway to log in again; and
 * samples heap after a full GC, live threads, open file descriptors and the journal's bytes. It
 * fails loudly, stopping at once, when a sample leaves its bound, the gateway does not reconnect,
 * a stage fails, the engine halts, or the venue's thread hits an error.
 *
 * <p>Bounds: heap, threads and descriptors may grow by at most the settings' allowance over the
 * baseline taken at the first sample (the warmed-up first segment); the journal root may hold at
 * most {@code maxJournalBytes}. Thread-safety: one controlling thread. Not on the hot path.
 */
public final class Soak {
    /** What to run and the bounds to hold. */
    public record Settings(long durationNanos, long segmentNanos, long dropEveryNanos, long sampleEveryNanos,
                           long reconnectTimeoutNanos, long maxHeapGrowthBytes, int maxThreadGrowth,
                           long maxFileDescriptorGrowth, long maxJournalBytes) {
    }

    /** The outcome: the first violated bound or failure (null when the soak passed) and what was measured. */
    public record Result(String failure, int segments, int drops, long worldSessionsSettled, long inputs,
                         ResourceProbe.Sample baseline, ResourceProbe.Sample max, long elapsedNanos) {
        public boolean passed() {
            return failure == null;
        }
    }

    private final ConfigLoader.LoadedConfig config;
    private final Path journalRoot;
    private final Settings settings;
    private final PrintStream out;
    private final PrintStream runLog;
    private final ResourceProbe probe;

    /**
     * @param config      the engine configuration of every segment (venue mode simulator)
     * @param journalRoot where the segments' run directories go
     * @param out         the soak's own lines (one per sample, the verdict)
     * @param runLog      the live runs' status lines
     */
    public Soak(final ConfigLoader.LoadedConfig config, final Path journalRoot, final Settings settings, final PrintStream out,
                final PrintStream runLog) {
        this.config = config;
        this.journalRoot = journalRoot;
        this.settings = settings;
        this.out = out;
        this.runLog = runLog;
        this.probe = new ResourceProbe(journalRoot);
    }

    public Result run() throws InterruptedException {
        final long start = System.nanoTime();
        final int segments = segments(settings);
        final Tally tally = new Tally();
        int segment = 0;
        String failure = null;
        while (failure == null && segment < segments) {
            segment++;
            failure = runSegment(segment, start, tally);
        }
        if (failure == null) {
            failure = check(probe.sample(), tally, start, "after the last segment");
        }
        return new Result(failure, segment, tally.drops, tally.sessions, tally.inputs, tally.baseline, tally.max,
            System.nanoTime() - start);
    }

    /** The duration in whole segments (at least one): each segment runs its full length after its engine started. */
    static int segments(final Settings settings) {
        return (int)Math.max(1, Math.round((double)settings.durationNanos() / settings.segmentNanos()));
    }

    private String runSegment(final int segment, final long start, final Tally tally) throws InterruptedException {
        final LiveRun run = LiveRun.start(config, journalRoot, runLog);
        final long segmentEnd = System.nanoTime() + settings.segmentNanos();
        String failure = null;
        try {
            final ExchangeSimulator venue = run.simulator();
            if (venue == null) {
                return "soak needs venue.mode: simulator (it drops the connection of the embedded venue)";
            }
            long nextDrop = System.nanoTime() + settings.dropEveryNanos();
            long nextSample = System.nanoTime() + settings.sampleEveryNanos();
            while (failure == null && System.nanoTime() < segmentEnd) {
                final long wake = Math.min(segmentEnd, Math.min(nextDrop, nextSample));
                TimeUnit.NANOSECONDS.sleep(Math.max(0, wake - System.nanoTime()));
                final long now = System.nanoTime();
                if (now >= nextDrop && now < segmentEnd) {
                    failure = drop(venue, tally);
                    nextDrop = System.nanoTime() + settings.dropEveryNanos();
                }
                if (failure == null && now >= nextSample) {
                    failure = health(run, venue);
                    if (failure == null) {
                        failure = check(probe.sample(), tally.withSegment(venue.settlementCount(), run.inputsJournaled()), start,
                            "segment " + segment);
                    }
                    nextSample = System.nanoTime() + settings.sampleEveryNanos();
                }
            }
            if (failure == null) {
                tally.sessions += venue.settlementCount();
                failure = health(run, venue);
            }
        } finally {
            run.close();
            tally.inputs += run.inputsJournaled();
            tally.segmentSettled = 0;
            tally.segmentInputs = 0;
        }
        if (failure == null && run.pipeline().failures().failureCount() > 0) {
            failure = "segment " + segment + ": " + run.pipeline().failures().failureCount() + " stage failures";
        }
        if (failure == null && run.simulator().venueFailureCount() > 0) {
            failure = "segment " + segment + ": the venue thread failed " + run.simulator().venueFailureCount() + " times";
        }
        return failure;
    }

    /** Drops the engine's venue connection (odd drops: WebSocket close; even: TCP drop) and waits for the gateway to log in again. */
    private String drop(final ExchangeSimulator venue, final Tally tally) throws InterruptedException {
        tally.drops++;
        final long logins = venue.loginCount();
        if (tally.drops % 2 == 1) {
            venue.closeAllConnections();
        } else {
            venue.dropAllConnections();
        }
        final long deadline = System.nanoTime() + settings.reconnectTimeoutNanos();
        while (venue.loginCount() == logins) {
            if (System.nanoTime() > deadline) {
                return "drop " + tally.drops + ": the gateway did not reconnect within "
                    + TimeUnit.NANOSECONDS.toSeconds(settings.reconnectTimeoutNanos()) + " s";
            }
            Thread.sleep(20);
        }
        return null;
    }

    private static String health(final LiveRun run, final ExchangeSimulator venue) {
        if (run.pipeline().health().state() == EngineHealth.State.HALTED) {
            return "the engine HALTED: " + run.statusLine();
        }
        if (ManagementFactory.getThreadMXBean().findDeadlockedThreads() != null) {
            return "Java-level deadlock (jstack the process for the threads)";
        }
        if (venue.venueFailureCount() > 0) {
            return "the venue thread failed " + venue.venueFailureCount() + " times";
        }
        return null;
    }

    private String check(final ResourceProbe.Sample s, final Tally tally, final long start, final String where) {
        if (tally.baseline == null) {
            tally.baseline = s;
        }
        tally.max = tally.max == null ? s : max(tally.max, s);
        final ResourceProbe.Sample b = tally.baseline;
        final long heapBound = b.heapAfterGcBytes() + settings.maxHeapGrowthBytes();
        final long threadBound = b.threads() + settings.maxThreadGrowth();
        final long fdBound = b.openFileDescriptors() + settings.maxFileDescriptorGrowth();
        out.printf("soak %s %-22s heap-after-gc %6.1f MiB (<= %.1f)  threads %3d (<= %d)  fds %4d (<= %d)  journal %7.1f MiB "
                + "in %d runs (<= %.0f)  sessions settled %d  inputs %,d  drops %d%n",
            clock(System.nanoTime() - start), where, mib(s.heapAfterGcBytes()), mib(heapBound), s.threads(), threadBound,
            s.openFileDescriptors(), fdBound, mib(s.journalBytes()), s.runDirectories(), mib(settings.maxJournalBytes()),
            tally.sessions + tally.segmentSettled, tally.inputs + tally.segmentInputs, tally.drops);
        final List<String> broken = new ArrayList<>();
        if (s.heapAfterGcBytes() > heapBound) {
            broken.add(String.format("heap after GC %.1f MiB > %.1f MiB (baseline %.1f + %.1f)", mib(s.heapAfterGcBytes()),
                mib(heapBound), mib(b.heapAfterGcBytes()), mib(settings.maxHeapGrowthBytes())));
        }
        if (s.threads() > threadBound) {
            broken.add("threads " + s.threads() + " > " + threadBound + " (baseline " + b.threads() + " + " + settings.maxThreadGrowth() + ")");
        }
        if (s.openFileDescriptors() > fdBound) {
            broken.add("open file descriptors " + s.openFileDescriptors() + " > " + fdBound + " (baseline "
                + b.openFileDescriptors() + " + " + settings.maxFileDescriptorGrowth() + ")");
        }
        if (s.journalBytes() > settings.maxJournalBytes()) {
            broken.add(String.format("journal %.1f MiB > %.1f MiB", mib(s.journalBytes()), mib(settings.maxJournalBytes())));
        }
        return broken.isEmpty() ? null : where + ": " + String.join("; ", broken);
    }

    private static ResourceProbe.Sample max(final ResourceProbe.Sample a, final ResourceProbe.Sample b) {
        return new ResourceProbe.Sample(Math.max(a.heapAfterGcBytes(), b.heapAfterGcBytes()), Math.max(a.threads(), b.threads()),
            Math.max(a.openFileDescriptors(), b.openFileDescriptors()), Math.max(a.journalBytes(), b.journalBytes()),
            Math.max(a.runDirectories(), b.runDirectories()));
    }

    static double mib(final long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /** {@code hh:mm:ss} of a wall duration. */
    public static String clockOf(final long nanos) {
        return clock(nanos);
    }

    static String clock(final long nanos) {
        final long s = TimeUnit.NANOSECONDS.toSeconds(nanos);
        return String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** Running totals of the soak. */
    private static final class Tally {
        ResourceProbe.Sample baseline;
        ResourceProbe.Sample max;
        int drops;
        long sessions;
        long inputs;
        long segmentSettled;
        long segmentInputs;

        Tally withSegment(final long settled, final long inputs) {
            segmentSettled = settled;
            segmentInputs = inputs;
            return this;
        }
    }
}
