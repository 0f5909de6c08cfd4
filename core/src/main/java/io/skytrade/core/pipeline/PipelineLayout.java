package io.skytrade.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the stages are laid out on threads: the ring size, the wait strategy, an ordered list of
 * thread groups (each a list of stage names run in order on one thread, the groups chained one
 * after the other), an optional CPU per group, and whether the first group (the journal) runs in
 * parallel with the business groups, with only the last group (the outbound one) gated on it.
 *
 * <p>Immutable; validated at construction against nothing but itself (the builder checks the
 * names against the stages it was given).
 *
 * @param ringSize        ring slots, a power of two
 * @param waitStrategy    how stage threads wait
 * @param threads         stage names per thread, in pipeline order
 * @param cpus            CPU per thread group ({@link CpuPinning#NONE} to leave unpinned); empty = none pinned
 * @param journalParallel when true, group 0 runs beside groups 1..n-2 and group n-1 waits for both
 */
public record PipelineLayout(int ringSize, WaitStrategyKind waitStrategy, List<List<String>> threads,
                             List<Integer> cpus, boolean journalParallel) {
    public PipelineLayout {
        Objects.requireNonNull(waitStrategy, "waitStrategy");
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("pipeline.ringSize: " + ringSize + " must be a power of two >= 2");
        }
        if (threads == null || threads.isEmpty()) {
            throw new IllegalArgumentException("pipeline.threads: must list at least one thread group");
        }
        final List<List<String>> copy = new ArrayList<>();
        for (int i = 0; i < threads.size(); i++) {
            final List<String> group = threads.get(i);
            if (group == null || group.isEmpty()) {
                throw new IllegalArgumentException("pipeline.threads[" + i + "]: a thread group must name at least one stage");
            }
            copy.add(List.copyOf(group));
        }
        threads = List.copyOf(copy);
        cpus = cpus == null ? List.of() : List.copyOf(cpus);
        if (!cpus.isEmpty() && cpus.size() != threads.size()) {
            throw new IllegalArgumentException("pipeline.cpus: " + cpus + " must give one CPU (or -1) per thread group ("
                + threads.size() + " groups)");
        }
        if (journalParallel && (threads.size() < 3 || threads.get(0).size() != 1)) {
            throw new IllegalArgumentException("pipeline.journalMode: parallel needs the journal alone in the first thread group"
                + " and at least two more groups (business, then outbound); got " + threads);
        }
    }

    /** Every stage on one thread, in the given order: the layout that measured best on 2 cores. */
    public static PipelineLayout singleThread(final int ringSize, final WaitStrategyKind wait, final List<String> stageNames) {
        return new PipelineLayout(ringSize, wait, List.of(stageNames), List.of(), false);
    }

    /** One thread per stage, in the given order. */
    public static PipelineLayout threadPerStage(final int ringSize, final WaitStrategyKind wait, final List<String> stageNames) {
        final List<List<String>> groups = new ArrayList<>();
        for (final String name : stageNames) {
            groups.add(List.of(name));
        }
        return new PipelineLayout(ringSize, wait, groups, List.of(), false);
    }

    /** CPU for thread group {@code i}, or {@link CpuPinning#NONE}. */
    public int cpuFor(final int i) {
        return cpus.isEmpty() ? CpuPinning.NONE : cpus.get(i);
    }
}
