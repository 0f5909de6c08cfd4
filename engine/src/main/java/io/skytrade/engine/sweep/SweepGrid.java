package io.skytrade.engine.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's grid file, parsed: the swept parameters (dotted config path to its candidate values,
 * in file order), how many walk-forward splits to make (0: none, every set runs on the whole
 * journal), and the figure sets are ranked by. {@link #parameterSets()} is the cartesian product
 * in nested-loop order: the last parameter varies fastest.
 *
 * <p>Immutable; offline.
 *
 * @param source     the grid file's name, for messages
 * @param parameters dotted config path to candidate values (each list non-empty)
 * @param lines      dotted config path to the 1-based line it is declared on
 * @param splits     walk-forward splits; 0 for none
 * @param rankBy     a name of {@link SweepFigures#NAMES}
 * @param ascending  true when lower is better (e.g. maxDrawdown); default descending
 */
public record SweepGrid(String source, Map<String, List<Object>> parameters, Map<String, Integer> lines, int splits,
                        String rankBy, boolean ascending) {
    public SweepGrid {
        final Map<String, List<Object>> copy = new LinkedHashMap<>();
        parameters.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        parameters = Collections.unmodifiableMap(copy);
        lines = Map.copyOf(lines);
    }

    public boolean walkForward() {
        return splits > 0;
    }

    /** Every combination of one value per parameter, numbered from 0. */
    public List<ParameterSet> parameterSets() {
        final List<String> names = new ArrayList<>(parameters.keySet());
        int count = 1;
        for (final List<Object> values : parameters.values()) {
            count = Math.multiplyExact(count, values.size());
        }
        final List<ParameterSet> sets = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            final Map<String, Object> values = new LinkedHashMap<>();
            int rest = index;
            final Object[] chosen = new Object[names.size()];
            for (int p = names.size() - 1; p >= 0; p--) {
                final List<Object> candidates = parameters.get(names.get(p));
                chosen[p] = candidates.get(rest % candidates.size());
                rest /= candidates.size();
            }
            for (int p = 0; p < names.size(); p++) {
                values.put(names.get(p), chosen[p]);
            }
            sets.add(new ParameterSet(index, values));
        }
        return sets;
    }

    /** {@code grid.yaml line 3, parameter 'strategy.minEdgeTicks'}: where a parameter is declared. */
    public String where(final String parameter) {
        return source + " line " + lines.getOrDefault(parameter, 0) + ", parameter '" + parameter + "'";
    }
}
