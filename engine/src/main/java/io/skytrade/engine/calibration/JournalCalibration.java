package io.skytrade.engine.calibration;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.calibration.ForecastCalibration;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.world.WorldSeries;
import io.skytrade.core.world.WorldSettlement;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.engine.evaluate.Horizons;
import io.skytrade.engine.runtime.EngineAssembly;
import io.skytrade.engine.runtime.PaperOrderGateway;
import io.skytrade.journal.InputJournalReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well the engine's nowcasts predicted settlement on a recorded journal, real data included
 * (a `journal import` of public readings): the journal's inputs go through the nowcast stages
 * alone (features, Kalman, valuation, built from the configuration exactly as a live run builds
 * them), each product's fair value and standard deviation are read at every {@link Horizons
 * horizon} before each settlement instant the journal covers, and each settlement is computed from
 * the journal's own readings under the configured settlement rules ({@link WorldSettlement} over a
 * {@link RecordedSeriesPath}: the rule the simulator and the valuation share). A product is scored
 * for a session only when every reading its settlement needs is in the journal.
 *
 * <p>Time is the engine's receive time of each input, so a horizon sees what the engine had
 * received by then. Offline tool: reads the journal twice, allocates freely; not thread-safe.
 */
public final class JournalCalibration {
    /** A reading is taken to hold until this long after its time (the slowest settlement grid, 15 min). */
    public static final long READING_VALIDITY_NANOS = 15 * 60_000_000_000L;
    private static final List<String> NOWCAST_STAGES = List.of("features", "kalman", "valuation");

    private final EngineConfig config;

    public JournalCalibration(final EngineConfig config) {
        this.config = config;
    }

    /**
     * The result.
     *
     * @param table       the calibration table, one row per scored product, one column per horizon
     * @param settlements the settlement instants the journal covers, epoch nanoseconds
     * @param outcomes    per scored product (table row), its settlement per instant; NaN where the
     *                    journal lacks a reading the settlement needs
     * @param inputs      inputs read
     */
    public record Result(ForecastCalibration table, List<Long> settlements, List<double[]> outcomes, long inputs) {
        /** Settlement sessions the journal covers. */
        public int sessions() {
            return settlements.size();
        }
    }

    /**
     * Runs the calibration over the inputs journal at {@code inputs}.
     *
     * @throws IllegalArgumentException when the journal covers no whole settlement session
     */
    public Result run(final Path inputs) {
        final EngineAssembly assembly = new EngineAssembly(config);
        final InstrumentRegistry registry = assembly.registry();
        final SettlementRules rules = config.model().settlement();
        final RecordedSeriesPath path = new RecordedSeriesPath(READING_VALIDITY_NANOS);
        final long[] span = readObservations(inputs, registry, path);
        path.freeze();
        final List<Long> settlements = new ArrayList<>();
        for (long s = rules.nextSettlementAtOrAfter(span[0] + 1); s <= span[1]; s = rules.nextSettlementAtOrAfter(s + 1)) {
            settlements.add(s);
        }
        if (settlements.isEmpty()) {
            throw new IllegalArgumentException(inputs + ": its inputs span no settlement instant; nothing to calibrate");
        }
        final int products = registry.instrumentCount();
        final int horizons = Horizons.count();
        final double[][][] fair = new double[settlements.size()][horizons][products];
        final double[][][] std = new double[settlements.size()][horizons][products];
        for (final double[][] a : fair) {
            for (final double[] b : a) {
                Arrays.fill(b, Double.NaN);
            }
        }
        final long inputCount = runNowcasts(inputs, assembly, settlements, fair, std);
        final List<double[]> outcomes = new ArrayList<>();
        final ForecastCalibration table = score(registry, rules, path, settlements, fair, std, outcomes);
        return new Result(table, List.copyOf(settlements), outcomes, inputCount);
    }

    /** First pass: the readings, and the first and last receive times. */
    private static long[] readObservations(final Path inputs, final InstrumentRegistry registry, final RecordedSeriesPath path) {
        final int[] worldSeries = new int[registry.seriesCount()];
        for (int s = 0; s < worldSeries.length; s++) {
            worldSeries[s] = WorldSeries.code(registry.seriesName(s));
        }
        final long[] span = {Long.MAX_VALUE, Long.MIN_VALUE};
        final EngineEvent e = new EngineEvent();
        try (InputJournalReader reader = new InputJournalReader(inputs)) {
            while (next(reader, e)) {
                span[0] = Math.min(span[0], e.receiveTimeNanos);
                span[1] = Math.max(span[1], e.receiveTimeNanos);
                if (e.type == EventType.OBSERVATION && e.instrumentId >= 0 && e.instrumentId < worldSeries.length
                    && worldSeries[e.instrumentId] >= 0 && Double.isFinite(e.value)) {
                    path.add(worldSeries[e.instrumentId], e.eventTimeNanos, e.value);
                }
            }
        }
        if (span[0] == Long.MAX_VALUE) {
            throw new IllegalArgumentException(inputs + ": the journal holds no inputs");
        }
        return span;
    }

    private static boolean next(final InputJournalReader reader, final EngineEvent e) {
        e.clear();
        return reader.next(e);
    }

    /** Second pass: the nowcast stages over every input, snapshotting fair values at each checkpoint. */
    private static long runNowcasts(final Path inputs, final EngineAssembly assembly, final List<Long> settlements,
                                    final double[][][] fair, final double[][][] std) {
        final EngineAssembly.Stages stages = assembly.businessStages((event, side) -> { }, new PaperOrderGateway(), 0);
        final SideBuffers side = stages.side();
        final List<EventHandler<EngineEvent>> nowcast = new ArrayList<>();
        for (int i = 0; i < stages.names().size(); i++) {
            if (NOWCAST_STAGES.contains(stages.names().get(i))) {
                nowcast.add(stages.handlers().get(i));
            }
        }
        final int products = fair[0][0].length;
        final double[] currentFair = new double[products];
        final double[] currentStd = new double[products];
        Arrays.fill(currentFair, Double.NaN);
        Arrays.fill(currentStd, Double.NaN);
        final int horizons = Horizons.count();
        final long[] checkpoints = new long[settlements.size() * horizons];
        for (int s = 0; s < settlements.size(); s++) {
            for (int h = 0; h < horizons; h++) {
                checkpoints[s * horizons + h] = settlements.get(s) - Horizons.beforeNanos(h);
            }
        }
        final Integer[] order = new Integer[checkpoints.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(checkpoints[a], checkpoints[b]));
        int nextCheckpoint = 0;
        long count = 0;
        final EngineEvent e = new EngineEvent();
        try (InputJournalReader reader = new InputJournalReader(inputs)) {
            while (next(reader, e)) {
                while (nextCheckpoint < order.length && checkpoints[order[nextCheckpoint]] < e.receiveTimeNanos) {
                    final int k = order[nextCheckpoint++];
                    System.arraycopy(currentFair, 0, fair[k / horizons][k % horizons], 0, products);
                    System.arraycopy(currentStd, 0, std[k / horizons][k % horizons], 0, products);
                }
                for (final EventHandler<EngineEvent> stage : nowcast) {
                    try {
                        stage.onEvent(e, e.sequence, true);
                    } catch (final Exception ex) {
                        throw new IllegalStateException("input #" + e.sequence + ": a nowcast stage failed: " + ex, ex);
                    }
                }
                for (int i = 0; i < products; i++) {
                    if (e.isTouched(i)) {
                        currentFair[i] = side.fairValue(e, i);
                        currentStd[i] = side.fairStd(e, i);
                    }
                }
                count++;
            }
        }
        return count;
    }

    private static ForecastCalibration score(final InstrumentRegistry registry, final SettlementRules rules,
                                             final RecordedSeriesPath path, final List<Long> settlements,
                                             final double[][][] fair, final double[][][] std,
                                             final List<double[]> outcomes) {
        final WorldSettlement settlement = new WorldSettlement(path, rules);
        final List<String> scored = new ArrayList<>();
        final List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < registry.instrumentCount(); i++) {
            final String symbol = registry.instrumentName(i);
            if (rules.kindOf(symbol) < 0) {
                continue;
            }
            final double[] outcome = new double[settlements.size()];
            boolean any = false;
            for (int s = 0; s < settlements.size(); s++) {
                path.resetMisses();
                final double v = settlement.value(symbol, settlements.get(s));
                outcome[s] = path.misses() == 0 && Double.isFinite(v) ? v : Double.NaN;
                any |= Double.isFinite(outcome[s]);
            }
            if (any) {
                scored.add(symbol);
                outcomes.add(outcome);
                ids.add(i);
            }
        }
        if (scored.isEmpty()) {
            throw new IllegalArgumentException("the journal's readings settle no configured product over a whole session");
        }
        final ForecastCalibration table = new ForecastCalibration(scored, Horizons.NAMES);
        for (int r = 0; r < scored.size(); r++) {
            final int id = ids.get(r);
            for (int s = 0; s < settlements.size(); s++) {
                final double outcome = outcomes.get(r)[s];
                for (int h = 0; h < Horizons.count(); h++) {
                    final double f = fair[s][h][id];
                    final double sd = std[s][h][id];
                    if (Double.isFinite(outcome) && Double.isFinite(f) && Double.isFinite(sd) && sd >= 0) {
                        table.add(r, h, f, sd, outcome);
                    }
                }
            }
        }
        return table;
    }
}
