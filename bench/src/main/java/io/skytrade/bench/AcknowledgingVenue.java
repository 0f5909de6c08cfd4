package io.skytrade.bench;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.pipeline.InboundPublisher;
import io.skytrade.core.pipeline.InputTranslator;
import io.skytrade.core.pipeline.OrderGateway;
import io.skytrade.core.time.ManualEpochNanoClock;
import io.skytrade.exchange.fill.BacktestFillModel;
import io.skytrade.exchange.fill.FillModelConfig;

/**
 * The venue behind a benchmark's stages: the backtest's {@link BacktestFillModel} (the simulator's
 * matching engine with latency, queue position and fees) answers the engine's orders and cancels
 * with acknowledgements, fills, cancels, rejects and position reports, which come back to the
 * stages as ordinary inputs, in the order a backtest delivers them: before each input the venue
 * is advanced to the input's time (whatever reached it by then is handled first), then sees the
 * input's book, then the input itself is handled. A benchmark runs {@link #before} untimed and
 * times only the input's own pass through the stages.
 *
 * <p>The engine's sends are recorded in preallocated arrays during the timed pass (the cost of a
 * gateway hand-off, not the venue's) and reach the fill model in {@link #before}, stamped with the
 * time of the input that caused them, as the backtest's inline call would stamp them. Counts of what
 * the venue sent are kept by kind for the benchmark's report. One thread; no allocation once the
 * fill model's lists have grown.
 */
final class AcknowledgingVenue implements OrderGateway, InboundPublisher {
    /** What handles one venue input: the benchmark's pass through its stages (it assigns the sequence). */
    interface Stages {
        void handle(EngineEvent event);
    }

    private static final int QUEUE = 1 << 12;
    private static final int REQUESTS = 1 << 10;
    private static final int NEW = 1;
    private static final int CANCEL = 2;

    private final ManualEpochNanoClock clock = new ManualEpochNanoClock(0);
    private final BacktestFillModel fills;
    private final EngineEvent[] queue = new EngineEvent[QUEUE];
    private long head;
    private long tail;

    private final int[] requestKind = new int[REQUESTS];
    private final long[] requestId = new long[REQUESTS];
    private final int[] requestInstrument = new int[REQUESTS];
    private final int[] requestSide = new int[REQUESTS];
    private final long[] requestPrice = new long[REQUESTS];
    private final long[] requestQty = new long[REQUESTS];
    private final int[] requestTif = new int[REQUESTS];
    private int requests;

    /** Order events the venue sent, by {@link io.skytrade.core.event.OrderEventKind}. */
    final long[] orderEvents = new long[8];
    long positionReports;
    long newOrders;
    long cancels;

    /**
     * @param latencyNanos    time from a send to the simulated book (the backtest's {@code backtest.latency})
     * @param feePerLot       the backtest's fee
     * @param instrumentCount products traded
     */
    AcknowledgingVenue(final long latencyNanos, final double feePerLot, final int instrumentCount) {
        for (int i = 0; i < QUEUE; i++) {
            queue[i] = new EngineEvent();
        }
        fills = new BacktestFillModel(FillModelConfig.builder().latencyNanos(latencyNanos).feePerLot(feePerLot)
            .instrumentCount(instrumentCount).build(), clock, this);
    }

    /**
     * Everything the venue delivers before {@code input} (which it reads, not changes): the sends of
     * the previous input forwarded, the venue advanced to the input's time and its events handled,
     * then the input's book mirrored into the venue (a fill it causes is handled before the input,
     * as in a backtest).
     */
    void before(final EngineEvent input, final Stages stages) {
        forward();
        clock.set(input.eventTimeNanos);
        fills.advanceTo(input.eventTimeNanos);
        drain(stages);
        fills.onMarketEvent(input);
        drain(stages);
    }

    private void drain(final Stages stages) {
        while (head < tail) {
            final EngineEvent e = queue[(int) (head & (QUEUE - 1))];
            if (e.type == EventType.ORDER_EVENT) {
                orderEvents[e.orderEventKind]++;
            } else if (e.type == EventType.POSITION_REPORT) {
                positionReports++;
            }
            stages.handle(e);
            head++;
            forward();
        }
    }

    /** Hands the recorded sends to the fill model at the current clock (the time of the input that caused them). */
    private void forward() {
        for (int i = 0; i < requests; i++) {
            if (requestKind[i] == NEW) {
                fills.sendNewOrder(requestId[i], requestInstrument[i], requestSide[i], requestPrice[i], requestQty[i],
                    requestTif[i]);
            } else {
                fills.sendCancel(requestId[i], requestInstrument[i]);
            }
        }
        requests = 0;
    }

    @Override
    public void sendNewOrder(final long clientOrderId, final int instrumentId, final int side, final long priceTicks,
                             final long quantity, final int timeInForce) {
        final int i = claimRequest();
        requestKind[i] = NEW;
        requestId[i] = clientOrderId;
        requestInstrument[i] = instrumentId;
        requestSide[i] = side;
        requestPrice[i] = priceTicks;
        requestQty[i] = quantity;
        requestTif[i] = timeInForce;
        newOrders++;
    }

    @Override
    public void sendCancel(final long clientOrderId, final int instrumentId) {
        final int i = claimRequest();
        requestKind[i] = CANCEL;
        requestId[i] = clientOrderId;
        requestInstrument[i] = instrumentId;
        cancels++;
    }

    private int claimRequest() {
        if (requests == REQUESTS) {
            throw new IllegalStateException("more than " + REQUESTS + " sends from one input");
        }
        return requests++;
    }

    @Override
    public <A> long publish(final InputTranslator<A> translator, final A source) {
        if (tail - head == QUEUE) {
            throw new IllegalStateException("more than " + QUEUE + " venue events queued before one input");
        }
        final EngineEvent e = queue[(int) (tail & (QUEUE - 1))];
        e.clear();
        e.receiveTimeNanos = clock.nanoTime();
        translator.translateTo(e, source);
        return tail++;
    }
}
