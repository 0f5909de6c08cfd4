package io.skytrade.core.registry;

import io.skytrade.core.event.EngineEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps instrument (product) and data-series names to dense {@code int} ids, assigned in
 * declaration order at start-up. Strings never travel on the hot path: stages index arrays by
 * these ids, and only start-up code, tools and reports look names up.
 *
 * <p>Immutable once built; safe to share across threads. Hot-path cost: none (look-ups by name
 * are for start-up and tools).
 */
public final class InstrumentRegistry {
    private final List<String> instruments;
    private final List<String> series;
    private final Map<String, Integer> instrumentIds;
    private final Map<String, Integer> seriesIds;

    private InstrumentRegistry(final List<String> instruments, final List<String> series) {
        this.instruments = List.copyOf(instruments);
        this.series = List.copyOf(series);
        this.instrumentIds = index(this.instruments, "instrument");
        this.seriesIds = index(this.series, "series");
    }

    /**
     * Builds a registry; ids follow list order. Fails on duplicates or on more names than
     * {@link EngineEvent#MAX_INSTRUMENTS} / {@link EngineEvent#MAX_SERIES}.
     */
    public static InstrumentRegistry of(final List<String> instruments, final List<String> series) {
        if (instruments.size() > EngineEvent.MAX_INSTRUMENTS) {
            throw new IllegalArgumentException("at most " + EngineEvent.MAX_INSTRUMENTS + " instruments, got " + instruments.size());
        }
        if (series.size() > EngineEvent.MAX_SERIES) {
            throw new IllegalArgumentException("at most " + EngineEvent.MAX_SERIES + " series, got " + series.size());
        }
        return new InstrumentRegistry(instruments, series);
    }

    private static Map<String, Integer> index(final List<String> names, final String what) {
        final Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            final String name = names.get(i);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(what + " name at position " + i + " is empty");
            }
            if (ids.put(name, i) != null) {
                throw new IllegalArgumentException("duplicate " + what + " name '" + name + "'");
            }
        }
        return Collections.unmodifiableMap(ids);
    }

    public int instrumentCount() {
        return instruments.size();
    }

    public int seriesCount() {
        return series.size();
    }

    /** Id of an instrument, or -1 when unknown. */
    public int instrumentId(final String name) {
        final Integer id = instrumentIds.get(name);
        return id == null ? -1 : id;
    }

    /** Id of a data series, or -1 when unknown. */
    public int seriesId(final String name) {
        final Integer id = seriesIds.get(name);
        return id == null ? -1 : id;
    }

    /** Id of an instrument, failing with a message naming it when unknown. */
    public int requireInstrument(final String name) {
        final int id = instrumentId(name);
        if (id < 0) {
            throw new IllegalArgumentException("unknown instrument '" + name + "'; known: " + instruments);
        }
        return id;
    }

    /** Id of a series, failing with a message naming it when unknown. */
    public int requireSeries(final String name) {
        final int id = seriesId(name);
        if (id < 0) {
            throw new IllegalArgumentException("unknown series '" + name + "'; known: " + series);
        }
        return id;
    }

    public String instrumentName(final int id) {
        return id >= 0 && id < instruments.size() ? instruments.get(id) : "#" + id;
    }

    public String seriesName(final int id) {
        return id >= 0 && id < series.size() ? series.get(id) : "#" + id;
    }

    public List<String> instruments() {
        return instruments;
    }

    public List<String> series() {
        return series;
    }

    /** Mutable builder for start-up code that discovers names one at a time. */
    public static final class Builder {
        private final List<String> instruments = new ArrayList<>();
        private final List<String> series = new ArrayList<>();

        public Builder instrument(final String name) {
            instruments.add(name);
            return this;
        }

        public Builder series(final String name) {
            series.add(name);
            return this;
        }

        public InstrumentRegistry build() {
            return of(instruments, series);
        }
    }
}
