package io.skytrade.engine.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${VAR}} and {@code ${VAR:-default}} in a config string value with values from an
 * injected environment. An unset variable without a default is an error naming the variable and
 * the key that used it. Reports whether a secret-looking variable (name containing KEY, TOKEN,
 * SECRET, PASSWORD or CREDENTIAL) was used, so the config snapshot can redact the value.
 *
 * <p>Start-up only.
 */
public final class EnvSubstitution {
    private static final Pattern REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(key|token|secret|password|passwd|credential).*");

    private final Map<String, String> env;

    public EnvSubstitution(final Map<String, String> env) {
        this.env = env;
    }

    /** The result of substituting one value. */
    public record Result(String value, boolean substituted, boolean secret) {
    }

    public Result apply(final String keyPath, final String text) {
        final Matcher m = REF.matcher(text);
        final StringBuilder out = new StringBuilder();
        boolean any = false;
        boolean secret = false;
        while (m.find()) {
            any = true;
            final String name = m.group(1);
            String value = env.get(name);
            if (value == null) {
                value = m.group(2);
                if (value == null) {
                    throw new ConfigException("config key '" + keyPath + "' uses environment variable " + name
                        + ", which is not set (set it, or write ${" + name + ":-default})");
                }
            } else if (SECRET_NAME.matcher(name).matches()) {
                secret = true;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return new Result(out.toString(), any, secret);
    }

    /** True when a config key's own name marks its value as a secret (apiKey, token, password...). */
    public static boolean isSecretKey(final String key) {
        return SECRET_NAME.matcher(key).matches() && !key.endsWith("Env") && !key.endsWith("EnvVar");
    }
}
