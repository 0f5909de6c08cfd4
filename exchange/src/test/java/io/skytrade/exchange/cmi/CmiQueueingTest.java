package io.skytrade.exchange.cmi;

import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** The gateway's pace, send queue and fill ledger. */
class CmiQueueingTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllowOneTokenPerPeriodWithTheBurstAtTheStart() {
        final TokenBucket bucket = new TokenBucket(1.0, 2);
        assertTrue(bucket.tryTake(0));
        assertTrue(bucket.tryTake(0));
        assertFalse(bucket.tryTake(SECOND / 2));
        assertEquals(SECOND / 2, bucket.nanosUntilAvailable(SECOND / 2));
        assertTrue(bucket.tryTake(SECOND));
        assertFalse(bucket.tryTake(SECOND));
        bucket.take(SECOND);
        assertEquals(2 * SECOND, bucket.nanosUntilAvailable(SECOND), "a token taken in debt delays the next");
        assertEquals(0, bucket.nanosUntilAvailable(10 * SECOND));
        bucket.drain(10 * SECOND);
        assertEquals(SECOND, bucket.nanosUntilAvailable(10 * SECOND));
        assertEquals(0, bucket.nanosUntilAvailable(9 * SECOND) - SECOND, "time going backwards adds nothing");
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0));
    }

    @Test
    void shouldNeverGrantMoreThanRateTimesTimePlusBurst() {
        qt().forAll(lists().of(integers().between(0, 3000)).ofSizeBetween(1, 200), integers().between(1, 4)).checkAssert((gaps, burst) -> {
            final TokenBucket bucket = new TokenBucket(2.0, burst);
            long now = 0;
            int granted = 0;
            for (final int gapMillis : gaps) {
                now += gapMillis * 1_000_000L;
                if (bucket.tryTake(now)) {
                    granted++;
                }
            }
            assertTrue(granted <= burst + 2.0 * now / SECOND, granted + " tokens in " + now / 1e9 + " s with burst " + burst);
        });
    }

    @Test
    void shouldPickCancelsThenFlatteningThenQuotesOldestFirst() {
        final OrderRequestQueue q = new OrderRequestQueue(16);
        final long[] position = {5, 0};
        final int quote = q.addNew(1, 0, Side.BUY, 99, 1, TimeInForce.GTC, 0);
        final int otherProduct = q.addNew(2, 1, Side.SELL, 50, 1, TimeInForce.GTC, 1);
        final int flatten = q.addNew(3, 0, Side.SELL, 101, 5, TimeInForce.IOC, 2);
        final int user = q.addCancel(7, 0, OrderRequestQueue.CANCEL_USER, null, 3);
        final int orphan = q.addCancel(0, 0, OrderRequestQueue.CANCEL_ORPHAN, "old", 4);
        final int ioc = q.addCancel(8, 0, OrderRequestQueue.CANCEL_IOC, null, 5);
        assertEquals(ioc, q.pickCancel(id -> true));
        q.inFlight(ioc, true);
        assertEquals(user, q.pickCancel(id -> true), "an entry in flight is not handed out twice");
        assertEquals(orphan, q.pickCancel(id -> id == 0), "a cancel that cannot go yet is skipped");
        assertEquals(flatten, q.pickNew(position));
        q.remove(flatten);
        assertEquals(quote, q.pickNew(position));
        position[0] = 0;
        q.remove(quote);
        assertEquals(otherProduct, q.pickNew(position));
        assertEquals(otherProduct, q.staleNew(2));
        assertEquals(-1, q.staleNew(1));
        assertEquals(otherProduct, q.findNew(2));
        assertEquals(user, q.findCancel(7));
        assertTrue(q.hasOrphanCancel("old"));
        assertEquals(4, q.size());
    }

    @Test
    void shouldCountAKeyAsOftenAsOneBatchHoldsIt() {
        final FillLedger ledger = new FillLedger(60 * SECOND);
        final FillLedger.Key a = new FillLedger.Key(10 * SECOND, 0, 100, 2, Side.BUY, FillLedger.nameHash("bob"));
        final FillLedger.Key b = new FillLedger.Key(10 * SECOND, 0, 100, 2, Side.BUY, FillLedger.nameHash("carol"));
        assertTrue(ledger.admit(a, 1));
        assertTrue(ledger.admit(a, 2), "the same fill twice in one batch: two fills");
        assertTrue(ledger.admit(b, 1), "another counterparty: another fill");
        assertFalse(ledger.admit(a, 1), "a later batch repeating it");
        assertFalse(ledger.admit(a, 2));
        assertTrue(ledger.admit(a, 3), "a later batch holding it three times: one more");
        final FillLedger.Key late = new FillLedger.Key(100 * SECOND, 0, 100, 2, Side.BUY, 1);
        assertTrue(ledger.admit(late, 1));
        assertEquals(1, ledger.size(), "keys older than the window behind the newest are forgotten");
    }
}
