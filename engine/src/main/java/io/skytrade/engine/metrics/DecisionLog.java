package io.skytrade.engine.metrics;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.Side;
import io.skytrade.core.risk.RiskReason;
import io.skytrade.core.risk.TradingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

import java.util.List;

/**
 * Logs the decision tape on the reporter thread, one structured event per record (logger
 * {@code io.skytrade.decisions}): every decision with its verdict, reason, product, side, price,
 * size, client order id and what it was based on (fair value and its std, best bid and ask,
 * signal, most likely regime and its probability, the input's journal sequence); each fill; mode
 * changes and alerts at WARN. The stages never log: this is how their decisions reach the log.
 *
 * <p>Reporter thread; allocates per event (off the hot path).
 */
public final class DecisionLog implements MetricsReporter.Listener {
    private static final Logger LOG = LoggerFactory.getLogger("io.skytrade.decisions");
    private final List<String> products;

    public DecisionLog(final List<String> products) {
        this.products = List.copyOf(products);
    }

    @Override
    public void onTapeRecord(final DecisionTape.TapeRecord r) {
        if (r.type() == DecisionTape.FILL) {
            if (LOG.isInfoEnabled()) {
                common(LOG.atInfo().setMessage("fill"), r).log();
            }
            return;
        }
        switch (r.kind()) {
            case DecisionKind.MODE_CHANGE -> LOG.atWarn().setMessage("risk mode changed")
                .addKeyValue("sequence", r.sequence()).addKeyValue("mode", TradingMode.name(r.reason()))
                .addKeyValue("previousMode", TradingMode.name((int) r.quantity()))
                .addKeyValue("reason", RiskReason.name((int) r.price())).log();
            case DecisionKind.ALERT -> LOG.atWarn().setMessage("alert").addKeyValue("sequence", r.sequence())
                .addKeyValue("product", product(r.instrument())).addKeyValue("reason", RiskReason.name(r.reason()))
                .addKeyValue("clOrdId", r.clientOrderId()).log();
            default -> {
                if (LOG.isInfoEnabled()) {
                    common(LOG.atInfo().setMessage("decision"), r).addKeyValue("kind", DecisionKind.name(r.kind()))
                        .addKeyValue("verdict", verdict(r.status())).addKeyValue("reason", RiskReason.name(r.reason())).log();
                }
            }
        }
    }

    private LoggingEventBuilder common(final LoggingEventBuilder b, final DecisionTape.TapeRecord r) {
        return b.addKeyValue("sequence", r.sequence()).addKeyValue("eventTimeNanos", r.eventTimeNanos())
            .addKeyValue("product", product(r.instrument())).addKeyValue("side", Side.name(r.side()))
            .addKeyValue("price", r.price()).addKeyValue("qty", r.quantity()).addKeyValue("clOrdId", r.clientOrderId())
            .addKeyValue("fairValue", r.fairValue()).addKeyValue("fairStd", r.fairStd()).addKeyValue("bid", r.bid())
            .addKeyValue("ask", r.ask()).addKeyValue("signal", r.signal()).addKeyValue("regime", r.regime())
            .addKeyValue("regimeProbability", r.regimeProbability());
    }

    private String product(final int instrument) {
        return instrument >= 0 && instrument < products.size() ? products.get(instrument) : "-";
    }

    /** The name of a decision status (APPROVED, REJECTED, PROPOSED). */
    public static String verdict(final int status) {
        return switch (status) {
            case Decisions.STATUS_APPROVED -> "APPROVED";
            case Decisions.STATUS_REJECTED -> "REJECTED";
            default -> "PROPOSED";
        };
    }
}
