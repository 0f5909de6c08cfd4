package io.skytrade.core.strategy;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.risk.TestEvents;
import io.skytrade.core.settlement.OptionPayoff;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.skytrade.core.strategy.StrategyHandlerTest.book;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlyRelativeValueTest {
    private static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(List.of("ETF", "FLY"), List.of("s"));
    private static final int ETF = 0;
    private static final int FLY = 1;
    private static final long SEC = 1_000_000_000L;
    /** A call struck at 1000: with the ETF around 1200 +- 10 it is worth 200. */
    private static final OptionPayoff CALL = OptionPayoff.parse("test", "+1C1000");

    private final EngineEvent e = new EngineEvent();

    private static StrategyParams params() {
        final StrategyParams d = StrategyParams.defaults();
        return new StrategyParams(d.quoteLevels(), d.quoteSize(), d.levelSpacing(), 0.3, d.halfSpreadVol(),
            d.quoteHorizonSeconds(), d.minHalfSpreadTicks(), d.inventorySkew(), d.minEdgeTicks(), d.requoteTicks(),
            d.requoteFraction(), d.minQuoteLifeNanos(), 1.0, d.takeMinTicks(), d.takeMaxLots(),
            d.takeIntervalNanos(), d.volHalfLifeSeconds(), 0, d.intentIntervalNanos(), 0.0,
            d.regimeSpreadScale(), d.regimeSizeScale());
    }

    /** The fly's decisions on the current event as "KIND SIDE price xqty TIF". */
    private List<String> flyDecisions() {
        final List<String> out = new ArrayList<>();
        final Decisions d = TestEvents.decisions(e);
        for (int i = 0; i < d.count(); i++) {
            if (d.instrumentId[i] == FLY) {
                out.add(DecisionKind.name(d.kind[i]) + " " + Side.name(d.side[i]) + " " + d.priceTicks[i] + " x" + d.quantity[i]
                    + " " + TimeInForce.name(d.timeInForce[i]));
            }
        }
        return out;
    }

    @Test
    void shouldValueAsAFreshInstanceWhateverItValuedBefore() {
        final FlyRelativeValue kept = new FlyRelativeValue(FLY, ETF, CALL, 0.6);
        final SplittableRandom random = new SplittableRandom(15);
        for (int k = 0; k < 5_000; k++) {
            final long bid = 1150 + random.nextInt(3) * 10L;
            final long ask = bid + 10 + random.nextInt(2) * 10L;
            final double std = random.nextInt(10) == 0 ? Double.NaN : 5.0 + random.nextInt(2) * 5.0;
            final double flyFair = 190 + random.nextInt(20);
            final double fresh = new FlyRelativeValue(FLY, ETF, CALL, 0.6).value(flyFair, bid, ask, std);
            assertEquals(Double.doubleToRawLongBits(fresh), Double.doubleToRawLongBits(kept.value(flyFair, bid, ask, std)),
                "call " + k + ": the expectation kept from an earlier call with the same ETF touch and std");
        }
    }

    @Test
    void shouldValueTheFlyAtItsPayoffExpectedAroundTheEtfMid() {
        final FlyRelativeValue full = new FlyRelativeValue(FLY, ETF, CALL, 1.0);
        assertEquals(200.0, full.value(150, 1190, 1210, 10), 1e-6);
        assertEquals(175.0, new FlyRelativeValue(FLY, ETF, CALL, 0.5).value(150, 1190, 1210, 10), 1e-6,
            "half the ETF-implied value, half the fly's own");
        assertEquals(150.0, full.value(150, 0, 1210, 10), "no two-sided ETF touch: the fly's own fair value");
        assertEquals(150.0, full.value(150, 1190, 1210, Double.NaN));
        assertEquals(-1, new FlyRelativeValue(FLY, -1, CALL, 1.0).fly(), "off without an ETF");
        assertEquals(-1, new FlyRelativeValue(FLY, ETF, CALL, 0.0).fly(), "off at weight 0");
        assertThrows(IllegalArgumentException.class, () -> new FlyRelativeValue(FLY, ETF, CALL, 1.5));
    }

    @Test
    void shouldNotAllocateWhenValuingTheFly() {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        final FlyRelativeValue fly = new FlyRelativeValue(FLY, ETF, OptionPayoff.parse("test", "+2P6200,+1C6200,-2C6600,+3C7000"), 0.8);
        double sum = 0;
        int k = 0;
        for (; k < 20_000; k++) {
            sum += fly.value(300, 6000 + k % 900, 6010 + k % 900, 200 + k % 7);
        }
        long quietest = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            final long before = threads.getThreadAllocatedBytes(thread);
            for (final int end = k + 4_000; k < end; k++) {
                sum += fly.value(300, 6000 + k % 900, 6010 + k % 900, 200 + k % 7);
            }
            quietest = Math.min(quietest, threads.getThreadAllocatedBytes(thread) - before);
        }
        assertTrue(Double.isFinite(sum));
        assertTrue(quietest < 256, "allocated " + quietest + " bytes in the quietest round of 4,000 valuations");
    }

    @Test
    void shouldTakeTheFlyWhenItsBookLagsTheEtfAndNotWithoutTheEtfsPrice() {
        final TradingHarness off = new TradingHarness(REGISTRY, params(), FlyRelativeValue.off());
        final TradingHarness on = new TradingHarness(REGISTRY, params(), new FlyRelativeValue(FLY, ETF, CALL, 1.0));
        for (final TradingHarness h : List.of(off, on)) {
            book(e, FLY, SEC, 160, 175, 5, 5, 150, 20);
            h.run(e);
            assertTrue(flyDecisions().stream().noneMatch(d -> d.endsWith("IOC")),
                "175 is above the fly's own fair value of 150, and the ETF's price is not known yet: " + flyDecisions());
            book(e, ETF, 2 * SEC, 1190, 1210, 5, 5, 1200, 10);
            h.run(e);
        }
        assertTrue(flyDecisions().contains("ORDER_NEW BUY 175 x5 IOC"),
            "the ETF's market values the fly at 200: its ask of 175 is more than one std (20) below; " + flyDecisions());
        book(e, ETF, 3 * SEC, 1190, 1210, 5, 5, 1200, 10);
        off.run(e);
        assertTrue(flyDecisions().stream().noneMatch(d -> d.endsWith("IOC")), "off: the fly's own fair value, no take");
    }
}
