/**
 * Position sizing for stage 5: volatility targeting capped by fractional Kelly and the position
 * limit, with lot rounding ({@link io.skytrade.core.sizing.PositionSizer}).
 */
package io.skytrade.core.sizing;
