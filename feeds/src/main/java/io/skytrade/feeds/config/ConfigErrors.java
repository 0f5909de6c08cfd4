package io.skytrade.feeds.config;

import okhttp3.HttpUrl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects configuration problems, one per bad value naming the full key, the value and what was
 * expected, and throws them together on one line (the command line's errors are one line each),
 * separated by "; ", so a user fixes every mistake in one go.
 *
 * <p>Not thread-safe: used by one constructor at a time. Cost: start-up only.
 */
public final class ConfigErrors {
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private final String prefix;
    private final List<String> lines = new ArrayList<>();

    public ConfigErrors(final String prefix) {
        this.prefix = prefix;
    }

    /** Records a problem unless {@code ok}. */
    public void check(final boolean ok, final String key, final Object value, final String expectation) {
        if (!ok) {
            lines.add(prefix + "." + key + " = " + value + ": expected " + expectation);
        }
    }

    public void url(final String key, final String url) {
        check(url != null && HttpUrl.parse(url) != null, key, url, "an http or https URL");
    }

    public void positive(final String key, final Duration d) {
        check(d != null && !d.isNegative() && !d.isZero(), key, d, "a positive duration");
    }

    public void range(final String key, final double value, final double min, final double max) {
        check(value >= min && value <= max, key, value, "a number in " + min + ".." + max);
    }

    /** An environment variable name (not its value), or empty for none. */
    public void envName(final String key, final String name, final boolean required) {
        final boolean empty = name == null || name.isEmpty();
        check(empty ? !required : ENV_NAME.matcher(name).matches(), key, name == null ? "null" : name,
            required ? "the NAME of an environment variable ([A-Za-z_][A-Za-z0-9_]*)" : "empty or the NAME of an environment variable");
    }

    public void notBlank(final String key, final String value) {
        check(value != null && !value.isBlank(), key, value, "a non-empty string");
    }

    /** Throws one {@link IllegalArgumentException} listing every problem on one line, if there are any. */
    public void throwIfAny() {
        if (!lines.isEmpty()) {
            throw new IllegalArgumentException("invalid feeds configuration: " + String.join("; ", lines));
        }
    }
}
