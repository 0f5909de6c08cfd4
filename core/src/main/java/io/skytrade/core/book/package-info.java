/**
 * The one trading book ({@link io.skytrade.core.book.TradingBook}): orders, positions, PnL and the
 * market they are marked against, owned by one component on one thread, with a post-trade phase
 * ({@link io.skytrade.core.book.BookStage}, before the strategy) and a pre-trade phase (the risk
 * stage's approvals: client order ids, orders recorded as sent).
 */
package io.skytrade.core.book;
