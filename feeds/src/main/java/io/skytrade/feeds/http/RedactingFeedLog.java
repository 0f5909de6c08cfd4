package io.skytrade.feeds.http;

import io.skytrade.feeds.FeedLog;

/**
 * A {@link FeedLog} that passes every message through the {@link Redactor} before forwarding it,
 * the last line of defence against a key reaching a log.
 *
 * <p>Thread-safe if the delegate is. Cost: one redaction scan per message.
 */
public final class RedactingFeedLog implements FeedLog {
    private final FeedLog delegate;
    private final Redactor redactor;

    public RedactingFeedLog(final FeedLog delegate, final Redactor redactor) {
        this.delegate = delegate;
        this.redactor = redactor;
    }

    @Override
    public void info(final String message) {
        delegate.info(redactor.redact(message));
    }

    @Override
    public void warn(final String message) {
        delegate.warn(redactor.redact(message));
    }
}
