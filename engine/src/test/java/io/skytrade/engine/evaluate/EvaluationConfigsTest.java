package io.skytrade.engine.evaluate;

import io.skytrade.engine.config.ConfigException;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.exchange.sim.MarketSkill;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What evaluate sets in each seed's configuration, and what it refuses to evaluate. */
class EvaluationConfigsTest {
    private static final long START = 1_768_046_400_000_000_000L;
    private final ConfigLoader loader = new ConfigLoader(Map.of());

    @Test
    void shouldSetTheSeedEverywhereTheStartAndTheSkill() throws IOException {
        final EngineConfig c = EvaluationConfigs.forSeed(loader, List.of(SeedRunTest.defaultConfig()), 207, START, "dull").config();
        assertEquals(207, c.venue().seed());
        assertEquals(207, c.feeds().synthetic().seed(), "the feeds' noise and the market's public readings follow the seed");
        assertEquals(START, c.venue().worldStartNanos());
        assertEquals(MarketSkill.DULL, c.venue().market().skill());
        assertEquals(MarketSkill.MEDIUM, EvaluationConfigs.forSeed(loader, List.of(SeedRunTest.defaultConfig()), 207, START, null)
            .config().venue().market().skill(), "without --skill the configuration's (default medium)");
    }

    @Test
    void shouldRefuseAVenueOrFeedsItCannotDrive() {
        final ConfigException paper = assertThrows(ConfigException.class,
            () -> EvaluationConfigs.forSeed(loader, List.of("venue: {mode: paper}\n"), 1, START, null));
        assertTrue(paper.getMessage().startsWith("venue.mode: 'paper' cannot be evaluated"), paper.getMessage());
        final ConfigException live = assertThrows(ConfigException.class,
            () -> EvaluationConfigs.forSeed(loader, List.of("feeds: {live: true}\n"), 1, START, null));
        assertTrue(live.getMessage().startsWith("feeds.live: true cannot be evaluated"), live.getMessage());
    }
}
