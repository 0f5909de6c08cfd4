package io.skytrade.exchange.cmi;

import java.util.function.Consumer;

/**
 * A CMI venue reached without a socket (the simulator in the same process, for
 * {@code skytrade evaluate}): a REST request is answered at once, and the event stream's events
 * (each the wire text {@code "event: <type>\ndata: <json>\n\n"}) are handed to a consumer as the
 * venue produces them, on the caller's thread. {@link InProcessCmiGateway} speaks to one.
 *
 * <p>Thread-safety: none; one driving thread. Cost: what the venue does.
 */
public interface CmiEndpoint {
    /** A reply: HTTP status, the {@code Authorization} header (null when absent), the body. */
    record Reply(int status, String authorization, String body) {
    }

    /**
     * Answers one REST request.
     *
     * @param method        HTTP method
     * @param pathAndQuery  e.g. {@code api/order/current-user} or {@code api/trade?from=...}, no leading slash
     * @param authorization the token, or null
     * @param body          the JSON body, or null
     */
    Reply handle(String method, String pathAndQuery, String authorization, String body);

    /**
     * Opens an event stream with {@code authorization}; events go to {@code events} from now on,
     * beginning with the snapshots sent on connect (delivered before this returns).
     *
     * @return the HTTP status: 200, or 401 for a token the venue does not accept
     */
    int openStream(String authorization, Consumer<String> events);
}
