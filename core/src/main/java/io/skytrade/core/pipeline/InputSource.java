package io.skytrade.core.pipeline;

import io.skytrade.core.event.EngineEvent;

/**
 * Writes the next input straight into the slot it will be handled in: a journal reader decoding
 * each entry into the slot instead of into an event that is then copied into one (a replay, see
 * {@link InlinePipeline#publishFrom}).
 *
 * <p>Called on the publishing thread only. Hot-path cost: the source's own (a decode); no allocation.
 */
@FunctionalInterface
public interface InputSource {
    /**
     * Writes every input field of the next input into {@code into} and clears its outputs, as
     * {@link EngineEvent#clear()} followed by the input's fields would; the publisher then gives it
     * its sequence.
     *
     * @return false, the slot then being left unpublished, when there is no next input
     */
    boolean next(EngineEvent into);
}
