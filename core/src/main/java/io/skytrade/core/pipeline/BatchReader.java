package io.skytrade.core.pipeline;

import io.skytrade.core.event.EngineEvent;

import java.util.function.LongFunction;

/**
 * A stage that handles the whole batch of published events the ring hands its thread at the
 * batch's first event, reading the batch's later slots before its own {@code onEvent} reaches them
 * (the input journal appends a batch in one write, still before any later stage sees its first
 * event). The Disruptor pipeline binds it to the ring's slots before it starts; a stage left unbound
 * (the inline pipeline, a test calling {@code onEvent} directly) handles each event alone.
 *
 * <p>Those slots are stable while it reads them: they are published and the producer cannot reuse
 * a slot until every stage has passed it. Hot-path cost: none of its own.
 */
public interface BatchReader {
    /**
     * @param slots the event in the ring slot of a sequence; valid for published sequences this
     *              stage has not yet passed
     */
    void bindSlots(LongFunction<EngineEvent> slots);
}
