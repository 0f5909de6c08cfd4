package io.skytrade.feeds;

/**
 * A response body that could not be turned into observations: malformed or truncated JSON, a
 * missing or mistyped field, a unit the parser does not accept, or a value out of range. The
 * message names the source and the problem, never a secret.
 *
 * <p>Immutable; thread-safe. Cost: one exception allocation (feeds run off the hot path).
 */
public final class FeedParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    public FeedParseException(final String source, final String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    public FeedParseException(final String source, final String problem, final Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** Name of the source whose response failed to parse. */
    public String source() {
        return source;
    }

    /** What was wrong, without the source prefix. */
    public String problem() {
        return problem;
    }
}
