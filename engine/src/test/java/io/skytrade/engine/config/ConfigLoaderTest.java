package io.skytrade.engine.config;

import io.skytrade.core.pipeline.WaitStrategyKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    private static final ConfigLoader LOADER = new ConfigLoader(Map.of("SEED", "7", "VENUE_API_KEY", "sk-live-123456"));

    private static String error(final String yaml) {
        final ConfigException e = assertThrows(ConfigException.class, () -> LOADER.loadText(yaml));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void shouldLoadShippedConfigs() {
        final EngineConfig d = LOADER.load(Path.of("../config/default.yaml")).config();
        assertEquals(WaitStrategyKind.BLOCKING, d.pipeline().layout().waitStrategy());
        assertEquals(List.of(List.of("journal", "strategy", "orders")), d.pipeline().layout().threads());
        assertEquals(9, d.instruments().size());
        final EngineConfig t = LOADER.load(Path.of("../config/tuned-host.yaml")).config();
        assertEquals(WaitStrategyKind.BUSY_SPIN, t.pipeline().layout().waitStrategy());
        assertTrue(t.pipeline().layout().journalParallel());
        assertEquals(3, t.pipeline().layout().cpuFor(1));
    }

    @Test
    void shouldUseDefaultsForAnEmptyFile() {
        final EngineConfig c = LOADER.loadText("").config();
        assertEquals(4096, c.pipeline().layout().ringSize());
        assertEquals(200, c.market().eventsPerSecond());
        assertEquals(64L << 20, c.journal().settings().blockSizeBytes());
    }

    @Test
    void shouldNameKeyValueAndExpectationForAWrongType() {
        assertEquals("config key 'pipeline.ringSize' has value 'big', expected an integer",
            error("pipeline:\n  ringSize: big\n"));
        assertEquals("config key 'pipeline.waitStrategy' has value 'fast', expected one of blocking, sleeping, yielding, busy-spin",
            error("pipeline:\n  waitStrategy: fast\n"));
        assertEquals("config key 'journal.pretouch' has value 3, expected true or false", error("journal:\n  pretouch: 3\n"));
        assertEquals("config key 'strategy.slowWindow' has value 4, expected greater than fastWindow (8)",
            error("strategy:\n  slowWindow: 4\n"));
        assertTrue(error("pipeline:\n  ringSize: 1000\n").contains("pipeline.ringSize: 1000 must be a power of two"));
        assertTrue(error("journal:\n  blockSize: lots\n").contains("'journal.blockSize' has value 'lots'"));
    }

    @Test
    void shouldRejectUnknownKeys() {
        final String m = error("pipeline:\n  waitStrategyy: blocking\n");
        assertTrue(m.startsWith("config key 'pipeline.waitStrategyy' is unknown"), m);
        assertTrue(error("colour: red\n").startsWith("config key 'colour' is unknown"));
    }

    @Test
    void shouldRejectLayoutsNamingUnknownStagesWhenBuilt() {
        final String m = error("pipeline:\n  threads: [[journal, strategy], [orders]]\n  journalMode: parallel\n");
        assertTrue(m.contains("parallel needs the journal alone"), m);
    }

    @Test
    void shouldSubstituteEnvironmentAndNameMissingVariables() {
        assertEquals(7, LOADER.loadText("market:\n  seed: ${SEED}\n").config().market().seed());
        assertEquals(300, LOADER.loadText("market:\n  eventsPerSecond: ${RATE:-300}\n").config().market().eventsPerSecond());
        final String m = error("market:\n  seed: ${NO_SUCH_VAR}\n");
        assertTrue(m.contains("environment variable NO_SUCH_VAR") && m.contains("market.seed"), m);
    }

    @Test
    void shouldRedactSecretsInTheResolvedSnapshot() {
        final String yaml = LOADER.loadText("market:\n  seed: ${SEED}\n").redactedYaml();
        assertTrue(yaml.contains("seed: '7'") || yaml.contains("seed: 7"), yaml);
        final ConfigException e = assertThrows(ConfigException.class,
            () -> LOADER.loadText("market:\n  source: ${VENUE_API_KEY}\n"));
        assertFalse(e.getMessage().contains("sk-live-123456"), "a rejected secret value is never echoed: " + e.getMessage());
    }

    @Test
    void shouldReportInvalidYamlOnOneLine() {
        assertTrue(error("pipeline: [unclosed\n").startsWith("not valid YAML"));
        assertTrue(error("- just\n- a list\n").contains("top level must be a mapping"));
    }

    @Test
    void shouldParseSizesAndDurations() {
        final ConfigNode n = new ConfigNode("x", Map.of("a", "64KiB", "b", "2m", "c", 1024, "d", "250ms", "e", "5"));
        assertEquals(65536, n.bytes("a", 0));
        assertEquals(2L << 20, n.bytes("b", 0));
        assertEquals(1024, n.bytes("c", 0));
        assertEquals(250_000_000L, n.durationNanos("d", 0));
        assertEquals(5_000_000_000L, n.durationNanos("e", 0));
        assertThrows(IllegalArgumentException.class, () -> Durations.parseNanos("-3s"));
    }
}
