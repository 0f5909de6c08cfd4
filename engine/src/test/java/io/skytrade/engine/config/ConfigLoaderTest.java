package io.skytrade.engine.config;

import io.skytrade.core.pipeline.WaitStrategyKind;
import io.skytrade.exchange.sim.MarketSkill;
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
        assertEquals(WaitStrategyKind.SPIN_THEN_BLOCK, d.pipeline().layout().waitStrategy());
        assertEquals(List.of(EngineConfig.DEFAULT_STAGES), d.pipeline().layout().threads());
        assertEquals("simulator", d.venue().mode());
        assertEquals(60.0, d.venue().timeScale());
        assertEquals(30 * 60_000_000_000L, d.model().safeMode().maxMarketDataAgeNanos());
        assertEquals(9, d.instruments().size());
        assertEquals(1_000_000_000L, d.model().regime().stepIntervalNanos(), "the shipped configs step the regime on the timer");
        assertEquals(1_000_000_000L, d.model().strategy().varianceIntervalNanos());
        final EngineConfig t = LOADER.load(Path.of("../config/tuned-host.yaml")).config();
        assertEquals(WaitStrategyKind.BUSY_SPIN, t.pipeline().layout().waitStrategy());
        assertTrue(t.pipeline().layout().journalParallel());
        assertEquals(3, t.pipeline().layout().cpuFor(1));
        assertEquals("shm", t.journal().settings().storage(), "the tuned host journals on tmpfs with the archiver");
        assertEquals(1_000_000_000L, t.model().regime().stepIntervalNanos());
        for (final String example : List.of("live.example.yaml", "cmi.example.yaml")) {
            final EngineConfig x = LOADER.load(Path.of("../config/" + example)).config();
            assertEquals(1_000_000_000L, x.model().strategy().varianceIntervalNanos(), example);
        }
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
        assertEquals("config key 'pipeline.waitStrategy' has value 'fast', expected one of blocking, lite-blocking, phased, spin-then-block, sleeping, yielding, busy-spin",
            error("pipeline:\n  waitStrategy: fast\n"));
        assertEquals("config key 'journal.pretouch' has value 3, expected true or false", error("journal:\n  pretouch: 3\n"));
        assertEquals("config section 'risk': risk.maxPositionLots=0: expected > 0", error("risk:\n  maxPositionLots: 0\n"));
        assertEquals("config key 'risk.maxOrderLots' has value 'many', expected an integer", error("risk:\n  maxOrderLots: many\n"));
        assertTrue(error("strategy:\n  slowWindow: 4\n").startsWith("config key 'strategy.slowWindow' is unknown; known keys here:"));
        assertEquals("config section 'venue': venue.mode: 'carrier-pigeon' must be simulator, remote or paper",
            error("venue:\n  mode: carrier-pigeon\n"));
        assertTrue(error("pipeline:\n  ringSize: 1000\n").contains("pipeline.ringSize: 1000 must be a power of two"));
        assertTrue(error("journal:\n  blockSize: lots\n").contains("'journal.blockSize' has value 'lots'"));
    }

    @Test
    void shouldBindTheSimulatedMarketsSkill() {
        assertEquals(MarketSkill.MEDIUM, LOADER.loadText("").config().venue().market().skill());
        final EngineConfig c = LOADER.loadText("venue:\n  market:\n    skill: sharp\n    sizeSkew: 0\n").config();
        assertEquals(MarketSkill.SHARP, c.venue().market().skill());
        assertEquals(0.0, c.venue().market().sizeSkew());
        assertEquals(0.3, c.venue().market().traderNoise());
        assertEquals("config key 'venue.market.skill' has value 'clairvoyant', expected one of DULL, MEDIUM, SHARP",
            error("venue:\n  market:\n    skill: clairvoyant\n"));
        assertEquals("config section 'venue.market': venue.market.sizeSkew: 2.0 must be in 0..1",
            error("venue:\n  market:\n    sizeSkew: 2\n"));
    }

    @Test
    void shouldRejectUnknownKeys() {
        final String m = error("pipeline:\n  waitStrategyy: blocking\n");
        assertTrue(m.startsWith("config key 'pipeline.waitStrategyy' is unknown"), m);
        assertTrue(error("colour: red\n").startsWith("config key 'colour' is unknown"));
    }

    @Test
    void shouldBindTheSlowEstimatesCadenceAndRefuseItWithoutATimer() {
        final EngineConfig d = LOADER.loadText("").config();
        assertEquals(0L, d.model().regime().stepIntervalNanos(), "a configuration without the keys (older runs) steps on every book");
        assertEquals(0L, d.model().strategy().varianceIntervalNanos());
        final EngineConfig timed = LOADER.loadText("regime:\n  stepInterval: 1s\nstrategy:\n  varianceInterval: 250ms\n").config();
        assertEquals(1_000_000_000L, timed.model().regime().stepIntervalNanos());
        assertEquals(250_000_000L, timed.model().strategy().varianceIntervalNanos());
        final String m = error("timers:\n  interval: 0s\nregime:\n  stepInterval: 1s\n");
        assertTrue(m.startsWith("config timers.interval: 0 turns the timer off, but regime.stepInterval"), m);
        assertEquals(0L, LOADER.loadText("timers:\n  interval: 0s\n").config().timers().intervalNanos());
    }

    @Test
    void shouldBindTheArbitragesTriggerAndRefuseItWithoutATimer() {
        assertFalse(LOADER.loadText("").config().model().arbitrage().onMoves(), "older runs: after every input that moves anything");
        assertTrue(LOADER.loadText("arbitrage:\n  onMoves: true\n").config().model().arbitrage().onMoves());
        final String m = error("timers:\n  interval: 0s\narbitrage:\n  onMoves: true\n");
        assertTrue(m.startsWith("config timers.interval: 0 turns the timer off, but arbitrage.onMoves"), m);
        assertFalse(LOADER.loadText("timers:\n  interval: 0s\narbitrage:\n  enabled: false\n  onMoves: true\n").config()
            .model().arbitrage().enabled());
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
    void shouldSayWhereTheYamlBreaksWithoutEchoingTheSourceLine() {
        assertEquals("not valid YAML: line 2, column 1: expected ',' or ']', but got <stream end> "
                + "(while parsing a flow sequence started at line 1, column 17)",
            error("risk: {maxLots: [1\n"));
        final String tab = error("market:\n\tsource: sk-live-123456\n");
        assertTrue(tab.startsWith("not valid YAML: line 2, column 1: "), tab);
        assertFalse(tab.contains("sk-live-123456") || tab.contains("^"), "no source snippet, no caret: " + tab);
    }

    @Test
    void shouldBindStageParametersWithDurationsInstantsListsAndNestedMaps() {
        final EngineConfig c = LOADER.loadText("""
            orders:
              ackTimeout: 250ms
            valuation:
              windowStart: 2026-03-01T12:00:00Z
              windowEnd: 2026-03-02T12:00:00Z
            strategy:
              regimeSpreadScale: [1, 1.5, 2]
              regimeSizeScale: [1, 0.5, 0.5]
            kalman:
              models:
                tide:
                  readingNoise: [0.0004]
            feeds:
              synthetic:
                pollInterval: 3s
            """).config();
        assertEquals(250_000_000L, c.model().orders().ackTimeoutNanos());
        assertEquals(1_772_366_400_000_000_000L, c.model().valuation().windowStartNanos());
        assertEquals(1.5, c.model().strategy().regimeSpreadScale()[1]);
        assertEquals(0.0004, c.model().kalman().models().get("tide").readingNoise()[0]);
        assertEquals(java.time.Duration.ofSeconds(3), c.feeds().synthetic().pollInterval());
        assertTrue(error("kalman:\n  models:\n    tide:\n      noize: 1\n")
            .startsWith("config key 'kalman.models.tide.noize' is unknown"));
        assertTrue(error("orders:\n  ackTimeout: soon\n").contains("'orders.ackTimeout' has value 'soon'"));
    }

    @Test
    void shouldBindTheSettlementRulesOnceForTheValuationAndTheVenue() {
        final EngineConfig c = LOADER.loadText("""
            settlement:
              swingLowCm: 15
              lhrIndexAbsOfSum: false
              flyStructure: "+1C5000,-1C9000"
              tideSpotSymbol: THAMES
              etfLegs: THAMES,WX_SPOT,LHR_COUNT
            instruments: [THAMES, WX_SPOT, LHR_COUNT, LON_ETF]
            """).config();
        assertEquals(15.0, c.model().settlement().swingLowCm());
        assertFalse(c.model().settlement().lhrIndexAbsOfSum());
        assertEquals(0, c.model().settlement().kindOf("THAMES"));
        assertEquals("config section 'settlement': settlement.swingHighCm: 10.0 must be finite and >= swingLowCm (20.0)",
            error("settlement:\n  swingHighCm: 10\n"));
        assertEquals("config settlement.sampleInterval: 900000000000 ns must divide the valuation window (420000000000 ns)"
            + " and give at most 4096 slots", error("valuation:\n  windowStart: 2026-03-01T12:00:00Z\n"
            + "  windowEnd: 2026-03-01T12:07:00Z\n"));
    }

    @Test
    void shouldBindAndValidateNowcastModels() {
        final EngineConfig c = LOADER.loadText("""
            kalman:
              models:
                tide:
                  components:
                    surge: {sigma: 0.2, lengthHours: 6}
                    m2: {noisePerHour: 1.0e-6}
                    shallow: {type: HARMONIC, periodHours: 6.1033, initialVariance: 0.01, noisePerHour: 1.0e-6, loadings: [1.0]}
            """).config();
        final var tide = c.model().kalman().models().get("tide");
        assertEquals(0.2, tide.components().get("surge").sigma());
        assertEquals(io.skytrade.core.kalman.ComponentType.KNOT, tide.components().get("surge").type(), "default kept");
        assertEquals(1e-6, tide.components().get("m2").noisePerHour());
        assertEquals(6.1033, tide.components().get("shallow").periodHours());
        assertEquals(12.42, tide.components().get("m2").periodHours(), "default kept");
        final String bad = error("kalman:\n  models:\n    tide:\n      components:\n        surge: {lengthHours: 0}\n");
        assertTrue(bad.contains("kalman.models.tide.components.surge") && bad.contains("lengthHours: 0.0 must be > 0"), bad);
        final String twice = error("kalman:\n  models:\n    extra:\n      series: thames_level_m\n");
        assertTrue(twice.contains("series 'thames_level_m' is read by two models"), twice);
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
