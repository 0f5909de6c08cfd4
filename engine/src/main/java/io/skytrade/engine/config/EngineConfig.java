package io.skytrade.engine.config;

import io.skytrade.core.feature.FeatureParams;
import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.order.OrderManagerConfig;
import io.skytrade.core.pipeline.PipelineLayout;
import io.skytrade.core.pipeline.WaitStrategyKind;
import io.skytrade.core.regime.RegimeParams;
import io.skytrade.core.risk.DrawdownLimits;
import io.skytrade.core.risk.RiskLimits;
import io.skytrade.core.risk.SafeModeConfig;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.signal.SignalParams;
import io.skytrade.core.sizing.SizerParams;
import io.skytrade.core.strategy.ArbitrageParams;
import io.skytrade.core.strategy.StrategyParams;
import io.skytrade.core.valuation.ValuationParams;
import io.skytrade.engine.runtime.EngineAssembly;
import io.skytrade.feeds.config.FeedsConfig;
import io.skytrade.journal.JournalSettings;
import io.skytrade.journal.RunRetention;

import java.util.List;

/**
 * The whole engine configuration, immutable and validated once at start-up. Each section is a
 * record bound from its YAML mapping by a {@code bind} method that documents every key and its
 * default (the README's configuration reference lists the same).
 *
 * @param instruments product symbols; registry ids follow this order
 * @param series      alternative-data series names; registry ids follow this order
 * @param pipeline    ring size, wait strategy, thread layout, pinning, journal mode
 * @param journal     where run directories go and how queues are stored
 * @param venue       the exchange: embedded simulator, remote venue, or paper
 * @param market      the random-walk market of paper mode
 * @param feeds       alternative-data sources (offline synthetic by default)
 * @param model       parameters of the business stages (features to order manager)
 * @param control     the loopback operator channel
 * @param backtest    fill model and analysis of backtests
 * @param timers      timer tick period
 * @param status      status line period
 * @param metrics     reporter period and the Prometheus {@code /metrics} endpoint
 * @param dashboard   the live browser dashboard
 */
public record EngineConfig(List<String> instruments, List<String> series, PipelineSection pipeline,
                           JournalSection journal, VenueSection venue, MarketSection market, FeedsConfig feeds,
                           ModelSection model, ControlSection control, BacktestSection backtest, TimerSection timers,
                           StatusSection status, MetricsSection metrics, DashboardSection dashboard) {

    /** Default products (design section 7). */
    public static final List<String> DEFAULT_INSTRUMENTS = List.of(
        "TIDE_SPOT", "TIDE_SWING", "WX_SPOT", "WX_SUM", "LHR_COUNT", "LHR_INDEX", "AQ_SPOT", "LON_ETF", "LON_FLY");
    /** Default data series. */
    public static final List<String> DEFAULT_SERIES = List.of(
        "thames_level_m", "air_temp_c", "rel_humidity_pct", "pm25_ugm3", "lhr_arrivals_30m", "lhr_departures_30m",
        "lhr_capacity_announced", "lhr_capacity_announced_bins");
    /** Default stage order. */
    public static final List<String> DEFAULT_STAGES = List.of(
        "journal", "features", "kalman", "valuation", "signal", "regime", "book", "strategy", "risk", "orders");

    static EngineConfig bind(final ConfigNode root) {
        final List<String> instruments = root.stringList("instruments", DEFAULT_INSTRUMENTS);
        final List<String> series = root.stringList("series", DEFAULT_SERIES);
        if (instruments.isEmpty()) {
            throw root.bad("instruments", instruments, "at least one instrument");
        }
        final EngineConfig config = new EngineConfig(instruments, series,
            PipelineSection.bind(root.node("pipeline")),
            JournalSection.bind(root.node("journal")),
            RecordBinder.bind(root.node("venue"), VenueSection.defaults()),
            MarketSection.bind(root.node("market")),
            RecordBinder.bind(root.node("feeds"), FeedsConfig.defaults()),
            ModelSection.bind(root),
            RecordBinder.bind(root.node("control"), ControlSection.defaults()),
            RecordBinder.bind(root.node("backtest"), BacktestSection.defaults()),
            TimerSection.bind(root.node("timers")),
            StatusSection.bind(root.node("status")),
            RecordBinder.bind(root.node("metrics"), MetricsSection.defaults()),
            RecordBinder.bind(root.node("dashboard"), DashboardSection.defaults()));
        root.finish();
        if (config.timers().intervalNanos() == 0
            && (config.model().regime().stepIntervalNanos() > 0 || config.model().strategy().varianceIntervalNanos() > 0)) {
            throw new ConfigException("config timers.interval: 0 turns the timer off, but regime.stepInterval and "
                + "strategy.varianceInterval step on it; set both to 0 (every book) or give the timer an interval");
        }
        if (config.timers().intervalNanos() == 0 && config.model().arbitrage().enabled() && config.model().arbitrage().onMoves()) {
            throw new ConfigException("config timers.interval: 0 turns the timer off, but arbitrage.onMoves runs the ETF "
                + "arbitrage's time-driven hedges and scratches on it; set arbitrage.onMoves: false or give the timer an interval");
        }
        return config;
    }

    /**
     * pipeline: {@code ringSize} (default 4096, power of two), {@code waitStrategy} (blocking |
     * lite-blocking | phased | spin-then-block | sleeping | yielding | busy-spin; default spin-then-block), {@code journalMode} (inline | parallel;
     * default inline), {@code threads} (list of stage-name lists, one per thread; default all stages
     * on one thread; "book", "strategy" and "risk" must share a thread, and "book" is placed before
     * "strategy" when not named), {@code cpus} (one CPU per thread, -1 for none; default none pinned).
     */
    public record PipelineSection(PipelineLayout layout) {
        static PipelineSection bind(final ConfigNode n) {
            final int ringSize = n.integer("ringSize", 4096);
            final String wait = n.string("waitStrategy", WaitStrategyKind.DEFAULT.configName());
            final WaitStrategyKind kind;
            try {
                kind = WaitStrategyKind.fromConfig(wait);
            } catch (final IllegalArgumentException e) {
                throw n.bad("waitStrategy", wait, "one of blocking, lite-blocking, phased, spin-then-block, sleeping, yielding, busy-spin");
            }
            final String mode = n.string("journalMode", "inline");
            if (!mode.equals("inline") && !mode.equals("parallel")) {
                throw n.bad("journalMode", mode, "inline or parallel");
            }
            final List<List<String>> threads = n.stringListList("threads", List.of(DEFAULT_STAGES));
            final List<Integer> cpus = n.intList("cpus", List.of());
            n.finish();
            try {
                return new PipelineSection(EngineAssembly.bookOnOneThread(
                    new PipelineLayout(ringSize, kind, threads, cpus, mode.equals("parallel"))));
            } catch (final IllegalArgumentException e) {
                throw new ConfigException("config " + e.getMessage());
            }
        }
    }

    /**
     * journal: {@code dir} (root of run directories, default {@value #DEFAULT_DIR}), {@code blockSize} (default
     * 64MiB), {@code rollCycle} (default FAST_DAILY), {@code pretouch} (default true),
     * {@code pretouchAhead} (default 32MiB), {@code storage} (disk: the queues in the run directory;
     * shm: on the tmpfs {@code shmDir}, default /dev/shm/skytrade, each completed roll cycle copied to
     * the run directory by an archiver thread; default disk), {@code retention.runs} and {@code retention.days}
     * (closed run directories kept under {@code dir} when a live run starts, {@link RunRetention};
     * default 0 and 0: keep every run), {@code stateHashInterval} (inputs between state-hash
     * checkpoints of the stateful stages, a power of two, 0 for none; default 1024).
     */
    public record JournalSection(String dir, JournalSettings settings, RunRetention retention, int stateHashInterval) {
        /**
         * Default root of run directories: "runs", not "journal", which is also the Maven module's
         * source folder in a checkout.
         */
        public static final String DEFAULT_DIR = "runs";
        /** Default inputs between state-hash checkpoints. */
        public static final int DEFAULT_STATE_HASH_INTERVAL = 1024;

        static JournalSection bind(final ConfigNode n) {
            final JournalSettings d = JournalSettings.defaults();
            final String dir = n.string("dir", DEFAULT_DIR);
            final long block = n.bytes("blockSize", d.blockSizeBytes());
            final String roll = n.string("rollCycle", d.rollCycle());
            final boolean pretouch = n.bool("pretouch", d.pretouch());
            final long ahead = n.bytes("pretouchAhead", d.pretouchAheadBytes());
            final String storage = n.string("storage", d.storage());
            final String shmDir = n.string("shmDir", d.shmDir());
            final ConfigNode r = n.node("retention");
            final int runs = r.integer("runs", 0);
            final int days = r.integer("days", 0);
            r.finish();
            final int hashInterval = n.integer("stateHashInterval", DEFAULT_STATE_HASH_INTERVAL);
            if (hashInterval < 0 || hashInterval > 0 && Integer.bitCount(hashInterval) != 1) {
                throw n.bad("stateHashInterval", hashInterval, "0 (no checkpoints) or a power of two");
            }
            n.finish();
            try {
                return new JournalSection(dir, new JournalSettings(block, roll, pretouch, ahead, storage, shmDir),
                    new RunRetention(runs, days), hashInterval);
            } catch (final IllegalArgumentException e) {
                throw new ConfigException("config " + e.getMessage());
            }
        }
    }

    /**
     * market: the embedded synthetic market-data source. {@code source} (synthetic; default),
     * {@code seed} (default 42), {@code eventsPerSecond} (book updates per second over all
     * instruments, default 200), {@code startPrice} (ticks, default 1000), {@code volatilityTicks}
     * (per-update random-walk step standard deviation, default 2.0), {@code spreadTicks} (default 2),
     * {@code levelQty} (lots per level, default 10).
     */
    public record MarketSection(String source, long seed, int eventsPerSecond, long startPrice, double volatilityTicks,
                                int spreadTicks, long levelQty) {
        static MarketSection bind(final ConfigNode n) {
            final String source = n.string("source", "synthetic");
            if (!source.equals("synthetic")) {
                throw n.bad("source", source, "synthetic");
            }
            final MarketSection s = new MarketSection(source, n.longValue("seed", 42), n.integer("eventsPerSecond", 200),
                n.longValue("startPrice", 1000), n.decimal("volatilityTicks", 2.0), n.integer("spreadTicks", 2),
                n.longValue("levelQty", 10));
            if (s.eventsPerSecond < 1 || s.eventsPerSecond > 10_000_000) {
                throw n.bad("eventsPerSecond", s.eventsPerSecond, "1..10000000");
            }
            if (s.startPrice < 10) {
                throw n.bad("startPrice", s.startPrice, "at least 10 ticks");
            }
            if (s.volatilityTicks < 0) {
                throw n.bad("volatilityTicks", s.volatilityTicks, "a number >= 0");
            }
            if (s.spreadTicks < 1) {
                throw n.bad("spreadTicks", s.spreadTicks, "at least 1");
            }
            if (s.levelQty < 1) {
                throw n.bad("levelQty", s.levelQty, "at least 1");
            }
            n.finish();
            return s;
        }
    }

    /**
     * The parameters of the business stages, each section bound onto its record's documented
     * defaults by {@link RecordBinder} (every key optional): {@code settlement} (the settlement
     * rules, shared by the valuation and the simulated venue), {@code feature}, {@code kalman},
     * {@code valuation}, {@code signal}, {@code regime}, {@code strategy}, {@code arbitrage},
     * {@code sizer}, {@code risk}, {@code drawdown}, {@code safeMode}, {@code orders}; and the top-level
     * {@code capital} (price units, default 1,000,000): the one capital figure the sizer's risk
     * budget, risk's exposure limits, the drawdown limits and the backtest's returns are fractions of.
     */
    public record ModelSection(SettlementRules settlement, FeatureParams feature, KalmanParams kalman,
                               ValuationParams valuation, SignalParams signal, RegimeParams regime,
                               StrategyParams strategy, ArbitrageParams arbitrage, SizerParams sizer, RiskLimits risk,
                               DrawdownLimits drawdown, SafeModeConfig safeMode, OrderManagerConfig orders,
                               double capital) {
        /** Default capital, price units. */
        public static final double DEFAULT_CAPITAL = 1_000_000.0;

        static ModelSection bind(final ConfigNode root) {
            final SettlementRules settlement = RecordBinder.bind(root.node("settlement"), SettlementRules.defaults());
            final ValuationParams valuation = RecordBinder.bind(root.node("valuation"), ValuationParams.defaults());
            try {
                valuation.checkAgainst(settlement);
            } catch (final IllegalArgumentException e) {
                throw new ConfigException("config " + e.getMessage());
            }
            final double capital = root.decimal("capital", DEFAULT_CAPITAL);
            if (!(capital > 0) || Double.isInfinite(capital)) {
                throw root.bad("capital", capital, "a finite number > 0 (price units)");
            }
            return new ModelSection(
                settlement,
                RecordBinder.bind(root.node("feature"), FeatureParams.defaults()),
                RecordBinder.bind(root.node("kalman"), KalmanParams.defaults()),
                valuation,
                RecordBinder.bind(root.node("signal"), SignalParams.defaults()),
                RecordBinder.bind(root.node("regime"), RegimeParams.defaults()),
                RecordBinder.bind(root.node("strategy"), StrategyParams.defaults()),
                RecordBinder.bind(root.node("arbitrage"), ArbitrageParams.defaults()),
                RecordBinder.bind(root.node("sizer"), SizerParams.defaults()),
                RecordBinder.bind(root.node("risk"), RiskLimits.defaults()),
                RecordBinder.bind(root.node("drawdown"), DrawdownLimits.defaults()),
                RecordBinder.bind(root.node("safeMode"), SafeModeConfig.defaults()),
                RecordBinder.bind(root.node("orders"), OrderManagerConfig.defaults()),
                capital);
        }
    }

    /** timers: {@code interval} between TIMER events (default 1s; 0 disables). */
    public record TimerSection(long intervalNanos) {
        static TimerSection bind(final ConfigNode n) {
            final TimerSection s = new TimerSection(n.durationNanos("interval", 1_000_000_000L));
            n.finish();
            return s;
        }
    }

    /** status: {@code interval} between status lines on the terminal (default 5s). */
    public record StatusSection(long intervalNanos) {
        static StatusSection bind(final ConfigNode n) {
            final StatusSection s = new StatusSection(n.durationNanos("interval", 5_000_000_000L));
            if (s.intervalNanos < 100_000_000L) {
                throw n.bad("interval", s.intervalNanos + "ns", "at least 100ms");
            }
            n.finish();
            return s;
        }
    }
}
