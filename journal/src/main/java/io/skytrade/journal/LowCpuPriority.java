package io.skytrade.journal;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.util.Locale;

/**
 * Puts the calling thread at Linux's lowest ordinary CPU priority (nice 19) through the C library's
 * {@code setpriority}, which on Linux sets the nice value of one thread. For the journal's helper
 * threads (the page toucher): on a 2-core host its page faults cost tens of microseconds each and,
 * at the default priority, the scheduler let it preempt the stage thread for milliseconds at a time
 * (bench/README.md "Issue 15: the latency tails, session 8"); at nice 19 it runs on the CPU the stage
 * thread leaves idle and yields to it otherwise. Acts on the calling thread only (thread-safe); called
 * once as a helper thread starts, never on the hot path.
 */
final class LowCpuPriority {
    /** The nice value set: the lowest priority short of SCHED_IDLE. */
    static final int NICE = 19;
    private static final int PRIO_PROCESS = 0;

    /** The C library's setpriority. */
    interface CLibrary extends Library {
        int setpriority(int which, int who, int prio);
    }

    private LowCpuPriority() {
    }

    /** @return null when set, else why not (not Linux, or the call failed) */
    static String applyToCurrentThread() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return "thread nice values are a Linux setting; this is " + System.getProperty("os.name");
        }
        final int rc;
        try {
            // PRIO_PROCESS with who 0 is the calling thread on Linux (nice is per thread there)
            rc = Native.load("c", CLibrary.class).setpriority(PRIO_PROCESS, 0, NICE);
        } catch (final UnsatisfiedLinkError | NoClassDefFoundError e) {
            return "cannot call setpriority: " + e.getMessage();
        }
        return rc == 0 ? null : "setpriority(PRIO_PROCESS, 0, " + NICE + ") returned " + rc;
    }
}
