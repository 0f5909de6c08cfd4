package io.skytrade.exchange.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The simulated venue's participant records, one per API key, in the matching engine's participant
 * slots {@code first..capacity-1} (the slots below {@code first} belong to the background
 * traders). A record holds the key, the name shown in {@code login_ack}, the execution reports for
 * replay on reconnect, the fees charged, and the connection currently logged in with the key.
 *
 * <p>Release: a record without a connection whose participant is flat (no open order, no position,
 * nothing traded since the last settlement: nothing the venue still owes it or holds for it) is
 * released once {@code idleTimeoutNanos} have passed since its last connection closed or its last
 * execution report (a settlement sent while it was away), whichever is later; its slot then takes
 * the next new key. A key that logs in after its record was released starts afresh (execSeq from 1,
 * client order ids forgotten), which its {@code login_ack} shows by a {@code lastExecSeq} of 0.
 *
 * <p>Not thread-safe: owned by the venue thread. Not on the engine's hot path.
 */
final class ParticipantTable {
    /** One participant's venue-side record. */
    static final class Participant {
        final int id;
        final String key;
        final String name;
        final List<String> executionLog = new ArrayList<>();
        final double[] fees;
        VenueSession session;
        long idleSinceNanos;

        Participant(final int id, final String key, final String name, final int products) {
            this.id = id;
            this.key = key;
            this.name = name;
            this.fees = new double[products];
        }
    }

    private final int first;
    private final Participant[] slots;
    private final Map<String, Participant> byKey = new HashMap<>();
    private final int products;
    private long nextSerial;
    private long released;

    ParticipantTable(final int first, final int capacity, final int products) {
        this.first = first;
        this.slots = new Participant[capacity];
        this.products = products;
        this.nextSerial = first;
    }

    /** The record of {@code key}, or null. */
    Participant byKey(final String key) {
        return byKey.get(key);
    }

    /** The record in slot {@code id}, or null. */
    Participant get(final int id) {
        return id >= first && id < slots.length ? slots[id] : null;
    }

    /** A new record for {@code key} in the lowest free slot, or null when every slot is taken. */
    Participant add(final String key) {
        for (int id = first; id < slots.length; id++) {
            if (slots[id] == null) {
                final Participant p = new Participant(id, key, "p" + nextSerial++, products);
                slots[id] = p;
                byKey.put(key, p);
                return p;
            }
        }
        return null;
    }

    /**
     * Releases every record without a connection, idle for at least {@code idleTimeoutNanos} at
     * {@code nowNanos}, whose slot {@code releaseIfFlat} frees (it declines, returning false, when
     * the participant still owns something).
     *
     * @return how many were released
     */
    int releaseIdle(final long nowNanos, final long idleTimeoutNanos, final IntPredicate releaseIfFlat) {
        int n = 0;
        for (int id = first; id < slots.length; id++) {
            final Participant p = slots[id];
            if (p != null && p.session == null && nowNanos - p.idleSinceNanos >= idleTimeoutNanos
                && releaseIfFlat.test(id)) {
                slots[id] = null;
                byKey.remove(p.key);
                released++;
                n++;
            }
        }
        return n;
    }

    /** Records held now. */
    int size() {
        return byKey.size();
    }

    /** Slots for client participants. */
    int capacity() {
        return slots.length - first;
    }

    /** Records released so far. */
    long releasedCount() {
        return released;
    }
}
