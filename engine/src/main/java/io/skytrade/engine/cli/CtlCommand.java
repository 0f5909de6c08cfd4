package io.skytrade.engine.cli;

import io.skytrade.engine.runtime.ControlServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * {@code skytrade ctl status|safe|resume|halt}: talks to a running engine over its loopback control
 * channel, with the token from {@code SKYTRADE_CTL_TOKEN}. Leaving SAFE is only ever this command.
 */
@Command(name = "ctl", mixinStandardHelpOptions = true,
    description = "Operator commands to a running engine: status, safe, resume, halt (token from SKYTRADE_CTL_TOKEN).")
final class CtlCommand implements Callable<Integer> {
    @Parameters(paramLabel = "COMMAND", description = "status, safe, resume or halt")
    String command;

    @Option(names = "--port", description = "Control port of the engine (default: ${DEFAULT-VALUE}; see control.port).")
    int port = 8766;

    @Override
    public Integer call() {
        final String token = System.getenv(ControlServer.TOKEN_ENV);
        if (token == null || token.isEmpty()) {
            System.err.println("config error: " + ControlServer.TOKEN_ENV + " is not set; it must hold the engine's control token");
            return SkytradeCli.EXIT_USAGE;
        }
        final String reply = send(port, token, command);
        if (reply.startsWith("error:")) {
            System.err.println(reply);
            return SkytradeCli.EXIT_USAGE;
        }
        System.out.println(reply);
        return SkytradeCli.EXIT_OK;
    }

    /** Sends one command to the control channel on 127.0.0.1:{@code port}; returns the reply line or "error: ...". */
    static String send(final int port, final String token, final String command) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            s.setSoTimeout(5000);
            final PrintWriter out = new PrintWriter(new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8), true);
            out.println(token + " " + command);
            final String reply = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
            return reply == null ? "error: the engine closed the connection without a reply" : reply;
        } catch (final IOException e) {
            return "error: no engine control channel on 127.0.0.1:" + port + " (" + e.getMessage() + ")";
        }
    }
}
