package io.skytrade.engine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzing of the config loader (issue #11): the shipped config files and the fully printed default
 * configuration, mutated in seeded, random ways, both as values (every key of every section given
 * numbers out of range, wrong types, bad durations and sizes, unset environment variables, nested
 * maps and lists, unknown keys, keys removed) and as text (lines dropped, doubled, swapped or cut,
 * YAML syntax characters inserted). Whatever the input, the loader either returns a configuration
 * or throws a {@link ConfigException} whose message is one line; and a configuration it accepts
 * prints ({@code config show}) to YAML that loads back to the same configuration. Seeded and
 * bounded (about a second of loads); the seed of a failing case is in its message.
 */
@Timeout(120)
class ConfigLoaderFuzzTest {
    /** Cases per test; {@code -Dskytrade.fuzz.cases=N} runs more (README, "Fuzzing"). */
    private static final int CASES = Integer.getInteger("skytrade.fuzz.cases", 1500);
    /** {@code -Dskytrade.fuzz.seed=S} runs other cases. */
    private static final long SEED = Long.getLong("skytrade.fuzz.seed", 0xc0f16L);
    private static final Map<String, String> ENV = Map.of("SKYTRADE_FUZZ_SET", "5", "SKYTRADE_FUZZ_WORD", "busy-spin");
    private static final String[] FILES = {"default.yaml", "tuned-host.yaml", "live.example.yaml", "cmi.example.yaml"};
    /** Values given to a key: in and out of every range, of every type the binder meets. */
    private static final Object[] VALUES = {
        0, -1, 1, 2, 7, 65535, 65536, 99999, Integer.MAX_VALUE, 2_147_483_648L, Long.MAX_VALUE, Long.MIN_VALUE,
        0.0, -0.5, 0.5, 1.5, 1e-300, 1e308, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        true, false, null, "", " ", "x", "NOPE", "0", "-1", "1.5", "1e309", "0s", "-1s", "1ms", "500us", "1ns", "15m", "1h", "2d",
        "99999999999d", "9223372036854775807ns", "1 h", "h", "64MiB", "-64MiB", "1KiB", "3MiB", "64", "blocking", "busy-spin",
        "BUSY_SPIN", "inline", "parallel", "simulator", "remote", "paper", "cmi", "websocket", "FAST_DAILY", "DAILY", "HOURLY",
        "2026-11-25T08:00:00Z", "2026-13-45T99:00:00Z", "127.0.0.1", "0.0.0.0", "::1", "not an address", "${SKYTRADE_FUZZ_SET}",
        "${SKYTRADE_FUZZ_WORD}", "${SKYTRADE_FUZZ_UNSET}", "${SKYTRADE_FUZZ_UNSET:-3}", "${", "$${x}", "TIDE_SPOT", "thames_level_m",
        List.of(), List.of(1, "a"), List.of(List.of("journal", "kalman")), List.of("journal", "features"), List.of(-1, 0, 1),
        Map.of(), Map.of("a", 1), Map.of("TIDE_SPOT", 0.5)};
    /** Text inserted at a random place. */
    private static final String[] FRAGMENTS = {
        ":", ": ", "-", "- ", "[", "]", "{", "}", "\t", "  ", "\n", "#", "&a ", "*a", "!!binary ", "!!float ", "%YAML 1.2\n", "---\n",
        "...\n", "? ", "|", ">", "\"", "'", ",", "\u0000", "\ufeff", "\u00e9", "<<: *a\n", "key: value\n", "unknownSection: 1\n"};

    @Test
    void shouldLoadEveryShippedFileAndReprintItUnchanged() {
        for (final String base : bases()) {
            assertRoundTrip(new ConfigLoader(ENV).loadText(base).config(), "a shipped file");
        }
    }

    @Test
    void shouldAcceptOrRefuseInOneLineEveryMutatedValue() {
        final List<String> bases = bases();
        final SplittableRandom seeds = new SplittableRandom(SEED);
        int accepted = 0;
        for (int c = 0; c < CASES; c++) {
            final long seed = seeds.nextLong();
            final SplittableRandom r = new SplittableRandom(seed);
            final Map<String, Object> tree = tree(bases.get(r.nextInt(bases.size())));
            final int mutations = 1 + r.nextInt(3);
            final StringBuilder what = new StringBuilder();
            for (int i = 0; i < mutations; i++) {
                what.append(mutate(r, tree)).append("; ");
            }
            accepted += check(dump(tree), "value case " + c + " (seed " + seed + ": " + what + ")") ? 1 : 0;
        }
        assertTrue(accepted > CASES / 20 && accepted < CASES - CASES / 20,
            "accepted " + accepted + " of " + CASES + ": the mutations should neither all pass nor all fail");
    }

    @Test
    void shouldAcceptOrRefuseInOneLineEveryMutatedText() throws IOException {
        final List<String> files = new ArrayList<>();
        for (final String name : FILES) {
            files.add(Files.readString(Path.of("../config", name), StandardCharsets.UTF_8));
        }
        final SplittableRandom seeds = new SplittableRandom(SEED + 1);
        for (int c = 0; c < CASES; c++) {
            final long seed = seeds.nextLong();
            final SplittableRandom r = new SplittableRandom(seed);
            final List<String> lines = new ArrayList<>(files.get(r.nextInt(files.size())).lines().toList());
            final String what = mutateText(r, lines);
            check(String.join("\n", lines) + "\n", "text case " + c + " (seed " + seed + ": " + what + ")");
        }
    }

    /** Loads {@code text}: true when accepted (and reprinted unchanged), false when refused in one line; fails otherwise. */
    private static boolean check(final String text, final String context) {
        final EngineConfig config;
        try {
            config = new ConfigLoader(ENV).loadText(text).config();
        } catch (final ConfigException e) {
            final String message = e.getMessage();
            assertTrue(message != null && !message.isBlank() && message.lines().count() == 1,
                context + ": one line naming the problem, got: " + message);
            return false;
        } catch (final RuntimeException | StackOverflowError e) {
            throw new AssertionError(context + ": the loader let through " + e + "\n--- input ---\n" + text, e);
        }
        assertRoundTrip(config, context);
        return true;
    }

    private static void assertRoundTrip(final EngineConfig config, final String context) {
        final String printed = ConfigPrinter.yaml(config);
        final String reprinted;
        try {
            reprinted = ConfigPrinter.yaml(new ConfigLoader(Map.of()).loadText(printed).config());
        } catch (final ConfigException e) {
            throw new AssertionError(context + ": accepted, but its printed form is refused: " + e.getMessage()
                + "\n--- printed ---\n" + printed, e);
        }
        assertEquals(printed, reprinted, context + ": printed, loaded and printed again");
    }

    /** The shipped files and the default configuration printed in full (every key of every section). */
    private static List<String> bases() {
        final List<String> bases = new ArrayList<>();
        try {
            for (final String name : FILES) {
                bases.add(Files.readString(Path.of("../config", name), StandardCharsets.UTF_8));
            }
        } catch (final IOException e) {
            throw new AssertionError("cannot read the shipped config files: " + e, e);
        }
        bases.add(ConfigPrinter.yaml(new ConfigLoader(Map.of()).loadText(bases.get(0)).config()));
        return bases;
    }

    /** One change to a random place of the tree; returns what it did. */
    private static String mutate(final SplittableRandom r, final Map<String, Object> root) {
        final List<Object[]> places = new ArrayList<>();
        collect("", root, places);
        final Object[] place = places.get(r.nextInt(places.size()));
        @SuppressWarnings("unchecked")
        final Map<String, Object> parent = (Map<String, Object>) place[1];
        final String key = (String) place[2];
        final int kind = r.nextInt(10);
        if (kind == 0) {
            parent.remove(key);
            return "removed " + place[0];
        }
        if (kind == 1) {
            parent.put(key + "X", fresh(VALUES[r.nextInt(VALUES.length)]));
            return "added " + place[0] + "X";
        }
        final Object value = fresh(VALUES[r.nextInt(VALUES.length)]);
        parent.put(key, value);
        return place[0] + " = " + value;
    }

    /** A value to put in the tree: a map as a mutable copy, which later mutations may change. */
    @SuppressWarnings("unchecked")
    private static Object fresh(final Object value) {
        return value instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : value;
    }

    /** Every key of the tree as {path, its map, key}. */
    @SuppressWarnings("unchecked")
    private static void collect(final String path, final Map<String, Object> map, final List<Object[]> into) {
        for (final Map.Entry<String, Object> e : map.entrySet()) {
            final String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            into.add(new Object[]{p, map, e.getKey()});
            if (e.getValue() instanceof Map<?, ?> child) {
                collect(p, (Map<String, Object>) child, into);
            }
        }
    }

    private static String mutateText(final SplittableRandom r, final List<String> lines) {
        final int line = r.nextInt(lines.size());
        switch (r.nextInt(6)) {
            case 0 -> {
                lines.remove(line);
                return "line " + line + " removed";
            }
            case 1 -> {
                lines.add(line, lines.get(line));
                return "line " + line + " doubled";
            }
            case 2 -> {
                final int other = r.nextInt(lines.size());
                final String l = lines.get(line);
                lines.set(line, lines.get(other));
                lines.set(other, l);
                return "lines " + line + " and " + other + " swapped";
            }
            case 3 -> {
                final String l = lines.get(line);
                lines.set(line, l.substring(0, r.nextInt(l.length() + 1)));
                return "line " + line + " cut";
            }
            case 4 -> {
                final String l = lines.get(line);
                lines.set(line, l.startsWith("  ") ? l.substring(2) : "  " + l);
                return "line " + line + " re-indented";
            }
            default -> {
                final String l = lines.get(line);
                final int at = r.nextInt(l.length() + 1);
                final String fragment = FRAGMENTS[r.nextInt(FRAGMENTS.length)];
                lines.set(line, l.substring(0, at) + fragment + l.substring(at));
                return "'" + fragment.replace("\n", "\\n") + "' inserted in line " + line;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(final String yaml) {
        final Object root = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        return deepCopy((Map<String, Object>) root);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(final Map<String, Object> map) {
        final Map<String, Object> copy = new LinkedHashMap<>();
        for (final Map.Entry<String, Object> e : map.entrySet()) {
            copy.put(String.valueOf(e.getKey()), e.getValue() instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : e.getValue());
        }
        return copy;
    }

    private static String dump(final Map<String, Object> tree) {
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build()).dumpToString(tree);
    }
}
