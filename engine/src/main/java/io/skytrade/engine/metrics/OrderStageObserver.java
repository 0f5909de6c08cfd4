package io.skytrade.engine.metrics;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.pipeline.StageObserver;
import io.skytrade.exchange.RejectReason;

import java.util.Arrays;

/**
 * Observer of the order stage, the last one: everything every stage wrote on an input is there. It
 * counts inputs by type, decisions by kind, risk verdicts by reason, venue rejects by reason,
 * fills, and the risk mode (from MODE_CHANGE decisions, with the cause and the input sequence);
 * copies the market (best bid and ask), fair values, signals and regime posteriors into gauges
 * (positions and PnL are the {@link BookStageObserver}'s, on the book's thread);
 * writes each decision, with the fair value, market, signal and regime it was made on, and each
 * fill to the {@link DecisionTape}; and turns the send stamp of {@link TimedOrderGateway} into
 * decision-to-wire, receive-to-wire and signal-to-wire latencies.
 *
 * <p>Order stage thread. Hot-path cost: a few counter increments and gauge stores per input, a
 * loop over the set bits of the touched and signalled instruments; a tape record per decision;
 * no allocation.
 */
final class OrderStageObserver implements StageObserver {
    private final EngineCounters c;
    private final LatencyRecorders latencies;
    private final DecisionTape tape;
    private final SlotStamps stamps;
    private final TimedOrderGateway gateway;
    private final double realPerClockNano;
    private final SideBuffers side;
    private final int instruments;
    private final int seriesCount;
    private final int regimes;
    private final long[] bid;
    private final long[] ask;
    private final double[] fair;
    private final double[] fairStd;
    private final double[] signal;
    private final int[] regime;
    private final double[] regimeProbability;

    OrderStageObserver(final EngineCounters counters, final LatencyRecorders latencies, final DecisionTape tape,
                       final SlotStamps stamps, final TimedOrderGateway gateway, final double realPerClockNano,
                       final SideBuffers side) {
        this.side = side;
        this.c = counters;
        this.latencies = latencies;
        this.tape = tape;
        this.stamps = stamps;
        this.gateway = gateway;
        this.realPerClockNano = realPerClockNano;
        this.instruments = counters.instruments().size();
        this.seriesCount = counters.series().size();
        this.regimes = counters.regimes();
        bid = new long[instruments];
        ask = new long[instruments];
        fair = new double[instruments];
        fairStd = new double[instruments];
        signal = new double[instruments];
        regime = new int[instruments];
        regimeProbability = new double[instruments];
        Arrays.fill(fair, Double.NaN);
        Arrays.fill(fairStd, Double.NaN);
        Arrays.fill(signal, Double.NaN);
        Arrays.fill(regime, -1);
        Arrays.fill(regimeProbability, Double.NaN);
    }

    @Override
    public void afterStage(final EngineEvent event, final long sequence) {
        final int type = event.type;
        if (type >= 0 && type < EventType.COUNT) {
            c.inputs[type].incrementRelease();
        }
        c.lastSequence.setRelease(sequence);
        final int id = event.instrumentId;
        switch (type) {
            case EventType.MARKET_BOOK -> onBook(event, id);
            case EventType.ORDER_EVENT -> onOrderEvent(event, id);
            case EventType.OBSERVATION -> {
                if (id >= 0 && id < seriesCount) {
                    c.observations[id].incrementRelease();
                    c.lastObservationTime[id].setRelease(event.eventTimeNanos);
                    EngineCounters.setDouble(c.lastObservationValue[id], event.value);
                }
            }
            default -> {
            }
        }
        outputs(event, id);
        final Decisions d = side.decisions(event);
        for (int i = 0, n = d.count(); i < n; i++) {
            onDecision(event, d, i);
        }
        final int sends = gateway.takeSends();
        if (sends > 0) {
            final long wire = gateway.firstSendNanos();
            final int slot = stamps.slot(sequence);
            latencies.record(LatencyStage.DECISION_TO_WIRE, real(wire - stamps.decided[slot]));
            latencies.record(LatencyStage.RECEIVE_TO_WIRE, real(wire - event.receiveTimeNanos));
            if (type == EventType.OBSERVATION) {
                latencies.record(LatencyStage.SIGNAL_TO_WIRE, real(wire - stamps.signalDone[slot]));
            }
        }
    }

    private long real(final long clockNanos) {
        return (long) (clockNanos * realPerClockNano);
    }

    private void onBook(final EngineEvent event, final int id) {
        if (id < 0 || id >= instruments) {
            return;
        }
        final long b = event.bestBid();
        final long a = event.bestAsk();
        if (b != bid[id]) {
            bid[id] = b;
            c.bid[id].setRelease(b);
        }
        if (a != ask[id]) {
            ask[id] = a;
            c.ask[id].setRelease(a);
        }
    }

    private void onOrderEvent(final EngineEvent event, final int id) {
        if (event.orderEventKind == OrderEventKind.FILL) {
            c.fills.incrementRelease();
            c.filledLots.getAndAddRelease(event.fillQty);
            if (!tape.offer(DecisionTape.FILL, event.sequence, event.eventTimeNanos, 0, 0, id, event.side,
                event.fillPriceTicks, event.fillQty, event.clientOrderId, 0, fairOf(id), fairStdOf(id), bidOf(id),
                askOf(id), signalOf(id), regimeOf(id), regimeProbabilityOf(id))) {
                c.tapeDropped.incrementRelease();
            }
        } else if (event.orderEventKind == OrderEventKind.REJECT) {
            final int reason = event.rejectReason;
            c.venueRejects[reason >= 0 && reason < RejectReason.COUNT ? reason : RejectReason.NONE].incrementRelease();
        }
    }

    private void outputs(final EngineEvent event, final int id) {
        long touched = event.touchedInstruments;
        while (touched != 0) {
            final int i = Long.numberOfTrailingZeros(touched);
            touched &= touched - 1;
            if (i < instruments) {
                fair[i] = side.fairValue(event, i);
                fairStd[i] = side.fairStd(event, i);
                EngineCounters.setDouble(c.fairValue[i], fair[i]);
                EngineCounters.setDouble(c.fairStd[i], fairStd[i]);
            }
        }
        long signalled = event.signalledInstruments;
        while (signalled != 0) {
            final int i = Long.numberOfTrailingZeros(signalled);
            signalled &= signalled - 1;
            if (i < instruments) {
                signal[i] = side.signal(event, i);
                EngineCounters.setDouble(c.signal[i], signal[i]);
            }
        }
        final int k = Math.min(event.regimeCount, regimes);
        if (k > 0 && event.type == EventType.MARKET_BOOK && id >= 0 && id < instruments) {
            int best = 0;
            for (int j = 0; j < k; j++) {
                final double p = side.regimePosterior(event, j);
                EngineCounters.setDouble(c.regimeProbability[id][j], p);
                if (p > side.regimePosterior(event, best)) {
                    best = j;
                }
            }
            if (best != regime[id]) {
                regime[id] = best;
                c.regimeState[id].setRelease(best);
            }
            regimeProbability[id] = side.regimePosterior(event, best);
        }
    }

    private void onDecision(final EngineEvent event, final Decisions d, final int i) {
        final int kind = d.kind[i];
        if (kind >= 0 && kind < c.decisions.length) {
            c.decisions[kind].incrementRelease();
        }
        final int reason = d.reason[i];
        if (d.status[i] == Decisions.STATUS_REJECTED) {
            c.riskRejects[reason >= 0 && reason < EngineCounters.RISK_REASONS ? reason : 0].incrementRelease();
        }
        if (kind == DecisionKind.MODE_CHANGE) {
            c.mode.setRelease(reason);
            c.modeCause.setRelease(d.priceTicks[i]);
            c.modeChangeSequence.setRelease(event.sequence);
            c.modeChanges.incrementRelease();
        }
        final int id = d.instrumentId[i];
        if (!tape.offer(DecisionTape.DECISION, event.sequence, event.eventTimeNanos, kind, d.status[i], id, d.side[i],
            d.priceTicks[i], d.quantity[i], d.clientOrderId[i], reason, fairOf(id), fairStdOf(id), bidOf(id), askOf(id),
            signalOf(id), regimeOf(id), regimeProbabilityOf(id))) {
            c.tapeDropped.incrementRelease();
        }
    }

    private boolean valid(final int id) {
        return id >= 0 && id < instruments;
    }

    private double fairOf(final int id) {
        return valid(id) ? fair[id] : Double.NaN;
    }

    private double fairStdOf(final int id) {
        return valid(id) ? fairStd[id] : Double.NaN;
    }

    private long bidOf(final int id) {
        return valid(id) ? bid[id] : 0;
    }

    private long askOf(final int id) {
        return valid(id) ? ask[id] : 0;
    }

    private double signalOf(final int id) {
        return valid(id) ? signal[id] : Double.NaN;
    }

    private int regimeOf(final int id) {
        return valid(id) ? regime[id] : -1;
    }

    private double regimeProbabilityOf(final int id) {
        return valid(id) ? regimeProbability[id] : Double.NaN;
    }
}
