package io.skytrade.core.kalman;

/**
 * The outlier gate the nowcast filters share, per id: a reading whose innovation {@code y} (with
 * innovation variance {@code s}) lies more than {@code gateSigmas} standard deviations out is
 * rejected and counted; after {@code maxConsecutiveRejects} rejections in a row the id is marked
 * not started, so the filter restarts from its next reading (a level shift, not an outlier). Keeps
 * the last reading's innovation and its variance, from which {@link #lastInnovationZ} forms the
 * standardised innovation (NaN when rejected) for the data-surprise feature when it is read: the
 * filtered mids' gate is never read, and {@code y / sqrt(s)} formed on read has the bits it had
 * when it was formed on every reading.
 *
 * <p>Single-threaded; primitive arrays indexed by id. Hot-path cost: a multiply, a division and a
 * compare per reading (a square root and a division more per read of the innovation); no allocation.
 */
final class InnovationGate {
    private final double gate2;
    private final int maxRejects;
    private final boolean[] started;
    private final long[] rejected;
    private final int[] rejectRun;
    /** The last reading's innovation (NaN when rejected; 0 before the first reading and after a start). */
    private final double[] lastInnovation;
    /** The last admitted reading's innovation variance (1 before the first reading and after a start, for a z of exactly 0). */
    private final double[] lastInnovationVariance;

    InnovationGate(final int ids, final double gateSigmas, final int maxConsecutiveRejects) {
        gate2 = gateSigmas * gateSigmas;
        maxRejects = maxConsecutiveRejects;
        started = new boolean[ids];
        rejected = new long[ids];
        rejectRun = new int[ids];
        lastInnovation = new double[ids];
        lastInnovationVariance = new double[ids];
        // z 0 before any reading, as a zeroed array of z gave
        java.util.Arrays.fill(lastInnovationVariance, 1.0);
    }

    /** Marks {@code id} started from a first reading: no rejection run, innovation 0. */
    void start(final int id) {
        started[id] = true;
        rejectRun[id] = 0;
        lastInnovation[id] = 0.0;
        lastInnovationVariance[id] = 1.0;
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
            lastInnovation[id] = Double.NaN;
            if (++rejectRun[id] >= maxRejects) {
                started[id] = false;
            }
            return false;
        }
        rejectRun[id] = 0;
        lastInnovation[id] = y;
        lastInnovationVariance[id] = s;
        return true;
    }

    long rejectedCount(final int id) {
        return rejected[id];
    }

    /** The standardised innovation {@code y / sqrt(s)} of the last reading; NaN when it was rejected, 0 after a start. */
    double lastInnovationZ(final int id) {
        return lastInnovation[id] / Math.sqrt(lastInnovationVariance[id]);
    }
}
