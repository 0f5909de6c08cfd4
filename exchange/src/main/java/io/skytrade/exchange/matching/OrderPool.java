package io.skytrade.exchange.matching;

/**
 * Preallocated storage for resting orders as a structure of primitive arrays indexed by an
 * {@code int} handle, with a free list threaded through {@link #next}. Price levels link their
 * orders through {@link #next} and {@link #prev} in time priority.
 *
 * <p>Not thread-safe: owned by one {@link MatchingEngine}. Hot-path cost: array stores; no
 * allocation after construction.
 */
final class OrderPool {
    static final int NIL = -1;

    final long[] clientOrderId;
    final long[] venueOrderId;
    final long[] price;
    final long[] leaves;
    final long[] quantity;
    final int[] participant;
    final int[] instrument;
    final int[] side;
    final int[] next;
    final int[] prev;
    private int freeHead;
    private int used;

    OrderPool(final int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("order pool capacity must be positive, got " + capacity);
        }
        clientOrderId = new long[capacity];
        venueOrderId = new long[capacity];
        price = new long[capacity];
        leaves = new long[capacity];
        quantity = new long[capacity];
        participant = new int[capacity];
        instrument = new int[capacity];
        side = new int[capacity];
        next = new int[capacity];
        prev = new int[capacity];
        for (int i = 0; i < capacity; i++) {
            next[i] = i + 1 < capacity ? i + 1 : NIL;
        }
        freeHead = 0;
    }

    /** Takes a free handle, or returns {@link #NIL} when the pool is exhausted. */
    int allocate() {
        final int h = freeHead;
        if (h != NIL) {
            freeHead = next[h];
            next[h] = NIL;
            prev[h] = NIL;
            used++;
        }
        return h;
    }

    void free(final int h) {
        leaves[h] = 0;
        prev[h] = NIL;
        next[h] = freeHead;
        freeHead = h;
        used--;
    }

    int used() {
        return used;
    }
}
