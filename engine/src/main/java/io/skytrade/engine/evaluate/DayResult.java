package io.skytrade.engine.evaluate;

import java.util.List;

/**
 * What one simulated day of one seed produced: its PnL from the engine's position book, in total
 * and per product; orders, fills and intents; intents refused by risk reason; entries into SAFE;
 * orders and fills per hour of the day; the marked-to-market equity through the day; and the
 * fair-value samples of every settlement that fell in the day. Arrays are indexed by instrument
 * id, risk reason code or hour of the day. Immutable by convention (arrays are not copied).
 *
 * @param seed               the world's seed
 * @param day                index of the day in the seed's run (0 = first)
 * @param startNanos         start of the day, epoch nanoseconds
 * @param endNanos           end of the day (the next day's start)
 * @param pnl                equity change over the day (realised + unrealised - fees), price units
 * @param pnlByProduct       the same per product
 * @param ordersByProduct    orders sent (approved ORDER_NEW decisions)
 * @param fillsByProduct     fill events
 * @param intents            order and cancel intents (decisions ORDER_NEW and ORDER_CANCEL, any status)
 * @param refusedByReason    intents refused, by {@link io.skytrade.core.risk.RiskReason} code
 * @param safeEntries        entries into SAFE mode, in order
 * @param hourlyOrders       orders sent in each hour of the day
 * @param hourlyFills        fills in each hour of the day
 * @param hourAfterSettlement whether an hour began with a settlement
 * @param equity             equity relative to the day's start, every sample interval from the start
 * @param fairValues         fair-value samples of the settlements in the day
 * @param runDirectory       the seed's run directory (journal), or empty when not journaled
 */
public record DayResult(long seed, int day, long startNanos, long endNanos, double pnl, double[] pnlByProduct,
                        long[] ordersByProduct, long[] fillsByProduct, long intents, long[] refusedByReason,
                        List<SafeEntry> safeEntries, long[] hourlyOrders, long[] hourlyFills, boolean[] hourAfterSettlement,
                        double[] equity, List<FairValueSample> fairValues, String runDirectory) {

    /**
     * An entry into SAFE mode.
     *
     * @param timeNanos world time of the input that caused it
     * @param cause     the {@link io.skytrade.core.risk.RiskReason} code
     */
    public record SafeEntry(long timeNanos, int cause) {
    }

    public long orders() {
        long n = 0;
        for (final long o : ordersByProduct) {
            n += o;
        }
        return n;
    }

    public long fills() {
        long n = 0;
        for (final long f : fillsByProduct) {
            n += f;
        }
        return n;
    }

    public long refused() {
        long n = 0;
        for (final long r : refusedByReason) {
            n += r;
        }
        return n;
    }
}
