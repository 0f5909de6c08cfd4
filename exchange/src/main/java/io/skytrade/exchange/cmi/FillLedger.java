package io.skytrade.exchange.cmi;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes the CMI venue's fill reports idempotent. The stream reports our trades without an id, in
 * batches, and after a reconnect the REST trade list reports some of them again, so a fill is known
 * only by its timestamp, product, price, volume, our side and counterparty. Two genuine fills can
 * share all of that (one aggressive order filling two equal resting orders of one counterparty at
 * one price: one matching event, one timestamp), and those arrive in the same batch. So a key counts
 * as many fills as the most times any single batch held it: {@link #admit} is called for each
 * record of a batch with the number of times its key has occurred in that batch so far, and says
 * whether that occurrence is new. Keys older than the window (by trade timestamp, behind the newest
 * seen) are forgotten; the gateway never asks the venue for trades that old again.
 *
 * <p>Not thread-safe: owned by the gateway's session. Cost: a map entry per fill.
 */
final class FillLedger {
    /** The identity of a fill as the venue reports it. */
    record Key(long timestampNanos, int instrument, long priceTicks, long volume, int side, long counterparty) {
    }

    private final long windowNanos;
    private final Map<Key, Integer> applied = new HashMap<>();
    private final ArrayDeque<Key> order = new ArrayDeque<>();
    private long newest = Long.MIN_VALUE;

    FillLedger(final long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /**
     * Whether the {@code occurrence}-th record (1-based) of {@code key} in the current batch is a
     * fill not applied yet; if so it is recorded as applied.
     */
    boolean admit(final Key key, final int occurrence) {
        final Integer before = applied.get(key);
        final int count = before == null ? 0 : before;
        if (occurrence <= count) {
            return false;
        }
        if (before == null) {
            order.addLast(key);
        }
        applied.put(key, occurrence);
        if (key.timestampNanos() > newest) {
            newest = key.timestampNanos();
            prune();
        }
        return true;
    }

    /** Fill keys remembered now. */
    int size() {
        return applied.size();
    }

    private void prune() {
        while (!order.isEmpty() && order.peekFirst().timestampNanos() < newest - windowNanos) {
            applied.remove(order.pollFirst());
        }
    }

    /** A 64-bit FNV-1a hash of a counterparty name (the ledger keeps hashes, not names). */
    static long nameHash(final CharSequence name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
