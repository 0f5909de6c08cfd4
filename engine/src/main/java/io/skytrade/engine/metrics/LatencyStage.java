package io.skytrade.engine.metrics;

/**
 * The latency stages the engine measures live, as {@code int} ids into {@link LatencyRecorders}
 * and {@code stage} label values of {@code /metrics}. "Wire" is the moment the venue gateway's
 * send returned: the order encoded and handed to the WebSocket connection's write queue.
 * Constants only; no hot-path cost.
 */
public final class LatencyStage {
    /** Every input: received (ring publish) to the risk stage done with it (tick-to-decision). */
    public static final int RECEIVE_TO_DECISION = 0;
    /** Inputs that sent an order or cancel: risk stage done to the first send returned. */
    public static final int DECISION_TO_WIRE = 1;
    /** Inputs that sent an order or cancel: received to the first send returned (end to end). */
    public static final int RECEIVE_TO_WIRE = 2;
    /** Observations: received to the signal stage done with them (data to signal). */
    public static final int DATA_TO_SIGNAL = 3;
    /** Observations that sent an order or cancel: signal stage done to the first send returned. */
    public static final int SIGNAL_TO_WIRE = 4;
    /** Number of stages. */
    public static final int COUNT = 5;

    private static final String[] NAMES = {
        "receive_to_decision", "decision_to_wire", "receive_to_wire", "data_to_signal", "signal_to_wire"
    };

    private LatencyStage() {
    }

    /** The {@code stage} label of a stage id. */
    public static String name(final int stage) {
        return NAMES[stage];
    }
}
