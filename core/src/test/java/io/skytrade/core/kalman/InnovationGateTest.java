package io.skytrade.core.kalman;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InnovationGateTest {
    @Test
    void shouldFormTheStandardisedInnovationOnReadWithTheBitsOfFormingItOnTheReading() {
        final InnovationGate gate = new InnovationGate(3, 4.0, 3);
        final SplittableRandom random = new SplittableRandom(15);
        for (int n = 0; n < 200_000; n++) {
            final int id = random.nextInt(3);
            if (!gate.isStarted(id)) {
                gate.start(id);
                assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(gate.lastInnovationZ(id)));
                continue;
            }
            final double y = (random.nextDouble() - 0.5) * Math.scalb(1.0, random.nextInt(-30, 30));
            final double s = random.nextDouble() * Math.scalb(1.0, random.nextInt(-40, 40));
            if (gate.admit(id, y, s)) {
                // what the gate kept before it formed z on read: y / sqrt(s) at the reading
                assertEquals(Double.doubleToRawLongBits(y / Math.sqrt(s)), Double.doubleToRawLongBits(gate.lastInnovationZ(id)));
            } else {
                assertTrue(Double.isNaN(gate.lastInnovationZ(id)));
            }
        }
    }

    @Test
    void shouldReadZeroBeforeAnyReadingAndNaNAfterARejection() {
        final InnovationGate gate = new InnovationGate(2, 2.0, 5);
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(gate.lastInnovationZ(1)));
        gate.start(0);
        assertFalse(gate.admit(0, 10.0, 1.0));
        assertTrue(Double.isNaN(gate.lastInnovationZ(0)));
        assertTrue(gate.admit(0, 1.0, 4.0));
        assertEquals(0.5, gate.lastInnovationZ(0));
    }
}
