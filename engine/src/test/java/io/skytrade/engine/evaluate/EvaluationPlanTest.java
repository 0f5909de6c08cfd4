package io.skytrade.engine.evaluate;

import io.skytrade.engine.backtest.report.ReportTable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** How a plan maps seeds and start hours to days, and how the hour table reads days from several start hours. */
class EvaluationPlanTest {
    private static final long HOUR = 3_600_000_000_000L;

    private static long nanos(final String instant) {
        return Instant.parse(instant).getEpochSecond() * 1_000_000_000L;
    }

    @Test
    void shouldStartEveryDayAtTheLondonHourAcrossAClockChange() {
        final EvaluationPlan plan = new EvaluationPlan(List.of(201L), 3, LocalDate.of(2026, 3, 28), List.of(12, 13), null, 1, false);
        assertArrayEquals(new long[] {nanos("2026-03-28T12:00:00Z"), nanos("2026-03-29T11:00:00Z"), nanos("2026-03-30T11:00:00Z"),
            nanos("2026-03-31T11:00:00Z")}, plan.dayStarts(12), "noon London: 12:00 UTC, then 11:00 UTC after the clocks go forward");
        assertEquals(23 * HOUR, plan.dayStarts(13)[1] - plan.dayStarts(13)[0], "the day of the change has 23 hours");
        assertEquals(List.of(0, 1, 2, 3), EvaluationPlan.parseHours("0-3"));
        assertEquals(List.of(6, 18), EvaluationPlan.parseHours("6,18"));
        assertEquals("--start-hour '6,6': a value is listed twice",
            assertThrows(IllegalArgumentException.class, () -> EvaluationPlan.parseHours("6,6")).getMessage());
        assertEquals("201-203,7", EvaluationTables.seedList(List.of(201L, 202L, 203L, 7L)));
    }

    private static DayResult day(final long start, final long[] orders, final boolean[] afterSettlement) {
        return new DayResult(1, 0, start, start + orders.length * HOUR, 0, new double[1], new long[1], new long[1], 0, new long[64],
            List.of(), orders, new long[orders.length], afterSettlement, new double[] {0}, List.of(), "");
    }

    @Test
    void shouldCountHoursWithoutAnOrderExceptThoseASettlementOpened() {
        final long eleven = nanos("2026-01-10T11:00:00Z");
        final long thirteen = nanos("2026-01-10T13:00:00Z");
        final EvaluationSummary s = new EvaluationSummary(List.of(
            day(eleven, new long[] {3, 0, 2}, new boolean[] {false, true, false}),
            day(thirteen, new long[] {0, 5, 0}, new boolean[] {false, false, false})), List.of("X"), 1_000_000, HOUR);
        assertArrayEquals(new long[] {2, 5}, s.idleHours(), "the noon hour of the first day is not counted; 2 idle of 5");
        final ReportTable hours = EvaluationTables.hours(s);
        assertEquals(List.of(0L, "start + 0 h", 3L, 0L, 1L, 0L, 2L, ""), hours.rows().get(0));
        assertEquals(List.of(1L, "start + 1 h", 5L, 0L, 0L, 0L, 2L, "yes (1)"), hours.rows().get(1));
        assertEquals("since", hours.columns().get(1), "days from different start hours are labelled by hours since their start");
    }
}
