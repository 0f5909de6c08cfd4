package io.skytrade.core.risk;

import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.order.OrderManagerConfig;
import io.skytrade.core.order.OrderManagerStage;

/** The risk and order stages run in pipeline order on one event, with recording boundaries. */
public final class StagePair {
    public final RiskStage risk;
    public final OrderManagerStage orders;
    public final RecordingOrderGateway gateway = new RecordingOrderGateway();
    public final RecordingDecisionListener journal = new RecordingDecisionListener(gateway);

    public StagePair(final RiskLimits limits, final DrawdownLimits drawdown, final SafeModeConfig safeMode,
                     final OrderManagerConfig orderConfig) {
        risk = new RiskStage(limits, drawdown, safeMode, orderConfig);
        orders = new OrderManagerStage(orderConfig, gateway, journal);
    }

    public static StagePair defaults() {
        return new StagePair(RiskLimits.defaults(), DrawdownLimits.defaults(), SafeModeConfig.defaults(),
            OrderManagerConfig.defaults());
    }

    public EngineEvent run(final EngineEvent event) {
        risk.onEvent(event, event.sequence, true);
        orders.onEvent(event, event.sequence, true);
        return event;
    }
}
