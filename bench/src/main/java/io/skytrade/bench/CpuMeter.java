package io.skytrade.bench;

import io.skytrade.journal.PageToucher;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU spent over an interval, in cores (CPU seconds per wall second): the whole process (every
 * thread: producer, stage threads, page toucher, JIT, collector) and the pipeline's stage threads
 * alone (threads named {@code skytrade-} other than the journal's page toucher). What a wait
 * strategy costs when the engine is quiet is read here: a spinning stage thread is a core. Used
 * by the harness around each recorded interval; not thread-safe (one interval at a time, from the
 * measuring thread); allocates when it starts and stops, never while recording.
 */
final class CpuMeter {
    private static final String STAGE_PREFIX = "skytrade-";

    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long wallStart;
    private long processStart;
    private long stageStart;
    private double process;
    private double stages;

    /** Starts an interval. */
    void start() {
        processStart = os.getProcessCpuTime();
        stageStart = stageCpu();
        wallStart = System.nanoTime();
    }

    /** Ends the interval started last; {@link #process()} and {@link #stages()} then give its figures. */
    void stop() {
        final long wall = Math.max(1, System.nanoTime() - wallStart);
        process = (double) (os.getProcessCpuTime() - processStart) / wall;
        stages = (double) (stageCpu() - stageStart) / wall;
    }

    /** The process's CPU over the last interval, in cores. */
    double process() {
        return process;
    }

    /** The stage threads' CPU over the last interval, in cores. */
    double stages() {
        return stages;
    }

    private long stageCpu() {
        long sum = 0;
        for (final ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(STAGE_PREFIX) && !info.getThreadName().equals(PageToucher.THREAD_NAME)) {
                sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return sum;
    }
}
