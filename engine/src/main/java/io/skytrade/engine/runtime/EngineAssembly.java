package io.skytrade.engine.runtime;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.baseline.DirectOrderStage;
import io.skytrade.core.baseline.MovingAverageCrossStage;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.pipeline.DecisionListener;
import io.skytrade.core.pipeline.OrderGateway;
import io.skytrade.core.pipeline.PipelineBuilder;
import io.skytrade.core.pipeline.PipelineLayout;
import io.skytrade.core.registry.InstrumentRegistry;
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

    /** The business stages after the journal, in pipeline order. */
    public Stages businessStages(final DecisionListener decisions, final OrderGateway gateway) {
        final EngineConfig.StrategySection s = config.strategy();
        final MovingAverageCrossStage strategy = new MovingAverageCrossStage(s.fastWindow(), s.slowWindow(),
            s.thresholdTicks(), s.orderQty(), s.maxPosition());
        final DirectOrderStage orders = new DirectOrderStage(decisions, gateway);
        final List<String> names = List.of("strategy", "orders");
        final List<EventHandler<EngineEvent>> handlers = List.of(strategy, orders);
        return new Stages(names, handlers, orders);
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
     * @param orders   the outbound stage (for counters)
     */
    public record Stages(List<String> names, List<EventHandler<EngineEvent>> handlers, DirectOrderStage orders) {
    }
}
