package io.skytrade.core.world;

import java.util.SplittableRandom;

/**
 * A seeded model of the physical world the default products settle on: the Thames level at
 * Westminster (semi-diurnal tide of period 12.42 h with a spring-neap cycle, surge and reading
 * noise), London temperature and relative humidity (seasonal and diurnal cycles, weather fronts),
 * PM2.5 (log-normal persistence, traffic peaks and pollution spikes) and Heathrow arrivals and
 * departures per 30-minute bin (a daily schedule with night curfew and occasional disruptions).
 *
 * <p>Every value is a pure function of (seed, time): noise comes from knots drawn with a
 * {@link SplittableRandom} seeded from (seed, stream, knot index) and smoothly interpolated, so
 * any time can be asked in any order and the simulator that settles on the world and the offline
 * feed that observes it see the same numbers. Values are quantised like the real sources
 * (tide to the millimetre, temperature to 0.1 °C, humidity to 1 %, PM2.5 to 0.1 µg/m³). Every
 * function is {@link StrictMath}'s, so the world is bit-identical on every JVM and CPU
 * ({@code SyntheticWorldTest} pins values; checked on OpenJDK 17, interpreted and compiled, and
 * Temurin 25). The one numerical routine not our own is {@link SplittableRandom#nextGaussian()}, the
 * JDK's documented modified ziggurat (the same since JDK 17): integer table lookups whose rare
 * rejection steps compare against {@code Math.exp}, so a one-ulp platform difference could flip one
 * comparison with a probability of about 1e-16 per draw; the golden values would catch a JDK that
 * changed the algorithm.
 *
 * <p>Every random element has a <em>release time</em>, the first instant whose value it can
 * change (a smooth-noise knot at k x spacing already shapes the interval before it), and a
 * <em>knowable time</em>, when a forecaster watching the world learns it (the knot's own time, a
 * pollution spike's peak, a flight disruption's first slot, a half-hour's flight count at the bin's
 * end). Two derived worlds use them: {@link #withFutureRedrawn} (the same path up to an instant,
 * another future: the test that the simulated market is honest) and {@link #forecastMember} (what
 * a public forecaster knows at an instant, the rest drawn afresh: one member of a forecast ensemble).
 *
 * <p>The world holds no settlement formula: {@link WorldSettlement} settles products on it (or on
 * any {@link SeriesPath}, such as a public forecast's path) under the configured settlement rules,
 * the same the engine's valuation uses.
 *
 * <p>Immutable and thread-safe. Cost: a few hundred nanoseconds per value (it allocates a small
 * random generator per knot). Not for the engine's hot path: feeds and the simulator call it.
 */
public final class SyntheticWorld implements SeriesPath {
    public static final long MINUTE_NANOS = 60_000_000_000L;
    public static final long QUARTER_HOUR_NANOS = 15 * MINUTE_NANOS;
    public static final long HALF_HOUR_NANOS = 30 * MINUTE_NANOS;
    public static final long HOUR_NANOS = 60 * MINUTE_NANOS;
    public static final long DAY_NANOS = 24 * HOUR_NANOS;
    /** Half-hour flight bins in a 24 h window. */
    public static final int BINS_PER_DAY = 48;

    private static final double TWO_PI = 2 * StrictMath.PI;
    private static final double M2_PERIOD_NANOS = 12.42 * HOUR_NANOS;
    private static final double SPRING_NEAP_PERIOD_NANOS = 14.765 * DAY_NANOS;
    private static final double YEAR_NANOS = 365.25 * DAY_NANOS;

    private static final int STREAM_SURGE = 1;
    private static final int STREAM_TIDE_CHOP = 2;
    private static final int STREAM_TIDE_READ = 3;
    private static final int STREAM_FRONT = 4;
    private static final int STREAM_TEMP_MESO = 5;
    private static final int STREAM_RH_FRONT = 6;
    private static final int STREAM_RH_MESO = 7;
    private static final int STREAM_PM_PERSIST = 8;
    private static final int STREAM_PM_DAY = 9;
    private static final int STREAM_PM_SPIKE = 10;
    private static final int STREAM_ARR = 11;
    private static final int STREAM_DEP = 12;
    private static final int STREAM_DISRUPTION = 13;
    private static final int STREAM_PHASES = 14;

    private static final long PM_SPIKE_BUCKET_NANOS = 6 * HOUR_NANOS;
    /** First half-hour slot of the UTC day a flight disruption can touch, and the last one it can start in. */
    private static final int FIRST_DISRUPTED_SLOT = 12;
    private static final int DISRUPTION_START_SLOTS = 28;
    private static final int LAST_DISRUPTION_START = FIRST_DISRUPTED_SLOT + DISRUPTION_START_SLOTS - 1;
    private static final double DISRUPTION_PROBABILITY = 0.2;
    private static final double SPIKE_PROBABILITY = 0.15;
    private static final long NO_CUTOFF = Long.MAX_VALUE;
    /** A forecast member's draw of an element it knows did not happen (yet). */
    private static final Draw ABSENT = new Draw(0, true);

    private final long seed;
    /** The world this one derives from (null for a world of its own seed), and how. */
    private final SyntheticWorld parent;
    private final long futureSeed;
    private final long cutoff;
    private final boolean cutOnKnowable;
    private final double tidePhase;
    private final double springNeapPhase;
    private final double tideMean;
    private final Draw ownDraw;

    /** Where a spike or disruption of a derived world comes from: a seed, or nothing (a member knows there was none). */
    private record Draw(long seed, boolean absent) {
    }

    /** Creates the world of one seed. */
    public SyntheticWorld(final long seed) {
        this.seed = seed;
        this.parent = null;
        this.futureSeed = seed;
        this.cutoff = NO_CUTOFF;
        this.cutOnKnowable = false;
        final SplittableRandom random = new SplittableRandom(mix(seed, STREAM_PHASES, 0));
        this.tidePhase = random.nextDouble() * TWO_PI;
        this.springNeapPhase = random.nextDouble() * TWO_PI;
        this.tideMean = 0.45 + 0.2 * random.nextDouble();
        this.ownDraw = new Draw(seed, false);
    }

    private SyntheticWorld(final SyntheticWorld parent, final long futureSeed, final long cutoff, final boolean cutOnKnowable) {
        this.seed = parent.seed;
        this.parent = parent;
        this.futureSeed = futureSeed;
        this.cutoff = cutoff;
        this.cutOnKnowable = cutOnKnowable;
        this.tidePhase = parent.tidePhase;
        this.springNeapPhase = parent.springNeapPhase;
        this.tideMean = parent.tideMean;
        this.ownDraw = new Draw(futureSeed, false);
    }

    /** The seed of the world this one is (or derives from). */
    public long seed() {
        return seed;
    }

    /**
     * The world that equals this one at every instant up to and including {@code after} and
     * continues with another future: every random element released after {@code after} is drawn
     * from {@code futureSeed} instead. Deterministic parts (tide phases, cycles, schedule) are kept.
     */
    public SyntheticWorld withFutureRedrawn(final long after, final long futureSeed) {
        return new SyntheticWorld(this, futureSeed, after, false);
    }

    /**
     * One member of a public forecast issued at {@code issuedAt}: every random element a
     * forecaster can know by then (knots at or before it, spikes past their peak, disruptions that
     * have begun or can no longer begin that day, counted flight bins) as in this world; every
     * other one drawn from {@code memberSeed}, a spike or disruption that the member would place
     * before {@code issuedAt} removed (it would have been seen). The deterministic parts (the
     * astronomical tide, seasonal and diurnal cycles, the flight schedule) are this world's: they
     * are public. Members with different seeds scatter like an ensemble around what is known; a
     * member depends on nothing released after {@code issuedAt}.
     */
    public SyntheticWorld forecastMember(final long issuedAt, final long memberSeed) {
        return new SyntheticWorld(this, memberSeed, issuedAt, true);
    }

    /**
     * Value of a {@link WorldSeries} at {@code epochNanos}, in the series' unit. Flight series
     * return the count of the 30-minute bin that contains the time.
     */
    @Override
    public double value(final int seriesKind, final long epochNanos) {
        switch (seriesKind) {
            case WorldSeries.THAMES_LEVEL_M:
                return thamesLevel(epochNanos);
            case WorldSeries.AIR_TEMP_C:
                return airTemperature(epochNanos);
            case WorldSeries.REL_HUMIDITY_PCT:
                return relativeHumidity(epochNanos);
            case WorldSeries.PM25_UGM3:
                return pm25(epochNanos);
            case WorldSeries.LHR_ARRIVALS_30M:
                return arrivals(binIndex(epochNanos));
            case WorldSeries.LHR_DEPARTURES_30M:
                return departures(binIndex(epochNanos));
            default:
                throw new IllegalArgumentException("unknown world series code " + seriesKind
                    + ", expected 0.." + (WorldSeries.COUNT - 1));
        }
    }

    /** Thames level at Westminster in metres AOD, rounded to the millimetre. */
    public double thamesLevel(final long t) {
        final double amplitude = 2.45 + 0.75 * StrictMath.cos(TWO_PI * t / SPRING_NEAP_PERIOD_NANOS + springNeapPhase);
        final double angle = TWO_PI * t / M2_PERIOD_NANOS + tidePhase;
        final double astronomical = amplitude * StrictMath.cos(angle) + 0.09 * amplitude * StrictMath.cos(2 * angle + 0.7);
        final long minute = StrictMath.floorDiv(t, MINUTE_NANOS);
        final double surge = 0.18 * smoothNoise(STREAM_SURGE, t, 6 * HOUR_NANOS)
            + 0.03 * smoothNoise(STREAM_TIDE_CHOP, t, HALF_HOUR_NANOS)
            + 0.004 * knot(STREAM_TIDE_READ, minute, minute * MINUTE_NANOS, minute * MINUTE_NANOS);
        return StrictMath.round((tideMean + astronomical + surge) * 1000.0) / 1000.0;
    }

    /** London air temperature in °C, rounded to 0.1. */
    public double airTemperature(final long t) {
        return StrictMath.round(rawTemperature(t) * 10.0) / 10.0;
    }

    /** London relative humidity in %, rounded to a whole number, within [20, 100]. */
    public double relativeHumidity(final long t) {
        final double rh = 76.0 - 2.4 * diurnal(t) - 7.0 * smoothNoise(STREAM_FRONT, t, 18 * HOUR_NANOS)
            + 6.0 * smoothNoise(STREAM_RH_FRONT, t, 18 * HOUR_NANOS) + 2.5 * smoothNoise(STREAM_RH_MESO, t, 2 * HOUR_NANOS);
        return StrictMath.round(StrictMath.max(20.0, StrictMath.min(100.0, rh)));
    }

    /** London PM2.5 in µg/m³, rounded to 0.1, at least 0.5. */
    public double pm25(final long t) {
        final double hour = hourOfDay(t);
        final double traffic = 0.18 * StrictMath.exp(-0.5 * sq((hour - 8.5) / 1.5))
            + 0.14 * StrictMath.exp(-0.5 * sq((hour - 18.0) / 2.0));
        final double logLevel = StrictMath.log(8.5) + 0.45 * smoothNoise(STREAM_PM_PERSIST, t, 30 * HOUR_NANOS)
            + 0.15 * smoothNoise(STREAM_PM_DAY, t, 4 * HOUR_NANOS) + traffic;
        double value = StrictMath.exp(logLevel);
        final long bucket = StrictMath.floorDiv(t, PM_SPIKE_BUCKET_NANOS);
        for (long k = bucket - 2; k <= bucket + 1; k++) {
            value += spike(k, t);
        }
        return StrictMath.max(0.5, StrictMath.round(value * 10.0) / 10.0);
    }

    /** Index of the 30-minute bin that contains {@code epochNanos} (bin k covers [k, k+1) half hours). */
    public static long binIndex(final long epochNanos) {
        return StrictMath.floorDiv(epochNanos, HALF_HOUR_NANOS);
    }

    /** Heathrow arrivals in half-hour bin {@code bin}. */
    public int arrivals(final long bin) {
        return flights(bin, STREAM_ARR, ARRIVAL_SCHEDULE);
    }

    /** Heathrow departures in half-hour bin {@code bin}. */
    public int departures(final long bin) {
        return flights(bin, STREAM_DEP, DEPARTURE_SCHEDULE);
    }

    /**
     * The capacity share the airport has announced at {@code asOfNanos}: while a disruption that
     * has begun by then lasts (it is announced at its first slot, with its extent and depth: what
     * the medium market's forecasters know too), its share of the schedule; 1 otherwise.
     */
    public double announcedCapacity(final long asOfNanos) {
        final Disruption d = disruptionAt(asOfNanos);
        return d == null ? 1.0 : d.capacity;
    }

    /**
     * How many half-hour bins the announced capacity share holds for, from the bin containing
     * {@code asOfNanos} (that bin included); 0 when none is announced.
     */
    public int announcedCapacityBins(final long asOfNanos) {
        final Disruption d = disruptionAt(asOfNanos);
        return d == null ? 0 : d.first + d.length - (int)StrictMath.floorMod(binIndex(asOfNanos), (long)BINS_PER_DAY);
    }

    /** The disruption under way at {@code t} (begun at or before it, not ended), or null. */
    private Disruption disruptionAt(final long t) {
        final long day = StrictMath.floorDiv(t, DAY_NANOS);
        final int slot = (int)StrictMath.floorMod(binIndex(t), (long)BINS_PER_DAY);
        final Disruption d = disruption(day);
        return d != null && slot >= d.first && slot < d.first + d.length ? d : null;
    }

    /** A day's disruption: first slot, length in slots, capacity share. */
    private record Disruption(int first, int length, double capacity) {
    }

    private double rawTemperature(final long t) {
        final double season = 11.5 - 6.5 * StrictMath.cos(TWO_PI * (t - 20 * DAY_NANOS) / YEAR_NANOS);
        return season + 3.5 * diurnal(t) + 2.5 * smoothNoise(STREAM_FRONT, t, 18 * HOUR_NANOS)
            + 0.9 * smoothNoise(STREAM_TEMP_MESO, t, 3 * HOUR_NANOS);
    }

    /** Diurnal cycle in [-1, 1], peaking at 15:00 UTC. */
    private static double diurnal(final long t) {
        return StrictMath.cos(TWO_PI * (hourOfDay(t) - 15.0) / 24.0);
    }

    private static double hourOfDay(final long t) {
        return StrictMath.floorMod(t, DAY_NANOS) / (double)HOUR_NANOS;
    }

    /** The pollution spike of 6-hour bucket {@code bucket} at {@code t} (0 when the bucket has none). */
    private double spike(final long bucket, final long t) {
        final Draw draw = spikeDraw(bucket);
        if (draw.absent) {
            return 0;
        }
        final SplittableRandom random = new SplittableRandom(mix(draw.seed, STREAM_PM_SPIKE, bucket));
        if (random.nextDouble() >= SPIKE_PROBABILITY) {
            return 0;
        }
        final double centre = spikeCentre(bucket, random.nextDouble());
        final double height = 12.0 + 40.0 * random.nextDouble();
        final double width = (0.75 + 2.0 * random.nextDouble()) * HOUR_NANOS;
        return height * StrictMath.exp(-0.5 * sq((t - centre) / width));
    }

    /**
     * Where bucket {@code bucket}'s spike comes from in this world. With probability 0.15 a bucket
     * holds a Gaussian bump centred in it; it is released one bucket before its own (the world
     * sums the buckets around t) and knowable at its peak, or at the bucket's end when there is none.
     */
    private Draw spikeDraw(final long bucket) {
        if (parent == null) {
            return ownDraw;
        }
        final Draw truth = parent.spikeDraw(bucket);
        if (!cutOnKnowable) {
            return (bucket - 1) * PM_SPIKE_BUCKET_NANOS <= cutoff ? truth : ownDraw;
        }
        if (spikeKnowable(truth, bucket) <= cutoff) {
            return truth;
        }
        return spikeKnowable(ownDraw, bucket) <= cutoff ? ABSENT : ownDraw;
    }

    /** When the spike drawn as {@code draw} for {@code bucket} becomes knowable. */
    private static double spikeKnowable(final Draw draw, final long bucket) {
        if (!draw.absent) {
            final SplittableRandom random = new SplittableRandom(mix(draw.seed, STREAM_PM_SPIKE, bucket));
            if (random.nextDouble() < SPIKE_PROBABILITY) {
                return spikeCentre(bucket, random.nextDouble());
            }
        }
        return (bucket + 1) * PM_SPIKE_BUCKET_NANOS;
    }

    private static double spikeCentre(final long bucket, final double u) {
        return (bucket + u) * PM_SPIKE_BUCKET_NANOS;
    }

    /** Scheduled movements per half-hour of the UTC day: night curfew, morning arrival bank, day flow. */
    private static final int[] ARRIVAL_SCHEDULE = new int[BINS_PER_DAY];
    private static final int[] DEPARTURE_SCHEDULE = new int[BINS_PER_DAY];

    static {
        for (int b = 0; b < BINS_PER_DAY; b++) {
            ARRIVAL_SCHEDULE[b] = b < 9 ? 0 : b < 11 ? 9 : b < 16 ? 22 : b < 46 ? 19 : b < 47 ? 6 : 0;
            DEPARTURE_SCHEDULE[b] = b < 12 ? 0 : b < 13 ? 12 : b < 45 ? 20 : b < 46 ? 9 : 0;
        }
    }

    /**
     * The published schedule: movements of {@link WorldSeries#LHR_ARRIVALS_30M} or
     * {@link WorldSeries#LHR_DEPARTURES_30M} planned in half-hour bin {@code bin} (the same every
     * day; 0 in the night curfew), before disruptions and the bin's own randomness.
     */
    public static int scheduledMovements(final int series, final long bin) {
        final int slot = (int)StrictMath.floorMod(bin, (long)BINS_PER_DAY);
        return switch (series) {
            case WorldSeries.LHR_ARRIVALS_30M -> ARRIVAL_SCHEDULE[slot];
            case WorldSeries.LHR_DEPARTURES_30M -> DEPARTURE_SCHEDULE[slot];
            default -> throw new IllegalArgumentException("series code " + series + " has no flight schedule, expected "
                + WorldSeries.LHR_ARRIVALS_30M + " or " + WorldSeries.LHR_DEPARTURES_30M);
        };
    }

    private int flights(final long bin, final int stream, final int[] schedule) {
        final int slot = (int)StrictMath.floorMod(bin, (long)BINS_PER_DAY);
        final int scheduled = schedule[slot];
        if (scheduled == 0) {
            return 0;
        }
        final double capacity = disruptionCapacity(StrictMath.floorDiv(bin, (long)BINS_PER_DAY), slot);
        final SplittableRandom random = new SplittableRandom(mix(drawSeed(bin * HALF_HOUR_NANOS, (bin + 1) * HALF_HOUR_NANOS),
            stream, bin));
        final double mean = scheduled * capacity;
        final long count = StrictMath.round(mean + 0.6 * StrictMath.sqrt(mean) * random.nextGaussian());
        return (int)StrictMath.max(0, count);
    }

    /**
     * Capacity factor of a half-hour slot of one day: 1 normally, 0.3-0.7 inside a disruption (one
     * day in five, 2-8 slots starting between slots 12 and 39).
     */
    private double disruptionCapacity(final long day, final int slot) {
        final Disruption d = disruption(day);
        return d != null && slot >= d.first && slot < d.first + d.length ? d.capacity : 1.0;
    }

    /** Day {@code day}'s disruption in this world, or null when it has none. */
    private Disruption disruption(final long day) {
        final Draw draw = disruptionDraw(day);
        if (draw.absent) {
            return null;
        }
        final SplittableRandom random = new SplittableRandom(mix(draw.seed, STREAM_DISRUPTION, day));
        if (random.nextDouble() >= DISRUPTION_PROBABILITY) {
            return null;
        }
        final int first = FIRST_DISRUPTED_SLOT + random.nextInt(DISRUPTION_START_SLOTS);
        final int length = 2 + random.nextInt(7);
        final double capacity = 0.3 + 0.4 * random.nextDouble();
        return new Disruption(first, length, capacity);
    }

    /**
     * Where day {@code day}'s disruption comes from in this world. Released at slot 12 (no earlier
     * slot can be disrupted); knowable at its first slot, or at slot 39 when the day has none (none
     * can start later).
     */
    private Draw disruptionDraw(final long day) {
        if (parent == null) {
            return ownDraw;
        }
        final Draw truth = parent.disruptionDraw(day);
        if (!cutOnKnowable) {
            return day * DAY_NANOS + FIRST_DISRUPTED_SLOT * HALF_HOUR_NANOS <= cutoff ? truth : ownDraw;
        }
        if (disruptionKnowable(truth, day) <= cutoff) {
            return truth;
        }
        return disruptionKnowable(ownDraw, day) <= cutoff ? ABSENT : ownDraw;
    }

    private static long disruptionKnowable(final Draw draw, final long day) {
        int slot = LAST_DISRUPTION_START;
        if (!draw.absent) {
            final SplittableRandom random = new SplittableRandom(mix(draw.seed, STREAM_DISRUPTION, day));
            if (random.nextDouble() < DISRUPTION_PROBABILITY) {
                slot = FIRST_DISRUPTED_SLOT + random.nextInt(DISRUPTION_START_SLOTS);
            }
        }
        return day * DAY_NANOS + slot * HALF_HOUR_NANOS;
    }

    /**
     * Smooth noise with unit-variance knots every {@code knotNanos}, interpolated with a smoothstep;
     * knot k is released at (k - 1) x spacing (it shapes the interval before it) and knowable at k x spacing.
     */
    private double smoothNoise(final int stream, final long t, final long knotNanos) {
        final long k = StrictMath.floorDiv(t, knotNanos);
        final double f = (t - k * knotNanos) / (double)knotNanos;
        final double w = f * f * (3 - 2 * f);
        return knot(stream, k, (k - 1) * knotNanos, k * knotNanos) * (1 - w)
            + knot(stream, k + 1, k * knotNanos, (k + 1) * knotNanos) * w;
    }

    private double knot(final int stream, final long k, final long releaseNanos, final long knowableNanos) {
        return new SplittableRandom(mix(drawSeed(releaseNanos, knowableNanos), stream, k)).nextGaussian();
    }

    /** The seed an element with these release and knowable times is drawn from in this world. */
    private long drawSeed(final long releaseNanos, final long knowableNanos) {
        if (parent == null) {
            return seed;
        }
        return (cutOnKnowable ? knowableNanos : releaseNanos) <= cutoff ? parent.drawSeed(releaseNanos, knowableNanos) : futureSeed;
    }

    private static long mix(final long seed, final int stream, final long k) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xC2B2AE3D27D4EB4FL + k * 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double sq(final double x) {
        return x * x;
    }
}
