package io.skytrade.feeds;

/**
 * Where the feeds report what happened (poll failures, back-off, cache problems). Messages are
 * built by the feeds with secrets already redacted; {@link #system()} forwards to the JDK's
 * {@link System.Logger}, and tests pass a collecting implementation to check what was written.
 *
 * <p>Implementations must be thread-safe (polls complete on OkHttp's threads). Cost: one message
 * string per call (off the hot path).
 */
public interface FeedLog {
    void info(String message);

    void warn(String message);

    /** A log that writes to {@code System.getLogger("io.skytrade.feeds")}. */
    static FeedLog system() {
        final System.Logger logger = System.getLogger("io.skytrade.feeds");
        return new FeedLog() {
            @Override
            public void info(final String message) {
                logger.log(System.Logger.Level.INFO, message);
            }

            @Override
            public void warn(final String message) {
                logger.log(System.Logger.Level.WARNING, message);
            }
        };
    }
}
