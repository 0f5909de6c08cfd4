package io.skytrade.exchange.sim;

import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldProduct;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The medium market's public forecast knows the world only through its public readings, the
 * airport's announcements and its public structure (tide table, seasonal and diurnal cycles,
 * flight schedule): a venue world whose latent random elements (surge and front knots, spikes,
 * disruptions) are all different, read through the very same public readings, gets the very same
 * forecast at every issue at which the two worlds' announcements agree. The earlier
 * forecast, whose members knew every knot of the venue's world up to the issue time, failed this:
 * it knew the latent state better than any filter of the readings could.
 */
class WeatherServiceForecastTest {
    private static final long MINUTE = 60_000_000_000L;
    private static final long START = Instant.parse("2026-02-27T12:00:00Z").getEpochSecond() * 1_000_000_000L;

    @Test
    void shouldDependOnTheWorldOnlyThroughItsPublicReadings() {
        final SyntheticWorld world = new SyntheticWorld(21);
        final SyntheticWorld otherLatentState = world.withFutureRedrawn(Long.MIN_VALUE, 4_242);
        final PublicReadings readings = new PublicReadings(world, 42, 1.0);
        final SettlementRules rules = SettlementRules.defaults();
        final int[] codes = new int[WorldProduct.COUNT];
        for (int k = 0; k < codes.length; k++) {
            codes[k] = k;
        }
        final WeatherServiceForecast a = new WeatherServiceForecast(world, readings, rules, codes, 21);
        final WeatherServiceForecast b = new WeatherServiceForecast(otherLatentState, readings, rules, codes, 21);
        final WeatherServiceForecast own = new WeatherServiceForecast(otherLatentState, new PublicReadings(otherLatentState, 42, 1.0),
            rules, codes, 21);
        final long end = START + 24 * 60 * MINUTE;
        final double[] meanA = new double[codes.length];
        final double[] stdA = new double[codes.length];
        final double[] meanB = new double[codes.length];
        final double[] stdB = new double[codes.length];
        final double[] meanOwn = new double[codes.length];
        final double[] stdOwn = new double[codes.length];
        boolean readingsMatter = false;
        int compared = 0;
        for (long t = START + 60 * MINUTE; t < end; t += 97 * MINUTE) {
            final long issue = Math.floorDiv(t - 15 * MINUTE, 15 * MINUTE) * 15 * MINUTE;
            if (world.announcedCapacity(issue) != otherLatentState.announcedCapacity(issue)
                || world.announcedCapacityBins(issue) != otherLatentState.announcedCapacityBins(issue)) {
                continue;
            }
            compared++;
            a.forecast(end, t, meanA, stdA);
            b.forecast(end, t, meanB, stdB);
            own.forecast(end, t, meanOwn, stdOwn);
            assertArrayEquals(meanA, meanB, 0.0, "forecast mean at " + Instant.ofEpochSecond(0, t));
            assertArrayEquals(stdA, stdB, 0.0, "forecast std at " + Instant.ofEpochSecond(0, t));
            readingsMatter |= meanA[WorldProduct.WX_SUM] != meanOwn[WorldProduct.WX_SUM];
            for (final double m : meanA) {
                assertFalse(Double.isNaN(m));
            }
        }
        assertTrue(compared > 10, "issues with the same announcements in both worlds: " + compared);
        assertTrue(readingsMatter, "another world's readings give another forecast");
    }
}
