package io.skytrade.engine.metrics;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.risk.RiskReason;
import io.skytrade.exchange.RejectReason;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The engine's counters and gauges: Agrona {@link AtomicCounter}s in one {@link CountersManager}
 * (off-heap, 128 bytes per value so no two writers share a cache line), each written by exactly
 * one thread with release stores and read by any thread (status line, {@code ctl status},
 * {@code /metrics}, dashboard). Which thread writes which counter is fixed: the order stage's
 * observer writes what it counts from the events (inputs, decisions, fills, rejects, mode,
 * market, fair values, signals, regimes); the signal stage's observer the signal's components; the
 * book stage's observer positions and PnL of the one trading book; the risk
 * stage's observer writes equity and drawdown; the reporter thread writes what it samples (ring
 * capacity, venue connection, feeds). Doubles are stored as their raw IEEE bits
 * ({@link #setDouble}, {@link #getDouble}; type {@link #TYPE_DOUBLE}).
 *
 * <p>Allocated once at start-up; writing a counter is a plain store on x86 (no allocation, lock
 * or boxing).
 */
public final class EngineCounters {
    /** Type id of a count that only grows. */
    public static final int TYPE_COUNT = 1;
    /** Type id of a long gauge (goes up and down). */
    public static final int TYPE_GAUGE = 2;
    /** Type id of a double gauge stored as raw bits. */
    public static final int TYPE_DOUBLE = 3;
    /** Highest risk reason code counted (codes above it are counted under it). */
    public static final int RISK_REASONS = 64;
    private static final int MAX_COUNTERS = 1024;

    private final CountersManager manager;
    private final List<String> instruments;
    private final List<String> series;
    private final int regimes;

    // ----------------------------------------------------------------- order stage observer
    final AtomicCounter[] inputs = new AtomicCounter[EventType.COUNT];
    final AtomicCounter[] decisions = new AtomicCounter[DecisionKind.ALERT + 1];
    final AtomicCounter[] riskRejects = new AtomicCounter[RISK_REASONS];
    final AtomicCounter[] venueRejects = new AtomicCounter[RejectReason.COUNT];
    final AtomicCounter ordersSent;
    final AtomicCounter cancelsSent;
    final AtomicCounter fills;
    final AtomicCounter filledLots;
    final AtomicCounter mode;
    final AtomicCounter modeCause;
    final AtomicCounter modeChangeSequence;
    final AtomicCounter modeChanges;
    final AtomicCounter tapeDropped;
    final AtomicCounter lastSequence;
    final AtomicCounter[] bid;
    final AtomicCounter[] ask;
    final AtomicCounter[] fairValue;
    final AtomicCounter[] fairStd;
    final AtomicCounter[] signal;
    // ----------------------------------------------------------------- signal stage observer
    final AtomicCounter[] signalMispricing;
    final AtomicCounter[] signalMomentum;
    final AtomicCounter[] signalSurprise;
    final AtomicCounter[] regimeState;
    final AtomicCounter[][] regimeProbability;
    final AtomicCounter[] position;
    final AtomicCounter[] realisedPnl;
    final AtomicCounter[] unrealisedPnl;
    final AtomicCounter[] fees;
    final AtomicCounter[] observations;
    final AtomicCounter[] lastObservationTime;
    final AtomicCounter[] lastObservationValue;
    // ----------------------------------------------------------------- risk stage observer
    final AtomicCounter equity;
    final AtomicCounter peakEquity;
    final AtomicCounter drawdown;
    // ----------------------------------------------------------------- reporter thread
    final AtomicCounter ringRemaining;
    final AtomicCounter venueConnected;
    final AtomicCounter venueConnects;

    /**
     * @param instruments product symbols in registry order
     * @param series      data series names in registry order
     * @param regimes     number of regimes of the regime stage (1..{@link EngineEvent#MAX_REGIMES})
     */
    public EngineCounters(final List<String> instruments, final List<String> series, final int regimes) {
        if (regimes < 1 || regimes > EngineEvent.MAX_REGIMES) {
            throw new IllegalArgumentException("regimes " + regimes + " must be in 1.." + EngineEvent.MAX_REGIMES);
        }
        this.instruments = List.copyOf(instruments);
        this.series = List.copyOf(series);
        this.regimes = regimes;
        manager = new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_COUNTERS * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_COUNTERS * CountersReader.COUNTER_LENGTH)));
        for (int t = 0; t < inputs.length; t++) {
            inputs[t] = count("inputs type=" + EventType.name(t));
        }
        for (int k = 0; k < decisions.length; k++) {
            decisions[k] = count("decisions kind=" + DecisionKind.name(k));
        }
        for (int r = 0; r < riskRejects.length; r++) {
            riskRejects[r] = count("risk rejects reason=" + RiskReason.name(r));
        }
        for (int r = 0; r < venueRejects.length; r++) {
            venueRejects[r] = count("venue rejects reason=" + RejectReason.name(r));
        }
        ordersSent = count("orders sent");
        cancelsSent = count("cancels sent");
        fills = count("fills");
        filledLots = count("filled lots");
        mode = gauge("risk mode");
        modeCause = gauge("risk mode last change cause");
        modeChangeSequence = gauge("risk mode last change input sequence");
        modeChanges = count("risk mode changes");
        tapeDropped = count("decision tape records dropped");
        lastSequence = gauge("last input sequence handled");
        final int n = instruments.size();
        bid = perInstrument(TYPE_GAUGE, "best bid ticks");
        ask = perInstrument(TYPE_GAUGE, "best ask ticks");
        fairValue = perInstrument(TYPE_DOUBLE, "fair value");
        fairStd = perInstrument(TYPE_DOUBLE, "fair value std");
        signal = perInstrument(TYPE_DOUBLE, "signal");
        signalMispricing = perInstrument(TYPE_DOUBLE, "signal component mispricing");
        signalMomentum = perInstrument(TYPE_DOUBLE, "signal component momentum");
        signalSurprise = perInstrument(TYPE_DOUBLE, "signal component surprise");
        regimeState = perInstrument(TYPE_GAUGE, "regime most likely");
        regimeProbability = new AtomicCounter[n][regimes];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < regimes; k++) {
                regimeProbability[i][k] = newCounter(TYPE_DOUBLE, "regime posterior product=" + instruments.get(i) + " regime=" + k);
            }
        }
        position = perInstrument(TYPE_GAUGE, "position lots");
        realisedPnl = perInstrument(TYPE_DOUBLE, "realised pnl");
        unrealisedPnl = perInstrument(TYPE_DOUBLE, "unrealised pnl");
        fees = perInstrument(TYPE_DOUBLE, "fees");
        observations = perSeries(TYPE_COUNT, "observations");
        lastObservationTime = perSeries(TYPE_GAUGE, "last observation event time ns");
        lastObservationValue = perSeries(TYPE_DOUBLE, "last observation value");
        equity = newCounter(TYPE_DOUBLE, "equity");
        peakEquity = newCounter(TYPE_DOUBLE, "peak equity");
        drawdown = newCounter(TYPE_DOUBLE, "drawdown");
        ringRemaining = gauge("ring remaining capacity");
        venueConnected = gauge("venue connected");
        venueConnects = count("venue connects");
        for (int i = 0; i < n; i++) {
            setDouble(fairValue[i], Double.NaN);
            setDouble(fairStd[i], Double.NaN);
            setDouble(signal[i], Double.NaN);
            setDouble(signalMispricing[i], Double.NaN);
            setDouble(signalMomentum[i], Double.NaN);
            setDouble(signalSurprise[i], Double.NaN);
            regimeState[i].setRelease(-1);
        }
        for (int s = 0; s < series.size(); s++) {
            setDouble(lastObservationValue[s], Double.NaN);
        }
    }

    private AtomicCounter count(final String label) {
        return newCounter(TYPE_COUNT, label);
    }

    private AtomicCounter gauge(final String label) {
        return newCounter(TYPE_GAUGE, label);
    }

    private AtomicCounter newCounter(final int type, final String label) {
        return manager.newCounter(label, type);
    }

    private AtomicCounter[] perInstrument(final int type, final String label) {
        final AtomicCounter[] result = new AtomicCounter[instruments.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = newCounter(type, label + " product=" + instruments.get(i));
        }
        return result;
    }

    private AtomicCounter[] perSeries(final int type, final String label) {
        final AtomicCounter[] result = new AtomicCounter[series.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = newCounter(type, label + " series=" + series.get(i));
        }
        return result;
    }

    /** Stores a double as its raw bits (release store; single writer). */
    static void setDouble(final AtomicCounter counter, final double value) {
        counter.setRelease(Double.doubleToRawLongBits(value));
    }

    /** Reads a double stored by {@link #setDouble}. */
    static double getDouble(final AtomicCounter counter) {
        return Double.longBitsToDouble(counter.getAcquire());
    }

    // ----------------------------------------------------------------- readers (any thread)

    public List<String> instruments() {
        return instruments;
    }

    public List<String> series() {
        return series;
    }

    public int regimes() {
        return regimes;
    }

    /** Inputs handled by every stage, of one {@link EventType}. */
    public long inputs(final int type) {
        return inputs[type].getAcquire();
    }

    /** Inputs handled by every stage, all types. */
    public long inputsTotal() {
        long total = 0;
        for (final AtomicCounter c : inputs) {
            total += c.getAcquire();
        }
        return total;
    }

    /** Decisions of one {@link DecisionKind}, any verdict. */
    public long decisions(final int kind) {
        return decisions[kind].getAcquire();
    }

    public long decisionsTotal() {
        long total = 0;
        for (final AtomicCounter c : decisions) {
            total += c.getAcquire();
        }
        return total;
    }

    /** Order intents and cancels refused by risk (or the order stage), by {@link RiskReason}. */
    public long riskRejects(final int reason) {
        return riskRejects[reason].getAcquire();
    }

    /** Orders the venue (or the gateway) rejected, by the exchange's {@link RejectReason}. */
    public long venueRejects(final int reason) {
        return venueRejects[reason].getAcquire();
    }

    public long ordersSent() {
        return ordersSent.getAcquire();
    }

    public long cancelsSent() {
        return cancelsSent.getAcquire();
    }

    public long fills() {
        return fills.getAcquire();
    }

    public long filledLots() {
        return filledLots.getAcquire();
    }

    /** The risk stage's {@link io.skytrade.core.risk.TradingMode}, from its MODE_CHANGE decisions. */
    public int mode() {
        return (int) mode.getAcquire();
    }

    /** Cause of the last mode change as a {@link RiskReason} code (0 before the first). */
    public int modeCause() {
        return (int) modeCause.getAcquire();
    }

    /** Input sequence of the last mode change (-1 before the first). */
    public long modeChangeSequence() {
        return modeChanges.getAcquire() == 0 ? -1 : modeChangeSequence.getAcquire();
    }

    public long modeChanges() {
        return modeChanges.getAcquire();
    }

    public long tapeDropped() {
        return tapeDropped.getAcquire();
    }

    /** Sequence of the last input every stage has handled (-1 before the first). */
    public long lastSequence() {
        return inputsTotal() == 0 ? -1 : lastSequence.getAcquire();
    }

    public long bid(final int instrument) {
        return bid[instrument].getAcquire();
    }

    public long ask(final int instrument) {
        return ask[instrument].getAcquire();
    }

    public double fairValue(final int instrument) {
        return getDouble(fairValue[instrument]);
    }

    public double fairStd(final int instrument) {
        return getDouble(fairStd[instrument]);
    }

    public double signal(final int instrument) {
        return getDouble(signal[instrument]);
    }

    /** Mispricing z-score (fair value against the filtered mid) of the product's last signal. */
    public double signalMispricing(final int instrument) {
        return getDouble(signalMispricing[instrument]);
    }

    /** Momentum (rolling standard deviations) of the product's last signal. */
    public double signalMomentum(final int instrument) {
        return getDouble(signalMomentum[instrument]);
    }

    /** Decayed data surprise of the product's last signal. */
    public double signalSurprise(final int instrument) {
        return getDouble(signalSurprise[instrument]);
    }

    /** Most likely regime of the product (-1 before its first posterior). */
    public int regimeState(final int instrument) {
        return (int) regimeState[instrument].getAcquire();
    }

    public double regimeProbability(final int instrument, final int regime) {
        return getDouble(regimeProbability[instrument][regime]);
    }

    public long position(final int instrument) {
        return position[instrument].getAcquire();
    }

    public double realisedPnl(final int instrument) {
        return getDouble(realisedPnl[instrument]);
    }

    public double unrealisedPnl(final int instrument) {
        return getDouble(unrealisedPnl[instrument]);
    }

    public double fees(final int instrument) {
        return getDouble(fees[instrument]);
    }

    public long observations(final int series) {
        return observations[series].getAcquire();
    }

    /** Event time of the series' last observation, epoch nanoseconds (0 before the first). */
    public long lastObservationTime(final int series) {
        return lastObservationTime[series].getAcquire();
    }

    public double lastObservationValue(final int series) {
        return getDouble(lastObservationValue[series]);
    }

    /** Marked-to-market equity as the risk stage last computed it. */
    public double equity() {
        return getDouble(equity);
    }

    public double peakEquity() {
        return getDouble(peakEquity);
    }

    public double drawdown() {
        return getDouble(drawdown);
    }

    public long ringRemaining() {
        return ringRemaining.getAcquire();
    }

    public boolean venueConnected() {
        return venueConnected.getAcquire() != 0;
    }

    public long venueConnects() {
        return venueConnects.getAcquire();
    }

    /** Reconnections to the venue (connections after the first). */
    public long venueReconnects() {
        return Math.max(0, venueConnects.getAcquire() - 1);
    }

    /** Every counter with its label, type and raw value, for tools (allocates). */
    public void forEach(final CounterVisitor visitor) {
        manager.forEach((counterId, typeId, keyBuffer, label) -> visitor.visit(label, typeId, manager.getCounterValue(counterId)));
    }

    /** Receives one counter of {@link #forEach}. */
    @FunctionalInterface
    public interface CounterVisitor {
        void visit(String label, int typeId, long rawValue);
    }
}
