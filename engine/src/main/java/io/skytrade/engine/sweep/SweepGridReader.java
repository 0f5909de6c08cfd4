package io.skytrade.engine.sweep;

import io.skytrade.engine.config.ConfigException;
import io.skytrade.engine.config.YamlErrors;
import io.skytrade.journal.FileErrors;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a sweep grid file (YAML) into a {@link SweepGrid}, failing with one line that names the
 * file, the line and what was wrong: bad YAML, unknown or duplicate keys, a parameter that is not
 * a non-empty list or whose path is empty or nests inside another parameter, splits below 1, or
 * an unknown ranking figure. Whether each parameter exists in the configuration is checked
 * later, against the base configuration ({@link SweepConfigs}).
 *
 * <p>Offline; start-up only.
 */
public final class SweepGridReader {
    private static final List<String> TOP_KEYS = List.of("parameters", "walkForward", "rankBy", "rankOrder");

    private SweepGridReader() {
    }

    /** Reads and checks a grid file. */
    public static SweepGrid read(final Path file) {
        final String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new ConfigException("cannot read grid file " + file + ": " + FileErrors.describe(e, file), e);
        }
        return parse(text, file.toString());
    }

    /** Parses and checks grid text; {@code source} names it in messages. */
    public static SweepGrid parse(final String text, final String source) {
        final LoadSettings settings = LoadSettings.builder().setLabel(source).setAllowDuplicateKeys(false).build();
        final Optional<Node> root;
        try {
            root = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text))).getSingleNode();
        } catch (final YamlEngineException e) {
            throw new ConfigException(source + ": not valid YAML: " + YamlErrors.describe(e), e);
        }
        if (root.isEmpty()) {
            throw new ConfigException(source + ": the grid file is empty; it needs a 'parameters' mapping");
        }
        final MappingNode top = mapping(root.get(), source, "the top level");
        final Map<String, List<Object>> parameters = new LinkedHashMap<>();
        final Map<String, Integer> lines = new LinkedHashMap<>();
        int splits = 0;
        String rankBy = "sharpe";
        boolean ascending = false;
        boolean sawParameters = false;
        for (final NodeTuple t : entries(top, source)) {
            final String key = keyOf(t, source);
            switch (key) {
                case "parameters" -> {
                    readParameters(mapping(t.getValueNode(), source, "'parameters'"), source, parameters, lines);
                    sawParameters = true;
                }
                case "walkForward" -> splits = readSplits(mapping(t.getValueNode(), source, "'walkForward'"), source);
                case "rankBy" -> rankBy = scalar(t.getValueNode(), source, "'rankBy'");
                case "rankOrder" -> ascending = readOrder(t.getValueNode(), source);
                default -> throw bad(source, t.getKeyNode(), "unknown key '" + key + "'; known keys: " + String.join(", ", TOP_KEYS));
            }
        }
        if (!sawParameters) {
            throw new ConfigException(source + ": missing 'parameters' (dotted config paths to lists of values)");
        }
        if (!SweepFigures.NAMES.contains(rankBy)) {
            throw new ConfigException(source + ": rankBy '" + rankBy + "' is not a figure; one of " + String.join(", ", SweepFigures.NAMES));
        }
        return new SweepGrid(source, parameters, lines, splits, rankBy, ascending);
    }

    private static void readParameters(final MappingNode node, final String source, final Map<String, List<Object>> parameters,
                                       final Map<String, Integer> lines) {
        final List<NodeTuple> tuples = entries(node, source);
        if (tuples.isEmpty()) {
            throw bad(source, node, "'parameters' is empty; give at least one dotted config path with a list of values");
        }
        final StandardConstructor constructor = new StandardConstructor(LoadSettings.builder().build());
        for (final NodeTuple t : tuples) {
            final String path = keyOf(t, source);
            if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
                throw bad(source, t.getKeyNode(), "parameter '" + path + "' is not a dotted config path such as strategy.minEdgeTicks");
            }
            for (final String other : parameters.keySet()) {
                if (path.startsWith(other + ".") || other.startsWith(path + ".")) {
                    throw bad(source, t.getKeyNode(), "parameter '" + path + "' overlaps parameter '" + other
                        + "'; sweep one or the other");
                }
            }
            if (!(t.getValueNode() instanceof SequenceNode values)) {
                throw bad(source, t.getValueNode(), "parameter '" + path
                    + "' must be a list of values, e.g. [1, 2] (a list-valued key takes a list of lists)");
            }
            if (values.getValue().isEmpty()) {
                throw bad(source, t.getValueNode(), "parameter '" + path + "' has an empty list of values");
            }
            final List<Object> list = new ArrayList<>();
            for (final Node value : values.getValue()) {
                list.add(constructor.constructSingleDocument(Optional.of(value)));
            }
            parameters.put(path, list);
            lines.put(path, line(t.getKeyNode()));
        }
    }

    private static int readSplits(final MappingNode node, final String source) {
        int splits = -1;
        for (final NodeTuple t : entries(node, source)) {
            final String key = keyOf(t, source);
            if (!key.equals("splits")) {
                throw bad(source, t.getKeyNode(), "unknown key 'walkForward." + key + "'; known keys: splits");
            }
            final String value = scalar(t.getValueNode(), source, "'walkForward.splits'");
            try {
                splits = Integer.parseInt(value);
            } catch (final NumberFormatException e) {
                throw bad(source, t.getValueNode(), "walkForward.splits '" + value + "' is not a whole number");
            }
            if (splits < 1) {
                throw bad(source, t.getValueNode(), "walkForward.splits " + splits
                    + " must be at least 1 (fit on one window, test on the next); leave out walkForward for none");
            }
        }
        if (splits < 0) {
            throw bad(source, node, "walkForward needs 'splits'");
        }
        return splits;
    }

    private static boolean readOrder(final Node node, final String source) {
        final String order = scalar(node, source, "'rankOrder'");
        if (order.equals("ascending")) {
            return true;
        }
        if (order.equals("descending")) {
            return false;
        }
        throw bad(source, node, "rankOrder '" + order + "' must be descending (higher is better) or ascending");
    }

    private static List<NodeTuple> entries(final MappingNode node, final String source) {
        final Set<String> seen = new HashSet<>();
        for (final NodeTuple t : node.getValue()) {
            if (!seen.add(keyOf(t, source))) {
                throw bad(source, t.getKeyNode(), "duplicate key '" + keyOf(t, source) + "'");
            }
        }
        return node.getValue();
    }

    private static MappingNode mapping(final Node node, final String source, final String what) {
        if (node instanceof MappingNode m) {
            return m;
        }
        throw bad(source, node, what + " must be a mapping of keys to values");
    }

    private static String keyOf(final NodeTuple t, final String source) {
        return scalar(t.getKeyNode(), source, "a key");
    }

    private static String scalar(final Node node, final String source, final String what) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw bad(source, node, what + " must be a single value");
    }

    private static ConfigException bad(final String source, final Node node, final String message) {
        return new ConfigException(source + " line " + line(node) + ": " + message);
    }

    private static int line(final Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }
}
