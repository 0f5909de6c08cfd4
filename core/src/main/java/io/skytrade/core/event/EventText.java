package io.skytrade.core.event;

import java.time.Instant;

/**
 * Renders an {@link EngineEvent}'s input fields as one line of text for journal dumps, logs of
 * rejected input and test failures. Allocates; never call it on the hot path.
 */
public final class EventText {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private EventText() {
    }

    /** The event with its times as epoch nanoseconds. */
    public static String format(final EngineEvent e) {
        return format(e, false);
    }

    /**
     * The event with its times as epoch nanoseconds, or with {@code isoTimes} as ISO-8601 instants
     * ({@code 2026-11-25T10:00:00.000000123Z}, as many fraction digits as needed).
     */
    public static String format(final EngineEvent e, final boolean isoTimes) {
        final StringBuilder sb = new StringBuilder(160);
        sb.append("seq=").append(e.sequence)
            .append(' ').append(EventType.name(e.type));
        time(sb.append(" t="), e.eventTimeNanos, isoTimes);
        time(sb.append(" rx="), e.receiveTimeNanos, isoTimes);
        sb.append(" id=").append(e.instrumentId);
        if (e.source != 0) {
            sb.append(" src=").append(e.source);
        }
        switch (e.type) {
            case EventType.MARKET_BOOK -> {
                sb.append(" bookSeq=").append(e.bookSequence).append(" bids=[");
                levels(sb, e.bidPrices, e.bidQtys, e.bidLevels);
                sb.append("] asks=[");
                levels(sb, e.askPrices, e.askQtys, e.askLevels);
                sb.append(']');
            }
            case EventType.MARKET_TRADE -> sb.append(" px=").append(e.tradePriceTicks)
                .append(" qty=").append(e.tradeQty).append(" aggressor=").append(Side.name(e.aggressorSide));
            case EventType.OBSERVATION -> sb.append(" value=").append(e.value).append(" quality=").append(e.quality);
            case EventType.SETTLEMENT -> sb.append(" value=").append(e.value);
            case EventType.ORDER_EVENT -> sb.append(' ').append(OrderEventKind.name(e.orderEventKind))
                .append(" clOrdId=").append(e.clientOrderId).append(" venueId=").append(e.venueOrderId)
                .append(' ').append(Side.name(e.side)).append(" px=").append(e.priceTicks)
                .append(" qty=").append(e.quantity).append(" fillQty=").append(e.fillQty)
                .append(" fillPx=").append(e.fillPriceTicks).append(" leaves=").append(e.leavesQty)
                .append(" reject=").append(e.rejectReason).append(" fee=").append(e.fee);
            case EventType.POSITION_REPORT -> sb.append(" position=").append(e.position);
            case EventType.CONTROL -> sb.append(' ').append(ControlCode.name(e.controlCode)).append(" arg=").append(e.controlArg);
            default -> { }
        }
        return sb.toString();
    }

    private static void time(final StringBuilder sb, final long epochNanos, final boolean iso) {
        if (iso) {
            sb.append(Instant.ofEpochSecond(Math.floorDiv(epochNanos, NANOS_PER_SECOND), Math.floorMod(epochNanos, NANOS_PER_SECOND)));
        } else {
            sb.append(epochNanos);
        }
    }

    private static void levels(final StringBuilder sb, final long[] px, final long[] qty, final int n) {
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(qty[i]).append('@').append(px[i]);
        }
    }
}
