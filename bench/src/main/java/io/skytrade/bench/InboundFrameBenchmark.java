package io.skytrade.bench;

import io.skytrade.core.event.EventType;
import io.skytrade.exchange.gateway.WebSocketExchangeGateway;
import io.skytrade.exchange.protocol.ProtocolMessage;
import io.skytrade.exchange.protocol.SymbolTable;
import io.skytrade.exchange.protocol.VenueFrameDecoder;
import org.agrona.concurrent.UnsafeBuffer;
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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The inbound path of market data. {@code socketToRing}: a {@link LoopbackVenue} writes a
 * {@code book_update} frame to a real loopback socket and the benchmark waits until the
 * {@link WebSocketExchangeGateway}'s I/O thread has read it, checked its frame, decoded it from
 * bytes, applied it to its book and published the book into the (one-slot) ring. {@code decodeBookUpdate}
 * and {@code decodeFill}: the byte decoder alone on one frame. {@code -prof gc} counts every
 * thread, so B/op is the proof that nothing on the way allocates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class InboundFrameBenchmark {
    private static final byte[] BOOK_UPDATE = ("{\"type\":\"book_update\",\"product\":\"LON_ETF\",\"seq\":123456,"
        + "\"ts\":1772193600500000000,\"bids\":[[7012,4],[7010,0]],\"asks\":[[7020,9]]}").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FILL = ("{\"type\":\"fill\",\"execSeq\":812,\"clOrdId\":1764892800000000123,\"orderId\":99123,"
        + "\"product\":\"WX_SUM\",\"side\":\"SELL\",\"price\":2713,\"qty\":3,\"leaves\":2,\"fee\":0.25,\"ts\":1772193601000000000}")
        .getBytes(StandardCharsets.US_ASCII);

    private LoopbackVenue venue;
    private WebSocketExchangeGateway gateway;
    private CountingPublisher publisher;
    private long seq;
    private final VenueFrameDecoder decoder = new VenueFrameDecoder(new SymbolTable(OrderPathBenchmark.PRODUCTS));
    private final ProtocolMessage message = new ProtocolMessage();
    private final UnsafeBuffer bookUpdate = new UnsafeBuffer(BOOK_UPDATE);
    private final UnsafeBuffer fill = new UnsafeBuffer(FILL);

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        venue = new LoopbackVenue();
        publisher = new CountingPublisher();
        gateway = OrderPathBenchmark.gateway(venue.uri(), publisher);
        gateway.connect();
        venue.accept(OrderPathBenchmark.PRODUCTS);
        if (!gateway.awaitConnected(10_000)) {
            throw new IllegalStateException("the gateway did not log in to the loopback venue");
        }
        venue.sendBookUpdate("TIDE_SPOT", ++seq);
        awaitPublished(1);
        if (publisher.last().type != EventType.MARKET_BOOK) {
            throw new IllegalStateException("the first update did not publish a book");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        gateway.close();
        venue.close();
    }

    /** Venue socket write to the book published into the ring. */
    @Benchmark
    public long socketToRing() throws Exception {
        final long target = publisher.count() + 1;
        venue.sendBookUpdate("TIDE_SPOT", ++seq);
        awaitPublished(target);
        return target;
    }

    @Benchmark
    public int decodeBookUpdate() {
        decoder.decode(bookUpdate, 0, BOOK_UPDATE.length, message);
        return message.bidCount;
    }

    @Benchmark
    public long decodeFill() {
        decoder.decode(fill, 0, FILL.length, message);
        return message.leaves;
    }

    private void awaitPublished(final long target) {
        while (publisher.count() < target) {
            Thread.onSpinWait();
        }
    }
}
