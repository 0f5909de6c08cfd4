package io.skytrade.engine.evaluate;

import io.skytrade.engine.config.ConfigLoader;
import io.skytrade.engine.config.EngineConfig;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs an {@link EvaluationPlan} on one configuration: each seed's days from each start hour as a
 * {@link SeedRun}, {@code workers} runs at once, the results collected in plan order (start hour,
 * then seed; so the figures do not depend on which run finished first or on the number of
 * workers), and the {@link EvaluationSummary} over all the days. Offline.
 */
public final class Evaluation {
    /**
     * The outcome.
     *
     * @param plan      what ran
     * @param skill     the market skill the days ran at ({@code venue.market.skill})
     * @param seeds     each run (a seed from a start hour), in the plan's order
     * @param summary   the figures across every day
     * @param wallNanos wall time of the whole evaluation
     */
    public record Result(EvaluationPlan plan, String skill, List<SeedRun.Result> seeds, EvaluationSummary summary, long wallNanos) {
        /** Days evaluated. */
        public int dayCount() {
            return summary.days().size();
        }

        public long stageFailures() {
            long n = 0;
            for (final SeedRun.Result s : seeds) {
                n += s.stageFailures();
            }
            return n;
        }

        /** Wall time spent in the seeds' runs per simulated day (summed over workers, so independent of their number). */
        public double wallSecondsPerDay() {
            long sum = 0;
            for (final SeedRun.Result s : seeds) {
                sum += s.wallNanos();
            }
            return dayCount() == 0 ? 0 : sum / 1e9 / dayCount();
        }

        /** CPU time of the seeds' runs per simulated day. */
        public double cpuSecondsPerDay() {
            long sum = 0;
            for (final SeedRun.Result s : seeds) {
                sum += s.cpuNanos();
            }
            return dayCount() == 0 ? 0 : sum / 1e9 / dayCount();
        }
    }

    private Evaluation() {
    }

    /**
     * Runs the plan.
     *
     * @param plan      seeds, days, start, skill, workers
     * @param loader    reads the configuration (environment substitution)
     * @param baseTexts the base configuration texts, merged in order
     * @param runsRoot  where seeds' run directories go (one folder per seed); unused without journaling
     * @param progress  a line per finished seed; null for none
     */
    public static Result run(final EvaluationPlan plan, final ConfigLoader loader, final List<String> baseTexts,
                             final Path runsRoot, final PrintStream progress) {
        final List<Run> runs = new ArrayList<>();
        for (final int hour : plan.startHours()) {
            final long[] dayStarts = plan.dayStarts(hour);
            for (final long seed : plan.seeds()) {
                final String name = plan.startHours().size() == 1 ? "seed-" + seed : String.format(Locale.ROOT, "h%02d-seed-%d", hour, seed);
                runs.add(new Run(seed, hour, dayStarts, name,
                    EvaluationConfigs.forSeed(loader, baseTexts, seed, dayStarts[0], plan.skill())));
            }
        }
        final long start = System.nanoTime();
        final AtomicInteger threads = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final ExecutorService pool = Executors.newFixedThreadPool(plan.workers(), r -> {
            final Thread t = new Thread(r, "evaluate-worker-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            final List<Future<SeedRun.Result>> futures = new ArrayList<>();
            for (final Run run : runs) {
                futures.add(pool.submit(() -> {
                    final SeedRun.Result r = new SeedRun(run.config(), run.seed(), run.dayStarts(),
                        plan.journal() ? runsRoot.resolve(run.name()) : null, runProperties(plan, run.seed(), run.hour())).run();
                    if (progress != null) {
                        progress.println(String.format(Locale.ROOT, "evaluate: %s done (%d/%d, %d days in %.1f s, %.1f s CPU)",
                            run.name(), done.incrementAndGet(), runs.size(), r.days().size(), r.wallNanos() / 1e9,
                            r.cpuNanos() / 1e9));
                    }
                    return r;
                }));
            }
            final List<SeedRun.Result> results = new ArrayList<>();
            final List<DayResult> days = new ArrayList<>();
            for (final Future<SeedRun.Result> f : futures) {
                final SeedRun.Result r = f.get();
                results.add(r);
                days.addAll(r.days());
            }
            final EngineConfig config = runs.get(0).config().config();
            final EvaluationSummary summary = new EvaluationSummary(days, config.instruments(), config.model().capital(),
                config.backtest().sampleIntervalNanos());
            return new Result(plan, config.venue().market().skill().name().toLowerCase(Locale.ROOT), results, summary,
                System.nanoTime() - start);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a seed's run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, String> runProperties(final EvaluationPlan plan, final long seed, final int hour) {
        return Map.of("evaluate.seed", Long.toString(seed), "evaluate.skill", plan.skill() == null ? "" : plan.skill(),
            "evaluate.days", Integer.toString(plan.daysPerSeed()), "evaluate.startHourLondon", Integer.toString(hour));
    }

    /** One seed's run from one start hour: its days and configuration, and its folder's name under the runs root. */
    private record Run(long seed, int hour, long[] dayStarts, String name, ConfigLoader.LoadedConfig config) {
    }
}
