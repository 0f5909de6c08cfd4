package io.skytrade.exchange.sim;

import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.world.SeriesPath;
import io.skytrade.core.world.WorldProduct;
import io.skytrade.core.world.WorldSettlement;

/**
 * A forecast issued at discrete times as an ensemble: each member is a path of the world (the
 * public readings published by the issue time, then the member's model of the rest), settled by
 * {@link WorldSettlement} under the venue's settlement rules (the code and rules the venue settles
 * the world with); the forecast is the members' mean and its uncertainty their
 * standard deviation, widened by sqrt(1 + 1/members) for a finite ensemble. The last few issues are
 * kept, so participants with different lags share the work.
 *
 * <p>Not thread-safe (the venue's lock). Cost per issue: members x one settlement of every product
 * (about 0.1-0.3 ms each); a cached issue is an array copy.
 */
abstract class EnsembleForecast implements PublicForecast {
    private static final int CACHED_ISSUES = 4;

    private final int[] worldCodes;
    private final int members;
    private final ForecastPath path;
    private final WorldSettlement settlement;
    private final double[] settlements = new double[WorldProduct.COUNT];
    private final long[] cachedEnd = new long[CACHED_ISSUES];
    private final long[] cachedIssue = new long[CACHED_ISSUES];
    private final double[][] cachedMean = new double[CACHED_ISSUES][WorldProduct.COUNT];
    private final double[][] cachedStd = new double[CACHED_ISSUES][WorldProduct.COUNT];
    private int nextSlot;

    EnsembleForecast(final PublicReadings readings, final SettlementRules rules, final int[] worldCodes, final int members) {
        this.worldCodes = worldCodes.clone();
        this.members = members;
        this.path = new ForecastPath(readings);
        this.settlement = new WorldSettlement(path, rules);
        java.util.Arrays.fill(cachedIssue, Long.MIN_VALUE);
    }

    /** The issue time of the newest forecast public at {@code asOf}. */
    abstract long issueTime(long asOf);

    /** Member {@code m}'s model of the world for the forecast issued at {@code issue}. */
    abstract SeriesPath member(long issue, int m);

    /**
     * The model whose spread across members is the forecast's uncertainty, or null (the default)
     * when it is {@link #member}'s own spread.
     */
    SeriesPath spreadMember(final long issue, final int m) {
        return null;
    }

    @Override
    public final void forecast(final long windowEnd, final long asOf, final double[] mean, final double[] std) {
        final long issue = issueTime(asOf);
        int slot = -1;
        for (int s = 0; s < CACHED_ISSUES; s++) {
            if (cachedIssue[s] == issue && cachedEnd[s] == windowEnd) {
                slot = s;
            }
        }
        if (slot < 0) {
            slot = nextSlot;
            nextSlot = (nextSlot + 1) % CACHED_ISSUES;
            issue(windowEnd, issue, cachedMean[slot], cachedStd[slot]);
            cachedIssue[slot] = issue;
            cachedEnd[slot] = windowEnd;
        }
        for (int i = 0; i < worldCodes.length; i++) {
            mean[i] = cachedMean[slot][worldCodes[i]];
            std[i] = cachedStd[slot][worldCodes[i]];
        }
    }

    private void issue(final long windowEnd, final long issue, final double[] mean, final double[] std) {
        final double[] sum = new double[WorldProduct.COUNT];
        final double[] spreadSum = new double[WorldProduct.COUNT];
        final double[] spreadSquares = new double[WorldProduct.COUNT];
        for (int m = 0; m < members; m++) {
            path.aim(issue, member(issue, m), m + 1);
            settlement.settleAll(windowEnd, settlements);
            for (int p = 0; p < WorldProduct.COUNT; p++) {
                sum[p] += settlements[p];
            }
            final SeriesPath spread = spreadMember(issue, m);
            if (spread != null) {
                path.aim(issue, spread, m + 1);
                settlement.settleAll(windowEnd, settlements);
            }
            for (int p = 0; p < WorldProduct.COUNT; p++) {
                spreadSum[p] += settlements[p];
                spreadSquares[p] += settlements[p] * settlements[p];
            }
        }
        for (int p = 0; p < WorldProduct.COUNT; p++) {
            mean[p] = sum[p] / members;
            final double spreadMean = spreadSum[p] / members;
            final double variance = Math.max(0, (spreadSquares[p] - members * spreadMean * spreadMean) / (members - 1));
            std[p] = Math.sqrt(variance * (1 + 1.0 / members));
        }
    }
}
