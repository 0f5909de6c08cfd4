package io.skytrade.feeds.config;

import java.time.Duration;

/**
 * The settings every HTTP source shares: whether it runs, its base URL (point it at a commercial
 * tier or a test server), how often it is polled, the call timeout, and the NAME of the environment
 * variable holding its key (never the key itself; empty when the source needs none). Validated by
 * the enclosing source record, which knows the key prefix.
 *
 * <p>Immutable; thread-safe. Cost: start-up only.
 *
 * @param enabled      poll this source
 * @param baseUrl      base URL without trailing path of the endpoint
 * @param pollInterval time between polls
 * @param timeout      whole-call timeout
 * @param keyEnvVar    name of the environment variable holding the key, or empty
 */
public record SourceSettings(boolean enabled, String baseUrl, Duration pollInterval, Duration timeout, String keyEnvVar) {

    void check(final ConfigErrors errors, final boolean keyRequired) {
        errors.url("baseUrl", baseUrl);
        errors.positive("pollInterval", pollInterval);
        errors.positive("timeout", timeout);
        errors.envName("keyEnvVar", keyEnvVar, keyRequired);
    }

    public SourceSettings withEnabled(final boolean value) {
        return new SourceSettings(value, baseUrl, pollInterval, timeout, keyEnvVar);
    }

    public SourceSettings withBaseUrl(final String value) {
        return new SourceSettings(enabled, value, pollInterval, timeout, keyEnvVar);
    }

    public SourceSettings withTimeout(final Duration value) {
        return new SourceSettings(enabled, baseUrl, pollInterval, value, keyEnvVar);
    }

    public SourceSettings withPollInterval(final Duration value) {
        return new SourceSettings(enabled, baseUrl, value, timeout, keyEnvVar);
    }

    public SourceSettings withKeyEnvVar(final String value) {
        return new SourceSettings(enabled, baseUrl, pollInterval, timeout, value);
    }

    /** Base URL without a trailing slash. */
    public String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
