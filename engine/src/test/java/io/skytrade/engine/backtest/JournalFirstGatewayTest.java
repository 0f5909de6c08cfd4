package io.skytrade.engine.backtest;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.EventType;
import io.skytrade.core.pipeline.OrderGateway;
import io.skytrade.journal.InputJournalStage;
import io.skytrade.journal.JournalSettings;
import io.skytrade.journal.Queues;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The backtest's gateway keeps the journal's rule with a journal that holds batches: every input
 * held when an order or a cancel is sent is appended before the venue sees the send; the input
 * sequence the order answers is passed on without appending anything.
 */
@Timeout(60)
class JournalFirstGatewayTest {
    @TempDir
    Path tmp;

    @Test
    void shouldAppendTheHeldInputsBeforeTheVenueSeesAnOrderOrACancel() {
        try (SingleChronicleQueue queue = Queues.openForWriting(tmp.resolve("inputs"),
            new JournalSettings(1 << 20, "FAST_DAILY", false, 0), null)) {
            final InputJournalStage journal = new InputJournalStage(queue).holdBatches();
            journal.onStart();
            final List<String> seen = new ArrayList<>();
            final OrderGateway venue = new OrderGateway() {
                @Override
                public void sendNewOrder(final long clientOrderId, final int instrumentId, final int side,
                                         final long priceTicks, final long quantity, final int timeInForce) {
                    seen.add("new " + clientOrderId + " after " + journal.entries());
                }

                @Override
                public void sendCancel(final long clientOrderId, final int instrumentId) {
                    seen.add("cancel " + clientOrderId + " after " + journal.entries());
                }

                @Override
                public void answering(final long inputSequence) {
                    seen.add("answering " + inputSequence + " after " + journal.entries());
                }
            };
            final JournalFirstGateway gateway = new JournalFirstGateway(journal, venue);
            final EngineEvent e = new EngineEvent();
            for (int seq = 0; seq < 5; seq++) {
                e.clear();
                e.type = EventType.TIMER;
                e.sequence = seq;
                journal.onEvent(e, seq, true);
                if (seq == 2) {
                    gateway.answering(seq);
                    gateway.sendNewOrder(7, 0, 1, 100, 1, 0);
                }
                if (seq == 4) {
                    gateway.sendCancel(7, 0);
                }
            }
            journal.onShutdown();
            assertEquals(List.of("answering 2 after 0", "new 7 after 3", "cancel 7 after 5"), seen);
        }
    }
}
