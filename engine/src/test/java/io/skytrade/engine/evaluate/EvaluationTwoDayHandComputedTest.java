package io.skytrade.engine.evaluate;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.risk.TradingMode;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldSettlement;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.engine.runtime.ReplayRunner;
import io.skytrade.journal.DecisionJournalReader;
import io.skytrade.journal.DecisionRecord;
import io.skytrade.journal.InputJournalReader;
import io.skytrade.journal.RunDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evaluate's figures against a hand-computed two-day case. Two days of seed 5 run through the
 * whole stack: a short first day, 11:00 to 12:00 London on 2026-01-10 (the engine starts cold an
 * hour before a settlement), then the full session to 12:00 on 2026-01-11. The test then recomputes
 * every figure from first principles out of the run's own journals, with none of evaluate's code:
 * equity as cash plus position times the mark (cash from each journaled fill and settlement; the
 * mark by the book's documented rule, the median of best bid, best ask and fair value, the mid
 * without a fair value, the fair value without a two-sided book, with the fair values the stages
 * compute when the journal is replayed), daily PnL as its change over each day, the minute equity
 * curve and its largest fall
 * below a running peak, mean, sample sd, t = mean / (sd / sqrt 2), the 95% interval with Student's
 * t quantile for one degree of freedom (12.7062), Sharpe = mean / sd x sqrt(365.25); orders, fills,
 * intents, refusals and SAFE entries counted from the journals by hour; the book mid and the mid's
 * minute running mean at each horizon from the journaled books, the settlement from the seeded
 * world, and RMSE, RMS z and 80% coverage by their formulas.
 */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationTwoDayHandComputedTest {
    private static final long SEED = 5;
    private static final long MINUTE = 60_000_000_000L;
    private static final long HOUR = 60 * MINUTE;
    /** 2026-01-10 12:00 London (UTC in winter). */
    private static final long NOON = 1_768_046_400_000_000_000L;
    private static final long[] DAYS = {NOON - HOUR, NOON, NOON + 24 * HOUR};
    private static final long[] SETTLEMENTS = {NOON, NOON + 24 * HOUR};
    private static final long[] BEFORE = {6 * HOUR, 2 * HOUR, HOUR, 30 * MINUTE};
    /** Student's t, 97.5% quantile, one degree of freedom. */
    private static final double T975_DF1 = 12.706204736174698;
    private static final double CAPITAL = 1_000_000;

    @TempDir
    static Path tmp;

    private EngineConfig config;
    private SeedRun.Result run;
    private EvaluationSummary summary;
    private int products;
    private ByHand hand;

    @BeforeAll
    void runTwoDays() throws IOException {
        final ConfigLoader.LoadedConfig loaded = EvaluationConfigs.forSeed(new ConfigLoader(Map.of()),
            List.of(SeedRunTest.defaultConfig()), SEED, DAYS[0], "medium");
        config = loaded.config();
        products = config.instruments().size();
        run = new SeedRun(loaded, SEED, DAYS, tmp, Map.of()).run();
        assertEquals(0, run.stageFailures(), run.firstFailure());
        summary = new EvaluationSummary(run.days(), config.instruments(), config.model().capital(),
            config.backtest().sampleIntervalNanos());
        assertEquals(CAPITAL, config.model().capital());
        assertEquals(MINUTE, config.backtest().sampleIntervalNanos());
        hand = new ByHand();
    }

    /** What the journals show, recomputed by hand. */
    private final class ByHand {
        final double[] pnl = new double[2];
        final double[][] productPnl = new double[2][];
        final List<Double> curve = new ArrayList<>();
        final long[][] ordersByHour = {new long[1], new long[24]};
        final long[][] fillsByProduct = new long[2][];
        final long[] intents = new long[2];
        final long[][] refused = new long[2][64];
        final long[] safeEntries = new long[2];
        /** [settlement][horizon][product]: mid, running mean; NaN when unknown. */
        final double[][][] mid = new double[2][4][];
        final double[][][] mean = new double[2][4][];

        ByHand() throws IOException {
            final RunDirectory dir = run.runDirectory();
            final List<long[]> fairAt = new ArrayList<>();
            final List<Double> fairValues = new ArrayList<>();
            new ReplayRunner(dir, Map.of()).replay(false, (event, side) -> {
                for (int i = 0; i < products; i++) {
                    if (event.isTouched(i) && side.fairValue(event, i) > 0 && Double.isFinite(side.fairValue(event, i))) {
                        fairAt.add(new long[] {event.sequence, i});
                        fairValues.add(side.fairValue(event, i));
                    }
                }
            });
            final double[] fair = new double[products];
            Arrays.fill(fair, Double.NaN);
            final long[] bid = new long[products];
            final long[] ask = new long[products];
            int nextFair = 0;
            final long[] receive;
            final TreeSet<Long> checkpoints = new TreeSet<>();
            for (int d = 0; d < 2; d++) {
                for (long t = DAYS[d] + MINUTE; t <= DAYS[d + 1]; t += MINUTE) {
                    checkpoints.add(t);
                }
            }
            for (final long s : SETTLEMENTS) {
                for (final long b : BEFORE) {
                    if (s - b >= DAYS[0]) {
                        checkpoints.add(s - b);
                    }
                }
            }
            final double[] cash = new double[products];
            final long[] position = new long[products];
            final double[] mark = new double[products];
            final double[] lastMid = new double[products];
            Arrays.fill(lastMid, Double.NaN);
            final double[] midSum = new double[products];
            final long[] midCount = new long[products];
            final double[] dayStartEquity = new double[products];
            for (int d = 0; d < 2; d++) {
                productPnl[d] = new double[products];
                fillsByProduct[d] = new long[products];
            }
            int session = 0;
            int day = 0;
            try (InputJournalReader reader = new InputJournalReader(dir.inputs())) {
                receive = new long[(int) reader.entryCount()];
                final EngineEvent e = new EngineEvent();
                int n = 0;
                boolean more = reader.next(e);
                for (final long t : checkpoints) {
                    while (more && e.receiveTimeNanos <= t) {
                        while (nextFair < fairAt.size() && fairAt.get(nextFair)[0] == n) {
                            fair[(int) fairAt.get(nextFair)[1]] = fairValues.get(nextFair);
                            nextFair++;
                        }
                        receive[n++] = e.receiveTimeNanos;
                        final int i = e.instrumentId;
                        if (e.type == EventType.ORDER_EVENT && e.orderEventKind == OrderEventKind.FILL && e.fillQty > 0) {
                            final int sign = e.side == Side.BUY ? 1 : -1;
                            cash[i] -= sign * e.fillQty * (double) e.fillPriceTicks + e.fee;
                            position[i] += sign * e.fillQty;
                            fillsByProduct[day][i]++;
                        } else if (e.type == EventType.SETTLEMENT) {
                            cash[i] += position[i] * e.value;
                            position[i] = 0;
                        } else if (e.type == EventType.MARKET_BOOK) {
                            bid[i] = e.bestBid();
                            ask[i] = e.bestAsk();
                            lastMid[i] = e.bidLevels > 0 && e.askLevels > 0 ? 0.5 * (e.bestBid() + e.bestAsk()) : Double.NaN;
                        }
                        for (int k = 0; k < products; k++) {
                            final double m = bid[k] > 0 && ask[k] > 0
                                ? (Double.isNaN(fair[k]) ? 0.5 * (bid[k] + ask[k]) : Math.max(bid[k], Math.min(ask[k], fair[k])))
                                : fair[k];
                            if (m > 0) {
                                mark[k] = m;
                            }
                        }
                        more = reader.next(e);
                    }
                    if (session < 2 && t == SETTLEMENTS[session]) {
                        Arrays.fill(lastMid, Double.NaN);
                        Arrays.fill(midSum, 0);
                        Arrays.fill(midCount, 0);
                        session++;
                    }
                    for (int h = 0; h < 4; h++) {
                        for (int s = 0; s < 2; s++) {
                            if (t == SETTLEMENTS[s] - BEFORE[h] && t >= DAYS[0]) {
                                mid[s][h] = lastMid.clone();
                                mean[s][h] = new double[products];
                                for (int i = 0; i < products; i++) {
                                    mean[s][h][i] = midCount[i] == 0 ? Double.NaN : midSum[i] / midCount[i];
                                }
                            }
                        }
                    }
                    if ((t - DAYS[0]) % MINUTE == 0) {
                        for (int i = 0; i < products; i++) {
                            if (!Double.isNaN(lastMid[i])) {
                                midSum[i] += lastMid[i];
                                midCount[i]++;
                            }
                        }
                        double equity = 0;
                        for (int i = 0; i < products; i++) {
                            assertTrue(position[i] == 0 || mark[i] > 0, "a position is marked");
                            equity += cash[i] + position[i] * mark[i];
                        }
                        curve.add(equity);
                    }
                    if (t == DAYS[day + 1]) {
                        for (int i = 0; i < products; i++) {
                            final double equity = cash[i] + position[i] * mark[i];
                            productPnl[day][i] = equity - dayStartEquity[i];
                            pnl[day] += productPnl[day][i];
                            dayStartEquity[i] = equity;
                        }
                        day = Math.min(1, day + 1);
                    }
                }
                while (more) {
                    receive[n++] = e.receiveTimeNanos;
                    more = reader.next(e);
                }
            }
            try (DecisionJournalReader reader = new DecisionJournalReader(dir.decisions())) {
                final DecisionRecord r = new DecisionRecord();
                while (reader.next(r)) {
                    final long t = receive[(int) r.inputSequence];
                    final int d = t <= DAYS[1] ? 0 : 1;
                    if (r.kind == DecisionKind.ORDER_NEW || r.kind == DecisionKind.ORDER_CANCEL) {
                        intents[d]++;
                        if (r.status == Decisions.STATUS_REJECTED) {
                            refused[d][r.reason]++;
                        } else if (r.kind == DecisionKind.ORDER_NEW && r.status == Decisions.STATUS_APPROVED) {
                            ordersByHour[d][(int) Math.min(ordersByHour[d].length - 1, (t - DAYS[d]) / HOUR)]++;
                        }
                    } else if (r.kind == DecisionKind.MODE_CHANGE && r.reason == TradingMode.SAFE) {
                        safeEntries[d]++;
                    }
                }
            }
        }
    }

    @Test
    void shouldMatchTheDaysPnlActivityAndRefusalsComputedFromTheJournals() throws IOException {
        assertEquals(2, run.days().size());
        long orders = 0;
        for (int d = 0; d < 2; d++) {
            final DayResult r = run.days().get(d);
            assertEquals(hand.pnl[d], r.pnl(), 1e-6, "day " + d + " PnL");
            for (int i = 0; i < products; i++) {
                assertEquals(hand.productPnl[d][i], r.pnlByProduct()[i], 1e-6, "day " + d + " " + config.instruments().get(i));
            }
            assertArrayEquals(hand.ordersByHour[d], r.hourlyOrders(), "day " + d + " orders by hour");
            assertArrayEquals(hand.fillsByProduct[d], r.fillsByProduct(), "day " + d + " fills");
            assertEquals(hand.intents[d], r.intents());
            assertArrayEquals(hand.refused[d], r.refusedByReason(), "day " + d + " refusals by reason");
            assertEquals(hand.safeEntries[d], r.safeEntries().size());
            orders += r.orders();
        }
        assertTrue(orders > 0 && run.days().get(1).fills() > 0, "a case where the engine traded: " + orders + " orders");
        assertEquals(1, run.days().get(0).hourlyOrders().length, "the first day is one hour");
    }

    @Test
    void shouldMatchTheAcrossDayStatisticsComputedByHand() throws IOException {
        final double mean = (hand.pnl[0] + hand.pnl[1]) / 2;
        final double sd = Math.sqrt(((hand.pnl[0] - mean) * (hand.pnl[0] - mean) + (hand.pnl[1] - mean) * (hand.pnl[1] - mean)) / 1);
        assertTrue(sd > 0, "two different days: " + Arrays.toString(hand.pnl));
        final MeanEstimate m = summary.dailyPnl();
        assertEquals(2, m.n());
        assertEquals(mean, m.mean(), 1e-6);
        assertEquals(sd, m.sd(), 1e-6);
        assertEquals(mean / (sd / Math.sqrt(2)), m.t(), 1e-9 * Math.abs(m.t()) + 1e-12);
        assertEquals(mean - T975_DF1 * sd / Math.sqrt(2), m.ciLow(), 1e-5);
        assertEquals(mean + T975_DF1 * sd / Math.sqrt(2), m.ciHigh(), 1e-5);
        assertEquals(mean / sd * Math.sqrt(365.25), summary.sharpe(), 1e-9 * Math.abs(summary.sharpe()) + 1e-12);
        assertEquals(hand.pnl[0] + hand.pnl[1], summary.totalPnl(), 1e-6);
        assertEquals(Math.min(hand.pnl[0], hand.pnl[1]), summary.worstDay(), 1e-6);

        double peak = 0;
        double drawdown = 0;
        for (final double e : hand.curve) {
            peak = Math.max(peak, e);
            drawdown = Math.max(drawdown, peak - e);
        }
        assertEquals(61 + 24 * 60, hand.curve.size(), "an equity sample a minute over both days");
        assertEquals(drawdown / CAPITAL, summary.maxDrawdown(), 1e-10);
    }

    @Test
    void shouldMatchTheFairValueAccuracyComputedByHand() throws IOException {
        final WorldSettlement world = new WorldSettlement(new SyntheticWorld(SEED), config.model().settlement());
        int compared = 0;
        for (int p = 0; p < products; p++) {
            final String symbol = config.instruments().get(p);
            for (int h = 0; h < 4; h++) {
                double fair2 = 0;
                double mid2 = 0;
                double mean2 = 0;
                double z2 = 0;
                int inside = 0;
                int n = 0;
                int samples = 0;
                for (int s = 0; s < 2; s++) {
                    if (hand.mid[s][h] == null) {
                        continue;
                    }
                    samples++;
                    final double settle = world.value(symbol, SETTLEMENTS[s]);
                    final FairValueSample recorded = sampleOf(s, p, h);
                    assertEquals(settle, recorded.settlement(), symbol + " settlement " + s);
                    assertEquals(hand.mid[s][h][p], recorded.mid(), 0, symbol + " mid at " + Horizons.NAMES.get(h));
                    assertEquals(hand.mean[s][h][p], recorded.mean(), 1e-9, symbol + " running mean at " + Horizons.NAMES.get(h));
                    if (Double.isNaN(recorded.fair()) || Double.isNaN(recorded.mid()) || Double.isNaN(recorded.mean())) {
                        continue;
                    }
                    n++;
                    final double err = recorded.fair() - settle;
                    fair2 += err * err;
                    mid2 += (hand.mid[s][h][p] - settle) * (hand.mid[s][h][p] - settle);
                    mean2 += (hand.mean[s][h][p] - settle) * (hand.mean[s][h][p] - settle);
                    z2 += (err / recorded.std()) * (err / recorded.std());
                    inside += Math.abs(err) <= 1.2815515655446004 * recorded.std() ? 1 : 0;
                }
                final FairValueAccuracy a = summary.accuracy(p, h);
                assertEquals(n, a.n(), symbol + " " + Horizons.NAMES.get(h));
                assertEquals(samples - n, a.missing());
                if (n > 0) {
                    compared++;
                    assertEquals(Math.sqrt(fair2 / n), a.rmseFair(), 1e-9);
                    assertEquals(Math.sqrt(mid2 / n), a.rmseMid(), 1e-9);
                    assertEquals(Math.sqrt(mean2 / n), a.rmseMean(), 1e-9);
                    assertEquals(Math.sqrt(z2 / n), a.rmsZ(), 1e-9);
                    assertEquals((double) inside / n, a.coverage80(), 1e-12);
                }
            }
        }
        assertTrue(compared >= products * 3, "fair values compared at three horizons at least: " + compared);
        assertEquals(2, summary.samples(0, 3).size(), "30 min before both settlements");
        assertEquals(1, summary.samples(0, 0).size(), "6 h before only the second: the run starts an hour before the first");
    }

    private FairValueSample sampleOf(final int settlement, final int product, final int horizon) {
        for (final DayResult d : run.days()) {
            for (final FairValueSample s : d.fairValues()) {
                if (s.settlementNanos() == SETTLEMENTS[settlement] && s.product() == product && s.horizon() == horizon) {
                    return s;
                }
            }
        }
        throw new AssertionError("no sample of settlement " + settlement + " product " + product + " horizon " + horizon);
    }
}
