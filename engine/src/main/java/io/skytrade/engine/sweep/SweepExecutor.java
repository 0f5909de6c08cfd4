package io.skytrade.engine.sweep;

import java.io.PrintStream;
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
 * Runs one backtest per (window, parameter set) on a fixed pool of worker threads and collects
 * the figures by position, so the outcome does not depend on which backtest finished first or on
 * the number of workers. A failed backtest does not stop the others: its exception is kept with
 * its window and set, and the completed figures are returned beside it.
 *
 * <p>Offline. Each job must be independent of the others (a {@code BacktestRunner} is).
 */
public final class SweepExecutor {
    /** One backtest: the figures of {@code set} on {@code window}. */
    @FunctionalInterface
    public interface Job {
        Map<String, Object> run(int window, int set);
    }

    /** A backtest that threw. */
    public record Failure(int window, int set, Throwable cause) {
    }

    /**
     * Figures by window then set ({@code null} where the backtest failed), the failures in
     * (window, set) order and the wall time of the whole sweep.
     */
    public record Outcomes(Map<String, Object>[][] figures, List<Failure> failures, long elapsedNanos) {
        public Map<String, Object> of(final int window, final int set) {
            return figures[window][set];
        }
    }

    private final int workers;
    private final PrintStream progress;

    /** @param progress where a line per finished backtest goes; null for none */
    public SweepExecutor(final int workers, final PrintStream progress) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers " + workers + " must be at least 1");
        }
        this.workers = workers;
        this.progress = progress;
    }

    @SuppressWarnings("unchecked")
    public Outcomes run(final int windows, final int sets, final Job job) {
        final long start = System.nanoTime();
        final int total = windows * sets;
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger threadNumber = new AtomicInteger();
        final ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            final Thread t = new Thread(r, "sweep-worker-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        final List<Future<Map<String, Object>>> futures = new ArrayList<>(total);
        try {
            for (int w = 0; w < windows; w++) {
                for (int s = 0; s < sets; s++) {
                    final int window = w;
                    final int set = s;
                    futures.add(pool.submit(() -> {
                        final long t0 = System.nanoTime();
                        final Map<String, Object> figures = job.run(window, set);
                        report(done.incrementAndGet(), total, window, set, t0);
                        return figures;
                    }));
                }
            }
            // a generic array: Java cannot create a Map<String, Object>[][] but through this cast
            @SuppressWarnings("unchecked")
            final Map<String, Object>[][] figures = (Map<String, Object>[][]) new Map<?, ?>[windows][sets];
            final List<Failure> failures = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                try {
                    figures[i / sets][i % sets] = futures.get(i).get();
                } catch (final ExecutionException e) {
                    failures.add(new Failure(i / sets, i % sets, e.getCause()));
                }
            }
            return new Outcomes(figures, failures, System.nanoTime() - start);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void report(final int done, final int total, final int window, final int set, final long startNanos) {
        if (progress != null) {
            progress.println(String.format(Locale.ROOT, "sweep: %d/%d backtests done (window %d, set #%d, %.1f s)",
                done, total, window, set, (System.nanoTime() - startNanos) / 1e9));
        }
    }
}
