package io.skytrade.core.risk;

import io.skytrade.core.event.DecisionKind;
import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.pipeline.DecisionListener;

import java.util.ArrayList;
import java.util.List;

/** Test double for the decisions journal: keeps every decision as a line of text, and checks that it runs before the gateway. */
public final class RecordingDecisionListener implements DecisionListener {
    public final List<String> lines = new ArrayList<>();
    private final RecordingOrderGateway gateway;
    /** Gateway call count seen when each event's decisions were recorded. */
    public final List<Integer> gatewayCallsAtRecord = new ArrayList<>();

    public RecordingDecisionListener(final RecordingOrderGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void onDecisions(final EngineEvent event, final SideBuffers side) {
        gatewayCallsAtRecord.add(gateway == null ? 0 : gateway.callCount());
        final Decisions d = side.decisions(event);
        for (int i = 0; i < d.count(); i++) {
            lines.add(event.sequence + " " + DecisionKind.name(d.kind[i]) + " st=" + d.status[i] + " i=" + d.instrumentId[i]
                + " s=" + d.side[i] + " px=" + d.priceTicks[i] + " q=" + d.quantity[i] + " id=" + d.clientOrderId[i]
                + " r=" + (d.kind[i] == DecisionKind.MODE_CHANGE ? TradingMode.name(d.reason[i]) : RiskReason.name(d.reason[i])) + " tif=" + d.timeInForce[i]);
        }
    }

    /** Lines of one kind. */
    public List<String> of(final int kind) {
        final List<String> out = new ArrayList<>();
        final String name = " " + DecisionKind.name(kind) + " ";
        for (final String line : lines) {
            if (line.contains(name)) {
                out.add(line);
            }
        }
        return out;
    }
}
