package io.skytrade.engine.sweep;

import io.skytrade.engine.config.ConfigException;
import io.skytrade.engine.config.ConfigLoader;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The configuration of every parameter set of a grid: the base configuration texts (the journal's
 * own config, or the {@code --config} files) with the set's override merged last. Loading checks
 * the whole grid before any backtest runs. When a set fails, each of its values is tried alone over
 * the base: the first that fails alone (an unknown key, a bad value) is reported with its parameter
 * and line in the grid file; when none does, the values only clash together (an entry threshold
 * below the exit threshold) and the set is named.
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
        final List<ConfigLoader.LoadedConfig> configs = new ArrayList<>();
        for (final ParameterSet set : grid.parameterSets()) {
            try {
                configs.add(loader.loadTexts(withOverride(baseTexts, set.overrideYaml())));
            } catch (final ConfigException e) {
                throw culprit(loader, baseTexts, grid, set, e);
            }
        }
        return configs;
    }

    private static ConfigException culprit(final ConfigLoader loader, final List<String> baseTexts, final SweepGrid grid,
                                           final ParameterSet set, final ConfigException setFailure) {
        for (final Map.Entry<String, Object> p : set.values().entrySet()) {
            try {
                loader.loadTexts(withOverride(baseTexts, ParameterSet.overrideYaml(Map.of(p.getKey(), p.getValue()))));
            } catch (final ConfigException alone) {
                return new ConfigException(grid.where(p.getKey()) + ", value " + p.getValue() + " (in set " + set.describe()
                    + "): " + alone.getMessage(), alone);
            }
        }
        return new ConfigException(grid.source() + ": parameter set " + set.describe() + ": " + setFailure.getMessage(), setFailure);
    }

    private static String[] withOverride(final List<String> baseTexts, final String override) {
        final String[] texts = baseTexts.toArray(new String[baseTexts.size() + 1]);
        texts[baseTexts.size()] = override;
        return texts;
    }
}
