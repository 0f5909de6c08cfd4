package io.skytrade.engine.backtest;

import java.util.ArrayList;
import java.util.List;

/**
 * One product's performance figures in a backtest: {@link PerformanceAnalyzer} applied to the
 * product's own equity curve, position, round trips, notional and fees as sampled by
 * {@link EquitySampler}. Convention: every product is measured against the whole
 * {@code backtest.capital} (not a share of it), so per-product PnL, total return, turnover and
 * fees add up to the total's, while ratios (Sharpe, Sortino, Calmar, drawdown) are each product's
 * own and do not add up. Offline (backtest reports); allocates freely.
 *
 * @param symbol        the product's symbol from the configured instruments
 * @param instrumentId  its registry id
 * @param metrics       the figures, against the backtest's capital
 * @param finalEquity   realised + unrealised - fees after the last event (the product's final PnL;
 *                      the products' add up to the total's)
 * @param fills         fill events
 */
public record MarketFigures(String symbol, int instrumentId, PerformanceAnalyzer.Metrics metrics,
                            double finalEquity, long fills) {

    /**
     * Figures of every product that traded (had a fill; a product can hold a position only after
     * one), in instrument id order; empty when the run has fewer than two samples.
     *
     * @param symbols instrument symbols indexed by id (the config's instruments list)
     */
    public static List<MarketFigures> of(final EquitySampler sampler, final List<String> symbols, final double capital) {
        final long[] times = sampler.times();
        final List<MarketFigures> out = new ArrayList<>();
        if (times.length < 2) {
            return out;
        }
        final int n = Math.min(symbols.size(), sampler.instruments());
        for (int id = 0; id < n; id++) {
            if (!sampler.traded(id)) {
                continue;
            }
            final PerformanceAnalyzer.Metrics m = PerformanceAnalyzer.analyse(times, sampler.equity(id),
                sampler.grossPositions(id), capital, sampler.roundTrips(id), sampler.notional(id), sampler.positions().fees(id));
            out.add(new MarketFigures(symbols.get(id), id, m, sampler.finalEquity(id), sampler.fills(id)));
        }
        return out;
    }
}
