package io.skytrade.bench;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal venue for benchmarks of the gateway over a real loopback socket, that allocates
 * nothing per frame (so JMH's gc profiler sees only the gateway): it accepts one WebSocket client,
 * answers the handshake and the login (login_ack, products, an empty open_orders, a snapshot with
 * sequence 1 of every product), then on its
 * reader thread unmasks every client frame and answers each {@code new_order} with a
 * {@code cancelled} (so the gateway's open-order tracking stays small), and on request writes
 * {@code book_update} frames.
 *
 * <p>Thread-safety: {@link #sendBookUpdate} from one benchmark thread; the reader thread writes
 * its answers under the same write lock (benchmark infrastructure, not the system under test).
 */
final class LoopbackVenue implements AutoCloseable {
    private static final Pattern KEY = Pattern.compile("Sec-WebSocket-Key: *(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final byte[] NEW_ORDER = "{\"type\":\"new_order\",\"clOrdId\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] IN_SEQ = ",\"inSeq\":".getBytes(StandardCharsets.US_ASCII);

    /** Told of each {@code new_order} as the venue's reader thread reads it (tick-to-wire). */
    @FunctionalInterface
    interface OrderArrivals {
        /**
         * @param inSeq        the order's {@code inSeq}, or -1 when it has none
         * @param arrivalNanos {@link System#nanoTime()} when the frame was read
         */
        void onNewOrder(long inSeq, long arrivalNanos);
    }

    private final ServerSocketChannel server;
    private SocketChannel connection;
    private Thread reader;
    private volatile boolean running = true;
    private final AtomicLong ordersSeen = new AtomicLong();
    private final Object writeLock = new Object();
    private final ByteBuffer answer = ByteBuffer.allocateDirect(512);
    private final UnsafeBuffer answerView = new UnsafeBuffer(answer);
    private final ByteBuffer book = ByteBuffer.allocateDirect(512);
    private final UnsafeBuffer bookView = new UnsafeBuffer(book);
    private long execSeq;
    private volatile OrderArrivals arrivals;

    LoopbackVenue() throws IOException {
        server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0));
    }

    String uri() throws IOException {
        return "ws://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort() + "/";
    }

    /** Accepts the gateway, completes handshake and login, and starts answering orders. */
    void accept(final List<String> products) throws IOException {
        connection = server.accept();
        connection.configureBlocking(true);
        connection.socket().setTcpNoDelay(true);
        final ByteBuffer head = ByteBuffer.allocate(8192);
        String request = "";
        while (!request.contains("\r\n\r\n")) {
            if (connection.read(head) < 0) {
                throw new IOException("the client closed during the handshake");
            }
            request = new String(head.array(), 0, head.position(), StandardCharsets.US_ASCII);
        }
        final Matcher key = KEY.matcher(request);
        if (!key.find()) {
            throw new IOException("no Sec-WebSocket-Key in " + request);
        }
        final String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: " + accept(key.group(1)) + "\r\n\r\n";
        writeFully(ByteBuffer.wrap(response.getBytes(StandardCharsets.US_ASCII)));
        final StringBuilder list = new StringBuilder();
        for (final String p : products) {
            list.append(list.length() == 0 ? "" : ",").append("{\"symbol\":\"").append(p).append("\",\"tick\":1,\"limit\":100}");
        }
        final List<String> frames = new java.util.ArrayList<>(List.of(
            "{\"type\":\"login_ack\",\"participant\":\"bench\",\"lastExecSeq\":0,\"sessionEnd\":0,\"ts\":1}",
            "{\"type\":\"products\",\"products\":[" + list + "]}", "{\"type\":\"open_orders\",\"orders\":[],\"ts\":1}"));
        for (final String p : products) {
            frames.add("{\"type\":\"book_snapshot\",\"product\":\"" + p + "\",\"seq\":1,\"ts\":1,\"bids\":[[2600,5]],\"asks\":[[2605,5]]}");
        }
        for (final String text : frames) {
            final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            synchronized (writeLock) {
                answer.clear();
                final int n = frame(answerView, new UnsafeBuffer(bytes), 0, bytes.length);
                answer.limit(n);
                writeFully(answer);
            }
        }
        reader = new Thread(this::readLoop, "bench-venue-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Reports every {@code new_order} read from now on to {@code listener} (on the reader thread). */
    void onNewOrders(final OrderArrivals listener) {
        this.arrivals = listener;
    }

    /** New orders the venue has read so far. */
    long ordersSeen() {
        return ordersSeen.get();
    }

    /** Writes {@code book_update} number {@code seq} of {@code product}: one bid level whose size cycles. */
    void sendBookUpdate(final String product, final long seq) throws IOException {
        int i = 0;
        i += bookView.putStringWithoutLengthAscii(16 + i, "{\"type\":\"book_update\",\"product\":\"");
        i += bookView.putStringWithoutLengthAscii(16 + i, product);
        i += bookView.putStringWithoutLengthAscii(16 + i, "\",\"seq\":");
        i += bookView.putLongAscii(16 + i, seq);
        i += bookView.putStringWithoutLengthAscii(16 + i, ",\"ts\":");
        i += bookView.putLongAscii(16 + i, 1_772_193_600_000_000_000L + seq);
        i += bookView.putStringWithoutLengthAscii(16 + i, ",\"bids\":[[2600,");
        i += bookView.putLongAscii(16 + i, 1 + seq % 9);
        i += bookView.putStringWithoutLengthAscii(16 + i, "]],\"asks\":[[2605,");
        i += bookView.putLongAscii(16 + i, 1 + seq % 7);
        i += bookView.putStringWithoutLengthAscii(16 + i, "]]}");
        synchronized (writeLock) {
            answer.clear();
            final int n = frame(answerView, bookView, 16, i);
            answer.limit(n);
            writeFully(answer);
        }
    }

    private void readLoop() {
        final ByteBuffer in = ByteBuffer.allocateDirect(1 << 16);
        final UnsafeBuffer view = new UnsafeBuffer(in);
        final UnsafeBuffer payload = new UnsafeBuffer(0, 0);
        try {
            while (running) {
                if (connection.read(in) < 0) {
                    return;
                }
                int at = 0;
                final int end = in.position();
                while (end - at >= 6) {
                    int length = view.getByte(at + 1) & 0x7F;
                    int header = 2;
                    if (length == 126) {
                        length = view.getShort(at + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF;
                        header = 4;
                    }
                    if (end - at < header + 4 + length) {
                        break;
                    }
                    final int mask = view.getInt(at + header, ByteOrder.LITTLE_ENDIAN);
                    final int data = at + header + 4;
                    for (int k = 0; k < length; k++) {
                        view.putByte(data + k, (byte) (view.getByte(data + k) ^ (mask >>> (8 * (k & 3)))));
                    }
                    payload.wrap(view, data, length);
                    onClientFrame(payload, length);
                    at = data + length;
                }
                in.flip().position(at);
                in.compact();
            }
        } catch (final IOException e) {
            if (running) {
                System.err.println("bench venue reader stopped: " + e);
            }
        }
    }

    private void onClientFrame(final DirectBuffer text, final int length) throws IOException {
        if (length <= NEW_ORDER.length) {
            return;
        }
        for (int i = 0; i < NEW_ORDER.length; i++) {
            if (text.getByte(i) != NEW_ORDER[i]) {
                return;
            }
        }
        long id = 0;
        for (int i = NEW_ORDER.length; i < length; i++) {
            final byte c = text.getByte(i);
            if (c < '0' || c > '9') {
                break;
            }
            id = id * 10 + (c - '0');
        }
        ordersSeen.lazySet(ordersSeen.get() + 1);
        final OrderArrivals listener = arrivals;
        if (listener != null) {
            listener.onNewOrder(inSeq(text, length), System.nanoTime());
        }
        int i = 0;
        i += bookView.putStringWithoutLengthAscii(256 + i, "{\"type\":\"cancelled\",\"execSeq\":");
        i += bookView.putLongAscii(256 + i, ++execSeq);
        i += bookView.putStringWithoutLengthAscii(256 + i, ",\"clOrdId\":");
        i += bookView.putLongAscii(256 + i, id);
        i += bookView.putStringWithoutLengthAscii(256 + i, ",\"orderId\":");
        i += bookView.putLongAscii(256 + i, id);
        i += bookView.putStringWithoutLengthAscii(256 + i, ",\"product\":\"TIDE_SPOT\",\"qty\":1,\"reason\":15,\"ts\":1}");
        synchronized (writeLock) {
            answer.clear();
            final int n = frame(answerView, bookView, 256, i);
            answer.limit(n);
            writeFully(answer);
        }
    }

    /** The trailing {@code "inSeq":N} member of a client frame (the encoder writes it last), or -1. */
    private static long inSeq(final DirectBuffer text, final int length) {
        int at = length - 2;
        while (at > 0 && text.getByte(at) >= '0' && text.getByte(at) <= '9') {
            at--;
        }
        final int start = at - IN_SEQ.length + 1;
        if (start < 0) {
            return -1;
        }
        for (int i = 0; i < IN_SEQ.length; i++) {
            if (text.getByte(start + i) != IN_SEQ[i]) {
                return -1;
            }
        }
        long n = 0;
        for (int i = at + 1; i < length - 1; i++) {
            n = n * 10 + (text.getByte(i) - '0');
        }
        return n;
    }

    /** An unmasked server text frame of {@code length} bytes of {@code src} into {@code out}; its length. */
    private static int frame(final UnsafeBuffer out, final DirectBuffer src, final int offset, final int length) {
        out.putByte(0, (byte) 0x81);
        int header = 2;
        if (length < 126) {
            out.putByte(1, (byte) length);
        } else {
            out.putByte(1, (byte) 126);
            out.putShort(2, (short) length, ByteOrder.BIG_ENDIAN);
            header = 4;
        }
        out.putBytes(header, src, offset, length);
        return header + length;
    }

    private void writeFully(final ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            connection.write(b);
        }
    }

    private static String accept(final String key) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        if (connection != null) {
            connection.close();
        }
        server.close();
        if (reader != null) {
            try {
                reader.join(TimeUnit.SECONDS.toMillis(2));
            } catch (final InterruptedException e) {
                // an AutoCloseable's close must not throw InterruptedException (javac's try lint): keep the interrupt
                Thread.currentThread().interrupt();
            }
        }
    }
}
