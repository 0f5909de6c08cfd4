package io.skytrade.exchange.gateway;

import io.skytrade.exchange.protocol.OrderEntryEncoder;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;

/**
 * The single-producer queue from the order stage to the gateway's I/O thread (an Agrona
 * {@link OneToOneRingBuffer} in preallocated off-heap memory): the order stage encodes each order
 * or cancel as JSON straight into its record, behind a fixed header the I/O thread needs for its
 * order tracking; a decision the gateway makes on the order stage's thread (duplicate id, unknown
 * instrument, not connected) travels the same way, since that thread must never publish into the
 * ring it consumes. The two threads share nothing else.
 *
 * <p>Thread-safety: the {@code offer} methods from one producer thread, {@link #drain} from one
 * consumer thread. Hot-path cost: a claim, the encode, a commit (an ordered store); no allocation,
 * no lock.
 */
final class OrderHandOff {
    static final int NEW_ORDER = 1;
    static final int CANCEL = 2;
    static final int LOCAL = 3;

    static final int CLIENT_ORDER_ID = 0;
    static final int PRICE = 8;
    static final int QUANTITY = 16;
    static final int IN_SEQ = 24;
    static final int INSTRUMENT = 32;
    static final int SIDE = 36;
    /** Time in force of a new order; kind of a local event. */
    static final int TIF_OR_KIND = 40;
    /** JSON length of an order or cancel; reject reason of a local event. */
    static final int LENGTH_OR_REASON = 44;
    static final int JSON = 48;

    private final OneToOneRingBuffer ring;
    private final OrderEntryEncoder encoder;

    /** @param capacity bytes of records, a power of two */
    OrderHandOff(final int capacity, final OrderEntryEncoder encoder) {
        this.ring = new OneToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH)));
        this.encoder = encoder;
    }

    /** Queues a new order, encoded; false when the queue is full. */
    boolean offerNewOrder(final long clOrdId, final int instrument, final int side, final long price, final long qty,
                          final int tif, final long inSeq) {
        final int index = ring.tryClaim(NEW_ORDER, JSON + OrderEntryEncoder.MAX_NEW_ORDER_LENGTH);
        if (index < 0) {
            return false;
        }
        final MutableDirectBuffer b = ring.buffer();
        header(b, index, clOrdId, instrument, side, price, qty, inSeq);
        b.putInt(index + TIF_OR_KIND, tif);
        b.putInt(index + LENGTH_OR_REASON, encoder.newOrder(b, index + JSON, clOrdId, instrument, side, price, qty, tif, inSeq));
        ring.commit(index);
        return true;
    }

    /** Queues a cancel, encoded when {@code instrument} is a known one (else the I/O thread resolves it); false when full. */
    boolean offerCancel(final long clOrdId, final int instrument, final long inSeq) {
        final int index = ring.tryClaim(CANCEL, JSON + OrderEntryEncoder.MAX_CANCEL_LENGTH);
        if (index < 0) {
            return false;
        }
        final MutableDirectBuffer b = ring.buffer();
        header(b, index, clOrdId, instrument, 0, 0, 0, inSeq);
        b.putInt(index + LENGTH_OR_REASON, instrument >= 0 ? encoder.cancel(b, index + JSON, clOrdId, instrument, inSeq) : 0);
        ring.commit(index);
        return true;
    }

    /** Queues an order event the gateway decided itself; false when full. */
    boolean offerLocal(final int kind, final long clOrdId, final int instrument, final int side, final long price,
                       final long qty, final int reason) {
        final int index = ring.tryClaim(LOCAL, JSON);
        if (index < 0) {
            return false;
        }
        final MutableDirectBuffer b = ring.buffer();
        header(b, index, clOrdId, instrument, side, price, qty, 0);
        b.putInt(index + TIF_OR_KIND, kind);
        b.putInt(index + LENGTH_OR_REASON, reason);
        ring.commit(index);
        return true;
    }

    private static void header(final MutableDirectBuffer b, final int index, final long clOrdId, final int instrument,
                               final int side, final long price, final long qty, final long inSeq) {
        b.putLong(index + CLIENT_ORDER_ID, clOrdId);
        b.putLong(index + PRICE, price);
        b.putLong(index + QUANTITY, qty);
        b.putLong(index + IN_SEQ, inSeq);
        b.putInt(index + INSTRUMENT, instrument);
        b.putInt(index + SIDE, side);
    }

    /** Hands up to {@code limit} records to {@code handler}, oldest first; the count handed. */
    int drain(final MessageHandler handler, final int limit) {
        return ring.read(handler, limit);
    }

    /** Whether records wait (a volatile read of the ring's positions). */
    boolean isEmpty() {
        return ring.size() == 0;
    }

    RingBuffer ring() {
        return ring;
    }
}
