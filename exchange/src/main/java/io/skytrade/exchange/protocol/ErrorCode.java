package io.skytrade.exchange.protocol;

/**
 * Codes of the protocol's {@code error} message (session-level problems, as opposed to order
 * rejects, which use {@link io.skytrade.exchange.RejectReason}). Append only.
 *
 * <p>Immutable constants; safe from any thread. Hot-path cost: none.
 */
public final class ErrorCode {
    /** The message could not be decoded; {@code text} names the problem. */
    public static final int DECODE_ERROR = 1;
    /** A message other than {@code login} arrived before a successful login. */
    public static final int NOT_LOGGED_IN = 2;
    /** The API key was not accepted; the venue closes the connection. */
    public static final int AUTHENTICATION_FAILED = 3;
    /** A {@code subscribe} named a product the venue does not list. */
    public static final int UNKNOWN_PRODUCT = 4;
    /** A valid message that a client may not send (a server-to-client type). */
    public static final int UNEXPECTED_MESSAGE = 5;
    /** Another connection logged in with the same API key; this one is closed. */
    public static final int SUPERSEDED = 6;
    /** The venue holds as many participants as it has room for; the venue closes the connection. */
    public static final int VENUE_FULL = 7;
    /** A {@code login} on a connection that is already logged in; ignored, the connection stays open. */
    public static final int ALREADY_LOGGED_IN = 8;

    /** Highest code in use. */
    public static final int MAX = 8;

    private ErrorCode() {
    }
}
