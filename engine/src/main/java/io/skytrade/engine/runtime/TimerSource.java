package io.skytrade.engine.runtime;

import io.skytrade.core.event.EventType;
import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.core.pipeline.InputTranslator;
import org.agrona.concurrent.EpochNanoClock;

import java.util.concurrent.locks.LockSupport;

/**
 * Publishes a {@link EventType#TIMER} input at a fixed period, so time-driven logic (order
 * timeouts, stale-data checks) runs off journaled events and replays exactly.
 *
 * <p>{@link #run} on its own thread; {@link #stop} from any. No allocation per tick.
 */
public final class TimerSource implements Runnable {
    /** A TIMER input stamped with the given clock's time (a virtual clock's, in {@code evaluate}). */
    public static final InputTranslator<EpochNanoClock> TICK = (event, clock) -> {
        event.type = EventType.TIMER;
        event.eventTimeNanos = clock.nanoTime();
    };

    private final InboundPublisher publisher;
    private final EpochNanoClock clock;
    private final long periodNanos;
    private volatile boolean running = true;

    public TimerSource(final InboundPublisher publisher, final EpochNanoClock clock, final long periodNanos) {
        this.publisher = publisher;
        this.clock = clock;
        this.periodNanos = periodNanos;
    }

    @Override
    public void run() {
        long next = System.nanoTime() + periodNanos;
        while (running) {
            long wait;
            while ((wait = next - System.nanoTime()) > 0 && running) {
                LockSupport.parkNanos(wait);
            }
            if (running) {
                publisher.publish(TICK, clock);
                next += periodNanos;
            }
        }
    }

    public void stop() {
        running = false;
    }
}
