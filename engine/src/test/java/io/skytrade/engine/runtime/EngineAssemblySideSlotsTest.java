package io.skytrade.engine.runtime;

import io.skytrade.engine.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The live pipeline's side buffers: one entry when every stage runs on one thread (the default
 * layout), the ring's size when the stages are spread over several thread groups.
 */
class EngineAssemblySideSlotsTest {
    @Test
    void shouldGiveTheOneThreadLayoutOneSideBufferEntry() {
        final EngineAssembly assembly = new EngineAssembly(new ConfigLoader(Map.of()).loadText("pipeline:\n  ringSize: 4096\n").config());
        assertEquals(EngineAssembly.INLINE_SIDE_SLOTS, assembly.liveSideSlots());
    }

    @Test
    void shouldGiveSeveralThreadGroupsTheRingsWorthOfEntries() {
        final EngineAssembly assembly = new EngineAssembly(new ConfigLoader(Map.of()).loadText("""
            pipeline:
              ringSize: 2048
              threads:
                - [journal, features, kalman, valuation, signal, regime]
                - [strategy, risk, orders]
            """).config());
        assertEquals(2048, assembly.liveSideSlots());
    }
}
