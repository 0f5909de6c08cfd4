package io.skytrade.feeds.http;

import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a request on OkHttp's asynchronous dispatcher and completes a future with the whole
 * response ({@link HttpReply}), or exceptionally with the {@link IOException} (timeout, refused
 * connection, truncated body, body over the size limit). The OkHttp client carries the per-source
 * call timeout.
 *
 * <p>Thread-safety: safe for concurrent use. Cost: one OkHttp call; the body is read into memory.
 */
public final class AsyncHttp {
    private final OkHttpClient client;
    private final long maxBodyBytes;

    public AsyncHttp(final OkHttpClient client, final long maxBodyBytes) {
        this.client = client;
        this.maxBodyBytes = maxBodyBytes;
    }

    public CompletableFuture<HttpReply> execute(final Request request) {
        final CompletableFuture<HttpReply> future = new CompletableFuture<>();
        client.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(final Call call, final IOException e) {
                future.completeExceptionally(e);
            }

            @Override
            public void onResponse(final Call call, final Response response) {
                try (response) {
                    future.complete(new HttpReply(response.code(), read(response.body()),
                        response.header("Retry-After"), response.header("X-Rate-Limit-Retry-After-Seconds")));
                } catch (IOException e) {
                    future.completeExceptionally(e);
                }
            }
        });
        return future;
    }

    private byte[] read(final ResponseBody body) throws IOException {
        try (InputStream in = body.byteStream()) {
            final byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (bytes.length > maxBodyBytes) {
                throw new IOException("response body larger than " + maxBodyBytes + " bytes");
            }
            return bytes;
        }
    }
}
