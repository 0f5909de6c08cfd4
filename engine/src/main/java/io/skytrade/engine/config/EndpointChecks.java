package io.skytrade.engine.config;

/** Validation shared by the sections of the engine's HTTP endpoints (metrics, dashboard). Start-up only. */
final class EndpointChecks {
    private EndpointChecks() {
    }

    /** @throws IllegalArgumentException naming {@code section}.key, the value and what was expected */
    static void check(final String section, final String bind, final int port, final String tokenEnv) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(section + ".port: " + port + " must be 0..65535");
        }
        if (bind == null || bind.isBlank()) {
            throw new IllegalArgumentException(section + ".bind: must be an address such as 127.0.0.1");
        }
        if (tokenEnv == null || tokenEnv.isBlank()) {
            throw new IllegalArgumentException(section + ".tokenEnv: must name an environment variable");
        }
    }
}
