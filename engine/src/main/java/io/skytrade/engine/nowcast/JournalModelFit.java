package io.skytrade.engine.nowcast;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.kalman.ModelComponent;
import io.skytrade.core.kalman.NowcastFit;
import io.skytrade.core.kalman.NowcastModelSpec;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.journal.InputJournalReader;
import io.skytrade.journal.RunDirectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fits nowcast models ({@link NowcastFit}) on the observations of one or more journals: each
 * journal's readings of a model's series, in observation-time order, are one record (journals are
 * never each other's past or future), and the fitted models are written as a configuration
 * fragment ({@code kalman.models.<name>}) that {@code run --config base.yaml --config fit.yaml}
 * loads. Stale (cached) readings are skipped: they are not new measurements.
 *
 * <p>Offline tool: allocates; seconds to minutes per model.
 */
public final class JournalModelFit {
    private JournalModelFit() {
    }

    /** One model's outcome. */
    public record Fitted(String name, NowcastFit.Result result, int readings) {
    }

    /** The readings of one model's series in the given journals, journal after journal, each in time order. */
    static double[][] readings(final List<RunDirectory> runs, final InstrumentRegistry registry, final NowcastModelSpec spec) {
        final String[] names = spec.seriesNames();
        final int[] rowOfSeries = new int[Math.max(1, registry.seriesCount())];
        Arrays.fill(rowOfSeries, -1);
        for (int r = 0; r < names.length; r++) {
            final int id = registry.seriesId(names[r]);
            if (id >= 0) {
                rowOfSeries[id] = r;
            }
        }
        final List<double[]> all = new ArrayList<>();
        final EngineEvent e = new EngineEvent();
        for (final RunDirectory run : runs) {
            final List<double[]> one = new ArrayList<>();
            try (InputJournalReader reader = new InputJournalReader(run.inputs())) {
                while (reader.next(e)) {
                    if (e.type == EventType.OBSERVATION && e.instrumentId >= 0 && e.instrumentId < rowOfSeries.length
                        && rowOfSeries[e.instrumentId] >= 0 && (e.quality & EngineEvent.QUALITY_STALE) == 0
                        && Double.isFinite(e.value)) {
                        one.add(new double[] {rowOfSeries[e.instrumentId], e.eventTimeNanos, e.value});
                    }
                }
            }
            one.sort(Comparator.<double[]>comparingDouble(x -> x[1]).thenComparingDouble(x -> x[0]));
            all.addAll(one);
        }
        return all.toArray(new double[0][]);
    }

    /** Fits model {@code name} on the journals; null when they hold fewer than 100 of its readings. */
    public static Fitted fit(final String name, final NowcastModelSpec spec, final List<RunDirectory> runs,
                             final InstrumentRegistry registry, final long[] horizons, final int evaluations) {
        final double[][] rows = readings(runs, registry, spec);
        if (rows.length < 100) {
            return null;
        }
        final int[] row = new int[rows.length];
        final long[] time = new long[rows.length];
        final double[] value = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            row[i] = (int) rows[i][0];
            time[i] = (long) rows[i][1];
            value[i] = rows[i][2];
        }
        final NowcastFit fit = new NowcastFit(spec, row, time, value, horizons);
        return new Fitted(name, fit.fit(evaluations), rows.length);
    }

    /** The fitted models as a configuration fragment. */
    public static String yaml(final List<Fitted> fitted, final String provenance) {
        final StringBuilder b = new StringBuilder();
        b.append("# nowcast models fitted by `skytrade nowcast fit` ").append(provenance).append('\n');
        b.append("# Load with: run --config base.yaml --config this.yaml\n");
        b.append("kalman:\n  models:\n");
        for (final Fitted f : fitted) {
            final NowcastModelSpec s = f.result().spec();
            b.append("    # ").append(f.readings()).append(String.format(Locale.ROOT,
                " readings; mean negative log predictive density %.5f before, %.5f after%n",
                f.result().startScore(), f.result().score()));
            b.append("    ").append(f.name()).append(":\n");
            b.append("      series: ").append(s.series()).append('\n');
            b.append("      readingNoise: ").append(list(s.readingNoise())).append('\n');
            b.append("      sampleNoise: ").append(list(s.sampleNoise())).append('\n');
            b.append("      sampleNoisePerUnit: ").append(list(s.sampleNoisePerUnit())).append('\n');
            b.append("      logScale: ").append(s.logScale()).append('\n');
            b.append("      profile: ").append(s.profile()).append('\n');
            b.append("      profileSlots: ").append(s.profileSlots()).append('\n');
            b.append("      profileInitial: ").append(list(s.profileInitial())).append('\n');
            b.append("      profileDays: ").append(s.profileDays()).append('\n');
            b.append("      components:\n");
            for (final Map.Entry<String, ModelComponent> e : s.components().entrySet()) {
                final ModelComponent c = e.getValue();
                b.append("        ").append(e.getKey()).append(": {type: ").append(c.type())
                    .append(", periodHours: ").append(c.periodHours())
                    .append(", sigma: ").append(c.sigma())
                    .append(", lengthHours: ").append(c.lengthHours())
                    .append(", noisePerHour: ").append(c.noisePerHour())
                    .append(", initialMean: ").append(c.initialMean())
                    .append(", initialVariance: ").append(c.initialVariance())
                    .append(", loadings: ").append(list(c.loadings())).append("}\n");
            }
        }
        return b.toString();
    }

    private static String list(final double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
