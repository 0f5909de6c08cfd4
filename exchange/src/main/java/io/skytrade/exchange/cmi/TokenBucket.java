package io.skytrade.exchange.cmi;

/**
 * A token bucket over a caller-given clock: {@code rate} tokens per second, at most {@code burst}
 * held, full at the start. The CMI venue allows one REST request per second; the client paces
 * itself with one of these and the simulator enforces its limit with another. Time is whatever
 * the caller passes (world time of the venue or the engine), so the same bucket works on a
 * wall clock, a scaled demo clock and a virtual evaluation clock. Time going backwards adds nothing.
 *
 * <p>Not thread-safe: one owner. Cost: a few arithmetic operations; no allocation.
 */
public final class TokenBucket {
    private final long periodNanos;
    private final long capacityNanos;
    private long creditNanos;
    private long lastNanos = Long.MIN_VALUE;

    /**
     * @param ratePerSecond tokens added per second, greater than 0
     * @param burst         most tokens held, at least 1
     */
    public TokenBucket(final double ratePerSecond, final int burst) {
        if (!(ratePerSecond > 0) || ratePerSecond > 1e9 || burst < 1) {
            throw new IllegalArgumentException("token bucket of " + ratePerSecond + "/s, burst " + burst
                + ": expected a rate in (0, 1e9] and a burst of at least 1");
        }
        this.periodNanos = Math.max(1, Math.round(1e9 / ratePerSecond));
        this.capacityNanos = Math.multiplyExact(periodNanos, (long)burst);
        this.creditNanos = capacityNanos;
    }

    /** Takes a token at {@code nowNanos} if one is there; false (nothing taken) otherwise. */
    public boolean tryTake(final long nowNanos) {
        refill(nowNanos);
        if (creditNanos < periodNanos) {
            return false;
        }
        creditNanos -= periodNanos;
        return true;
    }

    /** Takes a token at {@code nowNanos} whether or not one is there (the bucket may go into debt). */
    public void take(final long nowNanos) {
        refill(nowNanos);
        creditNanos -= periodNanos;
    }

    /** Nanoseconds from {@code nowNanos} until a token is there (0 when one is). */
    public long nanosUntilAvailable(final long nowNanos) {
        refill(nowNanos);
        return Math.max(0, periodNanos - creditNanos);
    }

    /** Empties the bucket at {@code nowNanos}: the next token comes one period later. */
    public void drain(final long nowNanos) {
        refill(nowNanos);
        creditNanos = Math.min(creditNanos, 0);
    }

    /** Nanoseconds per token. */
    public long periodNanos() {
        return periodNanos;
    }

    private void refill(final long nowNanos) {
        if (lastNanos == Long.MIN_VALUE) {
            lastNanos = nowNanos;
            return;
        }
        if (nowNanos > lastNanos) {
            final long gained = nowNanos - lastNanos;
            creditNanos = gained >= capacityNanos - creditNanos ? capacityNanos : creditNanos + gained;
            lastNanos = nowNanos;
        }
    }
}
