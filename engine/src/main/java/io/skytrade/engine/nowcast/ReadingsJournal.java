package io.skytrade.engine.nowcast;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.registry.InstrumentRegistry;
import io.skytrade.core.world.SyntheticWorld;
import io.skytrade.core.world.WorldReadings;
import io.skytrade.core.world.WorldSeries;
import io.skytrade.journal.InputJournalStage;
import io.skytrade.journal.JournalSettings;
import io.skytrade.journal.Queues;
import io.skytrade.journal.RunDirectory;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Writes a journal of what the offline synthetic feeds publish about one seeded world over a span
 * of days: every series' readings with their cadence, noise, rounding and publication delay
 * ({@link WorldReadings}), as OBSERVATION inputs stamped with their observation time and received
 * when they are published, in publication order, exactly as a live run on the synthetic feeds
 * would journal them (without the market). {@code nowcast fit} reads such journals.
 *
 * <p>Offline tool: allocates; about a microsecond per reading, dominated by the journal append.
 */
public final class ReadingsJournal {
    private ReadingsJournal() {
    }

    /**
     * Writes the readings of world {@code seed} from {@code startNanos} for {@code days} into a new
     * run directory under {@code root} carrying {@code configYaml}; the feed noise is drawn from
     * {@code noiseSeed}.
     */
    public static RunDirectory write(final Path root, final String configYaml, final InstrumentRegistry registry, final long seed,
                                     final long noiseSeed, final long startNanos, final int days) {
        final RunDirectory run = RunDirectory.create(root, configYaml, Instant.now(),
            Map.of("readings", "ReadingsJournal world seed " + seed + ", noise seed " + noiseSeed + ", " + days + " days"));
        final SyntheticWorld world = new SyntheticWorld(seed);
        final int[] ids = new int[WorldSeries.COUNT];
        final long[] next = new long[WorldSeries.COUNT];
        for (int s = 0; s < WorldSeries.COUNT; s++) {
            ids[s] = registry.seriesId(WorldSeries.name(s));
            next[s] = Math.floorDiv(startNanos, WorldReadings.cadenceNanos(s)) * WorldReadings.cadenceNanos(s);
        }
        final long end = startNanos + days * SyntheticWorld.DAY_NANOS;
        final EngineEvent e = new EngineEvent();
        long sequence = 0;
        try (SingleChronicleQueue queue = Queues.openForWriting(run.inputs(), JournalSettings.defaults(), null)) {
            final InputJournalStage journal = new InputJournalStage(queue);
            journal.onStart();
            for (long now = startNanos; now <= end; now += SyntheticWorld.MINUTE_NANOS) {
                for (int s = 0; s < WorldSeries.COUNT; s++) {
                    if (ids[s] < 0) {
                        continue;
                    }
                    final long newest = WorldReadings.newestPublished(s, now);
                    for (long t = next[s]; t <= newest; t += WorldReadings.cadenceNanos(s)) {
                        e.clear();
                        e.type = EventType.OBSERVATION;
                        e.sequence = sequence;
                        e.instrumentId = ids[s];
                        e.eventTimeNanos = t;
                        e.receiveTimeNanos = now;
                        e.value = WorldReadings.reading(world, s, t, noiseSeed, 1.0);
                        journal.onEvent(e, sequence++, true);
                        next[s] = t + WorldReadings.cadenceNanos(s);
                    }
                }
            }
            run.markClosed(journal.entries(), 0, Instant.now());
        }
        return run;
    }
}
