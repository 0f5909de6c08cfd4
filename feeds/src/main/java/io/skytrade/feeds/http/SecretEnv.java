package io.skytrade.feeds.http;

import java.util.Map;

/**
 * Reads secrets from an environment map (the process environment in production, a plain map in
 * tests) by variable name, registering each value with the {@link Redactor} as it is read so it
 * can never be written out. Values are never logged or returned in messages.
 *
 * <p>Thread-safety: safe if the map is not modified concurrently. Cost: one map look-up.
 */
public final class SecretEnv {
    private final Map<String, String> environment;
    private final Redactor redactor;

    public SecretEnv(final Map<String, String> environment, final Redactor redactor) {
        this.environment = Map.copyOf(environment);
        this.redactor = redactor;
    }

    /** The process environment. */
    public static SecretEnv system(final Redactor redactor) {
        return new SecretEnv(System.getenv(), redactor);
    }

    /** The value of variable {@code name}, or null when the name is blank or the variable unset or blank. */
    public String read(final String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        final String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        redactor.register(value);
        return value;
    }

    public Redactor redactor() {
        return redactor;
    }
}
