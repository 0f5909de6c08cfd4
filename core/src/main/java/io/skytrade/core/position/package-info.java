/**
 * Positions and PnL per market: {@link io.skytrade.core.position.PositionTracker} keeps position,
 * average price, realised and unrealised PnL and fees in primitive arrays indexed by instrument id.
 */
package io.skytrade.core.position;
