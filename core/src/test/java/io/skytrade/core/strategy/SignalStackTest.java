package io.skytrade.core.strategy;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.book.BookStage;
import io.skytrade.core.book.TradingBook;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.feature.FeatureHandler;
import io.skytrade.core.feature.FeatureParams;
import io.skytrade.core.kalman.KalmanHandler;
import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.regime.RegimeHandler;
import io.skytrade.core.regime.RegimeParams;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.risk.RiskLimits;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.signal.SignalHandler;
import io.skytrade.core.signal.SignalParams;
import io.skytrade.core.sizing.PositionSizer;
import io.skytrade.core.sizing.SizerParams;
import io.skytrade.core.valuation.ValuationHandler;
import io.skytrade.core.valuation.ValuationParams;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The signal stack and the strategy (over the book) in order over a synthetic session: determinism, sanity of outputs, no allocation. */
class SignalStackTest {
    private static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(
        List.of("TIDE_SPOT", "TIDE_SWING", "WX_SPOT", "WX_SUM", "LHR_COUNT", "LHR_INDEX", "AQ_SPOT", "LON_ETF", "LON_FLY"),
        List.of("thames_level_m", "air_temp_c", "rel_humidity_pct", "pm25_ugm3", "lhr_arrivals_30m", "lhr_departures_30m"));
    private static final long MIN = 60_000_000_000L;
    private static final long T0 = 1_772_280_000_000_000_000L;
    private static final double[] MIDS = {1500, 300, 3400, 3300, 3800, 10, 800, 8700, 3400};
    private static final double[] SERIES = {1.5, 10, 70, 8, 40, 40};

    private static final class Stack {
        final SideBuffers side = new SideBuffers(1);
        final FeatureHandler feature = new FeatureHandler(REGISTRY, FeatureParams.defaults());
        final KalmanHandler kalman = new KalmanHandler(REGISTRY, KalmanParams.defaults(), side);
        final ValuationHandler valuation = new ValuationHandler(REGISTRY,
            ValuationParams.defaults().withWindow(T0, T0 + 24 * 60 * MIN), SettlementRules.defaults(), KalmanParams.defaults(), side);
        final SignalHandler signal = new SignalHandler(REGISTRY, SignalParams.defaults(), side);
        final RegimeHandler regime = new RegimeHandler(REGISTRY, RegimeParams.defaults(), side);
        final TradingBook book = TradingBook.withDefaults();
        final StrategyHandler strategy = new StrategyHandler(REGISTRY, StrategyParams.defaults(),
            new PositionSizer(SizerParams.defaults(), 1_000_000, 0.2), RiskLimits.defaults(), book, side);
        final List<EventHandler<EngineEvent>> stages = List.of(feature, kalman, valuation, signal, regime,
            new BookStage(book, side), strategy);
        final EngineEvent e = new EngineEvent();
        final SplittableRandom rnd;
        final long[] lastNewPrice = new long[9];
        final int[] lastNewSide = new int[9];
        final boolean[] awaitingAck = new boolean[9];
        long nextOrderId = 1;
        long seq;
        long hash = 1;
        long decisions;

        long decisionHash = 1;
        long signalled;

        Stack(final long seed) {
            this(seed, true);
        }

        /** {@code signals}: whether a reader has turned the combined signals on (report-only). */
        Stack(final long seed, final boolean signals) {
            rnd = new SplittableRandom(seed);
            if (signals) {
                feature.publishMomentum();
                signal.publishSignals();
            }
        }

        void handle() throws Exception {
            for (int i = 0; i < stages.size(); i++) {
                stages.get(i).onEvent(e, seq, true);
            }
            seq++;
            hash = 31 * hash + e.touchedInstruments + 3 * e.signalledInstruments + 5 * e.flags;
            signalled += Long.bitCount(e.signalledInstruments);
            for (int i = 0; i < 9; i++) {
                if (e.isTouched(i)) {
                    hash = 31 * hash + Double.doubleToRawLongBits(side.fairValue(e, i)) + Double.doubleToRawLongBits(side.fairStd(e, i));
                }
                if ((e.signalledInstruments & (1L << i)) != 0) {
                    assertTrue(side.signal(e, i) >= -1 && side.signal(e, i) <= 1);
                    hash = 31 * hash + Double.doubleToRawLongBits(side.signal(e, i));
                }
            }
            final Decisions d = side.decisions(e);
            for (int k = 0; k < d.count(); k++) {
                decisions++;
                hash = 31 * hash + d.kind[k] + 7L * d.instrumentId[k] + 11L * d.side[k] + 13 * d.priceTicks[k] + 17 * d.quantity[k];
                decisionHash = 31 * decisionHash + d.kind[k] + 7L * d.instrumentId[k] + 11L * d.side[k] + 13 * d.priceTicks[k]
                    + 17 * d.quantity[k] + 19 * d.purpose[k] + 23 * d.timeInForce[k];
                assertEquals(0, d.clientOrderId[k] == 0 ? 0 : (d.kind[k] == DecisionKind.ORDER_NEW ? 1 : 0));
                assertTrue(d.quantity[k] <= 10 || d.kind[k] == DecisionKind.ORDER_CANCEL);
                if (d.kind[k] == DecisionKind.ORDER_NEW) {
                    lastNewPrice[d.instrumentId[k]] = d.priceTicks[k];
                    lastNewSide[d.instrumentId[k]] = d.side[k];
                    awaitingAck[d.instrumentId[k]] = true;
                }
            }
        }

        long run(final int minutes) throws Exception {
            for (int m = 0; m < minutes; m++) {
                final long t = T0 + m * MIN;
                if (m % 15 == 0) {
                    for (int s = 0; s < 6; s++) {
                        if (s >= 4 && m % 30 != 0) {
                            continue;
                        }
                        e.clear();
                        e.type = EventType.OBSERVATION;
                        e.instrumentId = s;
                        e.eventTimeNanos = t;
                        e.value = SERIES[s] * (1 + 0.05 * rnd.nextGaussian());
                        handle();
                    }
                }
                for (int i = 0; i < 9; i++) {
                    e.clear();
                    e.type = EventType.MARKET_BOOK;
                    e.instrumentId = i;
                    e.eventTimeNanos = t + i;
                    final long mid = Math.max(10, Math.round(MIDS[i] * (1 + 0.02 * rnd.nextGaussian())));
                    e.bidLevels = 3;
                    e.askLevels = 3;
                    for (int l = 0; l < 3; l++) {
                        e.bidPrices[l] = mid - 1 - l;
                        e.askPrices[l] = mid + 1 + l;
                        e.bidQtys[l] = 1 + rnd.nextInt(20);
                        e.askQtys[l] = 1 + rnd.nextInt(20);
                    }
                    handle();
                    if (awaitingAck[i]) {
                        awaitingAck[i] = false;
                        e.clear();
                        e.type = EventType.ORDER_EVENT;
                        e.instrumentId = i;
                        e.eventTimeNanos = t + 100 + i;
                        e.orderEventKind = rnd.nextInt(4) == 0 ? OrderEventKind.REJECT : OrderEventKind.ACK;
                        e.clientOrderId = nextOrderId++;
                        e.side = lastNewSide[i];
                        e.priceTicks = lastNewPrice[i];
                        e.quantity = 5;
                        e.leavesQty = 5;
                        handle();
                    }
                }
            }
            return 31 * hash + stateHashes();
        }

        long stateHashes() {
            long h = feature.stateHash();
            h = 31 * h + kalman.stateHash();
            h = 31 * h + valuation.stateHash();
            h = 31 * h + signal.stateHash();
            h = 31 * h + regime.stateHash();
            h = 31 * h + book.stateHash();
            return 31 * h + strategy.stateHash();
        }
    }

    @Test
    void shouldDecideAndHashTheSameWhetherOrNotTheReportOnlySignalsAreComputed() throws Exception {
        final Stack with = new Stack(99);
        final Stack without = new Stack(99, false);
        with.run(600);
        without.run(600);
        assertTrue(with.signalled > 1000, "signals computed for a reader: " + with.signalled);
        assertEquals(0, without.signalled, "and none without one");
        assertTrue(with.decisions > 0);
        assertEquals(with.decisions, without.decisions);
        assertEquals(with.decisionHash, without.decisionHash);
        assertEquals(with.stateHashes(), without.stateHashes());
    }

    @Test
    void shouldBeDeterministicBitForBitAcrossAllStages() throws Exception {
        final Stack a = new Stack(99);
        final Stack b = new Stack(99);
        assertEquals(a.run(600), b.run(600));
        assertTrue(a.decisions > 0, "the stack should trade on this data");
        for (int i = 0; i < 9; i++) {
            assertTrue(Math.abs(a.book.position(i)) <= 100);
        }
    }

    @Test
    void shouldNotAllocateInSteadyState() throws Exception {
        final Stack s = new Stack(5);
        s.run(600);
        final com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long tid = Thread.currentThread().getId();
        final long seqBefore = s.seq;
        final long before = mx.getThreadAllocatedBytes(tid);
        s.run(600);
        final long allocated = mx.getThreadAllocatedBytes(tid) - before;
        final long events = s.seq - seqBefore;
        assertTrue(allocated < 4 * 1024, allocated + " bytes allocated over " + events + " events");
    }
}
