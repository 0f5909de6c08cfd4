package io.skytrade.exchange.cmi;

/**
 * A CMI reply or stream event that does not have the documented shape; the message names what was
 * wrong. Checked, so every decoder caller decides what a bad message costs (a counted, logged skip).
 */
public final class CmiProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    public CmiProtocolException(final String message) {
        super(message);
    }

    public CmiProtocolException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
