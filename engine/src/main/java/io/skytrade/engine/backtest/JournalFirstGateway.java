package io.skytrade.engine.backtest;

import io.skytrade.core.pipeline.OrderGateway;
import io.skytrade.journal.InputJournalStage;

/**
 * The backtest's order gateway when its input journal holds batches
 * ({@link InputJournalStage#holdBatches()}): before an order or a cancel reaches the venue (the fill
 * model) it has the journal append the inputs it holds, so that an input is journaled before
 * anything it causes leaves the engine, as on the ring. What the venue answers comes back as new
 * inputs behind the current one, so their place in the input sequence does not move.
 *
 * <p>Single-threaded (the backtest's thread). Hot-path cost: a held-count check per send, one
 * Chronicle append when inputs are held; no allocation.
 */
final class JournalFirstGateway implements OrderGateway {
    private final InputJournalStage journal;
    private final OrderGateway venue;

    JournalFirstGateway(final InputJournalStage journal, final OrderGateway venue) {
        this.journal = journal;
        this.venue = venue;
    }

    @Override
    public void sendNewOrder(final long clientOrderId, final int instrumentId, final int side, final long priceTicks,
                             final long quantity, final int timeInForce) {
        journal.flush();
        venue.sendNewOrder(clientOrderId, instrumentId, side, priceTicks, quantity, timeInForce);
    }

    @Override
    public void sendCancel(final long clientOrderId, final int instrumentId) {
        journal.flush();
        venue.sendCancel(clientOrderId, instrumentId);
    }

    @Override
    public void answering(final long inputSequence) {
        venue.answering(inputSequence);
    }
}
