package io.skytrade.engine.config;

/**
 * A configuration that cannot be used: the message is one line naming the file, the key, the
 * value and what was expected, or the unset environment variable.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(final String message) {
        super(message);
    }

    public ConfigException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
