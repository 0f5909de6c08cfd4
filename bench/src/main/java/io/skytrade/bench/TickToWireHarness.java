package io.skytrade.bench;

import com.lmax.disruptor.EventHandler;
import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.order.OutboundStage;
import io.skytrade.core.pipeline.DecisionListener;
import io.skytrade.core.pipeline.Pipeline;
import io.skytrade.core.pipeline.PipelineBuilder;
import io.skytrade.core.pipeline.PipelineLayout;
import io.skytrade.core.pipeline.WaitStrategyKind;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.engine.runtime.LateBoundOrderGateway;
import io.skytrade.exchange.gateway.GatewayConfig;
import io.skytrade.exchange.gateway.WebSocketExchangeGateway;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Tick-to-wire over loopback: a venue ({@link LoopbackVenue}) writes {@code book_update} frames of
 * one product at a fixed rate on a real TCP socket; the engine's WebSocket gateway decodes each into
 * the Disruptor ring; on one stage thread (the default layout) the input journal (none, disk or
 * shared memory), a responder that answers every book with one order, and the order stage, which
 * hands the order to the gateway's I/O thread with the input sequence it answers ({@code inSeq});
 * the gateway frames it onto the socket; the venue's reader thread reads it and records, in
 * HdrHistograms, the time from writing the book frame to reading the order (wire-to-wire) and from
 * the frame's slot on the fixed-rate schedule (coordinated-omission free: a stalled writer or
 * engine delays every later slot, and each is counted).
 *
 * <p>The responder stands in for the business stages (their cost per book update is
 * {@code BusinessStagesBenchmark}'s): this measures the transport, the ring, the journal and the
 * order path the strategy's decision travels. Usage: {@code TickToWireHarness [--rate 10000]
 * [--seconds 10] [--journals none,disk,shm] [--wait lite-blocking[,yielding,...]]} (default: the default layout's wait
 * strategy; several are run in turn for each journal mode, in one JVM). Each row also gives the process's CPU (cores)
 * over the recorded interval: venue, gateway I/O thread and stage thread.
 */
public final class TickToWireHarness {
    private static final int RING = 4096;
    private static final int SLOTS = 1 << 20;
    private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final String PRODUCT = "TIDE_SPOT";

    private TickToWireHarness() {
    }

    /** Answers each book update of the venue's product with one approved order, as a strategy and risk would. */
    private static final class Responder implements EventHandler<EngineEvent> {
        private final SideBuffers side;
        private final AtomicLongArray frameOfInput;
        private long nextOrderId = 1;

        Responder(final SideBuffers side, final AtomicLongArray frameOfInput) {
            this.side = side;
            this.frameOfInput = frameOfInput;
        }

        @Override
        public void onEvent(final EngineEvent e, final long sequence, final boolean endOfBatch) {
            if (e.type != EventType.MARKET_BOOK || e.instrumentId != 0 || e.bookSequence < 2) {
                return;
            }
            frameOfInput.lazySet((int) (e.sequence & (SLOTS - 1)), e.bookSequence);
            final Decisions d = side.decisionsToWrite(e);
            final int i = d.add(DecisionKind.ORDER_NEW, 0, Side.BUY, 2600, 1, nextOrderId++, 0);
            if (i >= 0) {
                d.status[i] = Decisions.STATUS_APPROVED;
            }
        }
    }

    /** One measured configuration: venue, gateway, pipeline. */
    private static final class Run implements AutoCloseable {
        final LoopbackVenue venue = new LoopbackVenue();
        final AtomicLongArray sentAt = new AtomicLongArray(SLOTS);
        final AtomicLongArray frameOfInput = new AtomicLongArray(SLOTS);
        final Histogram wire = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final Histogram intended = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final WebSocketExchangeGateway gateway;
        final Pipeline pipeline;
        final LatencyHarness.BenchJournal journal;
        volatile boolean recording;
        volatile long scheduleStart;
        volatile long periodNanos;
        volatile long unmatched;

        Run(final String journalMode, final WaitStrategyKind wait, final Path root) throws Exception {
            final SideBuffers side = new SideBuffers(RING);
            final LateBoundOrderGateway orders = new LateBoundOrderGateway();
            final PipelineBuilder b = new PipelineBuilder().clock(new SystemEpochNanoClock()).sideBuffers(side);
            final List<String> names = new ArrayList<>();
            DecisionListener listener = (e, s) -> { };
            if (journalMode.equals("none")) {
                journal = null;
            } else {
                journal = new LatencyHarness.BenchJournal(root.resolve("t2w-journal"), true, journalMode.equals("shm"));
                b.stage("journal", journal.stage);
                names.add("journal");
                listener = journal.decisions;
            }
            b.stage("responder", new Responder(side, frameOfInput));
            b.stage("orders", new OutboundStage(orders, listener, side));
            names.add("responder");
            names.add("orders");
            pipeline = b.layout(PipelineLayout.singleThread(RING, wait, names)).build().start();
            gateway = new WebSocketExchangeGateway(GatewayConfig.builder().uri(venue.uri()).apiKey("bench")
                .heartbeatIntervalMillis(3_600_000).staleAfterMillis(7_200_000).build(),
                InstrumentRegistry.of(OrderPathBenchmark.PRODUCTS, List.of()), pipeline.publisher(), new SystemEpochNanoClock());
            orders.bind(gateway);
            venue.onNewOrders(this::onOrder);
            gateway.connect();
            venue.accept(OrderPathBenchmark.PRODUCTS);
            if (!gateway.awaitConnected(10_000)) {
                throw new IllegalStateException("the gateway did not log in to the loopback venue");
            }
        }

        /** The venue's reader thread: an order arrived answering input {@code inSeq}. */
        private void onOrder(final long inSeq, final long arrival) {
            if (!recording) {
                return;
            }
            final long frame = inSeq < 0 ? 0 : frameOfInput.get((int) (inSeq & (SLOTS - 1)));
            final long sent = frame <= 0 ? 0 : sentAt.get((int) (frame & (SLOTS - 1)));
            if (sent == 0) {
                unmatched++;
                return;
            }
            wire.recordValue(Math.min(wire.getHighestTrackableValue(), Math.max(0, arrival - sent)));
            final long slot = scheduleStart + frame * periodNanos;
            intended.recordValue(Math.min(intended.getHighestTrackableValue(), Math.max(0, arrival - slot)));
        }

        /** Writes frames 2.. at {@code rate}/s for {@code nanos} (frame 1 was the login snapshot). */
        long drive(final int rate, final long nanos, final long firstFrame) throws Exception {
            final long period = 1_000_000_000L / rate;
            final long start = System.nanoTime() + 1_000_000;
            periodNanos = period;
            scheduleStart = start - firstFrame * period;
            long frame = firstFrame;
            for (long k = 0; ; k++, frame++) {
                final long due = start + k * period;
                if (due - start >= nanos) {
                    break;
                }
                long now = System.nanoTime();
                while (now < due) {
                    LockSupport.parkNanos(due - now);
                    now = System.nanoTime();
                }
                sentAt.lazySet((int) (frame & (SLOTS - 1)), System.nanoTime());
                venue.sendBookUpdate(PRODUCT, frame);
            }
            return frame;
        }

        @Override
        public void close() throws IOException {
            gateway.close();
            pipeline.drainAndStop(5, TimeUnit.SECONDS);
            venue.close();
            if (journal != null) {
                journal.close();
            }
        }
    }

    public static void main(final String[] args) throws Exception {
        int rate = 10_000;
        int seconds = 10;
        List<String> journals = List.of("none", "disk", "shm");
        List<WaitStrategyKind> waits = List.of(WaitStrategyKind.DEFAULT);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--journals" -> journals = List.of(args[++i].split(","));
                case "--wait" -> waits = Stream.of(args[++i].split(",")).map(WaitStrategyKind::fromConfig).toList();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                    + "; usage: [--rate 10000] [--seconds 10] [--journals none,disk,shm] [--wait lite-blocking[,yielding...]]");
            }
        }
        final Path root = Path.of("bench", "target");
        Files.createDirectories(root);
        System.out.printf("skytrade tick-to-wire over loopback: %,d book frames/s, %d s after %d s warm-up, java %s, %d cpus%n",
            rate, seconds, WARMUP_NANOS / 1_000_000_000L, System.getProperty("java.version"),
            Runtime.getRuntime().availableProcessors());
        System.out.printf("%-40s %9s %9s %9s %9s %9s %9s   %9s %9s %9s %8s%n", "latency in us", "p50", "p90", "p99", "p99.9", "max",
            "orders", "intd p50", "intd p99", "intd p99.9", "cpu");
        final CpuMeter cpu = new CpuMeter();
        for (final String mode : journals) {
            for (final WaitStrategyKind wait : waits) {
                try (Run run = new Run(mode, wait, root)) {
                    final long next = run.drive(rate, WARMUP_NANOS, 2);
                    run.recording = true;
                    cpu.start();
                    run.drive(rate, TimeUnit.SECONDS.toNanos(seconds), next);
                    Thread.sleep(200);
                    cpu.stop();
                    run.recording = false;
                    System.out.println(row("journal " + mode + ", " + wait.configName(), run.wire, run.intended, cpu.process())
                        + (run.unmatched > 0 ? "  (" + run.unmatched + " orders unmatched)" : ""));
                }
            }
        }
    }

    private static String row(final String name, final Histogram wire, final Histogram intended, final double cpu) {
        return String.format(Locale.ROOT, "%-40s %9.1f %9.1f %9.1f %9.1f %9.1f %9d   %9.1f %9.1f %9.1f %8.3f", name,
            us(wire, 50), us(wire, 90), us(wire, 99), us(wire, 99.9), wire.getMaxValue() / 1000.0, wire.getTotalCount(),
            us(intended, 50), us(intended, 99), us(intended, 99.9), cpu);
    }

    private static double us(final Histogram h, final double p) {
        return h.getValueAtPercentile(p) / 1000.0;
    }
}
