package io.skytrade.engine.runtime;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.book.BookStage;
import io.skytrade.core.book.TradingBook;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.feature.FeatureHandler;
import io.skytrade.core.kalman.KalmanHandler;
import io.skytrade.core.order.OrderManagerConfig;
import io.skytrade.core.order.OutboundStage;
import io.skytrade.core.pipeline.DecisionListener;
import io.skytrade.core.pipeline.OrderGateway;
import io.skytrade.core.pipeline.PipelineBuilder;
import io.skytrade.core.pipeline.PipelineLayout;
import io.skytrade.core.regime.RegimeHandler;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.risk.RiskStage;
import io.skytrade.core.signal.SignalHandler;
import io.skytrade.core.sizing.PositionSizer;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.strategy.EtfArbitrage;
import io.skytrade.core.strategy.FlyRelativeValue;
import io.skytrade.core.strategy.StrategyHandler;
import io.skytrade.core.world.WorldProduct;
import io.skytrade.core.valuation.ValuationHandler;
import io.skytrade.engine.config.EngineConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Composes the business stages from the configuration, the same way for a live run, a replay and
 * a backtest: that sameness is what makes replay a proof. A live run adds the input-journal stage
 * named "journal"; replay leaves it out (its inputs already are the journal) and the layout is
 * adjusted by dropping that stage from its thread group. The trading book's stages ("book", its
 * post-trade phase; "strategy"; "risk", its pre-trade phase) share one {@link TradingBook} and so
 * must run on one thread: a layout that splits them is refused, and one that does not name "book"
 * (written before the book existed) gets it placed just before "strategy".
 *
 * <p>Start-up only.
 */
public final class EngineAssembly {
    /** Side-buffer entries for stages driven by an inline pipeline (backtest, evaluate): one event at a time. */
    public static final int INLINE_SIDE_SLOTS = 1;
    /** Name of the input-journal stage in layouts. */
    public static final String JOURNAL_STAGE = "journal";
    /** How stage threads take the layout's CPUs: OpenHFT affinity (core has no platform dependency). */
    private static final AffinityThreadPinner PINNER = new AffinityThreadPinner();
    /** Name of the feature stage in layouts. */
    public static final String FEATURE_STAGE = "features";
    /** Name of the signal stage in layouts. */
    public static final String SIGNAL_STAGE = "signal";
    /** Name of the trading book's post-trade stage in layouts. */
    public static final String BOOK_STAGE = "book";
    /** Stages that read or write the trading book, in pipeline order; they must share one thread. */
    public static final List<String> BOOK_STAGES = List.of(BOOK_STAGE, "strategy", "risk");

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
     * settlement valuation, signals, regime, the trading book's post-trade phase, adaptive strategy
     * with sizing, risk (the book's pre-trade phase), outbound; with the ring's side buffers they
     * share, as many slots as the configured ring.
     */
    public Stages businessStages(final DecisionListener decisions, final OrderGateway gateway, final long clientOrderIdBase) {
        return businessStages(decisions, gateway, clientOrderIdBase, config.pipeline().layout().ringSize());
    }

    /**
     * {@link #businessStages(DecisionListener, OrderGateway, long)} with side buffers of
     * {@code sideSlots} entries (a power of two, at least the ring size of a Disruptor pipeline). An
     * {@link io.skytrade.core.pipeline.InlinePipeline} finishes each event in every stage before the
     * next, so {@link #INLINE_SIDE_SLOTS} suffice: one entry stays in cache, where a ring's worth
     * (4096 entries of ~4.5 KB) makes every event's decisions and valuations a cache miss.
     */
    public Stages businessStages(final DecisionListener decisions, final OrderGateway gateway, final long clientOrderIdBase,
                                 final int sideSlots) {
        final EngineConfig.ModelSection m = config.model();
        final OrderManagerConfig orderConfig = new OrderManagerConfig(m.orders().orderCapacity(),
            m.orders().clientOrderIdBase() + clientOrderIdBase, m.orders().ackTimeoutNanos());
        final TradingBook book = new TradingBook(orderConfig);
        final SideBuffers side = new SideBuffers(sideSlots, Math.max(1, registry.instrumentCount()));
        final OutboundStage orders = new OutboundStage(gateway, decisions, side);
        final RiskStage risk = new RiskStage(book, side, m.risk(), m.drawdown(), m.safeMode(), m.capital());
        final PositionSizer sizer = new PositionSizer(m.sizer(), m.capital(), m.risk().maxPositionFraction());
        final List<String> names = List.of(FEATURE_STAGE, "kalman", "valuation", SIGNAL_STAGE, "regime", BOOK_STAGE, "strategy",
            "risk", "orders");
        final List<EventHandler<EngineEvent>> handlers = List.of(
            new FeatureHandler(registry, m.feature()),
            new KalmanHandler(registry, m.kalman(), side),
            new ValuationHandler(registry, m.valuation(), m.settlement(), m.kalman(), side),
            new SignalHandler(registry, m.signal(), side),
            new RegimeHandler(registry, m.regime(), side),
            new BookStage(book, side),
            new StrategyHandler(registry, m.strategy(), sizer, m.risk(), book, side, arbitrage(m, book, side), flyValue(m)),
            risk,
            orders);
        return new Stages(names, handlers, book, risk, orders, side);
    }

    /** The ETF arbitrage over the settlement rules' ETF and legs (off when one of them is not traded). */
    private EtfArbitrage arbitrage(final EngineConfig.ModelSection m, final TradingBook book, final SideBuffers side) {
        final SettlementRules rules = m.settlement();
        int etf = registry.instrumentId(rules.symbolOf(WorldProduct.LON_ETF));
        final int[] kinds = rules.etfLegKinds();
        final int[] legs = new int[kinds.length];
        for (int k = 0; k < kinds.length; k++) {
            legs[k] = registry.instrumentId(rules.symbolOf(kinds[k]));
            if (legs[k] < 0) {
                etf = -1;
            }
        }
        return new EtfArbitrage(book, side, m.arbitrage(), etf, legs, m.risk());
    }

    /** The fly priced off the ETF's market (off when either is not traded or its weight is 0). */
    private FlyRelativeValue flyValue(final EngineConfig.ModelSection m) {
        final SettlementRules rules = m.settlement();
        return new FlyRelativeValue(registry.instrumentId(rules.symbolOf(WorldProduct.LON_FLY)),
            registry.instrumentId(rules.symbolOf(WorldProduct.LON_ETF)), rules.flyPayoff(), m.arbitrage().flyEtfWeight());
    }

    /**
     * Side-buffer slots for the live pipeline of the configured layout: {@link #INLINE_SIDE_SLOTS}
     * when every stage runs on one thread (the default layout: each event passes every stage before
     * the next, so one entry serves and stays in cache, where a ring's worth of ~4 KB entries makes
     * every event's decisions and valuations a cache miss), else the ring's size (a stage may run a
     * whole ring ahead of a later one).
     */
    public int liveSideSlots() {
        final PipelineLayout layout = bookOnOneThread(config.pipeline().layout());
        return layout.threads().size() == 1 ? INLINE_SIDE_SLOTS : layout.ringSize();
    }

    /**
     * Adds the stages to a builder: the journal stage first when given, then the business stages,
     * with the configured layout (without the journal stage when {@code journal} is null).
     */
    public PipelineBuilder configure(final PipelineBuilder builder, final EventHandler<EngineEvent> journal,
                                     final Stages stages) {
        return configure(builder, journal, stages, config.pipeline().layout().ringSize());
    }

    /**
     * {@link #configure(PipelineBuilder, EventHandler, Stages)} with a ring of {@code ringSize} slots
     * instead of the configured one (at most the stages' side-buffer slots): a replay, whose only
     * producer is the journal reader, keeps a small ring and its side buffers in cache.
     */
    public PipelineBuilder configure(final PipelineBuilder builder, final EventHandler<EngineEvent> journal,
                                     final Stages stages, final int ringSize) {
        if (journal != null) {
            builder.stage(JOURNAL_STAGE, journal);
        }
        for (int i = 0; i < stages.names().size(); i++) {
            builder.stage(stages.names().get(i), stages.handlers().get(i));
        }
        final PipelineLayout configured = bookOnOneThread(config.pipeline().layout());
        final PipelineLayout layout = configured.ringSize() == ringSize ? configured : new PipelineLayout(ringSize,
            configured.waitStrategy(), configured.threads(), configured.cpus(), configured.journalParallel());
        return builder.layout(journal != null ? layout : withoutJournal(layout))
            .sideBuffers(stages.side())
            .pinner(PINNER)
            .stateHashInterval(config.journal().stateHashInterval());
    }

    /**
     * The layout with the book stage placed just before "strategy" when it does not name it, after
     * checking that the book's stages share one thread group.
     *
     * @throws IllegalArgumentException naming the groups when they do not
     */
    public static PipelineLayout bookOnOneThread(final PipelineLayout layout) {
        final List<List<String>> groups = new ArrayList<>();
        boolean named = false;
        for (final List<String> group : layout.threads()) {
            named |= group.contains(BOOK_STAGE);
            groups.add(new ArrayList<>(group));
        }
        if (!named) {
            for (final List<String> group : groups) {
                final int at = group.indexOf("strategy");
                if (at >= 0) {
                    group.add(at, BOOK_STAGE);
                }
            }
        }
        int owner = -1;
        for (final String stage : BOOK_STAGES) {
            for (int g = 0; g < groups.size(); g++) {
                if (groups.get(g).contains(stage)) {
                    if (owner >= 0 && owner != g) {
                        throw new IllegalArgumentException("pipeline.threads: stages " + BOOK_STAGES
                            + " share the trading book and must be in one thread group; got " + layout.threads());
                    }
                    owner = g;
                }
            }
        }
        return named ? layout : new PipelineLayout(layout.ringSize(), layout.waitStrategy(), groups, layout.cpus(),
            layout.journalParallel());
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
     * @param book     the one trading book (orders, positions, PnL), read on the stages' thread
     * @param risk     the risk stage (for counters and mode)
     * @param orders   the outbound stage (for counters)
     * @param side     the ring's side buffers the stages share (decisions, signals, regime posteriors, state hashes)
     */
    public record Stages(List<String> names, List<EventHandler<EngineEvent>> handlers, TradingBook book,
                         RiskStage risk, OutboundStage orders, SideBuffers side) {
        /** The signal stage (its observers read it). */
        public SignalHandler signals() {
            return (SignalHandler) handlers.get(names.indexOf(SIGNAL_STAGE));
        }

        /**
         * Turns on the report-only combined signals, for a reader of them (metrics, reports, exports):
         * the feature stage's books' momentum ({@link FeatureHandler#publishMomentum}) and the signal
         * stage's signals ({@link SignalHandler#publishSignals}). Start-up, before the first input;
         * changes no decision and no state hash.
         */
        public void publishSignals() {
            ((FeatureHandler) handlers.get(names.indexOf(FEATURE_STAGE))).publishMomentum();
            signals().publishSignals();
        }
    }
}
