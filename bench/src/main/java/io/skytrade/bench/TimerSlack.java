package io.skytrade.bench;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Sets the calling thread's Linux timer slack ({@code prctl(PR_SET_TIMERSLACK)}): how late the
 * kernel may fire the thread's timers, 50 us by default, so a {@code LockSupport.parkNanos} of a
 * few microseconds wakes ~50 us late. The latency harness's producer uses it to publish on its
 * schedule instead of in bursts of the inputs that fell due while it overslept (an I/O thread
 * woken by the network has no such timer). Called once, off any measured path.
 */
final class TimerSlack {
    private static final int PR_SET_TIMERSLACK = 29;

    /** The C library's prctl. */
    interface CLibrary extends Library {
        int prctl(int option, long arg2, long arg3, long arg4, long arg5);
    }

    private TimerSlack() {
    }

    /**
     * @param nanos the slack, at least 1 ns
     * @return null when set, else why not (not Linux, or the call failed)
     */
    static String setForCurrentThread(final long nanos) {
        if (nanos < 1) {
            throw new IllegalArgumentException("timer slack " + nanos + " ns must be at least 1");
        }
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return "timer slack is a Linux setting; this is " + System.getProperty("os.name");
        }
        final int rc;
        try {
            rc = Native.load("c", CLibrary.class).prctl(PR_SET_TIMERSLACK, nanos, 0, 0, 0);
        } catch (final UnsatisfiedLinkError e) {
            return "cannot call prctl: " + e.getMessage();
        }
        return rc == 0 ? null : "prctl(PR_SET_TIMERSLACK, " + nanos + ") returned " + rc;
    }
}
