package io.skytrade.engine.evaluate;

import io.skytrade.engine.config.ConfigException;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.engine.config.VenueSection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration of each evaluated seed: the base configuration texts (the user's
 * {@code --config} files, or the embedded default) merged with what {@code evaluate} sets, as a
 * last config file would be: {@code venue.seed} and {@code feeds.synthetic.seed} (the world, the
 * background traders and the feeds' noise all follow the seed), {@code venue.worldStart} (the
 * run's first instant, for the record) and, when given, {@code venue.market.skill}. The result is
 * what the seed's run directory stores and what a replay loads. Stateless; start-up only.
 */
public final class EvaluationConfigs {
    private EvaluationConfigs() {
    }

    /**
     * The configuration of {@code seed} starting at {@code startNanos}.
     *
     * @throws ConfigException naming what was wrong
     */
    public static ConfigLoader.LoadedConfig forSeed(final ConfigLoader loader, final List<String> baseTexts, final long seed,
                                                    final long startNanos, final String skill) {
        final StringBuilder overrides = new StringBuilder()
            .append("venue:\n  seed: ").append(seed).append('\n')
            .append("  worldStart: ").append(Instant.ofEpochSecond(0, startNanos)).append('\n');
        if (skill != null) {
            overrides.append("  market:\n    skill: ").append(skill).append('\n');
        }
        overrides.append("feeds:\n  synthetic:\n    seed: ").append(seed).append('\n');
        final List<String> texts = new ArrayList<>(baseTexts);
        texts.add(overrides.toString());
        final ConfigLoader.LoadedConfig loaded = loader.loadTexts(texts.toArray(new String[0]));
        check(loaded.config());
        return loaded;
    }

    /** Evaluate drives the embedded simulator and the synthetic feeds; anything else is a configuration error. */
    private static void check(final EngineConfig config) {
        if (!config.venue().mode().equals(VenueSection.SIMULATOR)) {
            throw new ConfigException("venue.mode: '" + config.venue().mode() + "' cannot be evaluated; evaluate runs the "
                + "embedded simulator (venue.mode: simulator)");
        }
        if (config.feeds().live()) {
            throw new ConfigException("feeds.live: true cannot be evaluated; evaluate feeds the synthetic sources observing "
                + "the simulated world (feeds.live: false)");
        }
    }
}
