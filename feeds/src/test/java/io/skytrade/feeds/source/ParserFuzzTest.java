package io.skytrade.feeds.source;

import io.skytrade.feeds.FeedParseException;
import io.skytrade.feeds.Observation;
import io.skytrade.feeds.ResponseParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.skytrade.feeds.TestSupport.IDS;
import static io.skytrade.feeds.TestSupport.fixture;
import static io.skytrade.feeds.TestSupport.nanos;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

/** Property tests: parsers fed random and mutated JSON throw nothing but FeedParseException. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ParserFuzzTest {
    private static final String[] NAMES = {
        "time", "minutely_15", "temperature_2m", "relative_humidity_2m", "utc_offset_seconds", "minutely_15_units",
        "current", "hourly", "pm2_5", "hourly_units", "current_units", "main", "temp", "humidity", "dt", "cod", "message",
        "results", "sensorsId", "value", "datetime", "utc", "sensors", "parameter", "name", "units", "id", "arrivals",
        "departures", "movement", "scheduledTime", "revisedTime", "codeshareStatus", "status", "states", "lastSeen",
        "firstSeen", "items", "dateTime", "error", "reason", "access_token", "expires_in"};
    private static final String[] STRINGS = {
        "2026-02-28T12:00", "2026-02-28T12:00:00Z", "2026-02-28 14:25Z", "°C", "°F", "%", "μg/m³", "µg/m³", "ppm", "pm25",
        "IsCodeshared", "IsOperator", "Canceled", "Arrived", "200", "401", "", "x", "9999-99-99T99:99", "2026-13-01T00:00",
        "-1", "NaN", "\u0000", "2026-02-28T12:00:00+25:00"};
    private static final String[] NUMBERS = {
        "0", "-0", "1", "-1", "7.4", "1768478400", "1e308", "-1e308", "1e-320", "123456789012345678901234567890",
        "9007199254740993", "3600", "-86400", "64800", "100", "101", "2.605", "17", "18"};
    private static final String[] FIXTURES = {
        "open-meteo-minutely15.json", "openweathermap-current.json", "open-meteo-air.json", "openaq-location.json",
        "openaq-latest.json", "aerodatabox-flights.json", "opensky-states-17.json", "opensky-states-18.json",
        "opensky-arrivals.json", "ea-readings-late.json"};

    private static List<ResponseParser> parsers() {
        final long half = Duration.ofMinutes(30).toNanos();
        final OpenAqLocationParser location = new OpenAqLocationParser();
        return List.of(
            new OpenMeteoForecastParser(IDS),
            new OpenWeatherMapParser(IDS),
            new OpenMeteoAirParser(IDS),
            new OpenAqLatestParser(IDS, () -> Set.of(1001L, 1L)),
            (body, t) -> {
                location.pm25Sensors(body);
                return List.of();
            },
            new AeroDataBoxParser(IDS, CodesharePolicy.OPERATOR_ONLY, BinTime.REVISED_ELSE_SCHEDULED, half, Duration.ofHours(12).toNanos()),
            new AeroDataBoxParser(IDS, CodesharePolicy.ALL_LISTINGS, BinTime.SCHEDULED, 0, Duration.ofHours(12).toNanos()),
            new OpenSkyStatesParser(6),
            new OpenSkyFlightsParser(IDS.arrivals(), true, Duration.ofHours(30).toNanos(), Duration.ofDays(1).toNanos()),
            new OpenSkyFlightsParser(IDS.departures(), false, 0, Duration.ofDays(1).toNanos()),
            new EaFloodParser(IDS));
    }

    private static final long[] FETCH_TIMES = {
        nanos("2026-02-28T13:10:00Z"), nanos("2026-01-15T12:30:00Z"), nanos("2026-01-03T12:00:00Z"), 0L, Long.MAX_VALUE / 2};

    private static void assertOnlyParseErrors(final byte[] body) {
        for (final ResponseParser p : parsers()) {
            for (final long t : FETCH_TIMES) {
                try {
                    final List<Observation> obs = p.parse(body, t);
                    for (final Observation o : obs) {
                        assertTrue(Double.isFinite(o.value()), "non-finite value from " + p + ": " + o);
                    }
                } catch (FeedParseException e) {
                    assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
                }
            }
        }
    }

    private static String pick(final RandomnessSource in, final String[] options) {
        return options[(int) in.next(Constraint.between(0, options.length - 1))];
    }

    private static void json(final RandomnessSource in, final int depth, final StringBuilder sb) {
        final long kind = in.next(Constraint.between(0, depth <= 0 ? 3 : 5));
        switch ((int) kind) {
            case 0 -> sb.append(pick(in, NUMBERS));
            case 1 -> sb.append('"').append(pick(in, STRINGS).replace("\u0000", "\\u0000")).append('"');
            case 2 -> sb.append(in.next(Constraint.between(0, 1)) == 0 ? "null" : "true");
            case 3 -> sb.append("false");
            case 4 -> {
                final long n = in.next(Constraint.between(0, 6));
                sb.append('[');
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    json(in, depth - 1, sb);
                }
                sb.append(']');
            }
            default -> {
                final long n = in.next(Constraint.between(0, 6));
                sb.append('{');
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    sb.append('"').append(pick(in, NAMES)).append("\":");
                    json(in, depth - 1, sb);
                }
                sb.append('}');
            }
        }
    }

    private static final Gen<String> RANDOM_JSON = in -> {
        final StringBuilder sb = new StringBuilder();
        json(in, (int) in.next(Constraint.between(0, 6)), sb);
        return sb.toString();
    };

    private static final Gen<byte[]> MUTATED_FIXTURE = in -> {
        byte[] body = fixture(pick(in, FIXTURES));
        final long mutations = in.next(Constraint.between(1, 4));
        for (int m = 0; m < mutations && body.length > 1; m++) {
            final int at = (int) in.next(Constraint.between(0, body.length - 1));
            switch ((int) in.next(Constraint.between(0, 4))) {
                case 0 -> body = Arrays.copyOf(body, at);
                case 1 -> body[at] = (byte) in.next(Constraint.between(-128, 127));
                case 2 -> {
                    final int end = (int) Math.min(body.length, at + in.next(Constraint.between(1, 40)));
                    final byte[] cut = new byte[body.length - (end - at)];
                    System.arraycopy(body, 0, cut, 0, at);
                    System.arraycopy(body, end, cut, at, body.length - end);
                    body = cut;
                }
                case 3 -> {
                    final byte[] insert = pick(in, new String[] {"null", "[]", "{}", "\"x\"", "1e400", "-", ",", "]", "}", "\""})
                        .getBytes(StandardCharsets.UTF_8);
                    final byte[] grown = new byte[body.length + insert.length];
                    System.arraycopy(body, 0, grown, 0, at);
                    System.arraycopy(insert, 0, grown, at, insert.length);
                    System.arraycopy(body, at, grown, at + insert.length, body.length - at);
                    body = grown;
                }
                default -> {
                    final String text = new String(body, StandardCharsets.UTF_8);
                    body = text.replaceFirst("-?[0-9]+(\\.[0-9]+)?", pick(in, NUMBERS)).getBytes(StandardCharsets.UTF_8);
                }
            }
        }
        return body;
    };

    @Test
    void shouldThrowOnlyFeedParseExceptionOnRandomJson() {
        qt().withFixedSeed(20_261_125L).withExamples(400)
            .forAll(RANDOM_JSON.describedAs(s -> s))
            .checkAssert(s -> assertOnlyParseErrors(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldThrowOnlyFeedParseExceptionOnMutatedFixtures() {
        qt().withFixedSeed(42L).withExamples(400)
            .forAll(MUTATED_FIXTURE.describedAs(b -> new String(b, StandardCharsets.UTF_8)))
            .checkAssert(ParserFuzzTest::assertOnlyParseErrors);
    }

    @Test
    void shouldThrowOnlyFeedParseExceptionOnRandomBytes() {
        final Gen<byte[]> bytes = in -> {
            final byte[] b = new byte[(int) in.next(Constraint.between(0, 64))];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) in.next(Constraint.between(-128, 127));
            }
            return b;
        };
        qt().withFixedSeed(7L).withExamples(300).forAll(bytes).checkAssert(ParserFuzzTest::assertOnlyParseErrors);
    }

    @Test
    void shouldRejectDeeplyNestedJson() {
        assertOnlyParseErrors("[".repeat(5000).getBytes(StandardCharsets.UTF_8));
        assertOnlyParseErrors(("{\"items\":" + "[".repeat(200) + "]".repeat(200) + "}").getBytes(StandardCharsets.UTF_8));
    }
}
