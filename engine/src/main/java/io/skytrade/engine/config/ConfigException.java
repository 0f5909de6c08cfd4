package io.skytrade.engine.config;

/**
 * A configuration that cannot be used: the message is one line naming the file, the key, the
 * value and what was expected, or the unset environment variable. A value quoted in it keeps to
 * that line: its line breaks are written as {@code \n} (a YAML block or a mis-indented line can
 * make a scalar span lines).
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(final String message) {
        super(oneLine(message));
    }

    public ConfigException(final String message, final Throwable cause) {
        super(oneLine(message), cause);
    }

    private static String oneLine(final String message) {
        return message == null ? null : message.replace("\r", "\\r").replace("\n", "\\n");
    }
}
