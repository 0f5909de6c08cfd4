package io.skytrade.core.event;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SideBuffersTest {
    @Test
    void shouldKeepEveryInstrumentsValuationAndSignalApartWhenSizedToTheRegistry() {
        final int instruments = 9;
        final SideBuffers side = new SideBuffers(4, instruments);
        final EngineEvent e = new EngineEvent();
        for (long seq = 0; seq < 4; seq++) {
            e.sequence = seq;
            for (int i = 0; i < instruments; i++) {
                final double base = 1000.0 * seq + 10.0 * i;
                side.setValuation(e, i, base, base + 1, base + 2, base + 3, base + 4, base + 5, base + 6);
                side.setSignal(e, i, -base);
            }
        }
        for (long seq = 0; seq < 4; seq++) {
            e.sequence = seq;
            for (int i = 0; i < instruments; i++) {
                final double base = 1000.0 * seq + 10.0 * i;
                assertEquals(base, side.fairValue(e, i));
                assertEquals(base + 1, side.fairStd(e, i));
                assertEquals(base + 2, side.nowcastValue(e, i));
                assertEquals(base + 3, side.nowcastStd(e, i));
                assertEquals(base + 4, side.marketValue(e, i));
                assertEquals(base + 5, side.marketStd(e, i));
                assertEquals(base + 6, side.nowcastWeight(e, i));
                assertEquals(-base, side.signal(e, i));
            }
        }
    }

    @Test
    void shouldGiveTheFilteredMidsStdAsTheSquareRootOfTheRecordedVariance() {
        final SideBuffers side = new SideBuffers(2, 9);
        final EngineEvent e = new EngineEvent();
        e.sequence = 1;
        assertTrue(Double.isNaN(side.filteredMid(e)));
        assertTrue(Double.isNaN(side.filteredMidStd(e)));
        side.setFilteredMid(e, 101.5, 2.25);
        assertEquals(101.5, side.filteredMid(e));
        assertEquals(1.5, side.filteredMidStd(e));
        side.setFilteredMid(e, 99.0, 0.1);
        assertEquals(Double.doubleToRawLongBits(Math.sqrt(0.1)), Double.doubleToRawLongBits(side.filteredMidStd(e)));
    }

    @Test
    void shouldRefuseAnInstrumentCountOutsideTheSlotsRange() {
        final IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new SideBuffers(4, 0));
        assertTrue(none.getMessage().contains("instruments: 0"), none.getMessage());
        final int tooMany = EngineEvent.MAX_INSTRUMENTS + 1;
        final IllegalArgumentException many = assertThrows(IllegalArgumentException.class, () -> new SideBuffers(4, tooMany));
        assertTrue(many.getMessage().contains("instruments: " + tooMany), many.getMessage());
    }
}
