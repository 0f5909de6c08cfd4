package io.skytrade.engine.runtime;

import io.skytrade.engine.config.VenueCmiSection;
import io.skytrade.exchange.cmi.CmiGatewayConfig;
import io.skytrade.exchange.sim.CmiVenueConfig;

/**
 * The CMI venue's configurations from the engine's {@code venue.cmi} section, defined once for every
 * way of running it: the gateway's ({@link CmiGatewayConfig}: credentials, pace, timeouts) and the
 * embedded simulator's CMI front end ({@link CmiVenueConfig}: its rate limit and token lifetime).
 *
 * <p>Stateless; start-up only.
 */
public final class CmiVenues {
    private static final long MILLI = 1_000_000L;

    private CmiVenues() {
    }

    /**
     * @param url       the venue's {@code http(s)://} address
     * @param username  the user name (from {@code venue.cmi.usernameEnv})
     * @param password  the password (from {@code venue.cmi.passwordEnv}); never printed
     * @param clockRate engine-clock seconds per wall second (the demo's time scale), to turn waits into sleeps
     */
    public static CmiGatewayConfig gateway(final VenueCmiSection cmi, final String url, final String username,
                                           final String password, final double clockRate) {
        return CmiGatewayConfig.builder().baseUrl(url).username(username).password(password)
            .requestsPerSecond(cmi.requestsPerSecond()).burst(cmi.burst()).clockRate(clockRate)
            .maxQueueAgeMillis(cmi.maxQueueAgeNanos() / MILLI).mismatchTimeoutMillis(cmi.mismatchTimeoutNanos() / MILLI)
            .pendingTradeMillis(cmi.pendingTradeNanos() / MILLI).reconcileLookbackMillis(cmi.reconcileLookbackNanos() / MILLI)
            .fillDedupeWindowMillis(cmi.fillDedupeWindowNanos() / MILLI).backoffInitialMillis(cmi.backoffInitialNanos() / MILLI)
            .backoffMaxMillis(cmi.backoffMaxNanos() / MILLI).streamReadTimeoutMillis(cmi.streamReadTimeoutNanos() / MILLI)
            .requestTimeoutMillis(cmi.requestTimeoutNanos() / MILLI).marketVolumeIncludesOwn(cmi.marketVolumeIncludesOwn())
            .build();
    }

    /** The embedded simulator's CMI front end: the venue's limit per user and the token lifetime. */
    public static CmiVenueConfig simulator(final VenueCmiSection cmi) {
        return CmiVenueConfig.builder().requestsPerSecond(cmi.venueRequestsPerSecond())
            .tokenTtlMillis(cmi.venueTokenTtlNanos() / MILLI).build();
    }
}
