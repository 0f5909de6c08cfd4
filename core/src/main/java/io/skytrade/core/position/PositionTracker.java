package io.skytrade.core.position;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.Side;

/**
 * Per-market position, average entry price, realised and unrealised PnL and fees, in primitive
 * arrays indexed by instrument id. Prices are ticks, PnL is price units (contract size 1).
 * Realised PnL is booked when a fill reduces or flips a position, against the average price of
 * the position it closes, and on settlement against the settlement price; unrealised PnL marks the
 * open position at the last mid given to {@link #onMark(int, double)} (zero until a mark is known).
 * Single-threaded: owned by one stage. Hot-path cost: a few arithmetic operations per fill or
 * mark; {@link #equity()} loops over the instruments up to the highest one ever filled
 * ({@link #tradedBound()}). No allocation after construction.
 */
public final class PositionTracker {
    private static final int N = EngineEvent.MAX_INSTRUMENTS;

    private final long[] position = new long[N];
    private final double[] averagePrice = new double[N];
    private final double[] realised = new double[N];
    private final double[] fees = new double[N];
    private final double[] mark = new double[N];
    private final boolean[] hasMark = new boolean[N];
    private final long[] boughtLots = new long[N];
    private final long[] soldLots = new long[N];
    private final long[] fills = new long[N];
    private final double[] notional = new double[N];
    private long fillCount;
    /** One past the highest instrument ever filled: every other one has no position, PnL or fees. */
    private int tradedBound;

    /** True when {@code instrument} is a valid index. */
    public static boolean isValidInstrument(final int instrument) {
        return instrument >= 0 && instrument < N;
    }

    /**
     * Applies a fill of {@code qty} lots at {@code priceTicks} on {@code side}, charging {@code fee}.
     * Ignored when the instrument, side or quantity is invalid.
     */
    public void onFill(final int instrument, final int side, final long qty, final long priceTicks, final double fee) {
        final int sign = Side.sign(side);
        if (!isValidInstrument(instrument) || sign == 0 || qty <= 0) {
            return;
        }
        fillCount++;
        if (instrument >= tradedBound) {
            tradedBound = instrument + 1;
        }
        fills[instrument]++;
        notional[instrument] += (double) qty * priceTicks;
        if (sign > 0) {
            boughtLots[instrument] += qty;
        } else {
            soldLots[instrument] += qty;
        }
        fees[instrument] += fee;
        final long pos = position[instrument];
        final long signedQty = sign * qty;
        final double px = priceTicks;
        if (pos == 0 || Long.signum(pos) == sign) {
            final long absPos = Math.abs(pos);
            averagePrice[instrument] = (averagePrice[instrument] * absPos + px * qty) / (absPos + qty);
            position[instrument] = pos + signedQty;
            return;
        }
        final long closing = Math.min(qty, Math.abs(pos));
        realised[instrument] += closing * (px - averagePrice[instrument]) * Long.signum(pos);
        final long after = pos + signedQty;
        position[instrument] = after;
        if (after == 0) {
            averagePrice[instrument] = 0;
        } else if (Long.signum(after) != Long.signum(pos)) {
            averagePrice[instrument] = px;
        }
    }

    /**
     * Settles {@code instrument} at {@code price} (the venue's final settlement, price units): the
     * open position's PnL against its average price is realised there and the position is flat
     * afterwards, as the venue flattens it. Ignored for an invalid instrument or a negative or
     * non-finite price.
     */
    public void onSettlement(final int instrument, final double price) {
        if (!isValidInstrument(instrument) || !(price >= 0) || Double.isInfinite(price)) {
            return;
        }
        final long pos = position[instrument];
        if (pos != 0) {
            realised[instrument] += pos * (price - averagePrice[instrument]);
        }
        position[instrument] = 0;
        averagePrice[instrument] = 0;
    }

    /** Sets the mark (mid price, ticks) used for unrealised PnL. NaN or non-positive marks are ignored. */
    public void onMark(final int instrument, final double midTicks) {
        if (isValidInstrument(instrument) && midTicks > 0) {
            mark[instrument] = midTicks;
            hasMark[instrument] = true;
        }
    }

    public long position(final int instrument) {
        return position[instrument];
    }

    public double averagePrice(final int instrument) {
        return averagePrice[instrument];
    }

    /** Realised PnL before fees. */
    public double realisedPnl(final int instrument) {
        return realised[instrument];
    }

    public double fees(final int instrument) {
        return fees[instrument];
    }

    /** Unrealised PnL of the open position at the last mark; zero without a mark. */
    public double unrealisedPnl(final int instrument) {
        final long pos = position[instrument];
        return pos == 0 || !hasMark[instrument] ? 0.0 : pos * (mark[instrument] - averagePrice[instrument]);
    }

    /** Lots bought in total (sum of buy fills). */
    public long boughtLots(final int instrument) {
        return boughtLots[instrument];
    }

    /** Lots sold in total (sum of sell fills). */
    public long soldLots(final int instrument) {
        return soldLots[instrument];
    }

    public long fillCount() {
        return fillCount;
    }

    /** Fills booked in one product. */
    public long fills(final int instrument) {
        return fills[instrument];
    }

    /** Traded notional of one product: sum of lots x price in ticks over its fills. */
    public double notional(final int instrument) {
        return notional[instrument];
    }

    /** Traded notional over every product. */
    public double notional() {
        double total = 0;
        for (int i = 0; i < N; i++) {
            total += notional[i];
        }
        return total;
    }

    /** Fees paid over every product. */
    public double fees() {
        double total = 0;
        for (int i = 0; i < N; i++) {
            total += fees[i];
        }
        return total;
    }

    /** One product's marked-to-market equity: realised - fees + unrealised. */
    public double equity(final int instrument) {
        return realised[instrument] - fees[instrument] + unrealisedPnl(instrument);
    }

    /**
     * Marked-to-market equity: realised minus fees plus unrealised, summed over instruments. An
     * instrument never filled adds +0.0, which changes no sum (a sum of terms that are +0.0 or
     * nonzero is never -0.0), so the loop stops at {@link #tradedBound()}.
     */
    public double equity() {
        double equity = 0;
        for (int i = 0; i < tradedBound; i++) {
            equity += equity(i);
        }
        return equity;
    }

    /**
     * One past the highest instrument id ever filled: instruments from here on have never held a
     * position, realised PnL or fees.
     */
    public int tradedBound() {
        return tradedBound;
    }

    /** Sum over instruments of absolute positions (lots). */
    public long grossPosition() {
        long gross = 0;
        for (int i = 0; i < N; i++) {
            gross += Math.abs(position[i]);
        }
        return gross;
    }

    /** Hash of every field, for replay and determinism checks. */
    public long stateHash() {
        long h = 17;
        for (int i = 0; i < N; i++) {
            h = mix(h, position[i]);
            h = mix(h, Double.doubleToLongBits(averagePrice[i]));
            h = mix(h, Double.doubleToLongBits(realised[i]));
            h = mix(h, Double.doubleToLongBits(fees[i]));
            h = mix(h, Double.doubleToLongBits(mark[i]));
            h = mix(h, boughtLots[i]);
            h = mix(h, soldLots[i]);
            h = mix(h, fills[i]);
            h = mix(h, Double.doubleToLongBits(notional[i]));
        }
        return mix(h, fillCount);
    }

    /** One step of the 64-bit hash used by every {@code stateHash()} of these packages. */
    public static long mix(final long h, final long v) {
        long x = (h ^ v) * 0x9E3779B97F4A7C15L;
        x ^= x >>> 29;
        return x * 0xBF58476D1CE4E5B9L + 31;
    }
}
