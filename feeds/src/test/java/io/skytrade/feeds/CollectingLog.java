package io.skytrade.feeds;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A FeedLog that keeps every message for inspection. */
public final class CollectingLog implements FeedLog {
    public final List<String> messages = new CopyOnWriteArrayList<>();

    @Override
    public void info(final String message) {
        messages.add("INFO " + message);
    }

    @Override
    public void warn(final String message) {
        messages.add("WARN " + message);
    }

    public String all() {
        return String.join("\n", messages);
    }
}
