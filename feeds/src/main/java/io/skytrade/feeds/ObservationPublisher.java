package io.skytrade.feeds;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.core.pipeline.InputTranslator;

/**
 * Copies observations into the inbound ring as {@link EventType#OBSERVATION} events through a
 * {@code static final} translator (no capturing lambda): series id into {@code instrumentId},
 * value, quality flags, observation time into {@code eventTimeNanos} and the source code; the
 * publisher stamps {@code receiveTimeNanos}.
 *
 * <p>Thread-safety: as safe as the {@link InboundPublisher} (multi-producer). Cost: one ring claim
 * and publish per observation, no allocation.
 */
public final class ObservationPublisher {
    /** Writes one observation into a cleared slot. */
    public static final InputTranslator<Observation> TRANSLATOR = ObservationPublisher::translate;
    private final InboundPublisher publisher;

    public ObservationPublisher(final InboundPublisher publisher) {
        this.publisher = publisher;
    }

    /** Publishes one observation; returns its ring sequence. */
    public long publish(final Observation observation) {
        return publisher.publish(TRANSLATOR, observation);
    }

    private static void translate(final EngineEvent event, final Observation o) {
        event.type = EventType.OBSERVATION;
        event.instrumentId = o.seriesId();
        event.value = o.value();
        event.quality = o.quality();
        event.eventTimeNanos = o.eventTimeNanos();
        event.source = o.source();
    }
}
