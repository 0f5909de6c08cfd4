package io.skytrade.core.sizing;

/**
 * Turns a signal into a target position and a target into the next order quantity: volatility
 * targeting ({@code riskBudget x |signal| / fairStd}) capped by a fractional Kelly position
 * ({@code kellyFraction x capital x edge / fairStd^2}, zero when the edge disagrees with the
 * signal) and by the position cap, rounded down to whole lots; orders are capped at
 * {@code maxOrderQty} and never take the position beyond the cap.
 *
 * <p>Immutable. Hot-path cost: a few flops, no allocation. Non-finite inputs size to zero.
 */
public final class PositionSizer {
    private final double riskBudget;
    private final double kellyFraction;
    private final double capital;
    private final long maxPosition;
    private final long maxOrderQty;
    private final long lot;
    private final double minStd;

    public PositionSizer(final SizerParams p) {
        riskBudget = p.riskBudget();
        kellyFraction = p.kellyFraction();
        capital = p.capital();
        maxPosition = p.maxPosition() / p.lotSize() * p.lotSize();
        maxOrderQty = p.maxOrderQty() / p.lotSize() * p.lotSize();
        lot = p.lotSize();
        minStd = p.minStd();
    }

    /**
     * Signed target position in lots.
     *
     * @param signal  combined signal in [-1, 1] (clamped)
     * @param edge    expected settlement minus the reference price, price units
     * @param fairStd standard deviation of the expected settlement, price units
     */
    public long targetPosition(final double signal, final double edge, final double fairStd) {
        if (!Double.isFinite(signal) || !Double.isFinite(edge) || !Double.isFinite(fairStd) || signal == 0.0) {
            return 0;
        }
        final double s = Math.max(-1.0, Math.min(1.0, signal));
        final double std = Math.max(minStd, fairStd);
        final double dirEdge = s > 0 ? edge : -edge;
        final double vol = riskBudget * Math.abs(s) / std;
        final double kelly = dirEdge > 0.0 ? kellyFraction * capital * dirEdge / (std * std) : 0.0;
        final double q = Math.min(Math.min(vol, kelly), (double) maxPosition);
        final long lots = (long) Math.floor(q / lot) * lot;
        return s > 0 ? lots : -lots;
    }

    /**
     * Signed quantity to trade now to move {@code position} toward {@code desired} (clamped to the
     * cap): at most {@code maxOrderQty}, whole lots, 0 when less than a lot away.
     */
    public long orderQuantity(final long desired, final long position) {
        final long target = Math.max(-maxPosition, Math.min(maxPosition, desired));
        final long d = target - position;
        final long q = Math.min(Math.abs(d), maxOrderQty) / lot * lot;
        return d >= 0 ? q : -q;
    }

    public long maxPosition() {
        return maxPosition;
    }

    public long maxOrderQty() {
        return maxOrderQty;
    }
}
