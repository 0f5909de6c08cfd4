package io.skytrade.engine.cli;

import io.skytrade.core.calibration.ForecastCalibration;
import io.skytrade.core.kalman.NowcastModelSpec;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.engine.config.ConfigException;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.Durations;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.engine.nowcast.JournalModelFit;
import io.skytrade.engine.nowcast.NowcastAccuracy;
import io.skytrade.engine.nowcast.ReadingsJournal;
import io.skytrade.journal.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code skytrade nowcast readings|fit|accuracy}: the nowcast models' offline tools. {@code readings}
 * journals what the synthetic feeds publish about seeded worlds; {@code fit} fits the models'
 * parameters on journals' observations and writes a config fragment; {@code accuracy} measures the
 * fair values' error and calibration against the synthetic world at horizons before settlement.
 */
@Command(name = "nowcast", mixinStandardHelpOptions = true, description = "Nowcast model tools.",
    subcommands = {NowcastCommand.Readings.class, NowcastCommand.Fit.class, NowcastCommand.Accuracy.class})
final class NowcastCommand {

    /** Seeds written as "1-20", "201,205" or a mix. */
    static long[] seeds(final String text) {
        final List<Long> out = new ArrayList<>();
        try {
            for (final String part : text.split(",")) {
                final String p = part.trim();
                final int dash = p.indexOf('-', 1);
                if (dash > 0) {
                    final long a = Long.parseLong(p.substring(0, dash).trim());
                    final long b = Long.parseLong(p.substring(dash + 1).trim());
                    if (b < a || b - a > 10_000) {
                        throw new NumberFormatException("range " + p);
                    }
                    for (long s = a; s <= b; s++) {
                        out.add(s);
                    }
                } else {
                    out.add(Long.parseLong(p));
                }
            }
        } catch (final NumberFormatException e) {
            throw new ConfigException("--seeds '" + text + "': expected seeds like 1-20 or 201,205");
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    static long instant(final String option, final String text) {
        try {
            final Instant at = Instant.parse(text);
            return at.getEpochSecond() * 1_000_000_000L + at.getNano();
        } catch (final DateTimeParseException e) {
            throw new ConfigException(option + " '" + text + "': expected an ISO instant such as 2026-01-05T00:00:00Z");
        }
    }

    static EngineConfig config(final Path file) {
        return file == null ? ConfigLoader.fromSystemEnv().loadText(DemoCommand.defaultText()).config()
            : ConfigLoader.fromSystemEnv().load(file).config();
    }

    /** Journals of the synthetic feeds' readings. */
    @Command(name = "readings", mixinStandardHelpOptions = true,
        description = "Journal what the synthetic feeds publish about seeded worlds (one run directory per seed).")
    static final class Readings implements Callable<Integer> {
        @Option(names = "--seeds", required = true, description = "World seeds, e.g. 1-5.")
        String seeds;

        @Option(names = "--days", description = "Days of readings (default: ${DEFAULT-VALUE}).")
        int days = 30;

        @Option(names = "--start", description = "First instant (default: ${DEFAULT-VALUE}).")
        String start = "2026-01-05T00:00:00Z";

        @Option(names = "--journal", paramLabel = "DIR", description = "Root of the run directories (default: ${DEFAULT-VALUE}).")
        Path journal = Path.of("journal");

        @Option(names = "--config", paramLabel = "FILE", description = "Configuration carried by the runs (default: the embedded one).")
        Path configFile;

        @Override
        public Integer call() throws IOException {
            if (days < 1 || days > 3650) {
                throw new ConfigException("--days " + days + ": expected 1..3650");
            }
            final long from = instant("--start", start);
            final String yaml = configFile == null ? DemoCommand.defaultText() : Files.readString(configFile, StandardCharsets.UTF_8);
            final EngineConfig c = configFile == null ? config(null) : ConfigLoader.fromSystemEnv().loadText(yaml).config();
            final InstrumentRegistry registry = InstrumentRegistry.of(c.instruments(), c.series());
            for (final long seed : seeds(seeds)) {
                final RunDirectory run = ReadingsJournal.write(journal, yaml, registry, seed, seed * 1_000_003L + 17, from, days);
                System.out.println("seed " + seed + ": " + run.dir());
            }
            return SkytradeCli.EXIT_OK;
        }
    }

    /** Maximum-likelihood fit of the nowcast models on journals. */
    @Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit the nowcast models' parameters on journals' observations; writes a config fragment.")
    static final class Fit implements Callable<Integer> {
        @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Run directory (repeatable).")
        List<Path> journals;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output YAML fragment.")
        Path out;

        @Option(names = "--config", paramLabel = "FILE", description = "Models to start from (default: the first journal's configuration).")
        Path configFile;

        @Option(names = "--models", description = "Comma-separated model names (default: every model).")
        String models;

        @Option(names = "--horizons", description = "Forecast horizons scored (default: ${DEFAULT-VALUE}).")
        String horizons = "30m,1h,2h,6h,12h";

        @Option(names = "--evaluations", description = "Most likelihood evaluations per model (default: ${DEFAULT-VALUE}).")
        int evaluations = 400;

        @Override
        public Integer call() throws IOException {
            final List<RunDirectory> runs = new ArrayList<>();
            for (final Path j : journals) {
                runs.add(RunDirectory.open(j));
            }
            final EngineConfig c = configFile != null ? config(configFile)
                : ConfigLoader.fromSystemEnv().loadText(runs.get(0).configYaml()).config();
            final InstrumentRegistry registry = InstrumentRegistry.of(c.instruments(), c.series());
            final String[] hs = horizons.split(",");
            final long[] h = new long[hs.length];
            for (int i = 0; i < hs.length; i++) {
                try {
                    h[i] = Durations.parseNanos(hs[i].trim());
                } catch (final IllegalArgumentException e) {
                    throw new ConfigException("--horizons '" + horizons + "': expected durations like 30m,1h,6h");
                }
            }
            final Map<String, NowcastModelSpec> specs = new TreeMap<>(c.model().kalman().models());
            if (models != null) {
                final Map<String, NowcastModelSpec> chosen = new TreeMap<>();
                for (final String m : models.split(",")) {
                    final NowcastModelSpec s = specs.get(m.trim());
                    if (s == null) {
                        throw new ConfigException("--models: no model '" + m.trim() + "'; expected one of " + specs.keySet());
                    }
                    chosen.put(m.trim(), s);
                }
                specs.clear();
                specs.putAll(chosen);
            }
            final List<JournalModelFit.Fitted> fitted = new ArrayList<>();
            for (final Map.Entry<String, NowcastModelSpec> e : specs.entrySet()) {
                final long t0 = System.nanoTime();
                final JournalModelFit.Fitted f = JournalModelFit.fit(e.getKey(), e.getValue(), runs, registry, h, evaluations);
                if (f == null) {
                    System.out.println(e.getKey() + ": fewer than 100 readings in the journals, not fitted");
                    continue;
                }
                fitted.add(f);
                System.out.printf(Locale.ROOT, "%s: %,d readings, mean negative log predictive density %.5f -> %.5f after %d"
                    + " evaluations (%.1f s)%n", e.getKey(), f.readings(), f.result().startScore(), f.result().score(),
                    f.result().evaluations(), (System.nanoTime() - t0) / 1e9);
            }
            Files.writeString(out, JournalModelFit.yaml(fitted, "on " + runs.size() + " journal(s) at horizons " + horizons),
                StandardCharsets.UTF_8);
            System.out.println("wrote " + out.toAbsolutePath());
            return SkytradeCli.EXIT_OK;
        }
    }

    /** Fair-value error and calibration against the synthetic world. */
    @Command(name = "accuracy", mixinStandardHelpOptions = true,
        description = "Measure the fair values' bias, RMSE, RMS z and 80%%-interval coverage against the synthetic world.")
    static final class Accuracy implements Callable<Integer> {
        @Option(names = "--seeds", description = "World seeds (default: ${DEFAULT-VALUE}, not tuned on).")
        String seeds = "201-210";

        @Option(names = "--sessions", description = "Settlements measured per seed (default: ${DEFAULT-VALUE}).")
        int sessions = 10;

        @Option(names = "--warmup", description = "Days of readings before the first measured session (default: ${DEFAULT-VALUE}).")
        int warmup = NowcastAccuracy.WARM_UP_DAYS;

        @Option(names = "--start", description = "First instant (default: ${DEFAULT-VALUE}).")
        String start = "2026-01-10T12:00:00Z";

        @Option(names = "--config", paramLabel = "FILE", description = "Configuration (default: the embedded one).")
        Path configFile;

        @Override
        public Integer call() {
            if (sessions < 1 || warmup < 0) {
                throw new ConfigException("--sessions " + sessions + " and --warmup " + warmup + ": expected >= 1 and >= 0");
            }
            final EngineConfig c = config(configFile);
            final long t0 = System.nanoTime();
            final ForecastCalibration s = NowcastAccuracy.standard(c).measure(seeds(seeds), instant("--start", start), warmup, sessions);
            System.out.println("RMSE (RMS z, 80%-interval coverage):");
            System.out.println(s.markdown(ForecastCalibration.Figure.ALL));
            System.out.println("bias / RMSE:");
            System.out.println(s.markdown(ForecastCalibration.Figure.BIAS_RMSE));
            System.out.printf(Locale.ROOT, "seeds %s, %d sessions each after %d days of readings (%.1f s)%n", seeds, sessions, warmup,
                (System.nanoTime() - t0) / 1e9);
            return SkytradeCli.EXIT_OK;
        }
    }
}
