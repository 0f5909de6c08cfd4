package io.skytrade.core.event;

/**
 * The kinds of input that enter the inbound ring, as {@code int} codes stored in
 * {@link EngineEvent#type} and in the journal's binary layout.
 *
 * <p>Codes are part of the journal format: never renumber, only append. Hot-path cost: none
 * (compile-time constants).
 */
public final class EventType {
    /** Slot not yet written, or cleared. */
    public static final int NONE = 0;
    /** Order-book snapshot of the top {@link EngineEvent#BOOK_DEPTH} levels of one instrument. */
    public static final int MARKET_BOOK = 1;
    /** A trade printed on the venue for one instrument. */
    public static final int MARKET_TRADE = 2;
    /** One alternative-data observation of one data series. */
    public static final int OBSERVATION = 3;
    /** An order event from the venue (ack, reject, fill, cancel): see {@link OrderEventKind}. */
    public static final int ORDER_EVENT = 4;
    /** The venue's report of our position in one instrument. */
    public static final int POSITION_REPORT = 5;
    /** A timer tick (periodic housekeeping: timeouts, staleness checks). */
    public static final int TIMER = 6;
    /** An operator command (safe, resume, halt): see {@link ControlCode}. */
    public static final int CONTROL = 7;
    /** Final settlement price of one instrument. */
    public static final int SETTLEMENT = 8;

    /** One past the highest code in use. */
    public static final int COUNT = 9;

    private static final String[] NAMES = {
        "NONE", "MARKET_BOOK", "MARKET_TRADE", "OBSERVATION", "ORDER_EVENT",
        "POSITION_REPORT", "TIMER", "CONTROL", "SETTLEMENT"
    };

    private EventType() {
    }

    /** Name of a type code for inspection tools; "UNKNOWN(n)" for codes outside the table. */
    public static String name(final int type) {
        return type >= 0 && type < NAMES.length ? NAMES[type] : "UNKNOWN(" + type + ")";
    }

    /** True when {@code type} is a known input code. */
    public static boolean isValid(final int type) {
        return type > NONE && type < COUNT;
    }
}
