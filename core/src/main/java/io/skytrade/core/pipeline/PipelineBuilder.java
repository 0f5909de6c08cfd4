package io.skytrade.core.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import org.agrona.concurrent.EpochNanoClock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Wires an ordered list of named {@link Stage}s onto a Disruptor ring of preallocated
 * {@link EngineEvent}s according to a {@link PipelineLayout}: stages grouped on threads, groups
 * chained in order (or the journal group in parallel with the business groups, the last group
 * gated on both), the configured wait strategy, optional CPU pinning, and the
 * {@link StageFailureRecorder} as exception handler.
 *
 * <p>Used once at start-up; the pipeline it builds is what runs on the hot path.
 */
public final class PipelineBuilder {
    private final Map<String, Stage> stages = new LinkedHashMap<>();
    private PipelineLayout layout;
    private EpochNanoClock clock;
    private ProducerType producerType = ProducerType.MULTI;
    private Consumer<String> warnings = System.err::println;
    private ThreadPinner pinner = ThreadPinner.UNAVAILABLE;
    private EngineHealth health = new EngineHealth();
    private int stateHashInterval;
    private SideBuffers side;
    private Supplier<WaitStrategy> waitStrategy;
    private final Map<String, StageObserver> observers = new HashMap<>();

    /** Adds a stage; its position in the pipeline is set by the layout, its index by this order. */
    public PipelineBuilder stage(final String name, final EventHandler<EngineEvent> handler) {
        if (stages.putIfAbsent(name, new Stage(name, handler)) != null) {
            throw new IllegalArgumentException("duplicate stage name '" + name + "'");
        }
        return this;
    }

    /**
     * Installs a read-only {@link StageObserver} called right after stage {@code name} on that
     * stage's thread (metrics); at most one per stage, the stage added before building.
     */
    public PipelineBuilder observe(final String name, final StageObserver observer) {
        if (observers.putIfAbsent(name, Objects.requireNonNull(observer, "observer")) != null) {
            throw new IllegalArgumentException("stage '" + name + "' already has an observer");
        }
        return this;
    }

    public PipelineBuilder layout(final PipelineLayout layout) {
        this.layout = layout;
        return this;
    }

    /**
     * A wait strategy for the ring in place of the layout's kind (a benchmark measuring a candidate with
     * parameters no configuration name has); null, the default, for the layout's.
     */
    public PipelineBuilder waitStrategy(final Supplier<WaitStrategy> waitStrategy) {
        this.waitStrategy = waitStrategy;
        return this;
    }

    /** The ingress clock that stamps {@code receiveTimeNanos}. */
    public PipelineBuilder clock(final EpochNanoClock clock) {
        this.clock = clock;
        return this;
    }

    /** SINGLE when exactly one thread publishes (replay, benchmarks); MULTI otherwise (default). */
    public PipelineBuilder producerType(final ProducerType producerType) {
        this.producerType = producerType;
        return this;
    }

    /** How stage threads take the CPUs of the layout (the platform's, from the composition root); none by default. */
    public PipelineBuilder pinner(final ThreadPinner pinner) {
        this.pinner = pinner;
        return this;
    }

    /** Where one-line warnings (pinning unavailable) go; stderr by default. */
    public PipelineBuilder warnings(final Consumer<String> warnings) {
        this.warnings = warnings;
        return this;
    }

    public PipelineBuilder health(final EngineHealth health) {
        this.health = health;
        return this;
    }

    /**
     * Inputs between state-hash checkpoints (a power of two; 0, the default, for none): at every
     * input whose sequence is a multiple of it, each {@link StateHash} stage's hash travels with the
     * event to the decisions journal.
     */
    public PipelineBuilder stateHashInterval(final int interval) {
        this.stateHashInterval = StateHashCheckpoints.requireInterval(interval);
        return this;
    }

    /**
     * The ring's side buffers the stages were given (they must be the same object, with at least as
     * many slots as the ring when the stages run on several threads; on one thread each event passes
     * every stage before the next, so one slot serves and stays in cache). Required with state-hash checkpoints, which the stages' decision
     * listener reads from them; otherwise the builder makes its own, which nothing reads.
     */
    public PipelineBuilder sideBuffers(final SideBuffers side) {
        this.side = Objects.requireNonNull(side, "side");
        return this;
    }

    /** Names of the stages added so far, in order. */
    public List<String> stageNames() {
        return new ArrayList<>(stages.keySet());
    }

    /**
     * Names of the stages that implement {@link StateHash}, in pipeline order: entry k of a
     * checkpoint's {@link io.skytrade.core.event.SideBuffers#stateHash} is the hash of the k-th of them.
     */
    public List<String> hashedStageNames() {
        final List<String> names = new ArrayList<>();
        for (final Stage stage : stages.values()) {
            if (stage.handler() instanceof StateHash) {
                names.add(stage.name());
            }
        }
        return names;
    }

    /** Entry in {@link io.skytrade.core.event.SideBuffers#stateHash} of each stage, in the order added; -1 for stages without state hash. */
    private Map<String, Integer> hashSlots() {
        final Map<String, Integer> slots = new HashMap<>();
        int k = 0;
        for (final Stage stage : stages.values()) {
            slots.put(stage.name(), stage.handler() instanceof StateHash ? k++ : -1);
        }
        return slots;
    }

    private StateHashCheckpoints checkpoints() {
        return new StateHashCheckpoints(stateHashInterval, hashedStageNames().size());
    }

    /**
     * Builds the (not yet started) pipeline.
     *
     * @throws IllegalArgumentException when the layout names an unknown stage, repeats one or
     *                                  leaves one out
     */
    public Pipeline build() {
        if (layout == null) {
            throw new IllegalStateException("no layout given");
        }
        if (clock == null) {
            throw new IllegalStateException("no clock given");
        }
        final List<String> order = stageNames();
        final Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            indexOf.put(order.get(i), i);
        }
        final Map<String, Integer> slotOf = hashSlots();
        final SideBuffers buffers = sideBuffersFor(layout.ringSize());
        if (buffers.slots() < layout.ringSize() && layout.threads().size() > 1) {
            throw new IllegalArgumentException("side buffers of " + buffers.slots() + " slots for a ring of " + layout.ringSize()
                + " and " + layout.threads().size() + " thread groups: a stage may run a whole ring ahead of a later one, so they"
                + " need at least as many (fewer only when every stage runs on one thread)");
        }
        final Set<String> placed = new HashSet<>();
        final List<StageGroupHandler> groups = new ArrayList<>();
        final StageFailureRecorder failures = new StageFailureRecorder(health);
        final CountDownLatch started = new CountDownLatch(layout.threads().size());
        for (int g = 0; g < layout.threads().size(); g++) {
            final List<String> names = layout.threads().get(g);
            final Stage[] groupStages = new Stage[names.size()];
            final int[] indexes = new int[names.size()];
            final int[] slots = new int[names.size()];
            for (int s = 0; s < names.size(); s++) {
                final String name = names.get(s);
                final Stage stage = stages.get(name);
                if (stage == null) {
                    throw new IllegalArgumentException("pipeline.threads[" + g + "]: unknown stage '" + name + "'; stages are " + order);
                }
                if (!placed.add(name)) {
                    throw new IllegalArgumentException("pipeline.threads[" + g + "]: stage '" + name + "' is placed twice");
                }
                groupStages[s] = stage;
                indexes[s] = indexOf.get(name);
                slots[s] = slotOf.get(name);
            }
            final String threadName = "skytrade-" + String.join("+", names);
            final boolean besideBusiness = layout.journalParallel() && g == 0;
            groups.add(new StageGroupHandler(threadName, groupStages, indexes, slots, buffers, failures,
                new CpuPinning(layout.cpuFor(g), warnings, pinner), started, besideBusiness, observersOf(groupStages)));
        }
        checkObservedStagesExist(order);
        if (placed.size() != order.size()) {
            final List<String> missing = new ArrayList<>(order);
            missing.removeAll(placed);
            throw new IllegalArgumentException("pipeline.threads: stages " + missing + " are not placed on any thread");
        }

        final Disruptor<EngineEvent> disruptor = new Disruptor<>(EngineEvent::new, layout.ringSize(),
            new GroupThreadFactory(groups), producerType, waitStrategy == null ? layout.waitStrategy().create() : waitStrategy.get());
        disruptor.setDefaultExceptionHandler(failures);
        wire(disruptor, groups, failures);
        final RingBuffer<EngineEvent> ring = disruptor.getRingBuffer();
        for (final Stage stage : stages.values()) {
            if (stage.handler() instanceof BatchReader reader) {
                reader.bindSlots(ring::get);
            }
        }
        return new Pipeline(disruptor, new RingInboundPublisher(disruptor.getRingBuffer(), clock, checkpoints()), failures,
            health, layout, order, started);
    }

    /**
     * Builds an {@link InlinePipeline}: every stage, in the order added, on the caller's thread
     * (the layout is not used; backtests).
     *
     * @param capacity queued events the pipeline holds between drains (a power of two)
     */
    public InlinePipeline buildInline(final int capacity) {
        if (clock == null) {
            throw new IllegalStateException("no clock given");
        }
        final List<String> order = stageNames();
        checkObservedStagesExist(order);
        final Stage[] all = stages.values().toArray(new Stage[0]);
        final int[] indexes = new int[all.length];
        final int[] slots = new int[all.length];
        final Map<String, Integer> slotOf = hashSlots();
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = i;
            slots[i] = slotOf.get(all[i].name());
        }
        return new InlinePipeline(capacity, clock, all, indexes, slots, sideBuffersFor(capacity), checkpoints(), observersOf(all),
            new StageFailureRecorder(health), health, order);
    }

    private SideBuffers sideBuffersFor(final int slots) {
        if (side != null) {
            return side;
        }
        if (stateHashInterval > 0) {
            throw new IllegalStateException("state-hash checkpoints need the stages' side buffers (sideBuffers(...)): "
                + "the decisions journal reads the hashes there");
        }
        return new SideBuffers(slots);
    }

    private StageObserver[] observersOf(final Stage[] group) {
        final StageObserver[] result = new StageObserver[group.length];
        for (int i = 0; i < group.length; i++) {
            result[i] = observers.get(group[i].name());
        }
        return result;
    }

    private void checkObservedStagesExist(final List<String> order) {
        for (final String name : observers.keySet()) {
            if (!stages.containsKey(name)) {
                throw new IllegalArgumentException("observer for unknown stage '" + name + "'; stages are " + order);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void wire(final Disruptor<EngineEvent> disruptor, final List<StageGroupHandler> groups,
                      final StageFailureRecorder failures) {
        if (layout.journalParallel()) {
            final EventHandlerGroup<EngineEvent> journal = disruptor.handleEventsWith(groups.get(0));
            disruptor.handleExceptionsFor(groups.get(0)).with(failures.withoutTouchingEvents());
            EventHandlerGroup<EngineEvent> business = disruptor.handleEventsWith(groups.get(1));
            for (int g = 2; g < groups.size() - 1; g++) {
                business = business.then(groups.get(g));
            }
            journal.and(business).then(groups.get(groups.size() - 1));
            return;
        }
        EventHandlerGroup<EngineEvent> chain = disruptor.handleEventsWith(groups.get(0));
        for (int g = 1; g < groups.size(); g++) {
            chain = chain.then(groups.get(g));
        }
    }

    /** Names each stage thread after its group, in creation order (the Disruptor's start order). */
    private static final class GroupThreadFactory implements ThreadFactory {
        private final List<StageGroupHandler> groups;
        private final AtomicInteger next = new AtomicInteger();

        GroupThreadFactory(final List<StageGroupHandler> groups) {
            this.groups = groups;
        }

        @Override
        public Thread newThread(final Runnable r) {
            final int i = next.getAndIncrement();
            final String name = i < groups.size() ? groups.get(i).threadName() : "skytrade-stage-" + i;
            final Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }
    }
}
