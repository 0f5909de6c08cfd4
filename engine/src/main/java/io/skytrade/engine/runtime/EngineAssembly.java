package io.skytrade.engine.runtime;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.feature.FeatureHandler;
import io.skytrade.core.kalman.KalmanHandler;
import io.skytrade.core.order.OrderManagerConfig;
import io.skytrade.core.order.OrderManagerStage;
import io.skytrade.core.pipeline.DecisionListener;
import io.skytrade.core.pipeline.OrderGateway;
import io.skytrade.core.pipeline.PipelineBuilder;
import io.skytrade.core.pipeline.PipelineLayout;
import io.skytrade.core.regime.RegimeHandler;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.risk.RiskStage;
import io.skytrade.core.signal.SignalHandler;
import io.skytrade.core.strategy.StrategyHandler;
import io.skytrade.core.valuation.ValuationHandler;
import io.skytrade.engine.config.EngineConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Composes the business stages from the configuration, the same way for a live run, a replay and
 * a backtest: that sameness is what makes replay a proof. A live run adds the input-journal stage
 * named "journal"; replay leaves it out (its inputs already are the journal) and the layout is
 * adjusted by dropping that stage from its thread group.
 *
 * <p>Start-up only.
 */
public final class EngineAssembly {
    /** Name of the input-journal stage in layouts. */
    public static final String JOURNAL_STAGE = "journal";

    private final EngineConfig config;
    private final InstrumentRegistry registry;

    public EngineAssembly(final EngineConfig config) {
        this.config = config;
        this.registry = InstrumentRegistry.of(config.instruments(), config.series());
    }

    public InstrumentRegistry registry() {
        return registry;
    }

    /** Run property holding the per-run client order id base (replay reads it back). */
    public static final String CLIENT_ORDER_ID_BASE = "clientOrderIdBase";

    /**
     * A client order id base unique to a run started at {@code startEpochSecond}: ids of different
     * runs never collide at the venue (one billion orders per run), and replay reuses the
     * recorded base, so ids are identical on replay.
     */
    public static long clientOrderIdBaseFor(final long startEpochSecond) {
        return (startEpochSecond % 4_000_000_000L) * 1_000_000_000L;
    }

    /**
     * The business stages after the journal, in pipeline order: features, Kalman nowcasts,
     * settlement valuation, signals, regime, adaptive strategy with sizing, risk, order manager.
     */
    public Stages businessStages(final DecisionListener decisions, final OrderGateway gateway, final long clientOrderIdBase) {
        final EngineConfig.ModelSection m = config.model();
        final OrderManagerConfig orderConfig = new OrderManagerConfig(m.orders().orderCapacity(),
            m.orders().clientOrderIdBase() + clientOrderIdBase, m.orders().ackTimeoutNanos());
        final OrderManagerStage orders = new OrderManagerStage(orderConfig, gateway, decisions);
        final RiskStage risk = new RiskStage(m.risk(), m.drawdown(), m.safeMode(), orderConfig);
        final List<String> names = List.of("features", "kalman", "valuation", "signal", "regime", "strategy", "risk", "orders");
        final List<EventHandler<EngineEvent>> handlers = List.of(
            new FeatureHandler(registry, m.feature()),
            new KalmanHandler(registry, m.kalman()),
            new ValuationHandler(registry, m.valuation(), m.settlement(), m.kalman()),
            new SignalHandler(registry, m.signal()),
            new RegimeHandler(registry, m.regime()),
            new StrategyHandler(registry, m.strategy(), m.sizer()),
            risk,
            orders);
        return new Stages(names, handlers, risk, orders);
    }

    /**
     * Adds the stages to a builder: the journal stage first when given, then the business stages,
     * with the configured layout (without the journal stage when {@code journal} is null).
     */
    public PipelineBuilder configure(final PipelineBuilder builder, final EventHandler<EngineEvent> journal,
                                     final Stages stages) {
        if (journal != null) {
            builder.stage(JOURNAL_STAGE, journal);
        }
        for (int i = 0; i < stages.names().size(); i++) {
            builder.stage(stages.names().get(i), stages.handlers().get(i));
        }
        final PipelineLayout layout = config.pipeline().layout();
        return builder.layout(journal != null ? layout : withoutJournal(layout));
    }

    /** The layout with the journal stage removed (for replay and backtest). */
    public static PipelineLayout withoutJournal(final PipelineLayout layout) {
        final List<List<String>> groups = new ArrayList<>();
        final List<Integer> cpus = new ArrayList<>();
        for (int g = 0; g < layout.threads().size(); g++) {
            final List<String> group = new ArrayList<>(layout.threads().get(g));
            group.remove(JOURNAL_STAGE);
            if (!group.isEmpty()) {
                groups.add(group);
                cpus.add(layout.cpuFor(g));
            }
        }
        return new PipelineLayout(layout.ringSize(), layout.waitStrategy(), groups,
            layout.cpus().isEmpty() ? List.of() : cpus, false);
    }

    /**
     * The business stages of one pipeline.
     *
     * @param names    stage names in order
     * @param handlers the stage handlers in the same order
     * @param risk     the risk stage (for counters and mode)
     * @param orders   the outbound stage (for counters)
     */
    public record Stages(List<String> names, List<EventHandler<EngineEvent>> handlers, RiskStage risk,
                         OrderManagerStage orders) {
    }
}
