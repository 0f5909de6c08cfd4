package io.skytrade.exchange.testing;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.core.pipeline.InputTranslator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** An {@link InboundPublisher} that records a copy of every published event, for loopback tests. */
public final class RecordingPublisher implements InboundPublisher {
    private final List<EngineEvent> events = new ArrayList<>();
    private long sequence;

    @Override
    public synchronized <A> long publish(final InputTranslator<A> translator, final A source) {
        final EngineEvent event = new EngineEvent();
        event.clear();
        translator.translateTo(event, source);
        event.sequence = sequence++;
        events.add(event);
        notifyAll();
        return event.sequence;
    }

    public synchronized List<EngineEvent> snapshot() {
        return new ArrayList<>(events);
    }

    public synchronized List<EngineEvent> matching(final Predicate<EngineEvent> filter) {
        final List<EngineEvent> out = new ArrayList<>();
        for (final EngineEvent e : events) {
            if (filter.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Waits for an event matching {@code filter}, failing after 10 s with what was seen. */
    public synchronized EngineEvent await(final String what, final Predicate<EngineEvent> filter) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            for (final EngineEvent e : events) {
                if (filter.test(e)) {
                    return e;
                }
            }
            final long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no event '" + what + "' within 10 s; last events: "
                    + events.subList(Math.max(0, events.size() - 15), events.size()));
            }
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    public static Predicate<EngineEvent> order(final int kind, final long clOrdId) {
        return e -> e.type == EventType.ORDER_EVENT && e.orderEventKind == kind && e.clientOrderId == clOrdId;
    }

    public static Predicate<EngineEvent> fill(final long clOrdId, final long leaves) {
        return e -> e.type == EventType.ORDER_EVENT && e.orderEventKind == OrderEventKind.FILL && e.clientOrderId == clOrdId
            && e.leavesQty == leaves;
    }
}
