package io.skytrade.engine.runtime;

import io.skytrade.core.event.ControlCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The engine's local control channel for {@code skytrade ctl}: a TCP server bound to loopback only,
 * one request per connection, one line in ({@code <token> <command>}) and one line out. Commands:
 * {@code status} (the status line), {@code safe}, {@code resume}, {@code halt} (published as
 * journaled CONTROL inputs through {@link OperatorCommands}, so a replay reproduces them). The
 * token comes from the environment; a wrong token is refused without detail, and the token is
 * never logged.
 *
 * <p>Runs on its own daemon thread; off the hot path.
 */
public final class ControlServer implements AutoCloseable {
    /** Environment variable holding the control token (engine and {@code skytrade ctl}). */
    public static final String TOKEN_ENV = "SKYTRADE_CTL_TOKEN";
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    private final ServerSocket socket;
    private final byte[] token;
    private final OperatorCommands commands;
    private final Supplier<String> status;
    private final Thread thread;
    private volatile boolean running = true;

    public ControlServer(final int port, final String token, final OperatorCommands commands, final Supplier<String> status)
        throws IOException {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.commands = commands;
        this.status = status;
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        socket.setSoTimeout(500);
        thread = new Thread(this::serve, "skytrade-control");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (running) {
            try (Socket s = socket.accept()) {
                s.setSoTimeout(2000);
                handle(s);
            } catch (final SocketTimeoutException e) {
                continue;
            } catch (final IOException e) {
                if (running) {
                    LOG.warn("control channel request failed: {}", e.getMessage());
                }
            }
        }
    }

    private void handle(final Socket s) throws IOException {
        final BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        final PrintWriter out = new PrintWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8), true);
        final String line = in.readLine();
        if (line == null) {
            return;
        }
        final int space = line.indexOf(' ');
        final String presented = space < 0 ? line : line.substring(0, space);
        final String command = space < 0 ? "" : line.substring(space + 1).trim().toLowerCase(Locale.ROOT);
        if (!MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            out.println("error: unauthorised");
            return;
        }
        switch (command) {
            case "status" -> out.println(status.get());
            case "safe" -> out.println("ok: SAFE requested (input sequence " + commands.send(ControlCode.SAFE, 0) + ")");
            case "resume" -> out.println("ok: RESUME requested (input sequence " + commands.send(ControlCode.RESUME, 0) + ")");
            case "halt" -> out.println("ok: HALT requested (input sequence " + commands.send(ControlCode.HALT, 0) + ")");
            default -> out.println("error: unknown command '" + command + "'; expected status, safe, resume or halt");
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            socket.close();
        } catch (final IOException e) {
            LOG.warn("closing the control channel failed: {}", e.getMessage());
        }
        try {
            thread.join(2000);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
