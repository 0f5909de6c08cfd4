package io.skytrade.engine.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.MetricType;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricFamilyDescriptor;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.EventType;
import io.skytrade.core.pipeline.StageFailureRecorder;
import io.skytrade.core.risk.RiskReason;
import io.skytrade.core.risk.TradingMode;
import io.skytrade.exchange.RejectReason;
import io.skytrade.feeds.PollResult;
import io.skytrade.feeds.PollStatus;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.agrona.concurrent.EpochNanoClock;

import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.IntToDoubleFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The engine's metrics as a Prometheus registry (names and labels in README "Metrics"): callback
 * counters and gauges that read {@link EngineCounters} at scrape time, and the latency histograms
 * of {@link LatencyRecorders} as one classic histogram {@code skytrade_latency_seconds{stage}}
 * whose buckets are counted from the cumulative HdrHistogram (its sum is count x mean, within the
 * HdrHistogram's 1% precision).
 *
 * <p>Scrape threads only; allocates per scrape (off the hot path).
 */
public final class PrometheusMetrics {
    /** Upper bounds of the latency buckets, seconds: 1 us to 1 s in 1-2-5 steps, then +Inf. */
    static final double[] LATENCY_BUCKETS = {
        1e-6, 2e-6, 5e-6, 1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 5e-2, 0.1, 0.2, 0.5, 1.0,
        Double.POSITIVE_INFINITY};
    private static final String[] MODES = {"NORMAL", "REDUCING", "SAFE", "HALTED"};

    private PrometheusMetrics() {
    }

    /**
     * A registry of every engine metric.
     *
     * @param clock the engine clock (observation ages are measured on it, in event time)
     * @param feeds the latest poll result of each feed source (null without feeds)
     */
    public static PrometheusRegistry registry(final EngineMetrics metrics, final StageFailureRecorder failures,
                                              final EpochNanoClock clock, final Supplier<List<PollResult>> feeds) {
        final PrometheusRegistry r = new PrometheusRegistry();
        final EngineCounters c = metrics.counters();
        final List<String> products = c.instruments();
        CounterWithCallback.builder().name("skytrade_inputs").help("Inputs handled by every stage, by type")
            .labelNames("type").callback(cb -> {
                for (int t = EventType.NONE + 1; t < EventType.COUNT; t++) {
                    cb.call(c.inputs(t), EventType.name(t));
                }
            }).register(r);
        CounterWithCallback.builder().name("skytrade_decisions").help("Decisions made, by kind (any verdict)")
            .labelNames("kind").callback(cb -> {
                for (int k = DecisionKind.NONE + 1; k <= DecisionKind.ALERT; k++) {
                    cb.call(c.decisions(k), DecisionKind.name(k));
                }
            }).register(r);
        CounterWithCallback.builder().name("skytrade_risk_rejects").help("Intents and cancels refused, by risk reason")
            .labelNames("reason").callback(cb -> {
                for (int reason = 0; reason < EngineCounters.RISK_REASONS; reason++) {
                    final String name = RiskReason.name(reason);
                    if (!name.startsWith("UNKNOWN(") && reason != RiskReason.NONE) {
                        cb.call(c.riskRejects(reason), name);
                    }
                }
            }).register(r);
        CounterWithCallback.builder().name("skytrade_venue_rejects").help("Orders rejected by the venue or the gateway, by reason")
            .labelNames("reason").callback(cb -> {
                for (int reason = RejectReason.NONE + 1; reason < RejectReason.COUNT; reason++) {
                    cb.call(c.venueRejects(reason), RejectReason.name(reason));
                }
            }).register(r);
        counter(r, "skytrade_orders_sent", "New orders handed to the venue gateway", c::ordersSent);
        counter(r, "skytrade_cancels_sent", "Cancels handed to the venue gateway", c::cancelsSent);
        counter(r, "skytrade_fills", "Fills of our orders", c::fills);
        counter(r, "skytrade_filled_lots", "Lots filled", c::filledLots);
        counter(r, "skytrade_risk_mode_changes", "Changes of the risk mode", c::modeChanges);
        counter(r, "skytrade_decision_tape_dropped", "Decision tape records dropped (reporter behind)", c::tapeDropped);
        counter(r, "skytrade_stage_failures", "Exceptions thrown by stages", failures::failureCount);
        counter(r, "skytrade_observer_failures", "Exceptions thrown by metrics observers", failures::observerFailures);
        counter(r, "skytrade_venue_reconnects", "Reconnections to the venue after the first connection", c::venueReconnects);
        GaugeWithCallback.builder().name("skytrade_risk_mode").help("Risk mode: 1 for the current one")
            .labelNames("mode").callback(cb -> {
                final int mode = c.mode();
                for (int m = 0; m < MODES.length; m++) {
                    cb.call(m == mode ? 1 : 0, TradingMode.name(m));
                }
            }).register(r);
        GaugeWithCallback.builder().name("skytrade_risk_mode_last_change_sequence")
            .help("Input sequence of the last risk mode change, with its cause").labelNames("reason").callback(cb -> {
                if (c.modeChanges() > 0) {
                    cb.call(c.modeChangeSequence(), RiskReason.name(c.modeCause()));
                }
            }).register(r);
        gauge(r, "skytrade_equity", "Marked-to-market equity the risk stage acts on (price units)", c::equity);
        gauge(r, "skytrade_peak_equity", "Peak equity of the drawdown monitor (price units)", c::peakEquity);
        gauge(r, "skytrade_drawdown", "Drawdown from the peak (price units)", c::drawdown);
        gauge(r, "skytrade_ring_remaining_slots", "Free slots of the inbound ring", () -> c.ringRemaining());
        gauge(r, "skytrade_venue_connected", "1 while logged in to the venue", () -> c.venueConnected() ? 1 : 0);
        perProduct(r, "skytrade_position_lots", "Position (lots)", products, i -> c.position(i));
        perProduct(r, "skytrade_realised_pnl", "Realised PnL before fees (price units)", products, c::realisedPnl);
        perProduct(r, "skytrade_unrealised_pnl", "Unrealised PnL at the last mid (price units)", products, c::unrealisedPnl);
        perProduct(r, "skytrade_fees", "Fees paid (price units)", products, c::fees);
        perProduct(r, "skytrade_best_bid_ticks", "Best bid (ticks, 0 without a bid)", products, i -> c.bid(i));
        perProduct(r, "skytrade_best_ask_ticks", "Best ask (ticks, 0 without an ask)", products, i -> c.ask(i));
        perProduct(r, "skytrade_fair_value", "Expected settlement (price units)", products, c::fairValue);
        perProduct(r, "skytrade_fair_value_std", "Standard deviation of the expected settlement", products, c::fairStd);
        perProduct(r, "skytrade_signal", "Combined signal in [-1, 1]", products, c::signal);
        GaugeWithCallback.builder().name("skytrade_signal_component")
            .help("Inputs of the combined signal: mispricing z-score, momentum, data surprise").labelNames("product", "component")
            .callback(cb -> {
                for (int i = 0; i < products.size(); i++) {
                    cb.call(c.signalMispricing(i), products.get(i), "mispricing");
                    cb.call(c.signalMomentum(i), products.get(i), "momentum");
                    cb.call(c.signalSurprise(i), products.get(i), "surprise");
                }
            }).register(r);
        GaugeWithCallback.builder().name("skytrade_regime_probability").help("Posterior probability of each regime")
            .labelNames("product", "regime").callback(cb -> {
                for (int i = 0; i < products.size(); i++) {
                    if (c.regimeState(i) >= 0) {
                        for (int k = 0; k < c.regimes(); k++) {
                            cb.call(c.regimeProbability(i, k), products.get(i), Integer.toString(k));
                        }
                    }
                }
            }).register(r);
        CounterWithCallback.builder().name("skytrade_observations").help("Observations handled, by series")
            .labelNames("series").callback(cb -> {
                for (int s = 0; s < c.series().size(); s++) {
                    cb.call(c.observations(s), c.series().get(s));
                }
            }).register(r);
        GaugeWithCallback.builder().name("skytrade_observation_age_seconds")
            .help("Engine clock minus the event time of the series' last observation (world seconds)")
            .labelNames("series").callback(cb -> {
                final long now = clock.nanoTime();
                for (int s = 0; s < c.series().size(); s++) {
                    if (c.observations(s) > 0) {
                        cb.call((now - c.lastObservationTime(s)) / 1e9, c.series().get(s));
                    }
                }
            }).register(r);
        if (feeds != null) {
            GaugeWithCallback.builder().name("skytrade_feed_up").help("1 when the source's last poll returned fresh data")
                .labelNames("source", "status").callback(cb -> {
                    for (final PollResult p : feeds.get()) {
                        cb.call(p.status() == PollStatus.OK ? 1 : 0, p.name(), p.status().name());
                    }
                }).register(r);
        }
        r.register(new LatencyCollector(metrics.latencies()));
        return r;
    }

    private static void counter(final PrometheusRegistry r, final String name, final String help,
                                final LongSupplier value) {
        CounterWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsLong())).register(r);
    }

    private static void gauge(final PrometheusRegistry r, final String name, final String help,
                              final DoubleSupplier value) {
        GaugeWithCallback.builder().name(name).help(help).callback(cb -> cb.call(value.getAsDouble())).register(r);
    }

    private static void perProduct(final PrometheusRegistry r, final String name, final String help,
                                   final List<String> products, final IntToDoubleFunction value) {
        GaugeWithCallback.builder().name(name).help(help).labelNames("product").callback(cb -> {
            for (int i = 0; i < products.size(); i++) {
                cb.call(value.applyAsDouble(i), products.get(i));
            }
        }).register(r);
    }

    /** The latency histograms, one data point per stage, from the cumulative HdrHistograms. */
    private static final class LatencyCollector implements Collector {
        private static final String NAME = "skytrade_latency_seconds";
        private static final String HELP = "Engine latencies by stage (receive_to_decision: every input; decision_to_wire, "
            + "receive_to_wire: inputs that sent an order; data_to_signal, signal_to_wire: observations)";

        private final LatencyRecorders latencies;

        LatencyCollector(final LatencyRecorders latencies) {
            this.latencies = latencies;
        }

        @Override
        public MetricFamilyDescriptor getMetricFamilyDescriptor() {
            return MetricFamilyDescriptor.of(MetricType.HISTOGRAM, new MetricMetadata(NAME, HELP, Unit.SECONDS));
        }

        @Override
        public MetricSnapshot collect() {
            final HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(NAME).unit(Unit.SECONDS).help(HELP);
            for (int s = 0; s < LatencyStage.COUNT; s++) {
                final Histogram h = latencies.cumulative(s);
                b.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(LATENCY_BUCKETS, bucketCounts(h)))
                    .sum(h.getTotalCount() == 0 ? 0 : h.getMean() * h.getTotalCount() / 1e9)
                    .labels(Labels.of("stage", LatencyStage.name(s))).build());
            }
            return b.build();
        }
    }

    /** Per-bucket (not cumulative) counts of {@code h} (nanoseconds) over {@link #LATENCY_BUCKETS} (seconds). */
    static long[] bucketCounts(final Histogram h) {
        final long[] counts = new long[LATENCY_BUCKETS.length];
        for (final HistogramIterationValue v : h.recordedValues()) {
            final double seconds = h.highestEquivalentValue(v.getValueIteratedTo()) / 1e9;
            int b = 0;
            while (seconds > LATENCY_BUCKETS[b]) {
                b++;
            }
            counts[b] += v.getCountAtValueIteratedTo();
        }
        return counts;
    }
}
