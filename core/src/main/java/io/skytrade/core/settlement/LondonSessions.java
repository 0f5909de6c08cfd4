package io.skytrade.core.settlement;

/**
 * Epoch-nanosecond arithmetic for the venue's sessions, which run from 12:00 to 12:00
 * Europe/London: British Summer Time (UTC+1) from 01:00 UTC on the last Sunday of March to 01:00
 * UTC on the last Sunday of October, GMT otherwise. Pure integer arithmetic (proleptic Gregorian
 * civil-date conversion), so the valuation stage can roll to the next session on the hot path
 * without {@code java.time} or allocation; sessions are 23 or 25 hours long on the days the
 * clocks change.
 *
 * <p>Stateless. Hot-path cost: a few dozen integer operations.
 */
public final class LondonSessions {
    public static final long NANOS_PER_HOUR = 3_600_000_000_000L;
    public static final long NANOS_PER_DAY = 24 * NANOS_PER_HOUR;

    private LondonSessions() {
    }

    /** Epoch nanoseconds of 12:00 Europe/London on the civil day {@code epochDay} (days since 1970-01-01). */
    public static long noonOnDay(final long epochDay) {
        final long utcNoon = epochDay * NANOS_PER_DAY + 12 * NANOS_PER_HOUR;
        return isSummerTime(utcNoon) ? utcNoon - NANOS_PER_HOUR : utcNoon;
    }

    /** True when London observes BST (UTC+1) at {@code epochNanos}. */
    public static boolean isSummerTime(final long epochNanos) {
        final long day = Math.floorDiv(epochNanos, NANOS_PER_DAY);
        final long year = yearOfDay(day);
        final long start = lastSunday(year, 3) * NANOS_PER_DAY + NANOS_PER_HOUR;
        final long end = lastSunday(year, 10) * NANOS_PER_DAY + NANOS_PER_HOUR;
        return epochNanos >= start && epochNanos < end;
    }

    /** The first 12:00 Europe/London at or after {@code epochNanos}. */
    public static long nextNoonAtOrAfter(final long epochNanos) {
        final long day = Math.floorDiv(epochNanos, NANOS_PER_DAY);
        final long noon = noonOnDay(day);
        return noon >= epochNanos ? noon : noonOnDay(day + 1);
    }

    /** The 12:00 Europe/London one civil day before the London noon {@code noonNanos}. */
    public static long previousNoon(final long noonNanos) {
        return noonOnDay(Math.floorDiv(noonNanos, NANOS_PER_DAY) - 1);
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    static long daysFromCivil(final long year, final int month, final int day) {
        final long y = month <= 2 ? year - 1 : year;
        final long era = Math.floorDiv(y, 400);
        final long yoe = y - era * 400;
        final long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        final long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** Proleptic Gregorian year of the civil day {@code epochDay}. */
    static long yearOfDay(final long epochDay) {
        final long z = epochDay + 719_468;
        final long era = Math.floorDiv(z, 146_097);
        final long doe = z - era * 146_097;
        final long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        final long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        final long mp = (5 * doy + 2) / 153;
        final long month = mp < 10 ? mp + 3 : mp - 9;
        return yoe + era * 400 + (month <= 2 ? 1 : 0);
    }

    /** Epoch day of the last Sunday of a 31-day month. */
    private static long lastSunday(final long year, final int month) {
        final long last = daysFromCivil(year, month, 31);
        return last - Math.floorMod(last + 4, 7);
    }
}
