package io.skytrade.exchange.cmi;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import java.nio.ByteBuffer;

/**
 * Hands the order stage's intents (new orders, cancels) to the CMI gateway's sender thread without
 * a lock or an allocation: an Agrona one-to-one ring buffer of fixed-layout messages. The order
 * stage writes and returns at once; the sender reads between two requests. When the buffer is full
 * (the sender stopped draining it) the write fails and the caller rejects the order.
 *
 * <p>Thread-safety: one writer thread (the order stage), one reader thread (the sender). Cost per
 * intent: a claim, a few stores and a commit; no allocation.
 */
final class IntentChannel {
    static final int NEW_ORDER = 1;
    static final int CANCEL = 2;

    private static final int NEW_LENGTH = 40;
    private static final int CANCEL_LENGTH = 12;

    private final RingBuffer ring;
    private final MessageHandler handler;

    /**
     * @param capacityBytes a power of two, at least 1 KiB
     * @param session       receives the intents, on the reader's thread
     */
    IntentChannel(final int capacityBytes, final CmiSession session) {
        ring = new OneToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(capacityBytes + RingBufferDescriptor.TRAILER_LENGTH)));
        handler = (type, buffer, index, length) -> {
            if (type == NEW_ORDER) {
                session.onNewOrder(buffer.getLong(index), buffer.getInt(index + 24), buffer.getInt(index + 28),
                    buffer.getLong(index + 8), buffer.getLong(index + 16), buffer.getInt(index + 32));
            } else if (type == CANCEL) {
                session.onCancel(buffer.getLong(index), buffer.getInt(index + 8));
            }
        };
    }

    /** Writes a new order; false when the buffer is full. */
    boolean offerNew(final long clOrdId, final int instrument, final int side, final long price, final long qty, final int tif) {
        final int at = ring.tryClaim(NEW_ORDER, NEW_LENGTH);
        if (at <= 0) {
            return false;
        }
        final MutableDirectBuffer b = ring.buffer();
        b.putLong(at, clOrdId);
        b.putLong(at + 8, price);
        b.putLong(at + 16, qty);
        b.putInt(at + 24, instrument);
        b.putInt(at + 28, side);
        b.putInt(at + 32, tif);
        ring.commit(at);
        return true;
    }

    /** Writes a cancel; false when the buffer is full. */
    boolean offerCancel(final long clOrdId, final int instrument) {
        final int at = ring.tryClaim(CANCEL, CANCEL_LENGTH);
        if (at <= 0) {
            return false;
        }
        final MutableDirectBuffer b = ring.buffer();
        b.putLong(at, clOrdId);
        b.putInt(at + 8, instrument);
        ring.commit(at);
        return true;
    }

    /** Delivers every waiting intent to the session, in order; returns how many. */
    int drain() {
        return ring.read(handler);
    }
}
