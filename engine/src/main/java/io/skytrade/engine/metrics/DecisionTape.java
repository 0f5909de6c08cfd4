package io.skytrade.engine.metrics;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;

/**
 * The decision tape: a single-producer, single-consumer Agrona {@link OneToOneRingBuffer} of
 * fixed binary records, written by the order stage's observer (each decision with what it was
 * based on, and each fill) and drained by the reporter thread for the dashboard and the logs.
 * When the reporter falls behind, records are dropped and counted, never waited for.
 *
 * <p>Hot-path cost of an offer: a claim, a few dozen bytes of puts and a commit; no allocation.
 */
public final class DecisionTape {
    /** Record type of a decision (order intent, cancel, risk verdict, mode change, alert). */
    public static final int DECISION = 1;
    /** Record type of a fill of one of our orders. */
    public static final int FILL = 2;

    static final int SEQUENCE = 0;
    static final int EVENT_TIME = 8;
    static final int CLIENT_ORDER_ID = 16;
    static final int PRICE = 24;
    static final int QUANTITY = 32;
    static final int FAIR_VALUE = 40;
    static final int FAIR_STD = 48;
    static final int BID = 56;
    static final int ASK = 64;
    static final int SIGNAL = 72;
    static final int REGIME_PROBABILITY = 80;
    static final int KIND = 88;
    static final int STATUS = 92;
    static final int INSTRUMENT = 96;
    static final int SIDE = 100;
    static final int REASON = 104;
    static final int REGIME = 108;
    static final int LENGTH = 112;

    private final RingBuffer ring;
    private final AtomicBuffer buffer;
    private final TapeRecord record = new TapeRecord();
    private TapeListener drainTo;
    private final MessageHandler handler = (type, buf, index, length) -> drainTo.onRecord(record.wrap(type, buf, index));

    /** @param capacity bytes of the ring, a power of two */
    public DecisionTape(final int capacity) {
        ring = new OneToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH)));
        buffer = ring.buffer();
    }

    /**
     * Offers one record; false when the ring is full (the caller counts the drop). Writer thread
     * only. {@code kind}, {@code status} and {@code reason} are those of the decision (for a fill:
     * kind 0, status 0, reason 0).
     */
    boolean offer(final int type, final long sequence, final long eventTime, final int kind, final int status,
                  final int instrument, final int side, final long price, final long quantity, final long clientOrderId,
                  final int reason, final double fair, final double fairStd, final long bid, final long ask,
                  final double signal, final int regime, final double regimeProbability) {
        final int index = ring.tryClaim(type, LENGTH);
        if (index < 0) {
            return false;
        }
        final AtomicBuffer b = buffer;
        b.putLong(index + SEQUENCE, sequence);
        b.putLong(index + EVENT_TIME, eventTime);
        b.putLong(index + CLIENT_ORDER_ID, clientOrderId);
        b.putLong(index + PRICE, price);
        b.putLong(index + QUANTITY, quantity);
        b.putDouble(index + FAIR_VALUE, fair);
        b.putDouble(index + FAIR_STD, fairStd);
        b.putLong(index + BID, bid);
        b.putLong(index + ASK, ask);
        b.putDouble(index + SIGNAL, signal);
        b.putDouble(index + REGIME_PROBABILITY, regimeProbability);
        b.putInt(index + KIND, kind);
        b.putInt(index + STATUS, status);
        b.putInt(index + INSTRUMENT, instrument);
        b.putInt(index + SIDE, side);
        b.putInt(index + REASON, reason);
        b.putInt(index + REGIME, regime);
        ring.commit(index);
        return true;
    }

    /**
     * Hands up to {@code limit} records to {@code listener}; reader thread only. Returns how many.
     * Allocates nothing (one record view is reused).
     */
    public int drain(final TapeListener listener, final int limit) {
        drainTo = listener;
        try {
            return ring.read(handler, limit);
        } finally {
            drainTo = null;
        }
    }

    /** Receives records drained from the tape (valid only during the call). */
    @FunctionalInterface
    public interface TapeListener {
        void onRecord(TapeRecord record);
    }

    /** A view of one tape record. */
    public static final class TapeRecord {
        private int type;
        private MutableDirectBuffer buffer;
        private int index;

        TapeRecord wrap(final int type, final MutableDirectBuffer buffer, final int index) {
            this.type = type;
            this.buffer = buffer;
            this.index = index;
            return this;
        }

        /** {@link #DECISION} or {@link #FILL}. */
        public int type() {
            return type;
        }

        /** The input's sequence: its index in the run's input journal. */
        public long sequence() {
            return buffer.getLong(index + SEQUENCE);
        }

        public long eventTimeNanos() {
            return buffer.getLong(index + EVENT_TIME);
        }

        public long clientOrderId() {
            return buffer.getLong(index + CLIENT_ORDER_ID);
        }

        public long price() {
            return buffer.getLong(index + PRICE);
        }

        public long quantity() {
            return buffer.getLong(index + QUANTITY);
        }

        public double fairValue() {
            return buffer.getDouble(index + FAIR_VALUE);
        }

        public double fairStd() {
            return buffer.getDouble(index + FAIR_STD);
        }

        public long bid() {
            return buffer.getLong(index + BID);
        }

        public long ask() {
            return buffer.getLong(index + ASK);
        }

        public double signal() {
            return buffer.getDouble(index + SIGNAL);
        }

        public double regimeProbability() {
            return buffer.getDouble(index + REGIME_PROBABILITY);
        }

        public int kind() {
            return buffer.getInt(index + KIND);
        }

        public int status() {
            return buffer.getInt(index + STATUS);
        }

        public int instrument() {
            return buffer.getInt(index + INSTRUMENT);
        }

        public int side() {
            return buffer.getInt(index + SIDE);
        }

        public int reason() {
            return buffer.getInt(index + REASON);
        }

        public int regime() {
            return buffer.getInt(index + REGIME);
        }
    }
}
