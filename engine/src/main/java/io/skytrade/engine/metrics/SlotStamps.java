package io.skytrade.engine.metrics;

/**
 * Engine-clock times stamped on an input by the observer of an earlier stage (signal, risk) for the
 * observer of a later one (orders) to subtract: arrays indexed by ring slot ({@code sequence &
 * mask}). The slot is written before the earlier stage's thread releases the sequence and read
 * after the later stage's barrier passed it, so the Disruptor's sequences order the accesses;
 * the ring cannot wrap onto a slot whose input the last stage has not finished.
 *
 * <p>Preallocated; no allocation or synchronisation of its own.
 */
final class SlotStamps {
    private final long mask;
    final long[] signalDone;
    final long[] decided;

    /** @param ringSize ring slots, a power of two */
    SlotStamps(final int ringSize) {
        if (Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("ring size " + ringSize + " must be a power of two");
        }
        mask = ringSize - 1;
        signalDone = new long[ringSize];
        decided = new long[ringSize];
    }

    int slot(final long sequence) {
        return (int) (sequence & mask);
    }
}
