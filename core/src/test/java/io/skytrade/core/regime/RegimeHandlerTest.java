package io.skytrade.core.regime;

import io.skytrade.core.risk.TestEvents;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.registry.InstrumentRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegimeHandlerTest {
    private static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(List.of("A", "B"), List.of("s"));

    private static final long SECOND = 1_000_000_000L;
    private static final RegimeParams EVERY_BOOK = RegimeParams.defaults();
    private static final RegimeParams TIMED = RegimeParams.defaults().withStepIntervalNanos(SECOND);

    @Test
    void shouldWritePosteriorThatFavoursVolatileRegimeOnLargeMoves() {
        final RegimeHandler h = new RegimeHandler(REGISTRY, EVERY_BOOK, TestEvents.SIDE);
        final EngineEvent e = new EngineEvent();
        for (int i = 0; i < 20; i++) {
            book(e, 0, i, 0.006 * (i % 2 == 0 ? 1 : -1), 0.005);
            h.onEvent(e, i, true);
        }
        assertEquals(3, e.regimeCount);
        assertEquals(1.0, TestEvents.SIDE.regimePosterior(e, 0) + TestEvents.SIDE.regimePosterior(e, 1) + TestEvents.SIDE.regimePosterior(e, 2), 1e-12);
        assertTrue(TestEvents.SIDE.regimePosterior(e, 2) > 0.9, "volatile " + TestEvents.SIDE.regimePosterior(e, 2));
        book(e, 0, 21, Double.NaN, 0.005);
        h.onEvent(e, 21, true);
        assertEquals(0, e.regimeCount);
    }

    @Test
    void shouldBeDeterministicBitForBit() {
        assertEquals(run(EVERY_BOOK), run(EVERY_BOOK));
        assertEquals(run(TIMED), run(TIMED));
    }

    @Test
    void shouldStepOnTheTimerWithTheBooksReturnAndDecideBooksInBetweenOnTheLastStep() {
        final RegimeHandler perBook = new RegimeHandler(REGISTRY, EVERY_BOOK, TestEvents.SIDE);
        final RegimeHandler timed = new RegimeHandler(REGISTRY, TIMED, TestEvents.SIDE);
        final EngineEvent e = new EngineEvent();
        final double[] last = RegimeParams.defaults().initial();
        for (int i = 0; i < 40; i++) {
            final long t = i * 5 * SECOND;
            final double ret = 0.004 * (i % 2 == 0 ? 1 : -1) * (i < 20 ? 0.01 : 1);
            final double vol = i < 20 ? 0.0004 : 0.005;
            book(e, 0, t, ret, vol);
            timed.onEvent(e, i, true);
            assertEquals(3, e.regimeCount);
            for (int j = 0; j < 3; j++) {
                // one book per interval: the timer's step was the previous book's own step, bit for bit
                assertEquals(last[j], TestEvents.SIDE.regimePosterior(e, j), "state " + j + " at book " + i);
            }
            book(e, 0, t, ret, vol);
            perBook.onEvent(e, i, true);
            for (int j = 0; j < 3; j++) {
                last[j] = TestEvents.SIDE.regimePosterior(e, j);
            }
            timer(e, t + SECOND);
            timed.onEvent(e, i, true);
            assertEquals(0, e.regimeCount, "a timer writes no posterior");
            book(e, 0, t + 2 * SECOND, Double.NaN, vol);
            timed.onEvent(e, i, true);
            assertEquals(0, e.regimeCount, "a book without a return is not folded");
        }
        assertTrue(last[2] > 0.9, "volatile " + last[2]);
    }

    @Test
    void shouldCompoundTheReturnsOfSeveralBooksIntoOneStepAtMostOncePerInterval() {
        final RegimeParams every3s = RegimeParams.defaults().withStepIntervalNanos(3 * SECOND);
        final RegimeHandler timed = new RegimeHandler(REGISTRY, every3s, TestEvents.SIDE);
        final HmmForwardFilter reference = new HmmForwardFilter(new GaussianHmm(every3s), 1);
        final EngineEvent e = new EngineEvent();
        book(e, 1, SECOND, 0.01, 0.002);
        timed.onEvent(e, 0, true);
        book(e, 1, 2 * SECOND, -0.02, 0.003);
        timed.onEvent(e, 1, true);
        timer(e, 2 * SECOND);
        timed.onEvent(e, 2, true);
        reference.step(0, new double[] {(1.01 * 0.98 - 1) * 1e4, 0.003 * 1e4});
        book(e, 1, 2 * SECOND, 0.0, 0.003);
        timed.onEvent(e, 3, true);
        for (int j = 0; j < 3; j++) {
            assertEquals(reference.posterior(0, j), TestEvents.SIDE.regimePosterior(e, j), 1e-12);
        }
        book(e, 1, 3 * SECOND, 0.03, 0.004);
        timed.onEvent(e, 4, true);
        timer(e, 4 * SECOND);
        timed.onEvent(e, 5, true);
        book(e, 1, 4 * SECOND, 0.0, 0.004);
        timed.onEvent(e, 6, true);
        for (int j = 0; j < 3; j++) {
            assertEquals(reference.posterior(0, j), TestEvents.SIDE.regimePosterior(e, j), 1e-12, "no second step within 3 s");
        }
        timer(e, 5 * SECOND);
        timed.onEvent(e, 7, true);
        reference.step(0, new double[] {(1.03 * 1.0 - 1) * 1e4, 0.004 * 1e4});
        book(e, 1, 5 * SECOND, 0.0, 0.004);
        timed.onEvent(e, 8, true);
        for (int j = 0; j < 3; j++) {
            assertEquals(reference.posterior(0, j), TestEvents.SIDE.regimePosterior(e, j), 1e-12, "stepped at 5 s");
        }
    }

    @Test
    void shouldFitOnExactlyTheObservationsTheTimedFilterStepsOn() {
        final RegimeHandler timed = new RegimeHandler(REGISTRY, TIMED, TestEvents.SIDE);
        final RegimeSampleCollector collector = new RegimeSampleCollector(2, 1, TIMED.observationScale(), SECOND);
        final EngineEvent e = new EngineEvent();
        final SplittableRandom rnd = new SplittableRandom(11);
        long t = 0;
        for (int i = 0; i < 2_000; i++) {
            t += rnd.nextInt(400_000_000);
            if (i % 5 == 0) {
                timer(e, t);
            } else {
                book(e, rnd.nextInt(2), t, rnd.nextGaussian() * 0.001, rnd.nextDouble() * 0.003);
            }
            timed.onEvent(e, i, true);
            collector.onEvent(e, i, true);
        }
        final double[][] samples = collector.series();
        assertTrue(collector.count() > 100 && collector.count() < 800, "one sample per interval, not per book: " + collector.count());
        final HmmForwardFilter refit = new HmmForwardFilter(new GaussianHmm(TIMED), 1);
        for (int s = 0; s < collector.count(); s++) {
            refit.step(0, new double[] {samples[0][s], samples[1][s]});
        }
        book(e, 1, t, 0.0, 0.001);
        timed.onEvent(e, 2_000, true);
        for (int j = 0; j < 3; j++) {
            assertEquals(refit.posterior(0, j), TestEvents.SIDE.regimePosterior(e, j), 0.0, "state " + j);
        }
    }

    private static long run(final RegimeParams params) {
        final RegimeHandler h = new RegimeHandler(REGISTRY, params, TestEvents.SIDE);
        final EngineEvent e = new EngineEvent();
        final SplittableRandom rnd = new SplittableRandom(9);
        long out = 1;
        for (int i = 0; i < 3_000; i++) {
            if (i % 7 == 0) {
                timer(e, i * SECOND);
                h.onEvent(e, i, true);
            }
            book(e, rnd.nextInt(2), i * SECOND, rnd.nextGaussian() * 0.001, rnd.nextDouble() * 0.003);
            h.onEvent(e, i, true);
            for (int j = 0; j < 3; j++) {
                out = 31 * out + Double.doubleToRawLongBits(TestEvents.SIDE.regimePosterior(e, j));
            }
        }
        return 31 * out + h.stateHash();
    }

    private static void timer(final EngineEvent e, final long t) {
        e.clear();
        e.type = EventType.TIMER;
        e.instrumentId = -1;
        e.eventTimeNanos = t;
    }

    private static void book(final EngineEvent e, final int id, final long t, final double ret, final double vol) {
        e.clear();
        e.type = EventType.MARKET_BOOK;
        e.instrumentId = id;
        e.eventTimeNanos = t;
        e.bidLevels = 1;
        e.askLevels = 1;
        e.bidPrices[0] = 100;
        e.askPrices[0] = 101;
        e.midReturn = ret;
        e.realisedVol = vol;
    }
}
