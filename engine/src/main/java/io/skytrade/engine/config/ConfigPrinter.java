package io.skytrade.engine.config;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints an {@link EngineConfig} back as YAML with every key and its effective value (defaults
 * included), in the same key names and units the loader reads: the exact configuration reference
 * of a build ({@code skytrade config show}). Keys are printed in a fixed order (sections and
 * record components as declared, keys of maps sorted), the same on every JVM run. Tools only.
 */
public final class ConfigPrinter {
    private static final long EPOCH_THRESHOLD = 100_000_000_000_000_000L;

    private ConfigPrinter() {
    }

    /** The configuration as YAML text. */
    public static String yaml(final EngineConfig config) {
        final Map<String, Object> root = new LinkedHashMap<>();
        root.put("instruments", config.instruments());
        root.put("series", config.series());
        final var layout = config.pipeline().layout();
        final Map<String, Object> pipeline = new LinkedHashMap<>();
        pipeline.put("ringSize", layout.ringSize());
        pipeline.put("waitStrategy", layout.waitStrategy().configName());
        pipeline.put("journalMode", layout.journalParallel() ? "parallel" : "inline");
        pipeline.put("threads", layout.threads());
        pipeline.put("cpus", layout.cpus());
        root.put("pipeline", pipeline);
        final Map<String, Object> journal = new LinkedHashMap<>();
        journal.put("dir", config.journal().dir());
        journal.put("blockSize", config.journal().settings().blockSizeBytes());
        journal.put("rollCycle", config.journal().settings().rollCycle());
        journal.put("pretouch", config.journal().settings().pretouch());
        journal.put("pretouchAhead", config.journal().settings().pretouchAheadBytes());
        journal.put("storage", config.journal().settings().storage());
        journal.put("shmDir", config.journal().settings().shmDir());
        final Map<String, Object> retention = new LinkedHashMap<>();
        retention.put("runs", config.journal().retention().runs());
        retention.put("days", config.journal().retention().days());
        journal.put("retention", retention);
        journal.put("stateHashInterval", config.journal().stateHashInterval());
        root.put("journal", journal);
        root.put("venue", toMap(config.venue()));
        final var m = config.market();
        final Map<String, Object> market = new LinkedHashMap<>();
        market.put("source", m.source());
        market.put("seed", m.seed());
        market.put("eventsPerSecond", m.eventsPerSecond());
        market.put("startPrice", m.startPrice());
        market.put("volatilityTicks", m.volatilityTicks());
        market.put("spreadTicks", m.spreadTicks());
        market.put("levelQty", m.levelQty());
        root.put("market", market);
        root.put("feeds", toMap(config.feeds()));
        for (final RecordComponent c : config.model().getClass().getRecordComponents()) {
            final Object section = read(c, config.model());
            root.put(c.getName(), section instanceof Record r ? toMap(r) : section);
        }
        root.put("control", toMap(config.control()));
        root.put("backtest", toMap(config.backtest()));
        root.put("timers", Map.of("interval", duration(config.timers().intervalNanos())));
        root.put("status", Map.of("interval", duration(config.status().intervalNanos())));
        root.put("metrics", toMap(config.metrics()));
        root.put("dashboard", toMap(config.dashboard()));
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.AUTO).build()).dumpToString(root);
    }

    private static Map<String, Object> toMap(final Record record) {
        final Map<String, Object> out = new LinkedHashMap<>();
        for (final RecordComponent c : record.getClass().getRecordComponents()) {
            out.put(RecordBinder.keyOf(c), value(c, read(c, record)));
        }
        return out;
    }

    private static Object value(final RecordComponent c, final Object v) {
        if (v == null) {
            return null;
        }
        if (c.getType() == long.class && !RecordBinder.keyOf(c).equals(c.getName())) {
            final long nanos = (Long) v;
            return nanos > EPOCH_THRESHOLD ? Instant.ofEpochSecond(0, nanos).toString() : duration(nanos);
        }
        if (v instanceof Record r) {
            return toMap(r);
        }
        if (v instanceof Map<?, ?> map) {
            // keys sorted: a record's map (Map.copyOf) iterates in an order salted per JVM run
            final Map<String, Object> out = new TreeMap<>();
            map.forEach((k, rec) -> out.put(k.toString(), rec instanceof Record r ? toMap(r) : rec));
            return out;
        }
        if (v instanceof double[] arr) {
            final List<Double> list = new ArrayList<>();
            for (final double d : arr) {
                list.add(d);
            }
            return list;
        }
        if (v instanceof Duration d) {
            return duration(d.toNanos());
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Path p) {
            return p.toString();
        }
        return v;
    }

    /**
     * A duration in the largest unit that divides it exactly ("15m", "250ms", "1500us"); zero is
     * "0", which also reads back as "unset" for instants ({@code venue.worldStart: 0} = wall clock).
     */
    static String duration(final long nanos) {
        if (nanos == 0) {
            return "0";
        }
        final long[] units = {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
        final String[] names = {"d", "h", "m", "s", "ms", "us"};
        for (int i = 0; i < units.length; i++) {
            if (nanos % units[i] == 0) {
                return nanos / units[i] + names[i];
            }
        }
        return nanos + "ns";
    }

    private static Object read(final RecordComponent c, final Object record) {
        try {
            return c.getAccessor().invoke(record);
        } catch (final ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }
}
