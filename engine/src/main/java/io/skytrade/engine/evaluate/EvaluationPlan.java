package io.skytrade.engine.evaluate;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import io.skytrade.exchange.sim.MarketSkill;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@code evaluate} runs: which seeds, how many consecutive days of each, from which London
 * date and hours, at which market skill. Every seed starts on the same date (seeds vary the world,
 * not the calendar), once at each start hour: day k of a run starting at hour H runs from
 * {@code start + k} days at H:00 London time to the same hour of the next day (23 or 25 hours
 * across a clock change). With the default start hour 12 a day is one settlement session, noon to
 * noon; several start hours (#13's "started at each of 24 world hours") run every seed once per
 * hour, each run a cold engine.
 *
 * @param seeds       the world seeds, in order
 * @param daysPerSeed consecutive days of each seed's world, at least 1
 * @param start       the London date of the first day
 * @param startHours  London hours at which runs start, each 0..23, in order
 * @param skill       the market skill ({@code venue.market.skill}: dull, medium or sharp), or null for
 *                    the configuration's
 * @param workers     seeds run at once
 * @param journal     whether each seed's run is journaled (replayable)
 */
public record EvaluationPlan(List<Long> seeds, int daysPerSeed, LocalDate start, List<Integer> startHours, String skill,
                             int workers, boolean journal) {
    /** Where every date and hour is reckoned: the settlement's time zone. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** The skills the simulated market defines, as written in configuration. */
    public static final List<String> SKILLS = Arrays.stream(MarketSkill.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList();
    /** First day when none is given: a winter date, far from a clock change. */
    public static final LocalDate DEFAULT_START = LocalDate.of(2026, 1, 10);

    public EvaluationPlan {
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("--seeds: at least one seed");
        }
        if (daysPerSeed < 1) {
            throw new IllegalArgumentException("--days-per-seed " + daysPerSeed + ": at least 1");
        }
        startHours = List.copyOf(startHours);
        if (startHours.isEmpty()) {
            throw new IllegalArgumentException("--start-hour: at least one hour");
        }
        for (final int h : startHours) {
            if (h < 0 || h > 23) {
                throw new IllegalArgumentException("--start-hour " + h + ": a London hour 0..23");
            }
        }
        if (skill != null && !SKILLS.contains(skill)) {
            throw new IllegalArgumentException("--skill '" + skill + "': one of " + String.join(", ", SKILLS));
        }
        if (workers < 1) {
            throw new IllegalArgumentException("--workers " + workers + ": at least 1");
        }
    }

    /** Day boundaries of a run starting at {@code hour}, epoch nanoseconds: day k is [result[k], result[k + 1]). */
    public long[] dayStarts(final int hour) {
        final long[] out = new long[daysPerSeed + 1];
        for (int k = 0; k <= daysPerSeed; k++) {
            final ZonedDateTime t = ZonedDateTime.of(start.plusDays(k), LocalTime.of(hour, 0), LONDON);
            out[k] = t.toEpochSecond() * 1_000_000_000L;
        }
        return out;
    }

    /**
     * Seeds from a list of numbers and inclusive ranges, e.g. {@code 201-220} or {@code 1,5,9-12}.
     *
     * @throws IllegalArgumentException naming the part that is not a seed or a range
     */
    public static List<Long> parseSeeds(final String text) {
        return parseNumbers("--seeds", text);
    }

    /** Start hours from a list of hours and ranges, e.g. {@code 12}, {@code 0-23} or {@code 6,18}. */
    public static List<Integer> parseHours(final String text) {
        return parseNumbers("--start-hour", text).stream().map(Long::intValue).toList();
    }

    private static List<Long> parseNumbers(final String option, final String text) {
        final List<Long> values = new ArrayList<>();
        for (final String part : text.split(",")) {
            final String p = part.trim();
            final int dash = p.indexOf('-', 1);
            try {
                if (dash > 0) {
                    final long from = Long.parseLong(p.substring(0, dash).trim());
                    final long to = Long.parseLong(p.substring(dash + 1).trim());
                    if (to < from || to - from >= 100_000) {
                        throw new IllegalArgumentException(option + ": range '" + p + "' must go up, at most 100000 values");
                    }
                    for (long s = from; s <= to; s++) {
                        values.add(s);
                    }
                } else {
                    values.add(Long.parseLong(p));
                }
            } catch (final NumberFormatException e) {
                throw new IllegalArgumentException(option + ": '" + p + "' is not a number or a range like 201-220");
            }
        }
        if (values.size() != values.stream().distinct().count()) {
            throw new IllegalArgumentException(option + " '" + text + "': a value is listed twice");
        }
        return values;
    }
}
