package io.skytrade.engine.runtime;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.awaitility.Awaitility.await;

/**
 * Waits for a condition on a live run while supervising it as the CLI does ({@link LiveRun#awaitStop}
 * prints a status line every {@code status.interval}): a condition with a deadline instead of a
 * fixed run time, so a loaded machine makes a test slower, not red.
 */
public final class Supervision {
    private static final long SLICE_NANOS = 100_000_000L;

    private Supervision() {
    }

    /** Supervises {@code live} until {@code condition} holds; fails naming {@code what} after {@code atMost}. */
    public static void superviseUntil(final LiveRun live, final String what, final Duration atMost, final BooleanSupplier condition) {
        await(what).atMost(atMost).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
            .until(() -> {
                live.awaitStop(SLICE_NANOS);
                return condition.getAsBoolean();
            });
    }
}
