package io.skytrade.engine.metrics;

import io.skytrade.core.pipeline.EngineHealth;
import io.skytrade.core.pipeline.StageFailureRecorder;
import io.skytrade.core.risk.RiskReason;
import io.skytrade.core.risk.TradingMode;
import org.HdrHistogram.Histogram;

import java.util.Locale;

/**
 * The one-line status of a running engine, for the terminal and {@code skytrade ctl status}: both
 * read the same {@link EngineCounters} and the reporter's latest latency interval.
 *
 * <p>Called from the status and control threads; allocates the line.
 */
public final class StatusLine {
    private StatusLine() {
    }

    /**
     * @param venue "connected", "DISCONNECTED", or null without a venue
     */
    public static String format(final EngineHealth health, final MetricsReporter reporter,
                                final StageFailureRecorder failures, final String venue) {
        final EngineCounters c = reporter.metrics().counters();
        final StringBuilder sb = new StringBuilder(256);
        sb.append(String.format(Locale.ROOT, "status: %s mode %s events %,d (%,.0f/s) decisions %,d orders sent %,d cancels %,d fills %,d",
            health.state(), TradingMode.name(c.mode()), c.inputsTotal(), reporter.inputRate(), c.decisionsTotal(),
            c.ordersSent(), c.cancelsSent(), c.fills()));
        if (c.modeChanges() > 0) {
            sb.append(" (mode since input ").append(c.modeChangeSequence()).append(": ")
                .append(RiskReason.name(c.modeCause())).append(')');
        }
        long gross = 0;
        int held = 0;
        for (int i = 0; i < c.instruments().size(); i++) {
            final long position = c.position(i);
            gross += Math.abs(position);
            held += position != 0 ? 1 : 0;
        }
        sb.append(String.format(Locale.ROOT, " position %,d lots in %d products equity %,.1f drawdown %,.1f", gross, held,
            c.equity(), c.drawdown()));
        final Histogram h = reporter.metrics().latencies().interval(LatencyStage.RECEIVE_TO_DECISION);
        if (h.getTotalCount() > 0) {
            sb.append(String.format(Locale.ROOT, " tick-to-decision p50 %.1f us p99 %.1f us",
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3));
        }
        sb.append(" ring free ").append(c.ringRemaining());
        if (venue != null) {
            sb.append(" venue ").append(venue);
        }
        if (failures.failureCount() > 0) {
            sb.append(String.format(Locale.ROOT, " stage failures %,d, last: %s", failures.failureCount(), failures.lastFailure()));
        }
        if (failures.observerFailures() > 0) {
            sb.append(String.format(Locale.ROOT, " observer failures %,d, first: %s", failures.observerFailures(),
                failures.firstObserverFailure()));
        }
        return sb.toString();
    }
}
