package io.skytrade.exchange.protocol;

/**
 * The one exception the {@link ProtocolDecoder} throws: the message names what was wrong (bad
 * JSON, unknown type, missing, unexpected or duplicate member, wrong JSON type, out-of-range value).
 *
 * <p>Immutable; created only on the error path (it allocates, as any exception does).
 */
public final class ProtocolDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProtocolDecodeException(final String message) {
        super(message);
    }

    public ProtocolDecodeException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
