package io.skytrade.core.pipeline;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import io.skytrade.core.event.EngineEvent;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A built pipeline: the ring, its stage threads, the inbound publisher and the failure recorder.
 * Lifecycle: {@link #start()}, publish through {@link #publisher()}, then {@link #drainAndStop}
 * (every published event reaches the last stage, then the threads stop and the stages'
 * {@code onShutdown} close their resources).
 *
 * <p>Thread-safety: start and stop from one controlling thread; publish from any producer.
 */
public final class Pipeline {
    private final Disruptor<EngineEvent> disruptor;
    private final RingInboundPublisher publisher;
    private final StageFailureRecorder failures;
    private final EngineHealth health;
    private final PipelineLayout layout;
    private final List<String> stageNames;
    private final CountDownLatch threadsStarted;
    private volatile boolean started;
    private volatile boolean stopped;

    Pipeline(final Disruptor<EngineEvent> disruptor, final RingInboundPublisher publisher,
             final StageFailureRecorder failures, final EngineHealth health, final PipelineLayout layout,
             final List<String> stageNames, final CountDownLatch threadsStarted) {
        this.disruptor = disruptor;
        this.publisher = publisher;
        this.failures = failures;
        this.health = health;
        this.layout = layout;
        this.stageNames = List.copyOf(stageNames);
        this.threadsStarted = threadsStarted;
    }

    /**
     * Starts the stage threads and waits until every one of them is running (so that a drain right
     * after start cannot miss a thread that had not started yet).
     *
     * @throws IllegalStateException when the threads do not start within 30 seconds
     */
    public Pipeline start() {
        disruptor.start();
        started = true;
        try {
            if (!threadsStarted.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("pipeline stage threads did not start within 30 s");
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the pipeline", e);
        }
        return this;
    }

    public RingInboundPublisher publisher() {
        return publisher;
    }

    public RingBuffer<EngineEvent> ring() {
        return disruptor.getRingBuffer();
    }

    /** Highest sequence published so far (-1 before the first). */
    public long publishedSequence() {
        return disruptor.getCursor();
    }

    /** Highest sequence every stage has finished with (-1 before the first). */
    public long completedSequence() {
        return disruptor.getRingBuffer().getMinimumGatingSequence();
    }

    /**
     * Waits until every published event has passed the last stage, then stops the threads.
     *
     * @return true when drained in time; false when the timeout expired and the threads were halted
     */
    public boolean drainAndStop(final long timeout, final TimeUnit unit) {
        if (stopped) {
            return true;
        }
        stopped = true;
        if (!started) {
            return true;
        }
        try {
            disruptor.shutdown(timeout, unit);
            return true;
        } catch (final TimeoutException e) {
            disruptor.halt();
            return false;
        }
    }

    public StageFailureRecorder failures() {
        return failures;
    }

    public EngineHealth health() {
        return health;
    }

    public PipelineLayout layout() {
        return layout;
    }

    /** Stage names in pipeline index order. */
    public List<String> stageNames() {
        return stageNames;
    }
}
