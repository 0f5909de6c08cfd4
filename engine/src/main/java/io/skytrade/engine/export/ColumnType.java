package io.skytrade.engine.export;

/**
 * The value types an exported column can have, and how each format stores them: whole numbers as
 * 32- or 64-bit integers, real numbers as 64-bit floats, text as UTF-8 strings, and instants as
 * UTC timestamps with nanosecond precision (ISO-8601 text in CSV). Tools only; no hot-path cost.
 */
public enum ColumnType {
    /** 32-bit signed integer (ids, codes, level counts). */
    INT,
    /** 64-bit signed integer (sequences, prices in ticks, quantities, raw epoch nanoseconds). */
    LONG,
    /** 64-bit IEEE float (observation and settlement values, fees, fair values). */
    DOUBLE,
    /** UTF-8 text (product and series names, code names such as BUY or FILL). */
    STRING,
    /** An instant in epoch nanoseconds, UTC (CSV: ISO-8601 with nine fraction digits). */
    TIMESTAMP
}
