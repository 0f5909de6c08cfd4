package io.skytrade.engine.export;

import io.skytrade.core.event.ControlCode;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.journal.DecisionRecord;

import java.util.List;
import java.util.Locale;

/**
 * The tables {@code journal export} writes and how a journal entry becomes a row of each: one
 * table of inputs per {@link EventType} ({@code inputs_market_book}, ...: sequence, event and
 * receive time as timestamps and raw epoch nanoseconds, product or series name, then the type's
 * fields), {@code decisions} (every journaled decision with the time of the input that caused it
 * and, from decision layout v2, the valuation it was made on;
 * state-hash checkpoints left out), {@code fills} (the venue's fills among the order events) and
 * {@code valuations} (each product's fair value and signal as a replay of the run computes them).
 * Prices are in ticks, as journaled; codes are written by name (BUY, FILL, ORDER_NEW).
 *
 * <p>Tools only: allocates the name strings it puts.
 */
public final class JournalTables {
    /** Input types exported, in table order ({@link EventType#NONE} slots are counted, not exported). */
    static final int[] INPUT_TYPES = {EventType.MARKET_BOOK, EventType.MARKET_TRADE, EventType.OBSERVATION, EventType.ORDER_EVENT,
        EventType.POSITION_REPORT, EventType.TIMER, EventType.CONTROL, EventType.SETTLEMENT};

    public static final Table DECISIONS = Table.named("decisions")
        .column("input_sequence", ColumnType.LONG).column("index", ColumnType.INT).time("event_time")
        .column("kind", ColumnType.STRING).column("status", ColumnType.STRING)
        .column("product", ColumnType.STRING).column("instrument_id", ColumnType.INT)
        .column("side", ColumnType.STRING).column("price", ColumnType.LONG).column("quantity", ColumnType.LONG)
        .column("client_order_id", ColumnType.LONG).column("reason", ColumnType.INT).column("time_in_force", ColumnType.STRING)
        .column("fair_value", ColumnType.DOUBLE).column("fair_std", ColumnType.DOUBLE)
        .column("nowcast", ColumnType.DOUBLE).column("nowcast_std", ColumnType.DOUBLE)
        .column("market", ColumnType.DOUBLE).column("market_std", ColumnType.DOUBLE).column("nowcast_weight", ColumnType.DOUBLE)
        .build();

    public static final Table FILLS = header(Table.named("fills"), "product")
        .column("client_order_id", ColumnType.LONG).column("venue_order_id", ColumnType.LONG)
        .column("side", ColumnType.STRING).column("price", ColumnType.LONG).column("quantity", ColumnType.LONG)
        .column("leaves_quantity", ColumnType.LONG).column("fee", ColumnType.DOUBLE)
        .column("order_price", ColumnType.LONG).column("order_quantity", ColumnType.LONG)
        .build();

    /** Per input, each product whose valuation or signal it changed, from a replay of the run ({@link ReplayedValuations}). */
    public static final Table VALUATIONS = Table.named("valuations")
        .column("sequence", ColumnType.LONG).time("event_time").column("product", ColumnType.STRING)
        .column("instrument_id", ColumnType.INT).column("fair_value", ColumnType.DOUBLE).column("fair_std", ColumnType.DOUBLE)
        .column("nowcast", ColumnType.DOUBLE).column("nowcast_std", ColumnType.DOUBLE)
        .column("market", ColumnType.DOUBLE).column("market_std", ColumnType.DOUBLE).column("nowcast_weight", ColumnType.DOUBLE)
        .column("signal", ColumnType.DOUBLE)
        .build();

    private static final String[] STATUS = {"PROPOSED", "APPROVED", "REJECTED"};

    private final List<String> products;
    private final List<String> series;

    /**
     * @param products product (instrument) names by id, from the run's configuration
     * @param series   data series names by id
     */
    public JournalTables(final List<String> products, final List<String> series) {
        this.products = List.copyOf(products);
        this.series = List.copyOf(series);
    }

    /** The table of inputs of one {@link EventType}. */
    public static Table input(final int type) {
        final Table.Builder b = header(Table.named("inputs_" + EventType.name(type).toLowerCase(Locale.ROOT)),
            type == EventType.OBSERVATION ? "series" : "product");
        switch (type) {
            case EventType.MARKET_BOOK -> {
                b.column("book_sequence", ColumnType.LONG).column("bid_levels", ColumnType.INT).column("ask_levels", ColumnType.INT);
                for (final String side : new String[] {"bid", "ask"}) {
                    for (int i = 1; i <= EngineEvent.BOOK_DEPTH; i++) {
                        b.column(side + "_price_" + i, ColumnType.LONG).column(side + "_qty_" + i, ColumnType.LONG);
                    }
                }
            }
            case EventType.MARKET_TRADE -> b.column("price", ColumnType.LONG).column("quantity", ColumnType.LONG)
                .column("aggressor_side", ColumnType.STRING);
            case EventType.OBSERVATION -> b.column("value", ColumnType.DOUBLE).column("quality", ColumnType.INT);
            case EventType.ORDER_EVENT -> b.column("kind", ColumnType.STRING).column("client_order_id", ColumnType.LONG)
                .column("venue_order_id", ColumnType.LONG).column("side", ColumnType.STRING).column("price", ColumnType.LONG)
                .column("quantity", ColumnType.LONG).column("fill_quantity", ColumnType.LONG).column("fill_price", ColumnType.LONG)
                .column("leaves_quantity", ColumnType.LONG).column("reject_reason", ColumnType.INT).column("fee", ColumnType.DOUBLE);
            case EventType.POSITION_REPORT -> b.column("position", ColumnType.LONG);
            case EventType.CONTROL -> b.column("control", ColumnType.STRING).column("argument", ColumnType.LONG);
            case EventType.SETTLEMENT -> b.column("value", ColumnType.DOUBLE);
            case EventType.TIMER -> {
                // the header says it all
            }
            default -> throw new IllegalArgumentException("no input table for type " + EventType.name(type));
        }
        return b.build();
    }

    private static Table.Builder header(final Table.Builder b, final String nameColumn) {
        return b.column("sequence", ColumnType.LONG).time("event_time").time("receive_time")
            .column(nameColumn, ColumnType.STRING).column(nameColumn.equals("series") ? "series_id" : "instrument_id", ColumnType.INT)
            .column("source", ColumnType.INT);
    }

    /** Fills {@code row} (of {@link #input}{@code (e.type)}) with input {@code e}. */
    public Row input(final EngineEvent e, final Row row) {
        header(e, e.type == EventType.OBSERVATION ? name(series, e.instrumentId) : name(products, e.instrumentId), row.start());
        switch (e.type) {
            case EventType.MARKET_BOOK -> {
                row.putLong(e.bookSequence).putInt(e.bidLevels).putInt(e.askLevels);
                levels(row, e.bidPrices, e.bidQtys, e.bidLevels);
                levels(row, e.askPrices, e.askQtys, e.askLevels);
            }
            case EventType.MARKET_TRADE -> row.putLong(e.tradePriceTicks).putLong(e.tradeQty).putString(Side.name(e.aggressorSide));
            case EventType.OBSERVATION -> row.putDouble(e.value).putInt(e.quality);
            case EventType.ORDER_EVENT -> row.putString(OrderEventKind.name(e.orderEventKind)).putLong(e.clientOrderId)
                .putLong(e.venueOrderId).putString(Side.name(e.side)).putLong(e.priceTicks).putLong(e.quantity)
                .putLong(e.fillQty).putLong(e.fillPriceTicks).putLong(e.leavesQty).putInt(e.rejectReason).putDouble(e.fee);
            case EventType.POSITION_REPORT -> row.putLong(e.position);
            case EventType.CONTROL -> row.putString(ControlCode.name(e.controlCode)).putLong(e.controlArg);
            case EventType.SETTLEMENT -> row.putDouble(e.value);
            default -> {
                // TIMER: the header only
            }
        }
        return row;
    }

    /** True when input {@code e} is a fill, a row of {@link #FILLS}. */
    public static boolean isFill(final EngineEvent e) {
        return e.type == EventType.ORDER_EVENT && e.orderEventKind == OrderEventKind.FILL;
    }

    /** Fills {@code row} (of {@link #FILLS}) with fill {@code e}. */
    public Row fill(final EngineEvent e, final Row row) {
        return header(e, name(products, e.instrumentId), row.start())
            .putLong(e.clientOrderId).putLong(e.venueOrderId).putString(Side.name(e.side))
            .putLong(e.fillPriceTicks).putLong(e.fillQty).putLong(e.leavesQty).putDouble(e.fee)
            .putLong(e.priceTicks).putLong(e.quantity);
    }

    /** True when {@code r} is a decision (a row of {@link #DECISIONS}), not a state-hash checkpoint. */
    public static boolean isDecision(final DecisionRecord r) {
        return r.kind != DecisionKind.STATE_HASH;
    }

    /**
     * Fills {@code row} (of {@link #DECISIONS}) with decision {@code r}, caused by an input at
     * {@code eventTimeNanos} ({@code timeKnown} false: the input is missing from the journal).
     */
    public Row decision(final DecisionRecord r, final boolean timeKnown, final long eventTimeNanos, final Row row) {
        row.start().putLong(r.inputSequence).putInt(r.index);
        if (timeKnown) {
            row.putTime(eventTimeNanos);
        } else {
            row.skip(2);
        }
        final boolean product = r.kind == DecisionKind.ORDER_NEW || r.kind == DecisionKind.ORDER_CANCEL
            || r.kind == DecisionKind.RISK_REJECT;
        return row.putString(DecisionKind.name(r.kind))
            .putString(r.status >= 0 && r.status < STATUS.length ? STATUS[r.status] : "UNKNOWN(" + r.status + ")")
            .putString(product ? name(products, r.instrumentId) : null).putInt(r.instrumentId)
            .putString(Side.name(r.side)).putLong(r.priceTicks).putLong(r.quantity).putLong(r.clientOrderId)
            .putInt(r.reason).putString(TimeInForce.name(r.timeInForce))
            .putDouble(r.fair).putDouble(r.fairStd).putDouble(r.nowcast).putDouble(r.nowcastStd)
            .putDouble(r.market).putDouble(r.marketStd).putDouble(r.nowcastWeight);
    }

    /**
     * Fills {@code row} (of {@link #VALUATIONS}) with product {@code id}'s stage outputs on {@code e}
     * after the stages handled it: its fair value, its standard deviation and their components when the valuation stage
     * touched it, its signal when the signal stage wrote one (both kept in {@code side}).
     */
    public Row valuation(final EngineEvent e, final SideBuffers side, final int id, final Row row) {
        row.start().putLong(e.sequence).putTime(e.eventTimeNanos).putString(name(products, id)).putInt(id);
        if ((e.touchedInstruments & 1L << id) != 0) {
            row.putDouble(side.fairValue(e, id)).putDouble(side.fairStd(e, id)).putDouble(side.nowcastValue(e, id))
                .putDouble(side.nowcastStd(e, id)).putDouble(side.marketValue(e, id)).putDouble(side.marketStd(e, id))
                .putDouble(side.nowcastWeight(e, id));
        } else {
            row.skip(7);
        }
        return (e.signalledInstruments & 1L << id) != 0 ? row.putDouble(side.signal(e, id)) : row.skip(1);
    }

    private static Row header(final EngineEvent e, final String name, final Row row) {
        return row.putLong(e.sequence).putTime(e.eventTimeNanos).putTime(e.receiveTimeNanos)
            .putString(name).putInt(e.instrumentId).putInt(e.source);
    }

    private static void levels(final Row row, final long[] prices, final long[] qtys, final int levels) {
        for (int i = 0; i < EngineEvent.BOOK_DEPTH; i++) {
            if (i < levels) {
                row.putLong(prices[i]).putLong(qtys[i]);
            } else {
                row.skip(2);
            }
        }
    }

    private static String name(final List<String> names, final int id) {
        return id >= 0 && id < names.size() ? names.get(id) : null;
    }
}
