package io.skytrade.engine.runtime;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.journal.DecisionJournalReader;
import io.skytrade.journal.DecisionRecord;
import io.skytrade.journal.InputJournalReader;
import io.skytrade.journal.RunDirectory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A closed run directory read back for assertions: every decision, and every venue order event
 * among the inputs. From these alone it rebuilds which orders were open, which had a cancel in
 * flight, and each product's position at any input sequence, independently of the engine's stages.
 */
final class RunJournal {
    /** One journaled ORDER_EVENT input. */
    record OrderEvent(long sequence, int kind, long clientOrderId, int instrument, int side, long fillQty, long leavesQty) {
    }

    final List<DecisionRecord> decisions = new ArrayList<>();
    final List<OrderEvent> orderEvents = new ArrayList<>();
    final long inputs;

    RunJournal(final RunDirectory run) {
        try (DecisionJournalReader reader = new DecisionJournalReader(run.decisions())) {
            DecisionRecord r = new DecisionRecord();
            while (reader.next(r)) {
                decisions.add(r);
                r = new DecisionRecord();
            }
        }
        try (InputJournalReader reader = new InputJournalReader(run.inputs())) {
            final EngineEvent e = new EngineEvent();
            while (reader.next(e)) {
                if (e.type == EventType.ORDER_EVENT) {
                    orderEvents.add(new OrderEvent(e.sequence, e.orderEventKind, e.clientOrderId, e.instrumentId, e.side,
                        e.fillQty, e.leavesQty));
                }
            }
            inputs = reader.count();
        }
    }

    List<DecisionRecord> decisions(final Predicate<DecisionRecord> filter) {
        return decisions.stream().filter(filter).toList();
    }

    /**
     * Client order ids resting at the venue, with no cancel in flight, when input {@code sequence}
     * had been applied but before any decision it caused: approved GTC ORDER_NEW decisions of
     * earlier inputs, less those ended by a fill with nothing left, a cancel or a reject, less those
     * with an approved ORDER_CANCEL not answered by a cancel reject. IOC orders do not rest (the
     * venue ends them itself, and SAFE never cancels them: {@code SafeModeUnwinder}), so an IOC in
     * flight is not an open order here.
     */
    Set<Long> openOrdersWithoutCancelAt(final long sequence) {
        final Set<Long> open = new HashSet<>();
        final Set<Long> cancelling = new HashSet<>();
        int d = 0;
        int o = 0;
        for (long s = 0; s <= sequence; s++) {
            for (; o < orderEvents.size() && orderEvents.get(o).sequence() == s; o++) {
                final OrderEvent e = orderEvents.get(o);
                final boolean ended = e.kind() == OrderEventKind.CANCELLED || e.kind() == OrderEventKind.REJECT
                    || e.kind() == OrderEventKind.FILL && e.leavesQty() <= 0;
                if (ended) {
                    open.remove(e.clientOrderId());
                    cancelling.remove(e.clientOrderId());
                } else if (e.kind() == OrderEventKind.CANCEL_REJECT) {
                    cancelling.remove(e.clientOrderId());
                }
            }
            for (; d < decisions.size() && decisions.get(d).inputSequence == s && s < sequence; d++) {
                final DecisionRecord r = decisions.get(d);
                if (r.status != Decisions.STATUS_APPROVED) {
                    continue;
                }
                if (r.kind == DecisionKind.ORDER_NEW && r.timeInForce == TimeInForce.GTC) {
                    open.add(r.clientOrderId);
                } else if (r.kind == DecisionKind.ORDER_CANCEL && open.contains(r.clientOrderId)) {
                    cancelling.add(r.clientOrderId);
                }
            }
        }
        open.removeAll(cancelling);
        return open;
    }

    /** Position per instrument from the journaled fills of inputs up to {@code sequence} inclusive. */
    long[] positionsAt(final long sequence) {
        final long[] position = new long[EngineEvent.MAX_INSTRUMENTS];
        for (final OrderEvent e : orderEvents) {
            if (e.sequence() > sequence) {
                break;
            }
            if (e.kind() == OrderEventKind.FILL) {
                position[e.instrument()] += Side.sign(e.side()) * e.fillQty();
            }
        }
        return position;
    }

    /** Lots filled on the given client order ids. */
    long filledLots(final Set<Long> clientOrderIds) {
        long lots = 0;
        for (final OrderEvent e : orderEvents) {
            if (e.kind() == OrderEventKind.FILL && clientOrderIds.contains(e.clientOrderId())) {
                lots += e.fillQty();
            }
        }
        return lots;
    }

    static long gross(final long[] positions) {
        long gross = 0;
        for (final long p : positions) {
            gross += Math.abs(p);
        }
        return gross;
    }
}
