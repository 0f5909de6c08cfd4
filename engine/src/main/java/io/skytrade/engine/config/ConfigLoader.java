package io.skytrade.engine.config;

import io.skytrade.journal.FileErrors;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads a YAML config file into an immutable, validated {@link EngineConfig}: parses with
 * snakeyaml-engine, substitutes {@code ${VAR}} / {@code ${VAR:-default}} from an injected
 * environment, binds strictly (unknown keys, wrong types and bad values fail with one line), and
 * produces the resolved config as YAML with secrets redacted, which a run directory stores and a
 * replay loads back.
 *
 * <p>Start-up only.
 */
public final class ConfigLoader {
    /** What a redacted secret reads as in a config snapshot. */
    public static final String REDACTED = "<redacted>";

    private final Map<String, String> env;

    public ConfigLoader(final Map<String, String> env) {
        this.env = env;
    }

    /** Loads from the process environment. */
    public static ConfigLoader fromSystemEnv() {
        return new ConfigLoader(System.getenv());
    }

    /**
     * Loads and validates a config file.
     *
     * @throws ConfigException with one line naming the file and what was wrong
     */
    public LoadedConfig load(final Path file) {
        final String text = read(file);
        try {
            return loadText(text);
        } catch (final ConfigException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads several files and merges them in order (mappings merged key by key, later files
     * winning; lists and scalars replaced), then validates the result.
     */
    public LoadedConfig load(final List<Path> files) {
        if (files.size() == 1) {
            return load(files.get(0));
        }
        final Map<String, Object> merged = new LinkedHashMap<>();
        for (final Path file : files) {
            final String text = read(file);
            try {
                merge(merged, parse(text));
            } catch (final ConfigException e) {
                throw new ConfigException(file + ": " + e.getMessage(), e);
            }
        }
        try {
            return loadTree(merged);
        } catch (final ConfigException e) {
            throw new ConfigException(files + ": " + e.getMessage(), e);
        }
    }

    private static String read(final Path file) {
        if (!Files.exists(file)) {
            throw new ConfigException("config file " + file + " does not exist" + (file.isAbsolute() ? ""
                : " (relative to the working directory " + Path.of("").toAbsolutePath() + ")"));
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + FileErrors.describe(e, file), e);
        }
    }

    /** Loads several config texts merged in order, as {@link #load(List)} merges files. */
    public LoadedConfig loadTexts(final String... texts) {
        final Map<String, Object> merged = new LinkedHashMap<>();
        for (final String text : texts) {
            merge(merged, parse(text));
        }
        return loadTree(merged);
    }

    @SuppressWarnings("unchecked")
    private static void merge(final Map<String, Object> into, final Map<String, Object> from) {
        for (final Map.Entry<String, Object> e : from.entrySet()) {
            final Object existing = into.get(e.getKey());
            if (existing instanceof Map && e.getValue() instanceof Map) {
                final Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) existing);
                merge(copy, (Map<String, Object>) e.getValue());
                into.put(e.getKey(), copy);
            } else {
                into.put(e.getKey(), e.getValue());
            }
        }
    }

    private static Map<String, Object> parse(final String text) {
        final Object root;
        try {
            root = new Load(LoadSettings.builder().setLabel("config").setAllowDuplicateKeys(false).build()).loadFromString(text);
        } catch (final YamlEngineException e) {
            throw new ConfigException("not valid YAML: " + YamlErrors.describe(e), e);
        }
        if (root != null && !(root instanceof Map)) {
            throw new ConfigException("the top level must be a mapping of sections, not a " + root.getClass().getSimpleName());
        }
        return root == null ? Map.of() : asMap(root);
    }

    /** Loads and validates config text. */
    public LoadedConfig loadText(final String text) {
        return loadTree(parse(text));
    }

    private LoadedConfig loadTree(final Map<String, Object> root) {
        final Map<String, Object> resolved = new LinkedHashMap<>();
        final Map<String, Object> redacted = new LinkedHashMap<>();
        final Set<String> secretPaths = new HashSet<>();
        resolveMap("", root, resolved, redacted, secretPaths);
        final EngineConfig config = EngineConfig.bind(new ConfigNode("", resolved, secretPaths));
        return new LoadedConfig(config, dump(redacted));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(final Object o) {
        return (Map<String, Object>) o;
    }

    private void resolveMap(final String path, final Map<String, Object> in, final Map<String, Object> out,
                            final Map<String, Object> redactedOut, final Set<String> secretPaths) {
        for (final Map.Entry<String, Object> e : in.entrySet()) {
            final String key = String.valueOf(e.getKey());
            final String keyPath = path.isEmpty() ? key : path + "." + key;
            final Object[] pair = resolveValue(keyPath, key, e.getValue(), secretPaths);
            out.put(key, pair[0]);
            redactedOut.put(key, pair[1]);
        }
    }

    private Object[] resolveValue(final String keyPath, final String key, final Object value, final Set<String> secretPaths) {
        if (value instanceof Map) {
            final Map<String, Object> out = new LinkedHashMap<>();
            final Map<String, Object> red = new LinkedHashMap<>();
            resolveMap(keyPath, asMap(value), out, red, secretPaths);
            return new Object[]{out, red};
        }
        if (value instanceof List<?> list) {
            final List<Object> out = new ArrayList<>();
            final List<Object> red = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                final Object[] pair = resolveValue(keyPath + "[" + i + "]", key, list.get(i), secretPaths);
                out.add(pair[0]);
                red.add(pair[1]);
            }
            return new Object[]{out, red};
        }
        if (value instanceof String s) {
            final EnvSubstitution.Result r = new EnvSubstitution(env).apply(keyPath, s);
            final boolean secret = r.secret() || EnvSubstitution.isSecretKey(key) && !r.value().isEmpty();
            if (secret) {
                secretPaths.add(keyPath);
            }
            return new Object[]{r.value(), secret ? REDACTED : r.value()};
        }
        return new Object[]{value, value};
    }

    private static String dump(final Map<String, Object> map) {
        final DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
        return "# resolved skytrade configuration (secrets redacted)\n" + new Dump(settings).dumpToString(map);
    }

    /**
     * A loaded config and its resolved, redacted YAML form.
     *
     * @param config       the validated configuration
     * @param redactedYaml the resolved configuration with secrets replaced by {@value #REDACTED}
     */
    public record LoadedConfig(EngineConfig config, String redactedYaml) {
    }
}
