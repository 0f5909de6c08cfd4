package io.skytrade.exchange.fuzz;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bounded, seeded fuzz run of the build (issue #11): four concurrent logged-in clients send
 * valid and mutated frames with re-logins and abrupt closes; the venue answers every bad frame,
 * never wedges, and afterwards a new client trades and cancels. The long run is
 * {@code skytrade fuzz-venue} (README, "Simulator hardening").
 */
@Tag("integration")
@Timeout(120)
class VenueFuzzTest {
    @Test
    void shouldAnswerEveryBadFrameAndNeverWedge() throws InterruptedException {
        final VenueFuzzer.Result result = VenueFuzzer.run(new VenueFuzzer.Settings(20261204L, 4, 1500, 0.5, 60_000));
        assertTrue(result.passed(), result.failure());
        assertFalse(result.wedged());
        assertEquals(4 * 1500, result.frames());
        assertTrue(result.episodesChecked() >= 8, "episodes with every bad frame answered: " + result.episodesChecked());
        assertTrue(result.decodeErrors() > 500, "decode errors answered: " + result.decodeErrors());
        assertTrue(result.connections() > 8 && result.droppedByClient() > 0, "connections " + result.connections()
            + ", dropped by the clients " + result.droppedByClient());
    }
}
