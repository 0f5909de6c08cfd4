package io.skytrade.core.order;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import io.skytrade.core.position.PositionTracker;
import io.skytrade.core.risk.RiskReason;
import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * The live orders of one stage: a preallocated table of slots (structure of arrays) with a
 * client-order-id index, the client order id counter, per-instrument open quantities used for
 * exposure, and per-instrument lists of the live slots (so a pass over one product's orders costs
 * O(its orders), not O(every live order)). Orders enter at {@link #open}, move through the {@link OrderStateMachine} on venue
 * events ({@link #onOrderEvent}), book their fills into a {@link PositionTracker}, and free their
 * slot on reaching a terminal state; the last {@link #CLOSED_HISTORY} closed orders are remembered
 * in a ring so a late ack or cancel reject is not mistaken for an unknown order.
 * Client order ids are {@code clientOrderIdBase + n} for the n-th order opened: a counter, so
 * two tables fed the same calls assign the same ids (the risk stage keeps such a mirror of the
 * order stage's table). Slots are taken from a free stack in a fixed order, so iteration by slot
 * is deterministic. Single-threaded. Hot-path cost: one open-addressing hash look-up per call (a
 * scan of the closed ring only for events on orders no longer live), no allocation after
 * construction (the index is sized so it never resizes).
 */
public final class OrderTable {
    /** How many recently closed orders are remembered, to tell late venue events from unknown orders. */
    public static final int CLOSED_HISTORY = 256;
    private static final int N = EngineEvent.MAX_INSTRUMENTS;

    private final int capacity;
    private final Long2LongHashMap slotById;
    private final int[] freeSlots;
    private int freeCount;
    /** One past the highest slot ever opened: slots at or above it have always been FREE, so scans stop there. */
    private int slotHighWater;
    private long nextId;

    private final long[] clientOrderId;
    private final int[] state;
    private final boolean[] acked;
    private final boolean[] timeoutReported;
    private final int[] instrument;
    private final int[] side;
    private final int[] timeInForce;
    private final long[] priceTicks;
    private final long[] quantity;
    private final long[] filled;
    private final long[] createdNanos;
    private final int[] purpose;
    /** Live slots, dense, in the order they were opened (removal moves the last one into the gap). */
    private final int[] liveSlots;
    /** Position of each live slot in {@link #liveSlots}. */
    private final int[] livePosition;
    private int liveCount;
    /** Per-instrument doubly linked lists of live slots, newest first; -1 ends a list. */
    private final int[] firstOfInstrument = new int[N];
    private final int[] nextOfInstrument;
    private final int[] previousOfInstrument;

    private final long[] openBuyQty = new long[N];
    private final long[] openSellQty = new long[N];
    private final int[] openCountByInstrument = new int[N];
    /** Live orders per (instrument, purpose), index {@code instrument * OrderPurpose.COUNT + purpose}. */
    private final int[] openCountByPurpose = new int[N * OrderPurpose.COUNT];
    private int openCount;

    private final long[] closedId = new long[CLOSED_HISTORY];
    private final int[] closedState = new int[CLOSED_HISTORY];
    private final int[] closedInstrument = new int[CLOSED_HISTORY];
    private final int[] closedSide = new int[CLOSED_HISTORY];
    private final boolean[] closedAcked = new boolean[CLOSED_HISTORY];
    private final int[] closedPurpose = new int[CLOSED_HISTORY];
    /** Signed lots filled per purpose and instrument since the instrument's last settlement. */
    private final long[][] purposeFilled = new long[OrderPurpose.COUNT][N];
    private int closedNext;

    private long illegalTransitions;
    private long filledOrders;
    private long cancelledOrders;
    private long rejectedOrders;
    private int lastEventSlotInstrument = -1;

    public OrderTable(final OrderManagerConfig config) {
        capacity = config.orderCapacity();
        nextId = config.clientOrderIdBase();
        slotById = new Long2LongHashMap(Math.max(16, capacity * 4), 0.5f, -1L);
        freeSlots = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            freeSlots[i] = capacity - 1 - i;
        }
        freeCount = capacity;
        clientOrderId = new long[capacity];
        state = new int[capacity];
        acked = new boolean[capacity];
        timeoutReported = new boolean[capacity];
        instrument = new int[capacity];
        side = new int[capacity];
        timeInForce = new int[capacity];
        priceTicks = new long[capacity];
        quantity = new long[capacity];
        filled = new long[capacity];
        createdNanos = new long[capacity];
        purpose = new int[capacity];
        liveSlots = new int[capacity];
        livePosition = new int[capacity];
        nextOfInstrument = new int[capacity];
        previousOfInstrument = new int[capacity];
        Arrays.fill(firstOfInstrument, -1);
    }

    /**
     * Opens an order in state NEW and returns its new client order id, or 0 when the table is
     * full or the instrument, side or quantity is invalid (no id is consumed then).
     */
    public long open(final int instrumentId, final int orderSide, final long price, final long qty,
                     final int tif, final long eventTimeNanos) {
        return open(instrumentId, orderSide, price, qty, tif, eventTimeNanos, OrderPurpose.QUOTE);
    }

    /** {@link #open} with the order's {@link OrderPurpose} (an unknown code counts as QUOTE). */
    public long open(final int instrumentId, final int orderSide, final long price, final long qty,
                     final int tif, final long eventTimeNanos, final int orderPurpose) {
        if (freeCount == 0 || !PositionTracker.isValidInstrument(instrumentId) || Side.sign(orderSide) == 0 || qty <= 0) {
            return 0;
        }
        final int slot = freeSlots[--freeCount];
        if (slot >= slotHighWater) {
            slotHighWater = slot + 1;
        }
        final long id = ++nextId;
        slotById.put(id, slot);
        clientOrderId[slot] = id;
        state[slot] = OrderState.NEW;
        acked[slot] = false;
        timeoutReported[slot] = false;
        instrument[slot] = instrumentId;
        side[slot] = orderSide;
        timeInForce[slot] = tif;
        priceTicks[slot] = price;
        quantity[slot] = qty;
        filled[slot] = 0;
        createdNanos[slot] = eventTimeNanos;
        purpose[slot] = OrderPurpose.isValid(orderPurpose) ? orderPurpose : OrderPurpose.QUOTE;
        livePosition[slot] = liveCount;
        liveSlots[liveCount++] = slot;
        final int head = firstOfInstrument[instrumentId];
        nextOfInstrument[slot] = head;
        previousOfInstrument[slot] = -1;
        if (head >= 0) {
            previousOfInstrument[head] = slot;
        }
        firstOfInstrument[instrumentId] = slot;
        openCount++;
        openCountByInstrument[instrumentId]++;
        openCountByPurpose[instrumentId * OrderPurpose.COUNT + purpose[slot]]++;
        addOpenQty(slot, qty);
        return id;
    }

    /** Moves an order from NEW to SENT after the gateway call; returns a reason code, NONE when legal. */
    public int markSent(final long id) {
        final int slot = slotOf(id);
        if (slot < 0) {
            return RiskReason.UNKNOWN_ORDER;
        }
        final int next = OrderStateMachine.afterSend(state[slot]);
        if (next < 0) {
            return -next;
        }
        state[slot] = next;
        return RiskReason.NONE;
    }

    /**
     * Records a cancel request for an order; returns NONE when legal, else UNKNOWN_ORDER or
     * ALREADY_CANCELLING (not counted as illegal: risk rejects such intents before they are sent).
     */
    public int requestCancel(final long id) {
        final int slot = slotOf(id);
        if (slot < 0) {
            return RiskReason.UNKNOWN_ORDER;
        }
        final int next = OrderStateMachine.afterCancelRequest(state[slot]);
        if (next < 0) {
            return -next;
        }
        state[slot] = next;
        return RiskReason.NONE;
    }

    /** The reason a cancel of {@code id} would be refused, or NONE; changes nothing. */
    public int checkCancel(final long id) {
        final int slot = slotOf(id);
        if (slot < 0) {
            return RiskReason.UNKNOWN_ORDER;
        }
        final int next = OrderStateMachine.afterCancelRequest(state[slot]);
        return next < 0 ? -next : RiskReason.NONE;
    }

    /**
     * Applies one ORDER_EVENT. Fills of a known order, live or among the last
     * {@link #CLOSED_HISTORY} closed, are booked into {@code positions} in full, even an over-fill
     * (the venue's fill is a fact). For a recently closed order, a late first ack and a cancel
     * reject (the cancel raced a fill) are legal no-ops. Returns NONE for a legal transition, or the
     * reason code of the illegal one (counted in {@link #illegalTransitions()}); never throws.
     */
    public int onOrderEvent(final EngineEvent event, final PositionTracker positions) {
        lastEventSlotInstrument = -1;
        final int slot = slotOf(event.clientOrderId);
        if (slot < 0) {
            final int reason = onClosedOrderEvent(event, positions);
            if (reason != RiskReason.NONE) {
                illegalTransitions++;
            }
            return reason;
        }
        lastEventSlotInstrument = instrument[slot];
        final int current = state[slot];
        final int next;
        switch (event.orderEventKind) {
            case OrderEventKind.ACK -> {
                next = OrderStateMachine.afterAck(current, acked[slot]);
                if (next >= 0) {
                    acked[slot] = true;
                }
            }
            case OrderEventKind.FILL -> next = onFill(slot, current, event, positions);
            case OrderEventKind.REJECT -> next = OrderStateMachine.afterReject(current, acked[slot], filled[slot]);
            case OrderEventKind.CANCELLED -> next = OrderStateMachine.afterCancelled(current);
            case OrderEventKind.CANCEL_REJECT -> next = OrderStateMachine.afterCancelReject(current, acked[slot], filled[slot]);
            default -> next = -RiskReason.ILLEGAL_TRANSITION;
        }
        if (next < 0) {
            illegalTransitions++;
            if (next == -RiskReason.OVERFILL) {
                close(slot, OrderState.FILLED);
            }
            return -next;
        }
        if (OrderState.isTerminal(next)) {
            close(slot, next);
        } else {
            state[slot] = next;
        }
        return RiskReason.NONE;
    }

    private int onClosedOrderEvent(final EngineEvent event, final PositionTracker positions) {
        final int c = findClosed(event.clientOrderId);
        if (c < 0) {
            return RiskReason.UNKNOWN_ORDER_EVENT;
        }
        lastEventSlotInstrument = closedInstrument[c];
        switch (event.orderEventKind) {
            case OrderEventKind.CANCEL_REJECT -> {
                return RiskReason.NONE;
            }
            case OrderEventKind.ACK -> {
                if (closedState[c] == OrderState.REJECTED) {
                    return RiskReason.ILLEGAL_TRANSITION;
                }
                if (closedAcked[c]) {
                    return RiskReason.DUPLICATE_ACK;
                }
                closedAcked[c] = true;
                return RiskReason.NONE;
            }
            case OrderEventKind.FILL -> {
                if (event.fillQty > 0) {
                    positions.onFill(closedInstrument[c], closedSide[c], event.fillQty, event.fillPriceTicks, event.fee);
                    purposeFilled[closedPurpose[c]][closedInstrument[c]] += Side.sign(closedSide[c]) * event.fillQty;
                }
                return closedState[c] == OrderState.FILLED ? RiskReason.OVERFILL : RiskReason.ILLEGAL_TRANSITION;
            }
            default -> {
                return RiskReason.ILLEGAL_TRANSITION;
            }
        }
    }

    private int findClosed(final long id) {
        if (id == 0) {
            return -1;
        }
        for (int c = 0; c < CLOSED_HISTORY; c++) {
            if (closedId[c] == id) {
                return c;
            }
        }
        return -1;
    }

    private int onFill(final int slot, final int current, final EngineEvent event, final PositionTracker positions) {
        final long qty = event.fillQty;
        final long leaves = quantity[slot] - filled[slot];
        final int next = OrderStateMachine.afterFill(current, leaves, qty);
        if (qty > 0) {
            positions.onFill(instrument[slot], side[slot], qty, event.fillPriceTicks, event.fee);
            purposeFilled[purpose[slot]][instrument[slot]] += Side.sign(side[slot]) * qty;
            final long reduce = Math.min(qty, leaves);
            filled[slot] += qty;
            addOpenQty(slot, -reduce);
        }
        return next;
    }

    private void close(final int slot, final int terminal) {
        final long leaves = Math.max(0, quantity[slot] - filled[slot]);
        addOpenQty(slot, -leaves);
        openCount--;
        openCountByInstrument[instrument[slot]]--;
        openCountByPurpose[instrument[slot] * OrderPurpose.COUNT + purpose[slot]]--;
        if (terminal == OrderState.FILLED) {
            filledOrders++;
        } else if (terminal == OrderState.CANCELLED) {
            cancelledOrders++;
        } else {
            rejectedOrders++;
        }
        final int c = closedNext;
        closedNext = (closedNext + 1) % CLOSED_HISTORY;
        closedId[c] = clientOrderId[slot];
        closedState[c] = terminal;
        closedInstrument[c] = instrument[slot];
        closedSide[c] = side[slot];
        closedAcked[c] = acked[slot];
        closedPurpose[c] = purpose[slot];
        slotById.remove(clientOrderId[slot]);
        final int gap = livePosition[slot];
        final int last = liveSlots[--liveCount];
        liveSlots[gap] = last;
        livePosition[last] = gap;
        final int next = nextOfInstrument[slot];
        final int previous = previousOfInstrument[slot];
        if (previous >= 0) {
            nextOfInstrument[previous] = next;
        } else {
            firstOfInstrument[instrument[slot]] = next;
        }
        if (next >= 0) {
            previousOfInstrument[next] = previous;
        }
        state[slot] = OrderState.FREE;
        clientOrderId[slot] = 0;
        freeSlots[freeCount++] = slot;
    }

    private void addOpenQty(final int slot, final long qty) {
        if (side[slot] == Side.BUY) {
            openBuyQty[instrument[slot]] += qty;
        } else {
            openSellQty[instrument[slot]] += qty;
        }
    }

    /**
     * Finds the first live, sent, unacknowledged order at or after {@code fromSlot} created more than
     * {@code timeoutNanos} before {@code nowNanos} and not yet reported, marks it reported and
     * returns its slot; -1 when there is none. Loop with {@code fromSlot = previous + 1}.
     */
    public int nextAckTimeout(final long nowNanos, final long timeoutNanos, final int fromSlot) {
        for (int s = fromSlot; s < slotHighWater; s++) {
            final int st = state[s];
            if (st != OrderState.FREE && st != OrderState.NEW && !acked[s] && filled[s] == 0
                && !timeoutReported[s] && nowNanos - createdNanos[s] > timeoutNanos) {
                timeoutReported[s] = true;
                return s;
            }
        }
        return -1;
    }

    /** Slot of a client order id, or -1. */
    public int slotOf(final long id) {
        return id == 0 ? -1 : (int) slotById.get(id);
    }

    /** Terminal state of a recently closed order, or {@link OrderState#FREE} when not remembered. */
    public int closedState(final long id) {
        final int c = findClosed(id);
        return c < 0 ? OrderState.FREE : closedState[c];
    }

    /** State of a live order by id; {@link OrderState#FREE} when unknown (never opened, or closed). */
    public int state(final long id) {
        final int slot = slotOf(id);
        return slot < 0 ? OrderState.FREE : state[slot];
    }

    /** Remaining quantity of a live order, 0 when unknown. */
    public long leaves(final long id) {
        final int slot = slotOf(id);
        return slot < 0 ? 0 : Math.max(0, quantity[slot] - filled[slot]);
    }

    /** Instrument of the order the last {@link #onOrderEvent} concerned, or -1 when unknown. */
    public int lastEventInstrument() {
        return lastEventSlotInstrument;
    }

    public int capacity() {
        return capacity;
    }

    public int slotState(final int slot) {
        return state[slot];
    }

    public long slotClientOrderId(final int slot) {
        return clientOrderId[slot];
    }

    public int slotInstrument(final int slot) {
        return instrument[slot];
    }

    public int slotSide(final int slot) {
        return side[slot];
    }

    public int slotTimeInForce(final int slot) {
        return timeInForce[slot];
    }

    public long slotLeaves(final int slot) {
        return Math.max(0, quantity[slot] - filled[slot]);
    }

    /** {@link OrderPurpose} of the order in {@code slot}. */
    public int slotPurpose(final int slot) {
        return purpose[slot];
    }

    /**
     * Signed lots filled by orders of {@code orderPurpose} in {@code instrumentId} since its last
     * settlement: the position that purpose built.
     */
    public long purposePosition(final int orderPurpose, final int instrumentId) {
        return purposeFilled[orderPurpose][instrumentId];
    }

    /** The venue settled {@code instrumentId}: every purpose's position in it is flat. */
    public void onSettlement(final int instrumentId) {
        if (instrumentId >= 0 && instrumentId < N) {
            for (int p = 0; p < OrderPurpose.COUNT; p++) {
                purposeFilled[p][instrumentId] = 0;
            }
        }
    }

    public long slotPrice(final int slot) {
        return priceTicks[slot];
    }

    /** Event time at which the order in {@code slot} was opened. */
    public long slotCreatedNanos(final int slot) {
        return createdNanos[slot];
    }

    /** True once the venue acknowledged the order in {@code slot}, or filled part of it (it rests at the venue). */
    public boolean slotAtVenue(final int slot) {
        return acked[slot] || filled[slot] > 0;
    }

    /** Number of live orders; {@link #liveSlot(int)} of 0..n-1 lists their slots. */
    public int liveCount() {
        return liveCount;
    }

    /**
     * Slot of the {@code k}-th live order (0 &lt;= k &lt; {@link #liveCount()}): a dense list in
     * an order fixed by the calls made (deterministic), so a pass over live orders costs O(live),
     * not O(capacity).
     */
    public int liveSlot(final int k) {
        return liveSlots[k];
    }

    /** Position of live {@code slot} in the live list ({@link #liveSlot(int)} of it is {@code slot}). */
    public int livePosition(final int slot) {
        return livePosition[slot];
    }

    /**
     * First live slot of {@code instrumentId}, -1 when it has none; {@link #nextSlotOf(int)} walks
     * the rest. The walk visits exactly the instrument's live orders, newest first (not in live-list
     * order: {@link #livePosition(int)} gives that).
     */
    public int firstSlotOf(final int instrumentId) {
        return firstOfInstrument[instrumentId];
    }

    /** The next live slot of the same instrument after {@code slot} in its walk, -1 at the end. */
    public int nextSlotOf(final int slot) {
        return nextOfInstrument[slot];
    }

    /** Live orders in the table. */
    public int openCount() {
        return openCount;
    }

    public int openCount(final int instrumentId) {
        return openCountByInstrument[instrumentId];
    }

    /** Number of live orders of {@code orderPurpose} ({@link OrderPurpose}) in an instrument. */
    public int openCount(final int instrumentId, final int orderPurpose) {
        return openCountByPurpose[instrumentId * OrderPurpose.COUNT + orderPurpose];
    }

    /** Remaining buy quantity of live orders in an instrument. */
    public long openBuyQty(final int instrumentId) {
        return openBuyQty[instrumentId];
    }

    /** Remaining sell quantity of live orders in an instrument. */
    public long openSellQty(final int instrumentId) {
        return openSellQty[instrumentId];
    }

    /** The last client order id assigned (the counter). */
    public long lastClientOrderId() {
        return nextId;
    }

    public long illegalTransitions() {
        return illegalTransitions;
    }

    public long filledOrders() {
        return filledOrders;
    }

    public long cancelledOrders() {
        return cancelledOrders;
    }

    public long rejectedOrders() {
        return rejectedOrders;
    }

    /** Hash of the live orders (in slot order), the id counter and the counters. */
    public long stateHash() {
        long h = PositionTracker.mix(nextId, openCount);
        for (int s = 0; s < slotHighWater; s++) {
            if (state[s] == OrderState.FREE) {
                continue;
            }
            h = PositionTracker.mix(h, s);
            h = PositionTracker.mix(h, clientOrderId[s]);
            h = PositionTracker.mix(h, state[s] * 4L + (acked[s] ? 2 : 0) + (timeoutReported[s] ? 1 : 0));
            h = PositionTracker.mix(h, instrument[s] * 4L + side[s]);
            h = PositionTracker.mix(h, priceTicks[s]);
            h = PositionTracker.mix(h, quantity[s]);
            h = PositionTracker.mix(h, filled[s]);
            h = PositionTracker.mix(h, createdNanos[s] * 3 + timeInForce[s]);
            h = PositionTracker.mix(h, purpose[s]);
        }
        for (int c = 0; c < CLOSED_HISTORY; c++) {
            h = PositionTracker.mix(h, closedId[c]);
            h = PositionTracker.mix(h, closedState[c] * 2L + (closedAcked[c] ? 1 : 0));
        }
        for (int p = 0; p < OrderPurpose.COUNT; p++) {
            for (int i = 0; i < N; i++) {
                h = PositionTracker.mix(h, purposeFilled[p][i]);
            }
        }
        h = PositionTracker.mix(h, closedNext);
        h = PositionTracker.mix(h, illegalTransitions);
        h = PositionTracker.mix(h, filledOrders);
        h = PositionTracker.mix(h, cancelledOrders);
        return PositionTracker.mix(h, rejectedOrders);
    }
}
