package io.skytrade.core.pipeline;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;

import java.util.Objects;

/**
 * A named business stage: one Disruptor {@link EventHandler} that owns its state and reads and
 * writes the fields of the {@link EngineEvent} passing through it. The name is what the
 * configuration's thread layout and the failure reports refer to.
 *
 * @param name    unique stage name, e.g. "journal", "strategy", "orders"
 * @param handler the handler; called on exactly one thread
 */
public record Stage(String name, EventHandler<EngineEvent> handler) {
    public Stage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        if (name.isBlank()) {
            throw new IllegalArgumentException("stage name is empty");
        }
    }
}
