package io.skytrade.feeds;

import io.skytrade.core.registry.InstrumentRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** Shared test data: the series registry, fixture loading and time helpers. */
public final class TestSupport {
    /** The series the engine registers, in this order (ids 0..5), plus an airborne count (6). */
    public static final InstrumentRegistry REGISTRY = InstrumentRegistry.of(List.of("TIDE_SPOT"),
        List.of(SeriesIds.THAMES_LEVEL, SeriesIds.AIR_TEMP, SeriesIds.REL_HUMIDITY, SeriesIds.PM25,
            SeriesIds.ARRIVALS, SeriesIds.DEPARTURES, "lhr_airborne_count"));
    public static final SeriesIds IDS = SeriesIds.resolve(REGISTRY);

    private TestSupport() {
    }

    public static byte[] fixture(final String name) {
        try (InputStream in = TestSupport.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String fixtureText(final String name) {
        return new String(fixture(name), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static long nanos(final String isoInstant) {
        final Instant i = Instant.parse(isoInstant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
