package io.skytrade.engine.metrics;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.position.PositionTracker;
import io.skytrade.engine.TestConfigs;
import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.runtime.LiveRun;
import io.skytrade.engine.runtime.Supervision;
import io.skytrade.journal.DecisionJournalReader;
import io.skytrade.journal.DecisionRecord;
import io.skytrade.journal.InputJournalReader;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real live run (embedded simulator, synthetic feeds): after it stops, every counter agrees with
 * what the run journaled and with the stages' own state, and every input was timed.
 */
@Tag("integration")
@Timeout(120)
class LiveMetricsTest {
    @TempDir
    Path tmp;

    @Test
    void shouldCountWhatTheRunJournaledAndTimeEveryInput() throws Exception {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final LiveRun live = LiveRun.start(new ConfigLoader(Map.of()).loadText(TestConfigs.FAST_CONFIG), tmp,
            new PrintStream(out, true, StandardCharsets.UTF_8));
        Supervision.superviseUntil(live, "3 orders sent, 1000 inputs journaled and an interval's latencies sampled", Duration.ofSeconds(90),
            () -> live.stages().orders().ordersSent() >= 3 && live.inputsJournaled() >= 1000
                && live.statusLine().contains("tick-to-decision p50"));
        final String runningStatus = live.statusLine();
        live.close();
        final EngineCounters c = live.metrics().counters();

        final long[] inputsByType = new long[EventType.COUNT];
        final long[] lastBid = new long[c.instruments().size()];
        final long[] lastAsk = new long[c.instruments().size()];
        try (InputJournalReader reader = new InputJournalReader(live.runDirectory().inputs())) {
            final EngineEvent e = new EngineEvent();
            while (reader.next(e)) {
                inputsByType[e.type]++;
                if (e.type == EventType.MARKET_BOOK) {
                    lastBid[e.instrumentId] = e.bestBid();
                    lastAsk[e.instrumentId] = e.bestAsk();
                }
            }
        }
        for (int t = 0; t < EventType.COUNT; t++) {
            assertEquals(inputsByType[t], c.inputs(t), "inputs of type " + EventType.name(t));
        }
        assertEquals(live.inputsJournaled(), c.inputsTotal());
        assertEquals(live.inputsJournaled() - 1, c.lastSequence());

        final long[] decisionsByKind = new long[DecisionKind.ALERT + 1];
        final long[] rejectsByReason = new long[EngineCounters.RISK_REASONS];
        try (DecisionJournalReader reader = new DecisionJournalReader(live.runDirectory().decisions())) {
            final DecisionRecord d = new DecisionRecord();
            while (reader.next(d)) {
                if (d.kind == DecisionKind.STATE_HASH) {
                    continue;
                }
                decisionsByKind[d.kind]++;
                if (d.status == Decisions.STATUS_REJECTED) {
                    rejectsByReason[d.reason]++;
                }
            }
        }
        for (int k = 0; k < decisionsByKind.length; k++) {
            assertEquals(decisionsByKind[k], c.decisions(k), "decisions of kind " + DecisionKind.name(k));
        }
        for (int r = 0; r < rejectsByReason.length; r++) {
            assertEquals(rejectsByReason[r], c.riskRejects(r), "risk rejects of reason " + r);
        }
        assertTrue(c.ordersSent() >= 3, "orders sent " + c.ordersSent());
        assertEquals(live.stages().orders().ordersSent(), c.ordersSent());
        assertEquals(live.stages().orders().cancelsSent(), c.cancelsSent());
        assertEquals(live.stages().risk().mode(), c.mode());

        final PositionTracker book = live.stages().book().positions();
        assertEquals(book.fillCount(), c.fills());
        for (int i = 0; i < c.instruments().size(); i++) {
            assertEquals(book.position(i), c.position(i), "position of " + c.instruments().get(i));
            assertEquals(book.realisedPnl(i), c.realisedPnl(i), 1e-9, "realised PnL of " + c.instruments().get(i));
            assertEquals(lastBid[i], c.bid(i), "best bid of " + c.instruments().get(i));
            assertEquals(lastAsk[i], c.ask(i), "best ask of " + c.instruments().get(i));
        }
        assertEquals(live.stages().risk().drawdown().equity(), c.equity(), 1e-9);

        final Histogram tickToDecision = live.metrics().latencies().cumulative(LatencyStage.RECEIVE_TO_DECISION);
        assertEquals(c.inputsTotal(), tickToDecision.getTotalCount(), "every input timed from receipt to decision");
        assertTrue(tickToDecision.getValueAtPercentile(50) > 0 && tickToDecision.getValueAtPercentile(50) < 1_000_000_000L,
            "p50 " + tickToDecision.getValueAtPercentile(50) + " ns");
        final Histogram toWire = live.metrics().latencies().cumulative(LatencyStage.RECEIVE_TO_WIRE);
        assertTrue(toWire.getTotalCount() > 0 && toWire.getTotalCount() <= c.ordersSent() + c.cancelsSent());
        assertTrue(live.metrics().latencies().cumulative(LatencyStage.DATA_TO_SIGNAL).getTotalCount()
            == c.inputs(EventType.OBSERVATION));
        assertTrue(runningStatus.startsWith("status: RUNNING") && runningStatus.contains("tick-to-decision p50")
            && runningStatus.contains(" lots in ") && runningStatus.contains(" equity "),
            runningStatus);
    }
}
