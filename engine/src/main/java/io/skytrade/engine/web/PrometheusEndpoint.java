package io.skytrade.engine.web;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.skytrade.engine.config.MetricsSection;
import io.skytrade.engine.metrics.PrometheusMetrics;

import java.io.IOException;

/**
 * {@code /metrics} in the Prometheus text format: the Prometheus Java client's HTTP exporter
 * serving a registry filled by {@link PrometheusMetrics}, bound as {@code metrics.bind} says, with
 * the bearer token of {@link AccessPolicy} required when that address is not loopback.
 *
 * <p>Its own daemon threads (the JDK HTTP server's); values are read at scrape time from counters
 * that the stages write, so a scrape never touches a stage thread.
 */
public final class PrometheusEndpoint implements AutoCloseable {
    private final HTTPServer server;
    private final AccessPolicy access;

    private PrometheusEndpoint(final HTTPServer server, final AccessPolicy access) {
        this.server = server;
        this.access = access;
    }

    /**
     * Starts the endpoint.
     *
     * @throws IOException when the port cannot be bound
     */
    public static PrometheusEndpoint start(final MetricsSection section, final AccessPolicy access,
                                           final PrometheusRegistry registry) throws IOException {
        final HTTPServer.Builder builder = HTTPServer.builder().inetAddress(access.address()).port(section.port())
            .registry(registry);
        if (access.tokenRequired()) {
            builder.authenticator(new BearerAuthenticator(access));
        }
        return new PrometheusEndpoint(builder.buildAndStart(), access);
    }

    public int port() {
        return server.getPort();
    }

    /** {@code http://address:port/metrics}. */
    public String url() {
        return AccessPolicy.url(access.address(), port()) + "/metrics";
    }

    @Override
    public void close() {
        server.close();
    }

    /** Lets a request through only with {@code Authorization: Bearer <token>}. */
    private static final class BearerAuthenticator extends Authenticator {
        private final AccessPolicy access;

        BearerAuthenticator(final AccessPolicy access) {
            this.access = access;
        }

        @Override
        public Result authenticate(final HttpExchange exchange) {
            if (access.allows(AccessPolicy.bearer(exchange.getRequestHeaders().getFirst("Authorization")))) {
                return new Success(new HttpPrincipal("scraper", "skytrade"));
            }
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"skytrade\"");
            return new Failure(401);
        }
    }
}
