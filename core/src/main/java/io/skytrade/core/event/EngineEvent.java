package io.skytrade.core.event;


/**
 * One slot of the inbound ring: a mutable, preallocated record of primitives that carries one
 * input (market data, observation, order event, position report, timer, operator command,
 * settlement) and the small outputs the stages write for the stages after them. Variable-size
 * outputs (decisions, per-instrument vectors, state hashes) live in {@link SideBuffers}, indexed by
 * the same sequence, so that a slot stays within 512 bytes (a test holds it there).
 *
 * <p>Fields are grouped as: header, per-kind input fields (everything the journal stores), and
 * stage outputs (derived; never journaled, recomputed on replay). A publisher calls
 * {@link #clear()} and then sets the input fields; a stage reads inputs and writes outputs only.
 * Arrays are allocated once with the slot and never replaced, so the ring holds no garbage.
 *
 * <p>Thread-safety: the Disruptor's sequence barriers give each stage exclusive, ordered access to
 * the slot. Hot-path cost: field stores only; {@link #clear()} resets a few dozen primitives.
 */
public final class EngineEvent {
    /** Order-book levels carried per side in a {@link EventType#MARKET_BOOK} event. */
    public static final int BOOK_DEPTH = 5;
    /** Most instruments (products) the registry can hold; ids are 0..MAX_INSTRUMENTS-1. */
    public static final int MAX_INSTRUMENTS = 32;
    /** Most data series the registry can hold; ids are 0..MAX_SERIES-1. */
    public static final int MAX_SERIES = 32;
    /** Most hidden regimes the regime stage can report in {@link #regimePosterior}. */
    public static final int MAX_REGIMES = 8;
    /** Most stateful stages whose hashes a checkpoint event carries in {@link #stateHashes}. */
    public static final int MAX_HASHED_STAGES = 16;

    /** Observation quality flag: served from cache after a failed fetch. */
    public static final int QUALITY_STALE = 1;
    /** Observation quality flag: value estimated or interpolated by the source. */
    public static final int QUALITY_ESTIMATED = 2;

    /** Output flag: a stage threw while handling this event (see the failure recorder). */
    public static final int FLAG_STAGE_FAILED = 1;
    /** Output flag: the input failed validation (NaN, unknown id) and was ignored by the stages. */
    public static final int FLAG_INPUT_REJECTED = 4;

    /**
     * Bit of {@link #source} on a {@link EventType#MARKET_BOOK}: the venue's quantities already
     * exclude our own resting orders (the CMI venue reports our volume per level), so the book is
     * everyone else's as it stands and must not be netted again. Part of the journaled input.
     */
    public static final int SOURCE_OWN_EXCLUDED = 1 << 20;

    // ---------------------------------------------------------------- header
    /** {@link EventType} code. */
    public int type;
    /** Ring sequence, stamped at publish; equals the input's index in the journal. */
    public long sequence;
    /** When it happened at the source (venue timestamp, observation time), epoch nanoseconds. */
    public long eventTimeNanos;
    /** When the engine received it (ingress clock), epoch nanoseconds. */
    public long receiveTimeNanos;
    /** Instrument id for market, order, position and settlement events; series id for observations. */
    public int instrumentId;
    /** Source id: feed source for observations, venue for exchange events, 0 otherwise; books may carry {@link #SOURCE_OWN_EXCLUDED}. */
    public int source;

    // ---------------------------------------------------------------- MARKET_BOOK
    /** Venue's book sequence number (gap detection happens in the gateway). */
    public long bookSequence;
    public int bidLevels;
    public int askLevels;
    public final long[] bidPrices = new long[BOOK_DEPTH];
    public final long[] bidQtys = new long[BOOK_DEPTH];
    public final long[] askPrices = new long[BOOK_DEPTH];
    public final long[] askQtys = new long[BOOK_DEPTH];

    // ---------------------------------------------------------------- MARKET_TRADE (and fills)
    public long tradePriceTicks;
    public long tradeQty;
    /** Aggressor side of a market trade. */
    public int aggressorSide;

    // ---------------------------------------------------------------- OBSERVATION / SETTLEMENT
    /** Observation value in the series' documented unit, or the settlement value. */
    public double value;
    /** Bit set of QUALITY_* flags. */
    public int quality;

    // ---------------------------------------------------------------- ORDER_EVENT / POSITION_REPORT
    /** {@link OrderEventKind} code. */
    public int orderEventKind;
    public long clientOrderId;
    public long venueOrderId;
    public int side;
    public long priceTicks;
    public long quantity;
    public long fillQty;
    public long fillPriceTicks;
    public long leavesQty;
    public int rejectReason;
    /** Fee charged on a fill, in price units (ticks x contract size). */
    public double fee;
    /** Position reported by the venue (POSITION_REPORT). */
    public long position;

    // ---------------------------------------------------------------- CONTROL
    /** {@link ControlCode}. */
    public int controlCode;
    public long controlArg;

    // ---------------------------------------------------------------- stage outputs (not journaled)
    /** Bit set of FLAG_* outputs. */
    public int flags;
    /**
     * The journal stage could not append this event; nothing it causes may leave. A field of its
     * own, written only by the journal stage: in the parallel layout that stage runs at the same
     * time as the business stages on the same slot, so it must never read-modify-write
     * {@link #flags}. Only stages gated on the journal (the outbound group) may rely on it.
     */
    public boolean journalFailed;
    /** Stage that failed first on this event, as an index into the pipeline's stage list, or -1. */
    public int failedStage = -1;
    /** Bit set of instrument ids whose valuation ({@link SideBuffers#fairValue} and the rest) changed on this event. */
    public long touchedInstruments;
    /** Bit set of instrument ids whose signal (in {@link SideBuffers#signal}) was written on this event. */
    public long signalledInstruments;
    /**
     * True once a trading-book stage has written decisions for this event in
     * {@link SideBuffers#decisionsToWrite}; readers see an empty list while false. Written only on the
     * trading book's thread.
     */
    public boolean decisionsWritten;
    /**
     * Number of stateful stages whose state hashes ({@link SideBuffers#stateHash}: entry k is the hash
     * of the k-th stateful stage in pipeline order, taken right after it handled this event) this
     * event carries: set by the publisher (0 except on the pipeline's state-hash checkpoints), never
     * by a stage.
     */
    public int stateHashCount;

    // Scalar outputs about this event's own series or instrument; NaN when no stage wrote them.
    /** Feature stage: momentum over the rolling window, in rolling standard deviations. */
    public double featureMomentum = Double.NaN;
    /** Feature stage: book mid in ticks (MARKET_BOOK with both sides). */
    public double mid = Double.NaN;
    /** Feature stage: relative change of the mid since the previous two-sided book. */
    public double midReturn = Double.NaN;
    /** Feature stage: EWMA realised volatility of {@link #midReturn} (same unit, per book event). */
    public double realisedVol = Double.NaN;
    /**
     * Bit set of the per-event scalars written to the side buffers ({@link SideBuffers#FILTERED_MID}:
     * the Kalman stage's filtered mid; {@link SideBuffers#INNOVATION}: the valuation stage's data
     * surprise); each bit has one writer.
     */
    public byte sideScalars;
    /**
     * Regime stage: number of regimes whose posterior probability for the event's instrument it wrote
     * to {@link SideBuffers#regimePosterior} (0 when none).
     */
    public int regimeCount;

    /** Resets every field to its empty value; publishers call this before writing an input. */
    public void clear() {
        type = EventType.NONE;
        sequence = 0;
        eventTimeNanos = 0;
        receiveTimeNanos = 0;
        instrumentId = 0;
        source = 0;
        bookSequence = 0;
        bidLevels = 0;
        askLevels = 0;
        for (int i = 0; i < BOOK_DEPTH; i++) {
            bidPrices[i] = 0;
            bidQtys[i] = 0;
            askPrices[i] = 0;
            askQtys[i] = 0;
        }
        tradePriceTicks = 0;
        tradeQty = 0;
        aggressorSide = 0;
        value = 0;
        quality = 0;
        orderEventKind = 0;
        clientOrderId = 0;
        venueOrderId = 0;
        side = 0;
        priceTicks = 0;
        quantity = 0;
        fillQty = 0;
        fillPriceTicks = 0;
        leavesQty = 0;
        rejectReason = 0;
        fee = 0;
        position = 0;
        controlCode = 0;
        controlArg = 0;
        clearOutputs();
    }

    /** Resets the stage outputs only (inputs untouched). */
    public void clearOutputs() {
        flags = 0;
        journalFailed = false;
        failedStage = -1;
        touchedInstruments = 0;
        signalledInstruments = 0;
        decisionsWritten = false;
        stateHashCount = 0;
        featureMomentum = Double.NaN;
        mid = Double.NaN;
        midReturn = Double.NaN;
        realisedVol = Double.NaN;
        sideScalars = 0;
        regimeCount = 0;
    }

    /**
     * Copies the header and input fields of {@code other} (not its outputs, not its sequence) and
     * clears the outputs: what a replay or a relay publisher does.
     */
    public void copyInputsFrom(final EngineEvent other) {
        type = other.type;
        eventTimeNanos = other.eventTimeNanos;
        receiveTimeNanos = other.receiveTimeNanos;
        instrumentId = other.instrumentId;
        source = other.source;
        bookSequence = other.bookSequence;
        bidLevels = other.bidLevels;
        askLevels = other.askLevels;
        System.arraycopy(other.bidPrices, 0, bidPrices, 0, BOOK_DEPTH);
        System.arraycopy(other.bidQtys, 0, bidQtys, 0, BOOK_DEPTH);
        System.arraycopy(other.askPrices, 0, askPrices, 0, BOOK_DEPTH);
        System.arraycopy(other.askQtys, 0, askQtys, 0, BOOK_DEPTH);
        tradePriceTicks = other.tradePriceTicks;
        tradeQty = other.tradeQty;
        aggressorSide = other.aggressorSide;
        value = other.value;
        quality = other.quality;
        orderEventKind = other.orderEventKind;
        clientOrderId = other.clientOrderId;
        venueOrderId = other.venueOrderId;
        side = other.side;
        priceTicks = other.priceTicks;
        quantity = other.quantity;
        fillQty = other.fillQty;
        fillPriceTicks = other.fillPriceTicks;
        leavesQty = other.leavesQty;
        rejectReason = other.rejectReason;
        fee = other.fee;
        position = other.position;
        controlCode = other.controlCode;
        controlArg = other.controlArg;
        clearOutputs();
    }

    /** Best bid in ticks, or 0 when the book has no bid. */
    public long bestBid() {
        return bidLevels > 0 ? bidPrices[0] : 0;
    }

    /** Best ask in ticks, or 0 when the book has no ask. */
    public long bestAsk() {
        return askLevels > 0 ? askPrices[0] : 0;
    }

    /** True for a book event with both sides present. */
    public boolean hasTwoSidedBook() {
        return type == EventType.MARKET_BOOK && bidLevels > 0 && askLevels > 0;
    }

    /** Marks an instrument's valuation outputs as written on this event. */
    public void touch(final int instrument) {
        touchedInstruments |= 1L << instrument;
    }

    public boolean isTouched(final int instrument) {
        return (touchedInstruments & (1L << instrument)) != 0;
    }

    /** Readable one-line form for dumps and test failures (allocates: never on the hot path). */
    @Override
    public String toString() {
        return EventText.format(this);
    }
}
