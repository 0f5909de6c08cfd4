package io.skytrade.bench;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.core.order.OutboundStage;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.exchange.gateway.GatewayConfig;
import io.skytrade.exchange.gateway.WebSocketExchangeGateway;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The order path from a decision to the socket, through the real pieces: the outbound stage hands
 * an approved {@code ORDER_NEW} to the {@link WebSocketExchangeGateway}, which encodes it into its
 * hand-off ring on this thread; its I/O thread masks it into a frame and writes it to a real
 * loopback socket, where a {@link LoopbackVenue} reads it and answers {@code cancelled} (the gateway
 * decodes that and publishes it). {@code toSocket} waits until the gateway's I/O thread has handed
 * the order's bytes to the socket (the decision-to-wire time, including the wake-up of the I/O
 * thread when it sleeps); {@code handOff} is the order stage's own cost. {@code -prof gc} counts
 * every thread of the JVM (order stage, I/O thread, venue), so its B/op is the proof that the path
 * allocates nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class OrderPathBenchmark {
    static final List<String> PRODUCTS = List.of("TIDE_SPOT", "TIDE_SWING", "WX_SPOT", "WX_SUM", "LHR_COUNT", "LHR_INDEX",
        "AQ_SPOT", "LON_ETF", "LON_FLY");

    private LoopbackVenue venue;
    private WebSocketExchangeGateway gateway;
    private OutboundStage stage;
    private final EngineEvent event = new EngineEvent();
    private long nextId = 1_000_000;
    private long written;
    /** One slot: every send reuses the same decision, whatever the event's sequence. */
    private final SideBuffers side = new SideBuffers(1);
    private Decisions decisions;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        venue = new LoopbackVenue();
        gateway = gateway(venue.uri(), new CountingPublisher());
        gateway.connect();
        venue.accept(PRODUCTS);
        if (!gateway.awaitConnected(10_000)) {
            throw new IllegalStateException("the gateway did not log in to the loopback venue");
        }
        stage = new OutboundStage(gateway, (e, s) -> { }, side);
        event.clear();
        decisions = side.decisionsToWrite(event);
        decisions.add(DecisionKind.ORDER_NEW, 7, Side.BUY, 7012, 3, 0, 0);
        decisions.timeInForce[0] = TimeInForce.GTC;
        decisions.status[0] = Decisions.STATUS_APPROVED;
    }

    static WebSocketExchangeGateway gateway(final String uri, final CountingPublisher publisher) {
        return new WebSocketExchangeGateway(GatewayConfig.builder().uri(uri).apiKey("bench").heartbeatIntervalMillis(3_600_000)
            .staleAfterMillis(7_200_000).build(), InstrumentRegistry.of(PRODUCTS, List.of()), publisher, new SystemEpochNanoClock());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        gateway.close();
        venue.close();
    }

    /** Decision to bytes handed to the socket. */
    @Benchmark
    public long toSocket() {
        send();
        final long target = ++written;
        while (gateway.ordersWritten() < target) {
            Thread.onSpinWait();
        }
        return target;
    }

    /** The order stage's part: the outbound stage and the gateway's encode into the hand-off ring. */
    @Benchmark
    public long handOff() {
        send();
        return nextId;
    }

    private void send() {
        event.sequence = nextId;
        decisions.clientOrderId[0] = nextId++;
        stage.handle(event);
    }
}
