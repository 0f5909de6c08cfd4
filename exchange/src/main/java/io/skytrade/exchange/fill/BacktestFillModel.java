package io.skytrade.exchange.fill;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.core.pipeline.InputTranslator;
import io.skytrade.core.pipeline.OrderGateway;
import io.skytrade.exchange.matching.ExecutionListener;
import io.skytrade.exchange.matching.MatchingEngine;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongArrayList;
import org.agrona.concurrent.EpochNanoClock;

/**
 * Fills a backtest's orders with the venue's own {@link MatchingEngine}, in-process. Recorded
 * books are mirrored into the engine as the market's liquidity (participant 0); recorded trades
 * are replayed as aggressive IOC orders (participant 2) that consume the queue in time priority,
 * so a resting order of ours (participant 1) fills only once the liquidity ahead of it has
 * traded. New recorded liquidity joins behind our orders; withdrawn liquidity is taken from
 * behind or ahead of them ({@link FillModelConfig#cancelsAheadOfUs}). Our orders reach the book
 * {@link FillModelConfig#latencyNanos} after they are sent; fills carry
 * {@link FillModelConfig#feePerLot}. Order events, positions and settlements are published into
 * the inbound ring like the live gateway's.
 *
 * <p>Use: the backtest driver, before publishing each journaled input, sets the clock to the
 * input's event time and calls {@link #advanceTo(long)}, then {@link #onMarketEvent(EngineEvent)}
 * for book and trade inputs; it waits for the pipeline to finish an input before the next, so
 * requests arrive in a deterministic order. Thread-safety: the {@link OrderGateway} methods (order
 * stage thread) only queue requests under a lock; everything else runs on the driver thread,
 * which is the only one that publishes. Hot-path cost: one engine call per request; per book, a
 * diff of at most {@link EngineEvent#BOOK_DEPTH} levels a side.
 */
public final class BacktestFillModel implements OrderGateway {
    static final int MARKET = 0;
    static final int US = 1;
    static final int AGGRESSOR = 2;

    private static final int REQUEST_NEW = 1;
    private static final int REQUEST_CANCEL = 2;

    private final FillModelConfig config;
    private final EpochNanoClock clock;
    private final InboundPublisher publisher;
    private final MatchingEngine engine;
    private final Output output = new Output();

    private final Object requestLock = new Object();
    private final LongArrayList requestTimes = new LongArrayList();
    private final LongArrayList requestWords = new LongArrayList();
    private int requestHead;

    private final PriceLevels[][] marketLevels;
    private final Long2LongHashMap marketLeaves = new Long2LongHashMap(0);
    private final LongArrayList vanishedLevels = new LongArrayList();
    private long nextMarketId = 1;
    /** The level a recorded order is joining while it is submitted (it may trade on arrival). */
    private Level joiningLevel;
    private long now;
    private int requestInstrument = -1;

    /**
     * @param config    latency, fees, limits, queue model
     * @param clock     the backtest's clock, set by the driver to each input's event time
     * @param publisher the inbound ring
     */
    public BacktestFillModel(final FillModelConfig config, final EpochNanoClock clock, final InboundPublisher publisher) {
        this.config = config;
        this.clock = clock;
        this.publisher = publisher;
        this.engine = new MatchingEngine(config.instrumentCount, 3, config.orderCapacity, 4096, config.positionLimit, output);
        engine.positionLimit(MARKET, MatchingEngine.MAX_QUANTITY * 1000);
        engine.positionLimit(AGGRESSOR, MatchingEngine.MAX_QUANTITY * 1000);
        engine.requireIncreasingClientOrderIds(MARKET);
        engine.requireIncreasingClientOrderIds(AGGRESSOR);
        this.marketLevels = new PriceLevels[config.instrumentCount][2];
        for (int i = 0; i < config.instrumentCount; i++) {
            marketLevels[i][0] = new PriceLevels();
            marketLevels[i][1] = new PriceLevels();
        }
    }

    // ---------------------------------------------------------------- OrderGateway (order stage thread)

    @Override
    public void sendNewOrder(final long clientOrderId, final int instrumentId, final int side, final long priceTicks,
                             final long quantity, final int timeInForce) {
        enqueue(REQUEST_NEW, clientOrderId, instrumentId, side, priceTicks, quantity, timeInForce);
    }

    @Override
    public void sendCancel(final long clientOrderId, final int instrumentId) {
        enqueue(REQUEST_CANCEL, clientOrderId, instrumentId, 0, 0, 0, 0);
    }

    private void enqueue(final int kind, final long id, final int instrument, final int side, final long price,
                         final long qty, final int tif) {
        final long arrival = clock.nanoTime() + config.latencyNanos;
        synchronized (requestLock) {
            requestTimes.addLong(arrival);
            requestWords.addLong(kind);
            requestWords.addLong(id);
            requestWords.addLong(instrument);
            requestWords.addLong(side);
            requestWords.addLong(price);
            requestWords.addLong(qty);
            requestWords.addLong(tif);
        }
    }

    // ---------------------------------------------------------------- driver thread

    /** Applies every queued request that has reached the venue by {@code nowNanos}, in arrival order. */
    public void advanceTo(final long nowNanos) {
        now = Math.max(now, nowNanos);
        while (true) {
            final long kind;
            final long id;
            final int instrument;
            final int side;
            final long price;
            final long qty;
            final int tif;
            final long arrival;
            synchronized (requestLock) {
                if (requestHead == requestTimes.size() || requestTimes.getLong(requestHead) > now) {
                    if (requestHead == requestTimes.size() && requestHead > 0) {
                        requestTimes.clear();
                        requestWords.clear();
                        requestHead = 0;
                    }
                    return;
                }
                arrival = requestTimes.getLong(requestHead);
                final int w = requestHead * 7;
                kind = requestWords.getLong(w);
                id = requestWords.getLong(w + 1);
                instrument = (int)requestWords.getLong(w + 2);
                side = (int)requestWords.getLong(w + 3);
                price = requestWords.getLong(w + 4);
                qty = requestWords.getLong(w + 5);
                tif = (int)requestWords.getLong(w + 6);
                requestHead++;
            }
            requestInstrument = instrument;
            if (kind == REQUEST_NEW) {
                engine.submit(arrival, US, id, instrument, side, price, qty, tif);
            } else {
                engine.cancel(arrival, US, id);
            }
            requestInstrument = -1;
        }
    }

    /** Mirrors a recorded MARKET_BOOK or replays a recorded MARKET_TRADE; other events are ignored. */
    public void onMarketEvent(final EngineEvent e) {
        if (e.instrumentId < 0 || e.instrumentId >= config.instrumentCount) {
            return;
        }
        now = Math.max(now, e.eventTimeNanos);
        if (e.type == EventType.MARKET_TRADE) {
            engine.submit(now, AGGRESSOR, nextMarketId++, e.instrumentId, e.aggressorSide, e.tradePriceTicks, e.tradeQty,
                TimeInForce.IOC);
        } else if (e.type == EventType.MARKET_BOOK) {
            withdraw(e.instrumentId, Side.BUY, e.bidPrices, e.bidQtys, e.bidLevels);
            withdraw(e.instrumentId, Side.SELL, e.askPrices, e.askQtys, e.askLevels);
            add(e.instrumentId, Side.BUY, e.bidPrices, e.bidQtys, e.bidLevels);
            add(e.instrumentId, Side.SELL, e.askPrices, e.askQtys, e.askLevels);
        }
    }

    /**
     * Settles a product: cancels its open orders (ours and the recorded liquidity), publishes our
     * settlement (position and price) when we traded it, and opens the product's next session at
     * once, as the simulator does (a journal may span several days).
     */
    public void settle(final int instrument, final double price) {
        engine.settle(now, instrument, price);
        marketLevels[instrument][0].clear();
        marketLevels[instrument][1].clear();
        engine.reopen(instrument);
    }

    /** Our position in a product as the fill model has it. */
    public long position(final int instrument) {
        return engine.position(US, instrument);
    }

    /** The matching engine holding the mirrored liquidity and our orders (tests). */
    MatchingEngine engine() {
        return engine;
    }

    /** Our open orders. */
    public int openOrderCount() {
        return engine.openOrderCount(US);
    }

    private void withdraw(final int instrument, final int side, final long[] prices, final long[] qtys, final int levels) {
        final PriceLevels book = marketLevels[instrument][side == Side.BUY ? 0 : 1];
        final Long2ObjectHashMap<Level>.KeyIterator keys = book.keySet().iterator();
        final LongArrayList gone = vanishedLevels;
        gone.clear();
        while (keys.hasNext()) {
            final long price = keys.nextLong();
            if (indexOf(prices, levels, price) < 0) {
                gone.addLong(price);
            }
        }
        for (int g = 0; g < gone.size(); g++) {
            final Level level = book.remove(gone.getLong(g));
            reduceLevel(level, level.total);
        }
        for (int l = 0; l < levels; l++) {
            final Level level = book.get(prices[l]);
            if (level != null) {
                final long excess = level.total - qtys[l];
                if (excess > 0) {
                    reduceLevel(level, excess);
                }
            }
        }
    }

    private void add(final int instrument, final int side, final long[] prices, final long[] qtys, final int levels) {
        final PriceLevels book = marketLevels[instrument][side == Side.BUY ? 0 : 1];
        for (int l = 0; l < levels; l++) {
            Level level = book.get(prices[l]);
            if (level == null) {
                level = new Level();
                book.put(prices[l], level);
            }
            final long missing = qtys[l] - level.total;
            if (missing > 0) {
                final long id = nextMarketId++;
                marketLeaves.put(id, missing);
                level.join(id, missing);
                joiningLevel = level;
                engine.submit(now, MARKET, id, instrument, side, prices[l], missing, TimeInForce.GTC);
                joiningLevel = null;
            }
        }
    }

    /** Removes {@code amount} lots of recorded liquidity from a level, from behind our orders or ahead of them. */
    private void reduceLevel(final Level level, final long amount) {
        level.compact(marketLeaves);
        final LongArrayList orders = level.ids;
        long left = amount;
        final boolean fromFront = config.cancelsAheadOfUs;
        for (int k = 0; k < orders.size() && left > 0; k++) {
            final long id = orders.getLong(fromFront ? k : orders.size() - 1 - k);
            final long leaves = marketLeaves.get(id);
            if (leaves == 0) {
                continue;
            }
            final long take = Math.min(leaves, left);
            left -= take;
            level.total -= take;
            if (leaves - take > 0) {
                marketLeaves.put(id, leaves - take);
            } else {
                level.emptied++;
            }
            engine.reduce(now, MARKET, id, leaves - take);
        }
        level.compact(marketLeaves);
    }

    private static int indexOf(final long[] prices, final int n, final long price) {
        for (int i = 0; i < n; i++) {
            if (prices[i] == price) {
                return i;
            }
        }
        return -1;
    }

    /** Publishes our executions and keeps the recorded liquidity's remaining quantities. */
    private final class Output implements ExecutionListener {
        private final FillEvent event = new FillEvent();

        @Override
        public void onAccepted(final int participant, final long clientOrderId, final long venueOrderId, final int instrument,
                               final int side, final long priceTicks, final long quantity, final int timeInForce,
                               final long nowNanos) {
            if (participant == US) {
                publish(OrderEventKind.ACK, clientOrderId, venueOrderId, instrument, side, priceTicks, quantity, 0, 0, quantity, 0, nowNanos);
            }
        }

        @Override
        public void onRejected(final int participant, final long clientOrderId, final int instrument, final int side,
                               final long priceTicks, final long quantity, final int reason, final long nowNanos) {
            if (participant == US) {
                publish(OrderEventKind.REJECT, clientOrderId, 0, instrument, side, priceTicks, quantity, 0, 0, 0, reason, nowNanos);
            }
        }

        @Override
        public void onFill(final int participant, final long clientOrderId, final long venueOrderId, final int instrument,
                           final int side, final long priceTicks, final long quantity, final long leaves,
                           final boolean aggressor, final long nowNanos) {
            if (participant == MARKET) {
                final Level level = aggressor ? joiningLevel : marketLevels[instrument][side == Side.BUY ? 0 : 1].get(priceTicks);
                if (level != null) {
                    level.total -= quantity;
                }
                if (leaves == 0) {
                    marketLeaves.remove(clientOrderId);
                    if (level != null) {
                        level.emptied++;
                    }
                } else {
                    marketLeaves.put(clientOrderId, leaves);
                }
            } else if (participant == US) {
                event.fee = config.feePerLot * quantity;
                publish(OrderEventKind.FILL, clientOrderId, venueOrderId, instrument, side, priceTicks, quantity,
                    quantity, priceTicks, leaves, 0, nowNanos);
                event.position = engine.position(US, instrument);
                publisher.publish(POSITION, event);
            }
        }

        @Override
        public void onCancelled(final int participant, final long clientOrderId, final long venueOrderId, final int instrument,
                                final int side, final long cancelledQuantity, final int reason, final long nowNanos) {
            if (participant == MARKET) {
                marketLeaves.remove(clientOrderId);
            } else if (participant == US) {
                publish(OrderEventKind.CANCELLED, clientOrderId, venueOrderId, instrument, side, 0, cancelledQuantity, 0, 0, 0,
                    reason, nowNanos);
            }
        }

        @Override
        public void onCancelRejected(final int participant, final long clientOrderId, final int reason, final long nowNanos) {
            if (participant == US) {
                publish(OrderEventKind.CANCEL_REJECT, clientOrderId, 0, requestInstrument, 0, 0, 0, 0, 0, 0, reason, nowNanos);
            }
        }

        @Override
        public void onTrade(final int instrument, final long priceTicks, final long quantity, final int aggressorSide,
                            final int buyer, final int seller, final long nowNanos) {
        }

        @Override
        public void onSettled(final int participant, final int instrument, final long position, final double settlementPrice,
                              final double pnl, final long nowNanos) {
            if (participant == US) {
                event.instrument = instrument;
                event.time = nowNanos;
                event.position = position;
                event.settlementPrice = settlementPrice;
                publisher.publish(SETTLEMENT, event);
            }
        }

        private void publish(final int kind, final long clOrdId, final long venueOrderId, final int instrument, final int side,
                             final long price, final long qty, final long fillQty, final long fillPrice, final long leaves,
                             final int reason, final long time) {
            event.kind = kind;
            event.clOrdId = clOrdId;
            event.venueOrderId = venueOrderId;
            event.instrument = instrument;
            event.side = side;
            event.price = price;
            event.qty = qty;
            event.fillQty = fillQty;
            event.fillPrice = fillPrice;
            event.leaves = leaves;
            event.reason = reason;
            event.time = time;
            if (kind != OrderEventKind.FILL) {
                event.fee = 0;
            }
            publisher.publish(ORDER, event);
        }
    }

    /** Recorded liquidity of one book side: price to the market's order ids at that price, oldest first. */
    private static final class PriceLevels extends Long2ObjectHashMap<Level> {
    }

    /**
     * The recorded liquidity resting at one price: its orders in time priority and their total
     * remaining quantity, kept up to date on every fill and reduction so a book diff costs no
     * lookups; orders that left the book are dropped from the list lazily.
     */
    private static final class Level {
        final LongArrayList ids = new LongArrayList();
        long total;
        int emptied;

        void join(final long id, final long quantity) {
            ids.addLong(id);
            total += quantity;
        }

        void compact(final Long2LongHashMap leaves) {
            if (emptied == 0) {
                return;
            }
            for (int k = ids.size() - 1; k >= 0; k--) {
                if (leaves.get(ids.getLong(k)) == 0) {
                    ids.remove(k);
                }
            }
            emptied = 0;
        }
    }

    /** The fill model's output, copied into a ring slot by the translators below. */
    private static final class FillEvent {
        int kind;
        long clOrdId;
        long venueOrderId;
        int instrument;
        int side;
        long price;
        long qty;
        long fillQty;
        long fillPrice;
        long leaves;
        int reason;
        long time;
        double fee;
        long position;
        double settlementPrice;
    }

    private static final InputTranslator<FillEvent> ORDER = (e, f) -> {
        e.type = EventType.ORDER_EVENT;
        e.eventTimeNanos = f.time;
        e.receiveTimeNanos = f.time;
        e.instrumentId = f.instrument;
        e.orderEventKind = f.kind;
        e.clientOrderId = f.clOrdId;
        e.venueOrderId = f.venueOrderId;
        e.side = f.side;
        e.priceTicks = f.price;
        e.quantity = f.qty;
        e.fillQty = f.fillQty;
        e.fillPriceTicks = f.fillPrice;
        e.leavesQty = f.leaves;
        e.rejectReason = f.reason;
        e.fee = f.fee;
    };

    private static final InputTranslator<FillEvent> POSITION = (e, f) -> {
        e.type = EventType.POSITION_REPORT;
        e.eventTimeNanos = f.time;
        e.receiveTimeNanos = f.time;
        e.instrumentId = f.instrument;
        e.position = f.position;
    };

    private static final InputTranslator<FillEvent> SETTLEMENT = (e, f) -> {
        e.type = EventType.SETTLEMENT;
        e.eventTimeNanos = f.time;
        e.receiveTimeNanos = f.time;
        e.instrumentId = f.instrument;
        e.value = f.settlementPrice;
        e.position = f.position;
    };
}
