package io.skytrade.feeds.config;

import io.skytrade.feeds.source.BinTime;
import io.skytrade.feeds.source.CodesharePolicy;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * AeroDataBox (RapidAPI) airport-flights source, the LHR settlement data: one request per poll for
 * the window of {@code window} (at most 12 hours, the API's limit) ending {@code settleDelay}
 * before the poll, binned into 30-minute arrival and departure counts. The key is read from the
 * variable named by {@code http.keyEnvVar} and sent as {@code x-rapidapi-key}.
 *
 * <p>Immutable and validated on construction; thread-safe. Cost: start-up only.
 *
 * @param http         shared source settings (key required)
 * @param airportIata  three-letter IATA code, e.g. LHR
 * @param rapidApiHost value of the {@code x-rapidapi-host} header
 * @param codeshares   how codeshare listings count
 * @param binTime      which movement time decides the bin
 * @param window       request window, a multiple of 30 minutes, at most 12 hours
 * @param settleDelay  how long after a bin closes it is counted (late status updates)
 * @param airportZone  the airport's time zone (AeroDataBox takes local times in the path)
 * @param backfill     how far back the first poll counts (start-up backfill of the settlement window):
 *                     the windows before the regular one, one request each, until {@code backfill}
 *                     is covered; 0 (none)..P2D
 */
public record AeroDataBoxConfig(SourceSettings http, String airportIata, String rapidApiHost, CodesharePolicy codeshares,
                                BinTime binTime, Duration window, Duration settleDelay, String airportZone,
                                Duration backfill) {
    public static final String PREFIX = "feeds.aeroDataBox";

    public AeroDataBoxConfig {
        final ConfigErrors e = new ConfigErrors(PREFIX);
        e.check(http != null, "http", http, "source settings");
        if (http != null) {
            http.check(e, true);
        }
        e.check(airportIata != null && airportIata.matches("[A-Z]{3}"), "airportIata", airportIata, "a three-letter IATA code");
        e.notBlank("rapidApiHost", rapidApiHost);
        e.check(codeshares != null, "codeshares", codeshares, "OPERATOR_ONLY or ALL_LISTINGS");
        e.check(binTime != null, "binTime", binTime, "SCHEDULED or REVISED_ELSE_SCHEDULED");
        e.check(window != null && !window.isNegative() && !window.isZero() && window.compareTo(Duration.ofHours(12)) <= 0
            && window.toMinutes() % 30 == 0 && window.toNanos() % Duration.ofMinutes(1).toNanos() == 0,
            "window", window, "a multiple of 30 minutes, at most PT12H");
        e.check(settleDelay != null && !settleDelay.isNegative(), "settleDelay", settleDelay, "a duration >= 0");
        e.check(validZone(airportZone), "airportZone", airportZone, "a time-zone id such as Europe/London");
        e.check(backfill != null && !backfill.isNegative() && backfill.compareTo(Duration.ofDays(2)) <= 0,
            "backfill", backfill, "a duration 0..P2D");
        e.throwIfAny();
    }

    private static boolean validZone(final String zone) {
        if (zone == null) {
            return false;
        }
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    public static AeroDataBoxConfig defaults() {
        return new AeroDataBoxConfig(new SourceSettings(true, "https://aerodatabox.p.rapidapi.com",
            Duration.ofMinutes(30), Duration.ofSeconds(15), "RAPIDAPI_KEY"), "LHR", "aerodatabox.p.rapidapi.com",
            CodesharePolicy.OPERATOR_ONLY, BinTime.REVISED_ELSE_SCHEDULED, Duration.ofHours(12), Duration.ofMinutes(30),
            "Europe/London", Duration.ofHours(36));
    }

    public AeroDataBoxConfig withHttp(final SourceSettings value) {
        return new AeroDataBoxConfig(value, airportIata, rapidApiHost, codeshares, binTime, window, settleDelay, airportZone, backfill);
    }

    /** Backfill requests before the regular window: enough whole windows to cover {@code backfill}. */
    public int backfillWindows() {
        final long w = window.toNanos();
        return (int) Math.max(0, (backfill.toNanos() + w - 1) / w - 1);
    }

    public AeroDataBoxConfig withCodeshares(final CodesharePolicy value) {
        return new AeroDataBoxConfig(http, airportIata, rapidApiHost, value, binTime, window, settleDelay, airportZone, backfill);
    }

    public AeroDataBoxConfig withBackfill(final Duration value) {
        return new AeroDataBoxConfig(http, airportIata, rapidApiHost, codeshares, binTime, window, settleDelay, airportZone, value);
    }
}
