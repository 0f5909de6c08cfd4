package io.skytrade.feeds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the feeds report what happened (poll failures, back-off, cache problems). Messages are
 * built by the feeds with secrets already redacted; {@link #system()} forwards to the engine's one
 * logging path (SLF4J, logger {@code io.skytrade.feeds}), and tests pass a collecting
 * implementation to check what was written.
 *
 * <p>Implementations must be thread-safe (polls complete on OkHttp's threads). Cost: one message
 * string per call (off the hot path).
 */
public interface FeedLog {
    void info(String message);

    void warn(String message);

    /** A log that writes to the SLF4J logger {@code io.skytrade.feeds}. */
    static FeedLog system() {
        final Logger logger = LoggerFactory.getLogger("io.skytrade.feeds");
        return new FeedLog() {
            @Override
            public void info(final String message) {
                logger.info(message);
            }

            @Override
            public void warn(final String message) {
                logger.warn(message);
            }
        };
    }
}
