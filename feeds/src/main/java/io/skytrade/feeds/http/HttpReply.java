package io.skytrade.feeds.http;

/**
 * A complete HTTP response as the feeds need it: status code, body bytes and the two headers that
 * ask for a pause.
 *
 * <p>Immutable (the array is not copied: do not modify it); thread-safe. Cost: none.
 *
 * @param code                     HTTP status
 * @param body                     body bytes, possibly empty
 * @param retryAfter               {@code Retry-After} header or null
 * @param openSkyRetryAfterSeconds {@code X-Rate-Limit-Retry-After-Seconds} header or null
 */
public record HttpReply(int code, byte[] body, String retryAfter, String openSkyRetryAfterSeconds) {
    public boolean successful() {
        return code >= 200 && code < 300;
    }
}
