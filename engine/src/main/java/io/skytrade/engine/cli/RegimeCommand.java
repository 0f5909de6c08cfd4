package io.skytrade.engine.cli;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.feature.FeatureHandler;
import io.skytrade.core.regime.BaumWelch;
import io.skytrade.core.regime.RegimeParams;
import io.skytrade.core.regime.RegimeSampleCollector;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.journal.InputJournalReader;
import io.skytrade.journal.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code skytrade regime fit --journal DIR --states K --out FILE.yaml}: fits the Gaussian HMM of the
 * regime stage offline with Baum-Welch on a journal's market data (mid returns and realised
 * volatility, computed by the same feature stage as live), and writes the parameters as a config
 * fragment that {@code run --config base.yaml --config FILE.yaml} loads.
 */
@Command(name = "regime", mixinStandardHelpOptions = true, description = "Regime model tools.",
    subcommands = RegimeCommand.Fit.class)
final class RegimeCommand {

    /** Baum-Welch fit of the regime HMM on a journal. */
    @Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit the regime HMM (Baum-Welch) on a journal; writes a config fragment.")
    static final class Fit implements Callable<Integer> {
        /**
         * Each state's variance is kept above this fraction of the component's overall variance:
         * mid returns are exactly 0 whenever the mid does not move, and a state fitted to those
         * alone would otherwise collapse onto a point (variance 1e-8) and take the posterior at every
         * unchanged mid.
         */
        static final double VARIANCE_FLOOR_FRACTION = 0.01;

        @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Run directory.")
        Path journal;

        @Option(names = "--states", description = "Number of hidden states (default: ${DEFAULT-VALUE}).")
        int states = 3;

        @Option(names = "--instrument", paramLabel = "SYMBOL", description = "Fit on one instrument (default: all, concatenated).")
        String instrument;

        @Option(names = "--iterations", description = "Most EM iterations (default: ${DEFAULT-VALUE}).")
        int iterations = 200;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output YAML fragment.")
        Path out;

        @Override
        public Integer call() throws IOException {
            if (states < 1 || states > EngineEvent.MAX_REGIMES) {
                throw new UsageException("--states " + states + " must be in 1.." + EngineEvent.MAX_REGIMES);
            }
            if (iterations < 1) {
                throw new UsageException("--iterations " + iterations + " must be at least 1");
            }
            final Path outDir = out.toAbsolutePath().getParent();
            if (outDir != null && !Files.isDirectory(outDir)) {
                throw new UsageException("--out " + out + ": the directory " + outDir + " does not exist");
            }
            final RunDirectory run = RunDirectory.open(journal);
            final EngineConfig config = new ConfigLoader(System.getenv()).loadText(run.configYaml()).config();
            final InstrumentRegistry registry = InstrumentRegistry.of(config.instruments(), config.series());
            final int instrumentId = instrument == null ? -1 : instrumentId(registry);
            final RegimeParams base = config.model().regime();
            final FeatureHandler features = new FeatureHandler(registry, config.model().feature());
            final RegimeSampleCollector collector = new RegimeSampleCollector(registry.instrumentCount(), instrumentId,
                base.observationScale(), base.stepIntervalNanos());
            final EngineEvent e = new EngineEvent();
            try (InputJournalReader reader = new InputJournalReader(run.inputs())) {
                while (reader.next(e)) {
                    features.onEvent(e, e.sequence, true);
                    collector.onEvent(e, e.sequence, true);
                }
            }
            if (collector.count() < states * 10) {
                System.err.println("journal error: only " + collector.count() + " market-data samples in " + journal
                    + "; need at least " + states * 10 + " to fit " + states + " states");
                return SkytradeCli.EXIT_CORRUPT;
            }
            final double[][] series = collector.series();
            final RegimeParams start = BaumWelch.initialGuess(series, states, series.length - 1, base.observationScale());
            final BaumWelch.Result r = BaumWelch.fit(series, start, iterations, 1e-6,
                BaumWelch.relativeVarianceFloor(series, VARIANCE_FLOOR_FRACTION));
            Files.writeString(out, yaml(r, collector.count(), run.runId(), base.stepIntervalNanos()), StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "fitted %d states on %,d samples: log likelihood %.3f after %d iterations (%s); wrote %s%n",
                states, collector.count(), r.logLikelihood(), r.iterations(), r.converged() ? "converged" : "not converged",
                out.toAbsolutePath());
            return SkytradeCli.EXIT_OK;
        }

        private int instrumentId(final InstrumentRegistry registry) {
            final int id = registry.instrumentId(instrument);
            if (id < 0) {
                throw new UsageException("--instrument '" + instrument + "' is not an instrument of " + journal
                    + "; its instruments: " + registry.instruments());
            }
            return id;
        }

        private static String yaml(final BaumWelch.Result r, final int samples, final String runId, final long stepIntervalNanos) {
            final RegimeParams p = r.params();
            return "# regime parameters fitted by `skytrade regime fit` on run " + runId + " (" + samples + " samples,\n"
                + "# log likelihood " + r.logLikelihood() + "). Load with: run --config base.yaml --config this.yaml\n"
                + "regime:\n"
                + "  states: " + p.states() + "\n"
                + "  dims: " + p.dims() + "\n"
                + "  initial: " + list(p.initial()) + "\n"
                + "  transition: " + list(p.transition()) + "\n"
                + "  means: " + list(p.means()) + "\n"
                + "  variances: " + list(p.variances()) + "\n"
                + "  observationScale: " + p.observationScale() + "\n"
                + "  # the cadence the samples were formed at: the fitted variances hold at this interval only\n"
                + "  stepInterval: " + stepIntervalNanos + "ns\n";
        }

        private static String list(final double[] values) {
            return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]"));
        }
    }
}
