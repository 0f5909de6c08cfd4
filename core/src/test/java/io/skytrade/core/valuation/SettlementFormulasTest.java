package io.skytrade.core.valuation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettlementFormulasTest {

    @Test
    void shouldSettleTideSpotWorkedExample() {
        assertEquals(2605.0, SettlementFormulas.tideSpot(2.605, 1000), 1e-9);
        assertEquals(2605.0, SettlementFormulas.tideSpot(-2.605, 1000), 1e-9);
    }

    @Test
    void shouldSettleTideSwingWorkedExample() {
        final double[] readings = {1.809, 1.510, 1.241, 0.954, 0.698};
        assertEquals(11.1, SettlementFormulas.tideSwing(readings, readings.length, 100, 20, 25), 1e-9);
        assertEquals(19.6, SettlementFormulas.swingPair(3.031 - 3.035, 100, 20, 25), 1e-9);
    }

    @Test
    void shouldSettleWxSpotWorkedExample() {
        assertEquals(3400.32, SettlementFormulas.wxSpot(9.6, 69, -1), 1e-9);
        assertEquals(49.3 * 69, SettlementFormulas.wxSpot(9.6, 69, 1), 1e-9);
    }

    @Test
    void shouldSettleLhrIndexWorkedExample() {
        final double[] arr = {20, 10, 0};
        final double[] dep = {18, 22, 0};
        final double exact = SettlementFormulas.lhrIndex(arr, dep, 3, true, 100);
        assertEquals(100 * Math.abs(2.0 / 38 - 12.0 / 32), exact, 1e-12);
        assertEquals(32.2, exact, 0.05);
        assertEquals(32.2, SettlementFormulas.round(exact, 1), 1e-12);
        assertEquals(100 * (2.0 / 38 + 12.0 / 32), SettlementFormulas.lhrIndex(arr, dep, 3, false, 100), 1e-12);
    }

    @Test
    void shouldSettleFlyWorkedExampleAndEachBranch() {
        final PiecewiseLinearPayoff fly = OptionStructure.parse("fly", "+2P6200,+1C6200,-2C6600,+3C7000");
        assertEquals(3336.0, fly.value(8668), 1e-9);
        assertEquals(12400 - 2 * 6000.0, fly.value(6000), 1e-9);
        assertEquals(6400 - 6200.0, fly.value(6400), 1e-9);
        assertEquals(7000 - 6800.0, fly.value(6800), 1e-9);
        assertEquals(0.0, fly.value(7000), 1e-9);
        assertEquals(0.0, fly.value(6200), 1e-9);
    }
}
