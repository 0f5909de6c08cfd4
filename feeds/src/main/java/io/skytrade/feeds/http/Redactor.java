package io.skytrade.feeds.http;

import okhttp3.HttpUrl;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Removes secrets from anything the feeds write out: every secret value registered when a client
 * read it from the environment is replaced by {@code ***} in messages and stored bodies, and the
 * values of key-carrying query parameters are masked in URLs. Messages, cache and raw files pass
 * through it, so a key can reach none of them.
 *
 * <p>Thread-safety: safe for concurrent use (copy-on-write list of secrets). Cost: one scan per
 * secret per string (off the hot path).
 */
public final class Redactor {
    /** Replacement text for a secret. */
    public static final String MASK = "***";
    private static final Set<String> KEY_PARAMS = Set.of("appid", "apikey", "api_key", "key", "client_secret", "access_token", "token");
    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /** Registers a secret value; blank values are ignored. */
    public void register(final String secret) {
        if (secret != null && !secret.isBlank() && !secrets.contains(secret)) {
            secrets.add(secret);
        }
    }

    /** {@code text} with every registered secret replaced by {@link #MASK}. */
    public String redact(final String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (final String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }

    /** {@code body} with every registered secret replaced; the same array when none occurs. */
    public byte[] redact(final byte[] body) {
        for (final String s : secrets) {
            if (indexOf(body, s.getBytes(StandardCharsets.UTF_8)) >= 0) {
                final String text = new String(body, StandardCharsets.UTF_8);
                return redact(text).getBytes(StandardCharsets.UTF_8);
            }
        }
        return body;
    }

    /** The URL with key-carrying query parameters masked and registered secrets removed. */
    public String redact(final HttpUrl url) {
        final HttpUrl.Builder b = url.newBuilder();
        for (final String name : url.queryParameterNames()) {
            if (KEY_PARAMS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                b.setQueryParameter(name, MASK);
            }
        }
        return redact(b.build().toString());
    }

    private static int indexOf(final byte[] haystack, final byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
