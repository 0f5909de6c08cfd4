package io.skytrade.core.book;

import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.order.OrderManagerConfig;
import io.skytrade.core.order.OrderPurpose;
import io.skytrade.core.order.OrderTable;
import io.skytrade.core.pipeline.StateHash;
import io.skytrade.core.position.PositionTracker;
import io.skytrade.core.risk.RiskReason;

/**
 * The one trading book: every order we have open or recently closed ({@link OrderTable}, with the
 * client order id counter), positions, average prices, realised and unrealised PnL, fees and
 * traded volume ({@link PositionTracker}), and the market it marks them against
 * ({@link MarketView}), with the position each {@link OrderPurpose} built (the ETF arbitrage and
 * its hedges beside the market maker's inventory). Nothing else in the engine keeps orders or positions: the strategy, risk,
 * the outbound stage, the backtest's analytics and the status line read them here.
 *
 * <p>Like exchange-core's risk engine it is driven in two phases on every input, both on the same
 * thread: the <em>post-trade</em> phase ({@link #onInput}, run by the {@link BookStage} before the
 * strategy) applies what happened (acks, fills, rejects, cancels, settlements, marks, ack
 * timeouts); the <em>pre-trade</em> phase ({@link #open}, {@link #requestCancel}, called by the
 * risk stage after it approved an intent) assigns the client order id and records the order as
 * sent, so the strategy sees it on the very next input. Illegal venue transitions and ack timeouts
 * become ALERT decisions in the event (status APPROVED, {@code reason} the {@link RiskReason},
 * {@code clientOrderId}, {@code quantity} the fill quantity when a fill was the problem).
 *
 * <p>Single-threaded: every stage that touches it (book, strategy, risk) must run on one thread
 * (the engine assembly checks the layout). Hot-path cost: one hash look-up per order event, a few
 * stores per book event, a pass over live orders on TIMER events; no allocation.
 */
public final class TradingBook implements StateHash {
    private final OrderManagerConfig config;
    private final OrderTable orders;
    private final PositionTracker positions = new PositionTracker();
    private final MarketView market = new MarketView();

    private long alerts;
    private long ackTimeouts;
    private long alertOverflows;

    public TradingBook(final OrderManagerConfig config) {
        this.config = config;
        this.orders = new OrderTable(config);
    }

    /** A book with the default order configuration. */
    public static TradingBook withDefaults() {
        return new TradingBook(OrderManagerConfig.defaults());
    }

    // ---------------------------------------------------------------- post-trade phase

    /**
     * Applies one input (post-trade phase): market view, marks ({@link MarketView#markPrice}) of the
     * product a book update concerns and of every product whose fair value changed, order events,
     * settlements, ack timeouts.
     */
    public void onInput(final EngineEvent event, final SideBuffers side) {
        market.onEvent(event, side);
        final int instrument = event.instrumentId;
        long marked = event.touchedInstruments;
        while (marked != 0) {
            final int i = Long.numberOfTrailingZeros(marked);
            marked &= marked - 1;
            if (PositionTracker.isValidInstrument(i)) {
                positions.onMark(i, market.markPrice(i));
            }
        }
        switch (event.type) {
            case EventType.MARKET_BOOK -> {
                // a book whose product was revalued was marked with the others above (the same mark)
                if (PositionTracker.isValidInstrument(instrument) && (event.touchedInstruments & (1L << instrument)) == 0) {
                    positions.onMark(instrument, market.markPrice(instrument));
                }
            }
            case EventType.ORDER_EVENT -> {
                final int reason = orders.onOrderEvent(event, positions);
                if (reason != RiskReason.NONE) {
                    final int known = orders.lastEventInstrument();
                    alert(side.decisionsToWrite(event), reason, known, event.clientOrderId,
                        event.orderEventKind == OrderEventKind.FILL ? event.fillQty : 0);
                }
            }
            case EventType.SETTLEMENT -> {
                positions.onSettlement(instrument, event.value);
                orders.onSettlement(instrument);
            }
            case EventType.TIMER -> {
                final long now = event.eventTimeNanos;
                final long timeout = config.ackTimeoutNanos();
                for (int s = orders.nextAckTimeout(now, timeout, 0); s >= 0; s = orders.nextAckTimeout(now, timeout, s + 1)) {
                    ackTimeouts++;
                    alert(side.decisionsToWrite(event), RiskReason.ACK_TIMEOUT, orders.slotInstrument(s), orders.slotClientOrderId(s), 0);
                }
            }
            default -> {
            }
        }
    }

    private void alert(final Decisions decisions, final int reason, final int instrument, final long clientOrderId,
                       final long qty) {
        alerts++;
        final int i = decisions.add(DecisionKind.ALERT, instrument, Side.NONE, 0, qty, clientOrderId, reason);
        if (i < 0) {
            alertOverflows++;
        } else {
            decisions.status[i] = Decisions.STATUS_APPROVED;
        }
    }

    // ---------------------------------------------------------------- pre-trade phase

    /**
     * Records an approved new order as sent and returns its client order id ({@code base + n}, the
     * n-th order: unique and identical on replay), or 0 when the table is full or the order invalid.
     */
    public long open(final int instrument, final int side, final long price, final long qty, final int timeInForce,
                     final long nowNanos) {
        return open(instrument, side, price, qty, timeInForce, nowNanos, OrderPurpose.QUOTE);
    }

    /** {@link #open(int, int, long, long, int, long)} with the order's {@link OrderPurpose}. */
    public long open(final int instrument, final int side, final long price, final long qty, final int timeInForce,
                     final long nowNanos, final int purpose) {
        final long id = orders.open(instrument, side, price, qty, timeInForce, nowNanos, purpose);
        if (id != 0) {
            orders.markSent(id);
        }
        return id;
    }

    /** The reason a cancel of {@code id} would be refused ({@link RiskReason#NONE} when it would not); changes nothing. */
    public int checkCancel(final long id) {
        return orders.checkCancel(id);
    }

    /** Records an approved cancel request; returns NONE, UNKNOWN_ORDER or ALREADY_CANCELLING. */
    public int requestCancel(final long id) {
        return orders.requestCancel(id);
    }

    // ---------------------------------------------------------------- reads

    /**
     * Copies the quantities of the event's book levels into {@code bidQty} and {@code askQty} less
     * our own resting orders at those prices (GTC orders the venue has acknowledged or filled part
     * of), floored at 0: the book of everyone else, which is what the strategy must price against.
     * A book the venue already reports without our orders ({@link EngineEvent#SOURCE_OWN_EXCLUDED},
     * the CMI venue) is copied as it is. Cost: O(the product's live orders x levels). The rule's
     * parts ({@link #copyLevels}, {@link #netsOwnOrders}, {@link #restsInBook}, {@link #netOrder})
     * let a reader that walks the product's orders anyway net the book in the same walk.
     */
    public void netOwnOrders(final EngineEvent book, final long[] bidQty, final long[] askQty) {
        copyLevels(book, bidQty, askQty);
        if (!netsOwnOrders(book)) {
            return;
        }
        // each order's leaves come off its own level (floored at 0): the order of the walk does not matter
        for (int s = orders.firstSlotOf(book.instrumentId); s >= 0; s = orders.nextSlotOf(s)) {
            if (restsInBook(s)) {
                netOrder(book, s, bidQty, askQty);
            }
        }
    }

    /** The event's level quantities into {@code bidQty} and {@code askQty}, 0 beyond its levels ({@link EngineEvent#BOOK_DEPTH} each). */
    public static void copyLevels(final EngineEvent book, final long[] bidQty, final long[] askQty) {
        for (int l = 0; l < EngineEvent.BOOK_DEPTH; l++) {
            bidQty[l] = l < book.bidLevels ? book.bidQtys[l] : 0;
            askQty[l] = l < book.askLevels ? book.askQtys[l] : 0;
        }
    }

    /** True when the book event's levels may hold our own orders, to be netted out ({@link #netOwnOrders}). */
    public boolean netsOwnOrders(final EngineEvent book) {
        final int instrument = book.instrumentId;
        return PositionTracker.isValidInstrument(instrument) && orders.openCount(instrument) != 0
            && (book.source & EngineEvent.SOURCE_OWN_EXCLUDED) == 0;
    }

    /** True when the live order in {@code slot} rests in the venue's book: GTC, acknowledged or partly filled. */
    public boolean restsInBook(final int slot) {
        return orders.slotTimeInForce(slot) == TimeInForce.GTC && orders.slotAtVenue(slot);
    }

    /** Takes the leaves of the order in {@code slot} off the first level at its price on its side (floored at 0). */
    public void netOrder(final EngineEvent book, final int slot, final long[] bidQty, final long[] askQty) {
        final long price = orders.slotPrice(slot);
        final long leaves = orders.slotLeaves(slot);
        if (orders.slotSide(slot) == Side.BUY) {
            subtract(book.bidPrices, book.bidLevels, bidQty, price, leaves);
        } else {
            subtract(book.askPrices, book.askLevels, askQty, price, leaves);
        }
    }

    private static void subtract(final long[] prices, final int levels, final long[] qty, final long price, final long leaves) {
        for (int l = 0; l < levels; l++) {
            if (prices[l] == price) {
                qty[l] = Math.max(0, qty[l] - leaves);
                return;
            }
        }
    }

    /** Orders, read-only for everyone but this book (slots, states, open quantities per instrument). */
    public OrderTable orders() {
        return orders;
    }

    /** Positions and PnL, read-only for everyone but this book. */
    public PositionTracker positions() {
        return positions;
    }

    /** The market as the book last saw it (touch with our orders, fair value and its std). */
    public MarketView market() {
        return market;
    }

    public long position(final int instrument) {
        return positions.position(instrument);
    }

    /** Signed lots the orders of one {@link OrderPurpose} filled in {@code instrument} since its last settlement. */
    public long purposePosition(final int purpose, final int instrument) {
        return orders.purposePosition(purpose, instrument);
    }

    /** Marked-to-market equity (realised - fees + unrealised) over every product. */
    public double equity() {
        return positions.equity();
    }

    /** Alerts raised by the post-trade phase (illegal venue transitions and ack timeouts). */
    public long alertCount() {
        return alerts;
    }

    public long ackTimeouts() {
        return ackTimeouts;
    }

    /** Alerts lost to a full decision buffer (still counted in {@link #alertCount()}). */
    public long alertOverflows() {
        return alertOverflows;
    }

    @Override
    public long stateHash() {
        long h = PositionTracker.mix(orders.stateHash(), positions.stateHash());
        h = PositionTracker.mix(h, market.stateHash());
        h = PositionTracker.mix(h, alerts);
        return PositionTracker.mix(h, ackTimeouts);
    }
}
