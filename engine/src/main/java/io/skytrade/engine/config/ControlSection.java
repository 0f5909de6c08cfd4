package io.skytrade.engine.config;

/**
 * control: the loopback operator channel used by {@code skytrade ctl}. It is on only when the
 * environment variable {@code SKYTRADE_CTL_TOKEN} holds a token.
 *
 * @param port TCP port on 127.0.0.1 (default 8766; 0 picks a free port, printed at start-up)
 */
public record ControlSection(int port) {
    public ControlSection {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("control.port: " + port + " must be 0..65535");
        }
    }

    public static ControlSection defaults() {
        return new ControlSection(8766);
    }
}
