package io.skytrade.engine.nowcast;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.kalman.KalmanParams;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.settlement.SettlementRules;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.core.valuation.ValuationHandler;
import io.skytrade.core.valuation.ValuationParams;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldProduct;
import io.skytrade.core.world.WorldSettlement;
import io.skytrade.engine.config.EngineConfig;
import io.skytrade.engine.runtime.WorldObservations;
import io.skytrade.feeds.Observation;
import io.skytrade.feeds.ObservationPublisher;
import io.skytrade.feeds.SeriesIds;
import io.skytrade.feeds.synthetic.SyntheticSource;
import io.skytrade.feeds.synthetic.SyntheticSourceSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An engine started at any hour values every product from the feeds' first poll: the synthetic
 * sources backfill every series over the whole settlement window (the tide over three weeks), so
 * the valuation has the window's realised part and warm models at once, whatever the hour.
 */
class ColdStartTest {
    @ParameterizedTest
    @ValueSource(strings = {"2026-01-12T00:20:00Z", "2026-01-12T06:05:00Z", "2026-01-12T11:55:00Z", "2026-01-12T12:10:00Z",
        "2026-01-12T17:40:00Z", "2026-07-02T10:30:00Z"})
    void shouldValueEveryProductFromTheFirstPollAtAnyHour(final String startedAt) {
        final Instant at = Instant.parse(startedAt);
        final long now = at.getEpochSecond() * 1_000_000_000L;
        final InstrumentRegistry registry = InstrumentRegistry.of(EngineConfig.DEFAULT_INSTRUMENTS, EngineConfig.DEFAULT_SERIES);
        final SettlementRules rules = SettlementRules.defaults();
        final long end = rules.nextSettlementAtOrAfter(now);
        final SyntheticWorld world = new SyntheticWorld(31);
        final ManualEpochNanoClock clock = new ManualEpochNanoClock(now);
        final SideBuffers side = new SideBuffers(1);
        final ValuationHandler valuation = new ValuationHandler(registry, ValuationParams.defaults()
            .withWindow(rules.windowStart(end), end), rules, KalmanParams.defaults(), side);
        final List<Observation> first = new ArrayList<>();
        for (final SyntheticSourceSpec spec : SyntheticSourceSpec.defaults()) {
            final SyntheticSource source = new SyntheticSource(spec, SeriesIds.resolve(registry), new WorldObservations(world), 5, 1.0,
                clock, Duration.ofSeconds(30));
            first.addAll(source.poll().join().observations());
        }
        assertEveryProductValuedNearItsSettlement(valuation, side, first, now, new WorldSettlement(world, rules), end, startedAt);
    }

    /**
     * Feeds {@code observations} (received at {@code now}) to the valuation (which writes its
     * outputs into {@code side}) and asserts that every
     * product is then valued, with a finite fair value within 5 standard deviations of the
     * settlement at {@code end}.
     */
    static void assertEveryProductValuedNearItsSettlement(final ValuationHandler valuation, final SideBuffers side,
                                                          final List<Observation> observations,
                                                          final long now, final WorldSettlement settlement, final long end,
                                                          final String startedAt) {
        final EngineEvent e = new EngineEvent();
        final boolean[] valued = new boolean[WorldProduct.COUNT];
        final double[] fair = new double[WorldProduct.COUNT];
        final double[] std = new double[WorldProduct.COUNT];
        long seq = 0;
        for (final Observation o : observations) {
            e.clear();
            ObservationPublisher.TRANSLATOR.translateTo(e, o);
            e.receiveTimeNanos = now;
            valuation.onEvent(e, seq++, true);
            for (int p = 0; p < WorldProduct.COUNT; p++) {
                if (e.isTouched(p)) {
                    valued[p] = true;
                    fair[p] = side.fairValue(e, p);
                    std[p] = side.fairStd(e, p);
                }
            }
        }
        final double[] truth = new double[WorldProduct.COUNT];
        settlement.settleAll(end, truth);
        for (int p = 0; p < WorldProduct.COUNT; p++) {
            assertTrue(valued[p], WorldProduct.symbol(p) + " valued after the first poll at " + startedAt + " (" + observations.size()
                + " observations)");
            assertTrue(Double.isFinite(fair[p]) && std[p] >= 0, WorldProduct.symbol(p) + " = " + fair[p] + " +- " + std[p]);
            assertTrue(Math.abs(fair[p] - truth[p]) <= 5 * std[p] + 1e-6, WorldProduct.symbol(p) + " at " + startedAt + ": "
                + fair[p] + " +- " + std[p] + " against the settlement " + truth[p]);
        }
    }
}
