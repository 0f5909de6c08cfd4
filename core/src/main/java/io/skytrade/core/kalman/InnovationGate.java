package io.skytrade.core.kalman;

/**
 * The outlier gate the nowcast filters share, per id: a reading whose innovation {@code y} (with
 * innovation variance {@code s}) lies more than {@code gateSigmas} standard deviations out is
 * rejected and counted; after {@code maxConsecutiveRejects} rejections in a row the id is marked
 * not started, so the filter restarts from its next reading (a level shift, not an outlier). Keeps
 * the standardised innovation of the last reading (NaN when rejected) for the data-surprise
 * feature.
 *
 * <p>Single-threaded; primitive arrays indexed by id. Hot-path cost: a multiply, a compare and a
 * square root per reading; no allocation.
 */
final class InnovationGate {
    private final double gate2;
    private final int maxRejects;
    private final boolean[] started;
    private final long[] rejected;
    private final int[] rejectRun;
    private final double[] lastInnovationZ;

    InnovationGate(final int ids, final double gateSigmas, final int maxConsecutiveRejects) {
        gate2 = gateSigmas * gateSigmas;
        maxRejects = maxConsecutiveRejects;
        started = new boolean[ids];
        rejected = new long[ids];
        rejectRun = new int[ids];
        lastInnovationZ = new double[ids];
    }

    /** Marks {@code id} started from a first reading: no rejection run, innovation 0. */
    void start(final int id) {
        started[id] = true;
        rejectRun[id] = 0;
        lastInnovationZ[id] = 0.0;
    }

    boolean isStarted(final int id) {
        return started[id];
    }

    /**
     * Gates one reading.
     *
     * @return true to fold it in (its standardised innovation is kept); false when rejected
     */
    boolean admit(final int id, final double y, final double s) {
        if (y * y / s > gate2) {
            rejected[id]++;
            lastInnovationZ[id] = Double.NaN;
            if (++rejectRun[id] >= maxRejects) {
                started[id] = false;
            }
            return false;
        }
        rejectRun[id] = 0;
        lastInnovationZ[id] = y / Math.sqrt(s);
        return true;
    }

    long rejectedCount(final int id) {
        return rejected[id];
    }

    double lastInnovationZ(final int id) {
        return lastInnovationZ[id];
    }
}
