package io.skytrade.engine.sweep;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One point of a sweep grid: a value for each swept parameter (dotted config path to value, in
 * the grid file's order), numbered by its position in the grid's cartesian product. It turns
 * itself into a YAML override text that is merged over the base configuration, as a later
 * {@code --config} file would be.
 *
 * <p>Immutable; offline.
 */
public record ParameterSet(int index, Map<String, Object> values) {
    public ParameterSet {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The values as nested YAML mappings: {@code strategy.minEdgeTicks: 3} becomes {@code strategy: {minEdgeTicks: 3}}. */
    public String overrideYaml() {
        return overrideYaml(values);
    }

    /** The YAML override text of any dotted-path-to-value map (also used to check one parameter alone). */
    static String overrideYaml(final Map<String, Object> dottedValues) {
        final Map<String, Object> root = new LinkedHashMap<>();
        for (final Map.Entry<String, Object> e : dottedValues.entrySet()) {
            final String[] keys = e.getKey().split("\\.");
            Map<String, Object> node = root;
            for (int i = 0; i < keys.length - 1; i++) {
                node = nested(node, keys[i]);
            }
            node.put(keys[keys.length - 1], e.getValue());
        }
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build()).dumpToString(root);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(final Map<String, Object> node, final String key) {
        return (Map<String, Object>) node.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    }

    /** {@code #2 strategy.minEdgeTicks=3 sizer.maxPosition=20}: for messages. */
    public String describe() {
        final StringJoiner j = new StringJoiner(" ", "#" + index + " ", "");
        values.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }
}
