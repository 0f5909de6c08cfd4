package io.skytrade.engine.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks that a loopback port can be listened on before a server library is asked to: the
 * WebSocket library logs a failed bind as a fatal error with a stack trace, where the user needs
 * one line saying the port is taken. A port that gets taken between this check and the bind still
 * fails the start, with the library's message.
 *
 * <p>Start-up only.
 */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    /** Null when 127.0.0.1:{@code port} can be bound now (or {@code port} is 0); otherwise why not. */
    public static String bindProblem(final int port) {
        if (port == 0) {
            return null;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return null;
        } catch (final IOException e) {
            return "cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + "; is another process using it?)";
        }
    }
}
