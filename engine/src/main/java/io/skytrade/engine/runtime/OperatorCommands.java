package io.skytrade.engine.runtime;

import io.skytrade.core.event.ControlCode;
import io.skytrade.core.event.EventType;
import io.skytrade.core.pipeline.InputTranslator;
import io.skytrade.core.pipeline.RingInboundPublisher;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes operator commands (SAFE, RESUME, HALT) into the inbound ring as CONTROL inputs, so
 * they are journaled and a replay reproduces them. Also the engine's reaction to a stage failure:
 * a CONTROL SAFE input (argument: the failed sequence), published without waiting from the failing
 * stage's thread, at most once a second, so that stages before the failing one enter their safe
 * state too.
 *
 * <p>Thread-safety: any thread. Cost: one ring publish per command.
 */
public final class OperatorCommands {
    private static final InputTranslator<long[]> CONTROL = (event, codeAndArg) -> {
        event.type = EventType.CONTROL;
        event.eventTimeNanos = event.receiveTimeNanos;
        event.controlCode = (int) codeAndArg[0];
        event.controlArg = codeAndArg[1];
    };
    private static final long FAILURE_SAFE_INTERVAL = TimeUnit.SECONDS.toNanos(1);

    private final RingInboundPublisher publisher;
    private final AtomicLong lastFailureSafe;

    public OperatorCommands(final RingInboundPublisher publisher) {
        this.publisher = publisher;
        this.lastFailureSafe = new AtomicLong(System.nanoTime() - FAILURE_SAFE_INTERVAL);
    }

    /** Publishes an operator command; blocks while the ring is full. Returns its sequence. */
    public long send(final int controlCode, final long argument) {
        return publisher.publish(CONTROL, new long[]{controlCode, argument});
    }

    /** Stage-failure reaction (see class doc); never blocks. */
    public void onStageFailure(final long sequence, final int stageIndex) {
        final long now = System.nanoTime();
        final long last = lastFailureSafe.get();
        if (now - last >= FAILURE_SAFE_INTERVAL && lastFailureSafe.compareAndSet(last, now)) {
            publisher.tryPublish(CONTROL, new long[]{ControlCode.SAFE, sequence});
        }
    }
}
