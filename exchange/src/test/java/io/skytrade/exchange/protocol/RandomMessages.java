package io.skytrade.exchange.protocol;

import io.skytrade.core.event.Side;
import io.skytrade.core.event.TimeInForce;
import io.skytrade.exchange.RejectReason;

import java.util.SplittableRandom;

/** Builds random valid protocol messages of every type for round-trip and mutation tests. */
final class RandomMessages {
    static final String[] SYMBOLS = {"TIDE_SPOT", "WX_SUM", "LON_FLY", "X", "AQ_SPOT_2"};

    private RandomMessages() {
    }

    static ProtocolMessage random(final SplittableRandom r, final ProtocolMessage m) {
        final int type = 1 + r.nextInt(MessageType.COUNT - 1);
        m.reset(type);
        m.apiKey = "key-" + r.nextInt(1000) + "\"\\\u00e9";
        m.participant = "team" + r.nextInt(100);
        m.product = SYMBOLS[r.nextInt(SYMBOLS.length)];
        m.text = r.nextBoolean() ? "" : "why: " + r.nextInt();
        m.lastExecSeq = r.nextLong(0, Long.MAX_VALUE);
        m.execSeq = r.nextLong(1, Long.MAX_VALUE);
        m.sessionEnd = r.nextLong(0, Long.MAX_VALUE);
        m.seq = r.nextLong(1, Long.MAX_VALUE);
        m.ts = r.nextLong(0, Long.MAX_VALUE);
        m.clOrdId = r.nextLong(1, Long.MAX_VALUE);
        m.orderId = r.nextLong(1, Long.MAX_VALUE);
        m.side = r.nextBoolean() ? Side.BUY : Side.SELL;
        m.price = r.nextLong(0, 1_000_000_001L);
        m.qty = r.nextLong(1, 1_000_001L);
        m.leaves = r.nextLong(0, 1_000_001L);
        m.tif = r.nextBoolean() ? TimeInForce.GTC : TimeInForce.IOC;
        m.reason = r.nextInt(RejectReason.COUNT);
        m.code = 1 + r.nextInt(ErrorCode.MAX);
        m.fee = Math.round(r.nextDouble(-100, 100) * 100) / 100.0;
        m.position = r.nextLong(-1000, 1000);
        m.settlementPrice = Math.round(r.nextDouble(0, 20000) * 1e6) / 1e6;
        m.pnl = r.nextDouble(-1e6, 1e6);
        final long minQty = type == MessageType.BOOK_UPDATE ? 0 : 1;
        for (int i = r.nextInt(6); i > 0; i--) {
            m.addBid(r.nextLong(0, 100_000), r.nextLong(minQty, 500));
        }
        for (int i = r.nextInt(6); i > 0; i--) {
            m.addAsk(r.nextLong(0, 100_000), r.nextLong(minQty, 500));
        }
        for (int i = type == MessageType.SUBSCRIBE ? 1 + r.nextInt(4) : r.nextInt(5); i > 0; i--) {
            m.addProduct(SYMBOLS[r.nextInt(SYMBOLS.length)], type == MessageType.SUBSCRIBE ? 0 : 1 + r.nextInt(5),
                type == MessageType.SUBSCRIBE ? 0 : r.nextInt(200));
        }
        for (int i = r.nextInt(4); i > 0; i--) {
            m.addOrder(r.nextLong(1, Long.MAX_VALUE), r.nextLong(1, Long.MAX_VALUE), SYMBOLS[r.nextInt(SYMBOLS.length)],
                r.nextBoolean() ? Side.BUY : Side.SELL, r.nextLong(0, 100_000), r.nextLong(2, 100), 1);
        }
        return m;
    }
}
