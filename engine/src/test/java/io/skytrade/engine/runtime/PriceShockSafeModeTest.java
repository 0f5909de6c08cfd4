package io.skytrade.engine.runtime;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.risk.RiskReason;
import io.skytrade.core.risk.TradingMode;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.exchange.sim.ExchangeSimulator;
import io.skytrade.journal.DecisionRecord;
import io.skytrade.journal.RunDirectory;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6 end to end: the engine trades the embedded simulated exchange over real loopback
 * sockets until it holds a position and has orders working; then the simulator's background
 * quotes are shocked against that position, the marked-to-market drawdown crosses
 * {@code drawdown.hardDrawdown}, and the journal must show SAFE entered with cause HARD_DRAWDOWN,
 * a cancel for every order open at that input, IOC flattening orders that fill and bring the
 * position back toward zero, and every later strategy intent rejected with SAFE_MODE. The run
 * directory then replays with verify to the same decisions, the transition at the same sequence.
 */
@Tag("integration")
@Timeout(300)
class PriceShockSafeModeTest {
    /**
     * The demo stack at 120x, with a hard drawdown limit the shock crosses and normal trading does
     * not (0.001 of the default capital of 1,000,000: 1,000; its drawdown stays in the tens), a touch band wide enough for 100 ticks of flattening
     * slippage, and a strategy fair-value band wide enough for a cold engine to build positions
     * within a minute (with the default 200 ticks its first hours' nowcasts keep most intents out).
     * Flattening ignores that band (SafeModeTest), so the shock's size does not matter to it.
     */
    static final String CONFIG = """
        drawdown:
          softDrawdown: 0.0005
          softRecoveryDrawdown: 0.00025
          hardDrawdown: 0.001
          dailyLossLimit: 1.0
        risk:
          fairValueBandStd: 1000
          fairValueBandMinTicks: 100000
          touchBandTicks: 200
        safeMode:
          maxMarketDataAge: 1h
          flattenOnSafe: true
          flattenSlippageTicks: 100
        """;
    private static final String API_KEY = "demo";
    private static final long HARD_DRAWDOWN = 1000;
    /** Each held product's quotes move this fraction of its mid against the position. */
    private static final double SHOCK_FRACTION = 0.4;
    /** Working orders wanted when the shock hits (some may fill against the shocked quotes first). */
    private static final int MIN_OPEN_ORDERS = 3;

    private static final Duration POLL = Duration.ofMillis(20);

    @TempDir
    static Path tmp;
    static RunDirectory run;
    static RunJournal journal;
    static EngineAssembly.Stages stages;
    static long firstShockedInput;
    static long[] venuePositionsAtEnd;
    static int venueOpenOrdersAtEnd;
    static DecisionRecord safeEntry;
    static long liveInputs;
    static long liveDecisions;

    @BeforeAll
    static void tradeUntilAShockForcesSafeMode() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ConfigLoader.LoadedConfig loaded = new ConfigLoader(Map.of()).loadTexts(io.skytrade.engine.TestConfigs.FAST_CONFIG, CONFIG);
        final List<String> products = loaded.config().instruments();
        final long t0 = System.nanoTime();
        final LiveRun live = LiveRun.start(loaded, tmp.resolve("journal"), new PrintStream(out, true, StandardCharsets.UTF_8),
            Map.of());
        try {
            final ExchangeSimulator sim = live.simulator();
            final double[] maxDrawdown = {0};
            until("a position worth shocking and " + MIN_OPEN_ORDERS + " working orders", Duration.ofSeconds(90), out, () -> {
                maxDrawdown[0] = Math.max(maxDrawdown[0], live.stages().risk().drawdown().drawdown());
                return shockLoss(sim, products) >= 2 * HARD_DRAWDOWN && sim.openOrderCount(API_KEY) >= MIN_OPEN_ORDERS;
            });
            firstShockedInput = live.inputsJournaled();
            final StringBuilder shocked = new StringBuilder();
            for (final String product : products) {
                final long position = sim.position(API_KEY, product);
                final long ticks = shockTicks(sim, product);
                if (position != 0 && ticks > 0) {
                    sim.shockPrices(product, position > 0 ? -ticks : ticks);
                    shocked.append(' ').append(product).append('=').append(position).append(" by ").append(ticks);
                }
            }
            final long shockedAt = System.nanoTime();
            until("SAFE after the shock", Duration.ofSeconds(45), out, () -> live.stages().risk().mode() == TradingMode.SAFE);
            final long safeAt = System.nanoTime();
            // flat at the venue and in the engine's book (every flattening fill reported back), nothing working
            until("flat at the venue and in the book after SAFE", Duration.ofSeconds(45), out,
                () -> gross(sim, products) == 0 && sim.openOrderCount(API_KEY) == 0 && bookGross(live, products) == 0);
            final long flatAt = System.nanoTime();
            // The strategy keeps proposing in SAFE: wait for a few of its (rejected) intents after the
            // flattening, however slowly a loaded machine runs the world clock.
            final long rejectedAtFlat = live.stages().risk().rejectedCount();
            until("3 strategy intents rejected after the flattening", Duration.ofSeconds(45), out,
                () -> live.stages().risk().rejectedCount() >= rejectedAtFlat + 3);
            venuePositionsAtEnd = new long[EngineEvent.MAX_INSTRUMENTS];
            for (int i = 0; i < products.size(); i++) {
                venuePositionsAtEnd[i] = sim.position(API_KEY, products.get(i));
            }
            venueOpenOrdersAtEnd = sim.openOrderCount(API_KEY);
            System.out.printf("price shock: positions%s ticks against them after %.1f s (drawdown so far at most %.0f); "
                    + "SAFE %.0f ms later, %s %.0f ms after SAFE%n", shocked, (shockedAt - t0) / 1e9, maxDrawdown[0],
                (safeAt - shockedAt) / 1e6, "flat", (flatAt - safeAt) / 1e6);
        } finally {
            live.close();
        }
        stages = live.stages();
        liveInputs = live.inputsJournaled();
        liveDecisions = live.decisionsJournaled();
        run = RunDirectory.open(live.runDirectory().dir());
        journal = new RunJournal(run);
        final List<DecisionRecord> toSafe = journal.decisions(r -> r.kind == DecisionKind.MODE_CHANGE
            && r.reason == TradingMode.SAFE);
        assertEquals(1, toSafe.size(), "transitions to SAFE: " + toSafe);
        safeEntry = toSafe.get(0);
    }

    @Test
    void shouldEnterSafeOnTheHardDrawdownCausedByTheShock() {
        assertEquals(RiskReason.HARD_DRAWDOWN, safeEntry.priceTicks, "cause of " + safeEntry);
        assertEquals(Decisions.STATUS_APPROVED, safeEntry.status);
        assertTrue(safeEntry.inputSequence >= firstShockedInput,
            "SAFE at input " + safeEntry.inputSequence + ", before the shock at " + firstShockedInput);
        final List<DecisionRecord> later = journal.decisions(r -> r.kind == DecisionKind.MODE_CHANGE
            && r.inputSequence > safeEntry.inputSequence);
        assertEquals(List.of(), later, "nothing but an operator command leaves SAFE");
        assertEquals(TradingMode.SAFE, stages.risk().mode());
        assertEquals(0, stages.risk().decisionOverflowCount());
    }

    @Test
    void shouldCancelEveryOrderOpenWhenSafeWasEntered() {
        final Set<Long> open = journal.openOrdersWithoutCancelAt(safeEntry.inputSequence);
        final Set<Long> cancelled = journal.decisions(r -> r.inputSequence == safeEntry.inputSequence
                && r.kind == DecisionKind.ORDER_CANCEL && r.status == Decisions.STATUS_APPROVED).stream()
            .peek(r -> assertEquals(RiskReason.SAFE_MODE, r.reason, r.toString()))
            .map(r -> r.clientOrderId).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(open), cancelled, "SAFE cancels at input " + safeEntry.inputSequence);
        assertEquals(0, venueOpenOrdersAtEnd, "orders left at the venue");
        // Timing on a loaded host: every working order can fill against the shocked quotes before
        // SAFE; then there was nothing to cancel and this run cannot show the cancels (reported as skipped).
        org.junit.jupiter.api.Assumptions.assumeFalse(open.isEmpty(),
            "all working orders filled against the shocked quotes before SAFE: no cancel to check in this run");
    }

    @Test
    void shouldFlattenWithApprovedIocOrdersThatFill() {
        final List<DecisionRecord> flattening = journal.decisions(r -> r.inputSequence >= safeEntry.inputSequence
            && r.kind == DecisionKind.ORDER_NEW && r.status == Decisions.STATUS_APPROVED);
        assertFalse(flattening.isEmpty(), "no flattening order");
        final Set<Long> ids = new HashSet<>();
        for (final DecisionRecord r : flattening) {
            assertEquals(RiskReason.SAFE_MODE, r.reason, r.toString());
            assertEquals(TimeInForce.IOC, r.timeInForce, r.toString());
            final long position = journal.positionsAt(r.inputSequence)[r.instrumentId];
            assertTrue(position != 0 && r.quantity <= Math.abs(position), "flattening " + r + " of a position of " + position);
            assertEquals(position > 0 ? Side.SELL : Side.BUY, r.side, "flattening side " + r);
            ids.add(r.clientOrderId);
        }
        assertEquals(List.of(), journal.decisions(r -> r.kind == DecisionKind.ORDER_CANCEL
            && r.status == Decisions.STATUS_APPROVED && ids.contains(r.clientOrderId)), "cancels of flattening orders");
        final long[] atSafe = journal.positionsAt(safeEntry.inputSequence);
        final long[] atEnd = journal.positionsAt(Long.MAX_VALUE);
        assertTrue(RunJournal.gross(atSafe) > 0, "no position when SAFE was entered");
        assertTrue(journal.filledLots(ids) > 0, "no flattening order filled");
        assertEquals(0, RunJournal.gross(atEnd), "gross position at the end");
        assertEquals(0, RunJournal.gross(venuePositionsAtEnd), "venue's gross position at the end");
        for (int i = 0; i < EngineEvent.MAX_INSTRUMENTS; i++) {
            assertEquals(atEnd[i], stages.book().position(i), "book position of " + i);
        }
    }

    @Test
    void shouldRejectEveryLaterStrategyIntentWithSafeMode() {
        final List<DecisionRecord> intents = journal.decisions(r -> r.inputSequence >= safeEntry.inputSequence
            && (r.kind == DecisionKind.ORDER_NEW || r.kind == DecisionKind.ORDER_CANCEL)
            && r.status != Decisions.STATUS_APPROVED);
        assertFalse(intents.isEmpty(), "the strategy proposed nothing after the shock");
        final List<String> wrong = new ArrayList<>();
        for (final DecisionRecord r : intents) {
            if (r.status != Decisions.STATUS_REJECTED || r.reason != RiskReason.SAFE_MODE || r.clientOrderId != 0
                && r.kind == DecisionKind.ORDER_NEW) {
                wrong.add(r.toString());
            }
        }
        assertEquals(List.of(), wrong);
        final long rejectedNew = intents.stream().filter(r -> r.kind == DecisionKind.ORDER_NEW).count();
        assertTrue(rejectedNew > 0, "no ORDER_NEW intent after the shock");
        assertEquals(journal.decisions(r -> r.status == Decisions.STATUS_REJECTED).size(), stages.risk().rejectedCount());
        assertEquals(journal.decisions(r -> r.status == Decisions.STATUS_APPROVED && r.kind == DecisionKind.ORDER_NEW).size(),
            stages.orders().ordersSent());
    }

    @Test
    void shouldReplayToTheSameTransitionsAtTheSameSequences() {
        final List<Long> replayedSafe = new ArrayList<>();
        final ReplayRunner.Result r = new ReplayRunner(run, Map.of()).replay(true, (event, side) -> {
            final Decisions d = side.decisions(event);
            for (int i = 0; i < d.count(); i++) {
                if (d.kind[i] == DecisionKind.MODE_CHANGE && d.reason[i] == TradingMode.SAFE) {
                    replayedSafe.add(event.sequence);
                }
            }
        });
        assertEquals(0, r.differences(), r.firstDifference());
        assertEquals(liveInputs, r.events());
        assertEquals(liveDecisions, r.decisions());
        assertEquals(0, r.stageFailures());
        assertEquals(List.of(safeEntry.inputSequence), replayedSafe);
    }

    private static long gross(final ExchangeSimulator sim, final List<String> products) {
        long gross = 0;
        for (final String product : products) {
            gross += Math.abs(sim.position(API_KEY, product));
        }
        return gross;
    }

    /** The shock for a product: {@link #SHOCK_FRACTION} of its mid, 0 without a two-sided book. */
    private static long shockTicks(final ExchangeSimulator sim, final String product) {
        final long bid = sim.bestBid(product);
        final long ask = sim.bestAsk(product);
        return bid > 0 && ask > bid ? Math.round(SHOCK_FRACTION * 0.5 * (bid + ask)) : 0;
    }

    /** What the shock would take off the marked-to-market equity of the venue's positions now. */
    private static long shockLoss(final ExchangeSimulator sim, final List<String> products) {
        long loss = 0;
        for (final String product : products) {
            loss += Math.abs(sim.position(API_KEY, product)) * shockTicks(sim, product);
        }
        return loss;
    }

    /** Waits for a condition with a deadline; on a timeout the failure shows the engine's output. */
    private static void until(final String what, final Duration atMost, final ByteArrayOutputStream out,
                              final Callable<Boolean> condition) {
        try {
            await(what).atMost(atMost).pollInterval(POLL).until(condition);
        } catch (final ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; engine output:\n" + out.toString(StandardCharsets.UTF_8), e);
        }
    }

    private static long bookGross(final LiveRun live, final List<String> products) {
        long gross = 0;
        for (int i = 0; i < products.size(); i++) {
            gross += Math.abs(live.stages().book().position(i));
        }
        return gross;
    }
}
