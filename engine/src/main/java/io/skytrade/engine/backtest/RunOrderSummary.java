package io.skytrade.engine.backtest;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.position.PositionTracker;
import io.skytrade.journal.DecisionJournalReader;
import io.skytrade.journal.DecisionRecord;
import io.skytrade.journal.InputJournalReader;
import io.skytrade.journal.RunDirectory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run directory says about our orders, read back from its journals alone: the orders we
 * sent (approved ORDER_NEW decisions, with the event time of the input that caused each), every
 * FILL order event among its inputs (the venue's for a live run, the fill model's for a backtest),
 * the delay from each order's decision to each of its fills (event time), and each product's
 * realised + marked PnL net of fees from a {@link PositionTracker} fed the run's fills,
 * settlements and book mids. Feeds {@link LiveVsBacktestComparison}.
 *
 * <p>Offline (backtest reports): reads both journals once; holds every order and fill, not every
 * input.
 */
public final class RunOrderSummary {
    /** One order we sent, with what was filled of it. */
    static final class Order {
        final long clientOrderId;
        final int instrument;
        final int side;
        final long quantity;
        final long inputSequence;
        /** Event time of the input that caused the order; MIN_VALUE until the inputs are read. */
        long decisionTimeNanos = Long.MIN_VALUE;
        long filledQty;
        double filledNotional;

        Order(final long clientOrderId, final int instrument, final int side, final long quantity, final long inputSequence) {
            this.clientOrderId = clientOrderId;
            this.instrument = instrument;
            this.side = side;
            this.quantity = quantity;
            this.inputSequence = inputSequence;
        }

        /** Volume-weighted fill price in ticks; NaN when nothing was filled. */
        double vwap() {
            return filledQty == 0 ? Double.NaN : filledNotional / filledQty;
        }
    }

    /** One product's orders, fills, delays and PnL in one run, or every product's. */
    static final class Product {
        long orders;
        long orderedQty;
        long fills;
        long filledQty;
        double filledNotional;
        final long[] sideQty = new long[3];
        final double[] sideNotional = new double[3];
        long[] delays = new long[16];
        int delayCount;
        double fees;
        double pnl;

        void addDelay(final long nanos) {
            if (delayCount == delays.length) {
                delays = Arrays.copyOf(delays, delayCount * 2);
            }
            delays[delayCount++] = nanos;
        }

        /** Volume-weighted fill price of one side, ticks; NaN without fills on that side. */
        double vwap(final int side) {
            return sideQty[side] == 0 ? Double.NaN : sideNotional[side] / sideQty[side];
        }

        long[] sortedDelays() {
            final long[] d = Arrays.copyOf(delays, delayCount);
            Arrays.sort(d);
            return d;
        }
    }

    private record Fill(long clientOrderId, long timeNanos, int instrument, int side, long qty, long priceTicks) {
    }

    private final Product[] products;
    private final Product total = new Product();
    private final List<Order> orders = new ArrayList<>();
    private long orderEvents;

    private RunOrderSummary(final int instruments) {
        products = new Product[instruments];
        for (int i = 0; i < instruments; i++) {
            products[i] = new Product();
        }
    }

    /**
     * Reads {@code run}'s journals.
     *
     * @param instruments configured products (ids 0..n-1); events of other ids are ignored
     */
    public static RunOrderSummary read(final RunDirectory run, final int instruments) {
        if (instruments < 0 || instruments > EngineEvent.MAX_INSTRUMENTS) {
            throw new IllegalArgumentException("instruments " + instruments + " must be in [0, " + EngineEvent.MAX_INSTRUMENTS + "]");
        }
        final RunOrderSummary s = new RunOrderSummary(instruments);
        final List<Fill> fills = new ArrayList<>();
        s.readDecisions(run);
        s.readInputs(run, fills);
        s.attributeFills(fills);
        return s;
    }

    /**
     * Reads every input: the event time of each order's deciding input (walking the orders in
     * input sequence order alongside), the fills, and each product's PnL.
     */
    private void readInputs(final RunDirectory run, final List<Fill> fills) {
        final PositionTracker positions = new PositionTracker();
        final List<Order> bySequence = new ArrayList<>(orders);
        bySequence.sort(Comparator.comparingLong(o -> o.inputSequence));
        int next = 0;
        try (InputJournalReader reader = new InputJournalReader(run.inputs())) {
            final EngineEvent e = new EngineEvent();
            while (reader.next(e)) {
                while (next < bySequence.size() && bySequence.get(next).inputSequence <= e.sequence) {
                    final Order o = bySequence.get(next++);
                    if (o.inputSequence == e.sequence) {
                        o.decisionTimeNanos = e.eventTimeNanos;
                    }
                }
                final boolean known = e.instrumentId >= 0 && e.instrumentId < products.length;
                if (e.type == EventType.ORDER_EVENT) {
                    orderEvents++;
                    if (known && e.orderEventKind == OrderEventKind.FILL && e.fillQty > 0) {
                        positions.onFill(e.instrumentId, e.side, e.fillQty, e.fillPriceTicks, e.fee);
                        fills.add(new Fill(e.clientOrderId, e.eventTimeNanos, e.instrumentId, e.side, e.fillQty, e.fillPriceTicks));
                    }
                } else if (e.type == EventType.SETTLEMENT && known) {
                    positions.onSettlement(e.instrumentId, e.value);
                } else if (e.hasTwoSidedBook() && known) {
                    positions.onMark(e.instrumentId, 0.5 * (e.bestBid() + e.bestAsk()));
                }
            }
        }
        for (int i = 0; i < products.length; i++) {
            products[i].fees = positions.fees(i);
            products[i].pnl = positions.equity(i);
            total.fees += products[i].fees;
            total.pnl += products[i].pnl;
        }
    }

    private void readDecisions(final RunDirectory run) {
        try (DecisionJournalReader reader = new DecisionJournalReader(run.decisions())) {
            final DecisionRecord r = new DecisionRecord();
            while (reader.next(r)) {
                if (r.kind != DecisionKind.ORDER_NEW || r.status != Decisions.STATUS_APPROVED
                    || r.instrumentId < 0 || r.instrumentId >= products.length) {
                    continue;
                }
                orders.add(new Order(r.clientOrderId, r.instrumentId, r.side, r.quantity, r.inputSequence));
                for (final Product p : new Product[]{products[r.instrumentId], total}) {
                    p.orders++;
                    p.orderedQty += r.quantity;
                }
            }
        }
    }

    private void attributeFills(final List<Fill> fills) {
        final Map<Long, Order> byId = new HashMap<>();
        for (final Order o : orders) {
            byId.put(o.clientOrderId, o);
        }
        for (final Fill f : fills) {
            final Order order = byId.get(f.clientOrderId());
            final int side = f.side();
            final long qty = f.qty();
            final double notional = (double) qty * f.priceTicks();
            if (order != null) {
                order.filledQty += qty;
                order.filledNotional += notional;
            }
            for (final Product p : new Product[]{products[f.instrument()], total}) {
                p.fills++;
                p.filledQty += qty;
                p.filledNotional += notional;
                if (Side.sign(side) != 0) {
                    p.sideQty[side] += qty;
                    p.sideNotional[side] += notional;
                }
                if (order != null && order.decisionTimeNanos != Long.MIN_VALUE) {
                    p.addDelay(f.timeNanos() - order.decisionTimeNanos);
                }
            }
        }
    }

    /** ORDER_EVENT inputs of the run (acks, fills, rejects, cancels): zero for a CSV-imported journal. */
    public long orderEvents() {
        return orderEvents;
    }

    /** Orders we sent, in decision order. */
    List<Order> orders() {
        return orders;
    }

    Product product(final int instrument) {
        return products[instrument];
    }

    Product total() {
        return total;
    }

    int instruments() {
        return products.length;
    }
}
