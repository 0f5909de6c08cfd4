package io.skytrade.exchange.matching;

import io.skytrade.core.event.Side;

/**
 * One side of one product's limit order book: price levels in a sorted primitive array with the
 * best level last (so removing the best level is O(1)), each level a FIFO list of order handles
 * in an {@link OrderPool}, with its total quantity.
 *
 * <p>Not thread-safe: owned by one {@link MatchingEngine}. Hot-path cost: O(log levels) to find a
 * level, an array shift to insert or remove a level that is not the best; no allocation.
 */
final class BookSide {
    final int side;
    private final long[] keys;
    private final int[] head;
    private final int[] tail;
    private final long[] quantity;
    private int size;

    BookSide(final int side, final int maxLevels) {
        this.side = side;
        keys = new long[maxLevels];
        head = new int[maxLevels];
        tail = new int[maxLevels];
        quantity = new long[maxLevels];
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return size == keys.length;
    }

    /** Index of the best level; only valid when {@link #size()} is positive. */
    int bestIndex() {
        return size - 1;
    }

    /** Level index counted from the best (0 = best). */
    int indexFromBest(final int rank) {
        return size - 1 - rank;
    }

    long price(final int level) {
        return side == Side.BUY ? keys[level] : -keys[level];
    }

    long quantity(final int level) {
        return quantity[level];
    }

    int head(final int level) {
        return head[level];
    }

    /** True when a level at {@code levelPrice} may trade with an incoming order at {@code limit}. */
    boolean crosses(final long levelPrice, final long limit) {
        return side == Side.BUY ? levelPrice >= limit : levelPrice <= limit;
    }

    /** Index of the level at {@code price}, or {@code -(insertionPoint) - 1} when absent. */
    int find(final long price) {
        final long key = side == Side.BUY ? price : -price;
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            final int mid = (lo + hi) >>> 1;
            final long k = keys[mid];
            if (k < key) {
                lo = mid + 1;
            } else if (k > key) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** Appends order {@code h} at the back of its price's level, creating the level; false when no level is free. */
    boolean append(final OrderPool pool, final int h) {
        int level = find(pool.price[h]);
        if (level < 0) {
            if (isFull()) {
                return false;
            }
            level = -level - 1;
            final int move = size - level;
            if (move > 0) {
                System.arraycopy(keys, level, keys, level + 1, move);
                System.arraycopy(head, level, head, level + 1, move);
                System.arraycopy(tail, level, tail, level + 1, move);
                System.arraycopy(quantity, level, quantity, level + 1, move);
            }
            keys[level] = side == Side.BUY ? pool.price[h] : -pool.price[h];
            head[level] = OrderPool.NIL;
            tail[level] = OrderPool.NIL;
            quantity[level] = 0;
            size++;
        }
        final int last = tail[level];
        pool.prev[h] = last;
        pool.next[h] = OrderPool.NIL;
        if (last == OrderPool.NIL) {
            head[level] = h;
        } else {
            pool.next[last] = h;
        }
        tail[level] = h;
        quantity[level] += pool.leaves[h];
        return true;
    }

    /** Raises the level quantity after its last order grew in place. */
    void grow(final int level, final long qty) {
        quantity[level] += qty;
    }

    /** Reduces the level quantity after a fill or reduction of one of its orders. */
    void reduce(final int level, final long qty) {
        quantity[level] -= qty;
    }

    /** Unlinks order {@code h} (whose remaining {@code leaves} still count in the level) and drops an empty level. */
    void remove(final OrderPool pool, final int h, final int level) {
        final int p = pool.prev[h];
        final int n = pool.next[h];
        if (p == OrderPool.NIL) {
            head[level] = n;
        } else {
            pool.next[p] = n;
        }
        if (n == OrderPool.NIL) {
            tail[level] = p;
        } else {
            pool.prev[n] = p;
        }
        quantity[level] -= pool.leaves[h];
        if (head[level] == OrderPool.NIL) {
            final int move = size - level - 1;
            if (move > 0) {
                System.arraycopy(keys, level + 1, keys, level, move);
                System.arraycopy(head, level + 1, head, level, move);
                System.arraycopy(tail, level + 1, tail, level, move);
                System.arraycopy(quantity, level + 1, quantity, level, move);
            }
            size--;
        }
    }
}
