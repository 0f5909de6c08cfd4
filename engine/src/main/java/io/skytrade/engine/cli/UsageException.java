package io.skytrade.engine.cli;

/**
 * A command-line argument that cannot be used (a value out of range, an unknown name, a port that
 * is taken): the message is one line naming the option, the value and what was expected. Reported
 * as {@code usage error: ...} with exit code 2.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(final String message) {
        super(message);
    }

    UsageException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
