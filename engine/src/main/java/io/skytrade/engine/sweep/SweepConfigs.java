package io.skytrade.engine.sweep;

import io.skytrade.engine.config.ConfigException;
import io.skytrade.engine.config.ConfigLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The configuration of every parameter set of a grid: the base configuration texts (the journal's
 * own config, or the {@code --config} files) with the set's override merged last. Loading checks
 * the whole grid before any backtest runs: first each parameter value alone over the base, so an
 * unknown key or a bad value is reported against the parameter and its line in the grid file, then
 * every combination, so values that only clash together (an entry threshold below the exit
 * threshold) name their set.
 *
 * <p>Offline; start-up only.
 */
public final class SweepConfigs {
    private SweepConfigs() {
    }

    /**
     * Loads one configuration per set, in set order.
     *
     * @throws ConfigException naming the grid file, line and parameter, or the set
     */
    public static List<ConfigLoader.LoadedConfig> load(final ConfigLoader loader, final List<String> baseTexts,
                                                       final SweepGrid grid) {
        for (final Map.Entry<String, List<Object>> p : grid.parameters().entrySet()) {
            for (final Object value : p.getValue()) {
                try {
                    loader.loadTexts(withOverride(baseTexts, ParameterSet.overrideYaml(Map.of(p.getKey(), value))));
                } catch (final ConfigException e) {
                    throw new ConfigException(grid.where(p.getKey()) + ", value " + value + ": " + e.getMessage(), e);
                }
            }
        }
        final List<ConfigLoader.LoadedConfig> configs = new ArrayList<>();
        for (final ParameterSet set : grid.parameterSets()) {
            try {
                configs.add(loader.loadTexts(withOverride(baseTexts, set.overrideYaml())));
            } catch (final ConfigException e) {
                throw new ConfigException(grid.source() + ": parameter set " + set.describe() + ": " + e.getMessage(), e);
            }
        }
        return configs;
    }

    private static String[] withOverride(final List<String> baseTexts, final String override) {
        final String[] texts = baseTexts.toArray(new String[baseTexts.size() + 1]);
        texts[baseTexts.size()] = override;
        return texts;
    }
}
