package io.skytrade.core.event;

/**
 * The ring's side buffers: the variable-size outputs the stages write for the stages after them
 * (decisions, per-instrument valuations and signals, regime posteriors, state-hash checkpoints), kept out of the
 * ring slot so that an {@link EngineEvent} stays small. One entry per ring slot, preallocated,
 * indexed by the input's sequence ({@code sequence & (slots - 1)}), so that an entry lives exactly
 * as long as its slot: a stage reading sequence s reads what the earlier stages wrote for s.
 *
 * <p>Ownership: each buffer has one writer, the stage named on its accessors (the trading book's
 * stages for decisions, the signal stage for signals, the regime stage for posteriors, each stateful
 * stage's group for its own state-hash entry, the valuation stage for valuations); every other
 * stage only reads. Validity travels in the slot, whose outputs the publisher clears:
 * {@link EngineEvent#touchedInstruments}, {@link EngineEvent#signalledInstruments},
 * {@link EngineEvent#regimeCount}, {@link EngineEvent#stateHashCount} and
 * {@link EngineEvent#decisionsWritten} say which entries were written for this input.
 *
 * <p>Thread-safety: the same as the slot's fields; the Disruptor's sequence barriers order a
 * writer's stores before a later stage's loads of the same sequence. The number of slots must be at
 * least the ring's (a stage may run a whole ring ahead of a later one); an inline pipeline, which
 * runs every stage on one input before the next, may use any power of two. Hot-path cost: an index
 * computation and array accesses; no allocation after construction.
 */
public final class SideBuffers {
    private static final Decisions NONE = new Decisions();

    /** Valuation fields per instrument, adjacent in one entry: fair value, its std, nowcast, its std, market, its std, weight. */
    private static final int VALUATION = 7;
    private static final int FAIR = 0;
    private static final int FAIR_STD = 1;
    private static final int NOWCAST = 2;
    private static final int NOWCAST_STD = 3;
    private static final int MARKET = 4;
    private static final int MARKET_STD = 5;
    private static final int WEIGHT = 6;

    /** {@link EngineEvent#sideScalars} bit: the Kalman stage wrote the filtered mid. */
    public static final byte FILTERED_MID = 1;
    /** {@link EngineEvent#sideScalars} bit: the valuation stage wrote the observation's data surprise. */
    public static final byte INNOVATION = 2;
    /** Per-event scalars: filtered mid, its variance, innovation. */
    private static final int SCALARS = 3;

    private final int mask;
    private final int instruments;
    private final double[] scalars;
    private final Decisions[] decisions;
    private final double[] valuation;
    private final double[] signal;
    private final double[] regimePosterior;
    private final long[] stateHashes;

    /**
     * @param slots entries per buffer: a power of two, at least the ring size of the pipeline
     */
    public SideBuffers(final int slots) {
        this(slots, EngineEvent.MAX_INSTRUMENTS);
    }

    /**
     * @param slots       entries per buffer: a power of two, at least the ring size of the pipeline
     * @param instruments instruments per entry of the valuation and signal buffers (the registry's
     *                    count, 1..{@link EngineEvent#MAX_INSTRUMENTS}): ids 0..instruments-1 may be
     *                    written. Fewer than the maximum keep an entry's valuations within a few
     *                    cache lines (9 products: 504 bytes instead of 1,792)
     */
    public SideBuffers(final int slots, final int instruments) {
        if (slots < 1 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("side buffer slots: " + slots + " must be a power of two >= 1");
        }
        if (instruments < 1 || instruments > EngineEvent.MAX_INSTRUMENTS) {
            throw new IllegalArgumentException("side buffer instruments: " + instruments + " must be in [1, "
                + EngineEvent.MAX_INSTRUMENTS + "]");
        }
        this.mask = slots - 1;
        this.instruments = instruments;
        this.decisions = new Decisions[slots];
        for (int i = 0; i < slots; i++) {
            decisions[i] = new Decisions();
        }
        this.valuation = new double[slots * instruments * VALUATION];
        this.signal = new double[slots * instruments];
        this.scalars = new double[slots * SCALARS];
        this.regimePosterior = new double[slots * EngineEvent.MAX_REGIMES];
        this.stateHashes = new long[slots * EngineEvent.MAX_HASHED_STAGES];
    }

    /** Entries per buffer. */
    public int slots() {
        return mask + 1;
    }

    private int index(final EngineEvent event) {
        return (int) event.sequence & mask;
    }

    /**
     * The decisions of {@code event} for a writer (the trading book's stages, on their one thread):
     * emptied on the first call for this input, then the same list for the following writers.
     */
    public Decisions decisionsToWrite(final EngineEvent event) {
        final Decisions d = decisions[index(event)];
        if (!event.decisionsWritten) {
            d.clear();
            event.decisionsWritten = true;
        }
        return d;
    }

    /** The decisions {@code event} caused, for a reader (order stage, journals); empty when none were written. */
    public Decisions decisions(final EngineEvent event) {
        return event.decisionsWritten ? decisions[index(event)] : NONE;
    }

    private int valuationAt(final EngineEvent event, final int instrument) {
        return (index(event) * instruments + instrument) * VALUATION;
    }

    /**
     * Valuation stage: records the valuation of {@code instrument} (the fair value and its standard
     * deviation, with their components: the nowcast from the data, the market-implied value, NaN
     * when the market was not blended, and the nowcast's weight in the blend) and marks it touched.
     */
    public void setValuation(final EngineEvent event, final int instrument, final double fairValue, final double fairStd,
                             final double nowcastValue, final double nowcastStd, final double marketValue,
                             final double marketStd, final double nowcastWeight) {
        final int at = valuationAt(event, instrument);
        valuation[at + FAIR] = fairValue;
        valuation[at + FAIR_STD] = fairStd;
        valuation[at + NOWCAST] = nowcastValue;
        valuation[at + NOWCAST_STD] = nowcastStd;
        valuation[at + MARKET] = marketValue;
        valuation[at + MARKET_STD] = marketStd;
        valuation[at + WEIGHT] = nowcastWeight;
        event.touch(instrument);
    }

    /** Expected settlement of {@code instrument}; valid where {@link EngineEvent#touchedInstruments} has its bit. */
    public double fairValue(final EngineEvent event, final int instrument) {
        return valuation[valuationAt(event, instrument) + FAIR];
    }

    /** Standard deviation of the expected settlement (valid like {@link #fairValue}). */
    public double fairStd(final EngineEvent event, final int instrument) {
        return valuation[valuationAt(event, instrument) + FAIR_STD];
    }

    /** The nowcast from the data (valid like {@link #fairValue}). */
    public double nowcastValue(final EngineEvent event, final int instrument) {
        return valuation[valuationAt(event, instrument) + NOWCAST];
    }

    /** The nowcast's standard deviation (valid like {@link #fairValue}). */
    public double nowcastStd(final EngineEvent event, final int instrument) {
        return valuation[valuationAt(event, instrument) + NOWCAST_STD];
    }

    /** The market-implied value, NaN when the market was not blended (valid like {@link #fairValue}). */
    public double marketValue(final EngineEvent event, final int instrument) {
        return valuation[valuationAt(event, instrument) + MARKET];
    }

    /** The market's learned standard deviation (valid like {@link #fairValue}). */
    public double marketStd(final EngineEvent event, final int instrument) {
        return valuation[valuationAt(event, instrument) + MARKET_STD];
    }

    /** The nowcast's weight in the blend, 1 when the market was not used (valid like {@link #fairValue}). */
    public double nowcastWeight(final EngineEvent event, final int instrument) {
        return valuation[valuationAt(event, instrument) + WEIGHT];
    }

    /**
     * Kalman stage: records the filtered mid of the event's instrument (ticks) and its variance (its
     * standard deviation, {@link #filteredMidStd}, is formed when read: the report-only signal is its
     * one reader).
     */
    public void setFilteredMid(final EngineEvent event, final double mid, final double variance) {
        final int at = index(event) * SCALARS;
        scalars[at] = mid;
        scalars[at + 1] = variance;
        event.sideScalars |= FILTERED_MID;
    }

    /** The filtered mid of the event's instrument in ticks, NaN when the Kalman stage wrote none. */
    public double filteredMid(final EngineEvent event) {
        return (event.sideScalars & FILTERED_MID) != 0 ? scalars[index(event) * SCALARS] : Double.NaN;
    }

    /** The filtered mid's standard deviation (the square root of the recorded variance), NaN when the Kalman stage wrote none. */
    public double filteredMidStd(final EngineEvent event) {
        return (event.sideScalars & FILTERED_MID) != 0 ? Math.sqrt(scalars[index(event) * SCALARS + 1]) : Double.NaN;
    }

    /**
     * Valuation stage: records the standardised innovation (data surprise) of the observation under
     * its series' nowcast model.
     */
    public void setInnovationZ(final EngineEvent event, final double z) {
        scalars[index(event) * SCALARS + 2] = z;
        event.sideScalars |= INNOVATION;
    }

    /** The observation's data surprise, NaN when gated, not modelled or not an observation. */
    public double innovationZ(final EngineEvent event) {
        return (event.sideScalars & INNOVATION) != 0 ? scalars[index(event) * SCALARS + 2] : Double.NaN;
    }

    /** Signal stage: records the combined signal of {@code instrument} and marks it in the slot. */
    public void setSignal(final EngineEvent event, final int instrument, final double value) {
        signal[index(event) * instruments + instrument] = value;
        event.signalledInstruments |= 1L << instrument;
    }

    /** The combined signal of {@code instrument}; valid where {@link EngineEvent#signalledInstruments} has its bit. */
    public double signal(final EngineEvent event, final int instrument) {
        return signal[index(event) * instruments + instrument];
    }

    /** Regime stage: records the posterior of regime {@code regime} for the event's instrument. */
    public void setRegimePosterior(final EngineEvent event, final int regime, final double probability) {
        regimePosterior[index(event) * EngineEvent.MAX_REGIMES + regime] = probability;
    }

    /** Posterior of regime {@code regime}; valid for {@code regime < }{@link EngineEvent#regimeCount}. */
    public double regimePosterior(final EngineEvent event, final int regime) {
        return regimePosterior[index(event) * EngineEvent.MAX_REGIMES + regime];
    }

    /**
     * Copies the first {@code count} regime posteriors of {@code event} into {@code target} from
     * {@code offset} (the strategy keeps them per instrument).
     */
    public void copyRegimePosterior(final EngineEvent event, final int count, final double[] target, final int offset) {
        System.arraycopy(regimePosterior, index(event) * EngineEvent.MAX_REGIMES, target, offset, count);
    }

    /** A stateful stage's group: records the {@code k}-th state hash of a checkpoint event. */
    public void setStateHash(final EngineEvent event, final int k, final long hash) {
        stateHashes[index(event) * EngineEvent.MAX_HASHED_STAGES + k] = hash;
    }

    /** The {@code k}-th state hash of a checkpoint event; valid for {@code k < }{@link EngineEvent#stateHashCount}. */
    public long stateHash(final EngineEvent event, final int k) {
        return stateHashes[index(event) * EngineEvent.MAX_HASHED_STAGES + k];
    }
}
