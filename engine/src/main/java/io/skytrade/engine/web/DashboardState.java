package io.skytrade.engine.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.pipeline.EngineHealth;
import io.skytrade.core.risk.RiskReason;
import io.skytrade.core.risk.TradingMode;
import io.skytrade.engine.metrics.DecisionLog;
import io.skytrade.engine.metrics.DecisionTape;
import io.skytrade.engine.metrics.EngineCounters;
import io.skytrade.engine.metrics.LatencyStage;
import io.skytrade.engine.metrics.MetricsReporter;
import io.skytrade.feeds.PollResult;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.EpochNanoClock;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the dashboard shows, kept by the metrics reporter thread: at each interval one sample of
 * every counter (market, fair value, signal, regime posterior, position and PnL per product;
 * equity, drawdown, risk mode with the cause and input of its last change, input rate, latency
 * percentiles per stage, venue and feed status) as a JSON object, the last {@value #SAMPLES}
 * samples kept for a page that (re)connects; and the decision tape's records (decisions with what
 * they were based on, fills) numbered in arrival order, the last {@value #TAPE} kept.
 *
 * <p>Thread-safety: written on the reporter thread, read by the web server's threads; every method
 * is synchronized (a few kilobytes per interval). Off the hot path.
 */
public final class DashboardState implements MetricsReporter.Listener {
    static final int SAMPLES = 1200;
    static final int TAPE = 300;
    private static final JsonFactory JSON = new JsonFactory();
    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private final List<String> products;
    private final List<String> series;
    private final EngineHealth health;
    private final EpochNanoClock clock;
    private final Supplier<List<PollResult>> feeds;
    private final Deque<String> samples = new ArrayDeque<>();
    private final Deque<TapeEntry> tape = new ArrayDeque<>();
    private final Runnable onSample;
    private long nextTapeId = 1;

    /** One tape record as JSON, with its number. */
    record TapeEntry(long id, String json) {
    }

    /**
     * @param health   the engine's operational state
     * @param clock    the engine clock (sample times are its epoch time: world time in a demo)
     * @param feeds    latest poll result per feed source (null without feeds)
     * @param onSample told after each new sample (the server pushes it to the pages)
     */
    public DashboardState(final List<String> products, final List<String> series, final EngineHealth health,
                          final EpochNanoClock clock, final Supplier<List<PollResult>> feeds, final Runnable onSample) {
        this.products = List.copyOf(products);
        this.series = List.copyOf(series);
        this.health = health;
        this.clock = clock;
        this.feeds = feeds;
        this.onSample = onSample;
    }

    @Override
    public synchronized void onTapeRecord(final DecisionTape.TapeRecord r) {
        final StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            final long id = nextTapeId++;
            g.writeStartObject();
            g.writeNumberField("id", id);
            g.writeStringField("type", r.type() == DecisionTape.FILL ? "FILL" : DecisionKind.name(r.kind()));
            g.writeNumberField("seq", r.sequence());
            g.writeNumberField("t", r.eventTimeNanos() / 1_000_000L);
            g.writeNumberField("product", r.instrument());
            g.writeStringField("side", Side.name(r.side()));
            g.writeNumberField("price", r.price());
            g.writeNumberField("qty", r.quantity());
            g.writeNumberField("clOrdId", r.clientOrderId());
            if (r.type() == DecisionTape.DECISION) {
                g.writeStringField("verdict", DecisionLog.verdict(r.status()));
                if (r.kind() == DecisionKind.MODE_CHANGE) {
                    g.writeStringField("reason", RiskReason.name((int) r.price()));
                    g.writeStringField("mode", TradingMode.name(r.reason()));
                } else {
                    g.writeStringField("reason", RiskReason.name(r.reason()));
                }
            }
            number(g, "fair", r.fairValue());
            number(g, "std", r.fairStd());
            g.writeNumberField("bid", r.bid());
            g.writeNumberField("ask", r.ask());
            number(g, "signal", r.signal());
            g.writeNumberField("regime", r.regime());
            number(g, "regimeP", r.regimeProbability());
            g.writeEndObject();
            g.flush();
            tape.addLast(new TapeEntry(id, out.toString()));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        while (tape.size() > TAPE) {
            tape.removeFirst();
        }
    }

    @Override
    public void onInterval(final MetricsReporter reporter) {
        final String sample = sample(reporter);
        synchronized (this) {
            samples.addLast(sample);
            while (samples.size() > SAMPLES) {
                samples.removeFirst();
            }
        }
        onSample.run();
    }

    /** Every kept sample and tape record: what a page gets when it (re)connects. */
    public synchronized String initJson() {
        final StringBuilder sb = new StringBuilder(samples.size() * 1200 + tape.size() * 300 + 64);
        sb.append("{\"products\":").append(strings(products)).append(",\"series\":").append(strings(series));
        sb.append(",\"samples\":[").append(String.join(",", samples)).append("],\"tape\":[");
        appendTape(sb, 0);
        return sb.append("]}").toString();
    }

    /** The latest sample and the tape records after {@code afterTapeId}: one push to a page. */
    public synchronized String updateJson(final long afterTapeId) {
        final StringBuilder sb = new StringBuilder(2048);
        sb.append("{\"samples\":[").append(samples.isEmpty() ? "" : samples.getLast()).append("],\"tape\":[");
        appendTape(sb, afterTapeId);
        return sb.append("]}").toString();
    }

    /** Number of the newest tape record (0 before the first). */
    public synchronized long lastTapeId() {
        return nextTapeId - 1;
    }

    private void appendTape(final StringBuilder sb, final long afterTapeId) {
        boolean first = true;
        for (final TapeEntry e : tape) {
            if (e.id() > afterTapeId) {
                if (!first) {
                    sb.append(',');
                }
                sb.append(e.json());
                first = false;
            }
        }
    }

    private String sample(final MetricsReporter reporter) {
        final EngineCounters c = reporter.metrics().counters();
        final StringWriter out = new StringWriter(2048);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("t", clock.nanoTime() / 1_000_000L);
            g.writeStringField("health", health.state().name());
            g.writeStringField("mode", TradingMode.name(c.mode()));
            if (c.modeChanges() > 0) {
                g.writeStringField("modeReason", RiskReason.name(c.modeCause()));
                g.writeNumberField("modeSeq", c.modeChangeSequence());
            }
            g.writeNumberField("events", c.inputsTotal());
            number(g, "rate", reporter.inputRate());
            g.writeNumberField("decisions", c.decisionsTotal());
            g.writeNumberField("orders", c.ordersSent());
            g.writeNumberField("cancels", c.cancelsSent());
            g.writeNumberField("fills", c.fills());
            number(g, "equity", c.equity());
            number(g, "drawdown", c.drawdown());
            g.writeNumberField("ring", c.ringRemaining());
            g.writeBooleanField("venue", c.venueConnected());
            g.writeNumberField("reconnects", c.venueReconnects());
            g.writeArrayFieldStart("p");
            for (int i = 0; i < products.size(); i++) {
                g.writeStartObject();
                g.writeNumberField("bid", c.bid(i));
                g.writeNumberField("ask", c.ask(i));
                number(g, "fair", c.fairValue(i));
                number(g, "std", c.fairStd(i));
                number(g, "signal", c.signal(i));
                number(g, "mis", c.signalMispricing(i));
                number(g, "mom", c.signalMomentum(i));
                number(g, "sur", c.signalSurprise(i));
                g.writeNumberField("regime", c.regimeState(i));
                g.writeArrayFieldStart("regimeP");
                if (c.regimeState(i) >= 0) {
                    for (int k = 0; k < c.regimes(); k++) {
                        g.writeNumber(round(c.regimeProbability(i, k)));
                    }
                }
                g.writeEndArray();
                g.writeNumberField("pos", c.position(i));
                number(g, "pnl", c.realisedPnl(i) + c.unrealisedPnl(i) - c.fees(i));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("latency");
            for (int s = 0; s < LatencyStage.COUNT; s++) {
                final Histogram h = reporter.metrics().latencies().interval(s);
                g.writeObjectFieldStart(LatencyStage.name(s));
                g.writeNumberField("n", h.getTotalCount());
                if (h.getTotalCount() > 0) {
                    for (final double p : PERCENTILES) {
                        g.writeNumberField("p" + (p == Math.rint(p) ? Integer.toString((int) p) : Double.toString(p)),
                            h.getValueAtPercentile(p) / 1e3);
                    }
                    g.writeNumberField("max", h.getMaxValue() / 1e3);
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            final long now = clock.nanoTime();
            g.writeArrayFieldStart("series");
            for (int s = 0; s < series.size(); s++) {
                g.writeStartObject();
                g.writeNumberField("n", c.observations(s));
                if (c.observations(s) > 0) {
                    number(g, "value", c.lastObservationValue(s));
                    g.writeNumberField("age", (now - c.lastObservationTime(s)) / 1_000_000_000L);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("feeds");
            if (feeds != null) {
                for (final PollResult r : feeds.get()) {
                    g.writeStartObject();
                    g.writeStringField("name", r.name());
                    g.writeStringField("status", r.status().name());
                    g.writeStringField("error", r.error());
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void number(final JsonGenerator g, final String name, final double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, round(v));
        } else {
            g.writeNullField(name);
        }
    }

    private static double round(final double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static String strings(final List<String> values) {
        final StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "\"" : ",\"").append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append(']').toString();
    }
}
