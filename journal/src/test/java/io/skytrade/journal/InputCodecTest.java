package io.skytrade.journal;

import io.skytrade.core.event.Decisions;
import io.skytrade.core.event.EngineEvent;
import io.skytrade.core.event.SideBuffers;
import io.skytrade.core.event.EventType;
import io.skytrade.core.event.OrderEventKind;
import io.skytrade.core.event.Side;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class InputCodecTest {
    /** Fills every input field that {@code type} carries with random values. */
    static void randomInput(final EngineEvent e, final int type, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        e.clear();
        e.type = type;
        e.sequence = r.nextLong(0, Long.MAX_VALUE);
        e.eventTimeNanos = r.nextLong();
        e.receiveTimeNanos = r.nextLong();
        e.instrumentId = r.nextInt(EngineEvent.MAX_INSTRUMENTS);
        e.source = r.nextInt();
        switch (type) {
            case EventType.MARKET_BOOK -> {
                e.bookSequence = r.nextLong();
                e.bidLevels = r.nextInt(EngineEvent.BOOK_DEPTH + 1);
                e.askLevels = r.nextInt(EngineEvent.BOOK_DEPTH + 1);
                for (int i = 0; i < e.bidLevels; i++) {
                    e.bidPrices[i] = r.nextLong();
                    e.bidQtys[i] = r.nextLong();
                }
                for (int i = 0; i < e.askLevels; i++) {
                    e.askPrices[i] = r.nextLong();
                    e.askQtys[i] = r.nextLong();
                }
            }
            case EventType.MARKET_TRADE -> {
                e.tradePriceTicks = r.nextLong();
                e.tradeQty = r.nextLong();
                e.aggressorSide = r.nextInt(3);
            }
            case EventType.OBSERVATION -> {
                e.value = r.nextDouble() * 1e6 - 5e5;
                e.quality = r.nextInt(4);
            }
            case EventType.SETTLEMENT -> e.value = r.nextDouble() * 1e4;
            case EventType.ORDER_EVENT -> {
                e.orderEventKind = r.nextInt(6);
                e.clientOrderId = r.nextLong();
                e.venueOrderId = r.nextLong();
                e.side = r.nextInt(3);
                e.priceTicks = r.nextLong();
                e.quantity = r.nextLong();
                e.fillQty = r.nextLong();
                e.fillPriceTicks = r.nextLong();
                e.leavesQty = r.nextLong();
                e.rejectReason = r.nextInt();
                e.fee = r.nextDouble();
            }
            case EventType.POSITION_REPORT -> e.position = r.nextLong();
            case EventType.CONTROL -> {
                e.controlCode = r.nextInt(4);
                e.controlArg = r.nextLong();
            }
            default -> { }
        }
    }

    @Test
    void shouldRoundTripEveryTypeBitForBit() {
        qt().withExamples(2000).forAll(integers().between(0, EventType.COUNT - 1), longs().all())
            .checkAssert((type, seed) -> {
                final EngineEvent in = new EngineEvent();
                randomInput(in, type, seed);
                final InputCodec codec = new InputCodec();
                final int len = codec.encode(in);
                final EngineEvent out = new EngineEvent();
                codec.decode(len, out);
                assertEquals(in.toString(), out.toString());
                assertEquals(Double.doubleToRawLongBits(in.value), Double.doubleToRawLongBits(out.value));
                assertEquals(Double.doubleToRawLongBits(in.fee), Double.doubleToRawLongBits(out.fee));
                assertEquals(in.quality, out.quality);
            });
    }

    @Test
    void shouldMatchGoldenLayoutOfVersionOne() {
        final EngineEvent e = new EngineEvent();
        e.type = EventType.ORDER_EVENT;
        e.sequence = 1;
        e.eventTimeNanos = 2;
        e.receiveTimeNanos = 3;
        e.instrumentId = 4;
        e.source = 5;
        e.orderEventKind = OrderEventKind.FILL;
        e.clientOrderId = 6;
        e.venueOrderId = 7;
        e.side = Side.SELL;
        e.priceTicks = 8;
        e.quantity = 9;
        e.fillQty = 10;
        e.fillPriceTicks = 11;
        e.leavesQty = 12;
        e.rejectReason = 13;
        e.fee = 0.5;
        final InputCodec codec = new InputCodec();
        final int len = codec.encode(e);
        final String hex = HexFormat.of().formatHex(codec.array(), 0, len);
        assertEquals("4901" + "0400" + "0100000000000000" + "0200000000000000" + "0300000000000000" + "04000000" + "05000000"
            + "03000000" + "0600000000000000" + "0700000000000000" + "02000000" + "0800000000000000" + "0900000000000000"
            + "0a00000000000000" + "0b00000000000000" + "0c00000000000000" + "0d000000" + "000000000000e03f",
            hex.substring(0, hex.length() - 8), "layout v1 changed: bump InputCodec.VERSION and LAYOUT.md");
        assertEquals(36 + 76 + 4, len);
    }

    @Test
    void shouldDetectEveryFlippedByte() {
        final EngineEvent e = new EngineEvent();
        randomInput(e, EventType.MARKET_BOOK, 42);
        final InputCodec codec = new InputCodec();
        final int len = codec.encode(e);
        for (int i = 0; i < len; i++) {
            codec.encode(e);
            codec.array()[i] ^= 0x10;
            final int at = i;
            final CorruptJournalException ex = assertThrows(CorruptJournalException.class,
                () -> codec.decode(len, new EngineEvent()), "flip at byte " + at);
            assertTrue(ex.getMessage().contains("CRC-32C"), ex.getMessage());
        }
    }

    @Test
    void shouldRejectWrongLengthAndUnknownVersion() {
        final InputCodec codec = new InputCodec();
        final CorruptJournalException shortEntry = assertThrows(CorruptJournalException.class,
            () -> codec.decode(10, new EngineEvent()));
        assertTrue(shortEntry.getMessage().contains("length 10"));
    }

    @Test
    void shouldRoundTripDecisions() {
        final Decisions decisions = new Decisions();
        decisions.add(3, 7, Side.BUY, 1234, 5, 99, 2);
        final DecisionCodec codec = new DecisionCodec();
        final int len = codec.encode(42, decisions, 0);
        final DecisionRecord r = new DecisionRecord();
        codec.decode(len, r);
        assertTrue(r.sameAs(42, decisions, 0));
        assertEquals("inputSeq=42 #0 RISK_REJECT status=0 id=7 BUY px=1234 qty=5 clOrdId=99 reason=2 GTC", r.toString());
        codec.array()[30] ^= 1;
        assertThrows(CorruptJournalException.class, () -> codec.decode(len, r));
    }

    /** An order intent journaled with the valuation of its instrument, and the golden bytes of layout version 2. */
    @Test
    void shouldJournalTheValuationADecisionWasMadeOnInLayoutVersionTwo() {
        final EngineEvent e = new EngineEvent();
        final SideBuffers side = new SideBuffers(1);
        side.setValuation(e, 7, 2610.5, 40.25, 2600.0, 50.0, 2625.0, 64.0, 0.625);
        final io.skytrade.core.valuation.ValuationContext context = new io.skytrade.core.valuation.ValuationContext();
        context.onEvent(e, side);
        e.clear();
        final Decisions decisions = new Decisions();
        decisions.add(1, 7, Side.SELL, 2640, 3, 11, 0);
        final DecisionCodec codec = new DecisionCodec();
        final int len = codec.encode(42, decisions, 0, context);
        assertEquals(120, len);
        final String hex = HexFormat.of().formatHex(codec.array(), 0, len);
        assertEquals("44020100" + "2a00000000000000" + "00000000" + "00000000" + "07000000" + "02000000"
            + "500a000000000000" + "0300000000000000" + "0b00000000000000" + "00000000" + "00000000"
            + "000000000065a440" + "0000000000204440" + "000000000050a440" + "0000000000004940"
            + "000000000082a440" + "0000000000005040" + "000000000000e43f",
            hex.substring(0, hex.length() - 8),
            "layout v2 changed: bump DecisionCodec.VERSION and LAYOUT.md");
        final DecisionRecord r = new DecisionRecord();
        codec.decode(len, r);
        assertTrue(r.hasValuation);
        assertEquals(2610.5, r.fair);
        assertEquals(0.625, r.nowcastWeight);
        assertEquals(2625.0, r.market);
        assertTrue(r.toString().endsWith("fair=2610.5000+-40.2500 nowcast=2600.0000+-50.0000 market=2625.0000+-64.0000 w=0.625"),
            r.toString());
        assertEquals(len, codec.encode(r));
        assertEquals(hex, HexFormat.of().formatHex(codec.array(), 0, len), "a record re-encodes to the same bytes");
    }

    @Test
    void shouldStillReadLayoutVersionOneDecisions() {
        final DecisionRecord v1 = new DecisionRecord();
        v1.inputSequence = 9;
        v1.kind = 1;
        v1.instrumentId = 2;
        v1.side = Side.BUY;
        v1.priceTicks = 100;
        v1.quantity = 1;
        v1.clientOrderId = 5;
        final DecisionCodec codec = new DecisionCodec();
        final int len = codec.encode(v1);
        assertEquals(DecisionCodec.LENGTH_V1, len);
        assertEquals(1, codec.array()[1]);
        final DecisionRecord r = new DecisionRecord();
        codec.decode(len, r);
        assertTrue(!r.hasValuation && Double.isNaN(r.fair));
        assertTrue(r.sameAs(v1));
        final DecisionRecord withValuation = new DecisionRecord();
        withValuation.inputSequence = 9;
        withValuation.kind = 1;
        withValuation.instrumentId = 2;
        withValuation.side = Side.BUY;
        withValuation.priceTicks = 100;
        withValuation.quantity = 1;
        withValuation.clientOrderId = 5;
        withValuation.hasValuation = true;
        withValuation.fair = 101.0;
        assertTrue(r.sameAs(withValuation), "a version-1 entry has no valuation to compare");
    }

    /** A book as the synthetic world publishes it: five levels a side one tick apart around {@code mid}. */
    static void worldBook(final EngineEvent e, final long sequence, final long mid) {
        e.clear();
        e.type = EventType.MARKET_BOOK;
        e.sequence = sequence;
        e.eventTimeNanos = 1_795_600_000_050_000_000L;
        e.receiveTimeNanos = 1_795_600_000_051_772_040L;
        e.instrumentId = 1;
        e.bookSequence = 1;
        e.bidLevels = EngineEvent.BOOK_DEPTH;
        e.askLevels = EngineEvent.BOOK_DEPTH;
        for (int i = 0; i < EngineEvent.BOOK_DEPTH; i++) {
            e.bidPrices[i] = mid - 1 - i;
            e.bidQtys[i] = 5 + 3 * i;
            e.askPrices[i] = mid + 1 + i;
            e.askQtys[i] = 24 - 2 * i;
        }
    }

    @Test
    void shouldWriteABookInTheCompactLayoutOfVersionTwo() {
        final EngineEvent e = new EngineEvent();
        worldBook(e, 9, 673);
        final InputCodec codec = new InputCodec();
        final int len = codec.encode(e);
        final String hex = HexFormat.of().formatHex(codec.array(), 0, len);
        // header as version 1 but version 2; bookSequence 1 -> zigzag 2; 5 bids, 5 asks; bid 672 -> zigzag 1344 = c0 0a,
        // qty 5 -> 0a; each next bid -1 -> 01, qty +3 -> 10, 16, 1c, 22; first ask 674 - 668 = +6 -> 0c, qty 24 -> 30; next asks +1 -> 02
        assertEquals("4902" + "0100" + "0900000000000000" + "80f0abc1af40eb18" + "88fac6c1af40eb18" + "01000000" + "00000000"
            + "02" + "0505" + "c00a0a" + "0110" + "0116" + "011c" + "0122" + "0c30" + "022c" + "0228" + "0224" + "0220",
            hex.substring(0, hex.length() - 8), "layout v2 changed: bump InputCodec.COMPACT_BOOK_VERSION and LAYOUT.md");
        assertEquals(36 + 24 + 4, len);
        final EngineEvent out = new EngineEvent();
        codec.decode(len, out);
        assertEquals(e.toString(), out.toString());
    }

    @Test
    void shouldStillReadABookOfVersionOne() {
        final EngineEvent e = new EngineEvent();
        worldBook(e, 9, 673);
        final byte[] plain = new byte[InputCodec.MAX_LENGTH];
        final org.agrona.concurrent.UnsafeBuffer b = new org.agrona.concurrent.UnsafeBuffer(plain);
        b.putByte(0, InputCodec.MAGIC);
        b.putByte(1, InputCodec.VERSION);
        b.putShort(2, (short) e.type, InputCodec.ORDER);
        b.putLong(4, e.sequence, InputCodec.ORDER);
        b.putLong(12, e.eventTimeNanos, InputCodec.ORDER);
        b.putLong(20, e.receiveTimeNanos, InputCodec.ORDER);
        b.putInt(28, e.instrumentId, InputCodec.ORDER);
        b.putInt(32, e.source, InputCodec.ORDER);
        b.putLong(36, e.bookSequence, InputCodec.ORDER);
        b.putInt(44, e.bidLevels | (e.askLevels << 16), InputCodec.ORDER);
        int p = 48;
        for (int i = 0; i < e.bidLevels; i++, p += 16) {
            b.putLong(p, e.bidPrices[i], InputCodec.ORDER);
            b.putLong(p + 8, e.bidQtys[i], InputCodec.ORDER);
        }
        for (int i = 0; i < e.askLevels; i++, p += 16) {
            b.putLong(p, e.askPrices[i], InputCodec.ORDER);
            b.putLong(p + 8, e.askQtys[i], InputCodec.ORDER);
        }
        final int len = sealed(plain, p);
        assertEquals(InputCodec.MAX_LENGTH, len);
        final InputCodec codec = new InputCodec();
        System.arraycopy(plain, 0, codec.array(), 0, len);
        final EngineEvent out = new EngineEvent();
        codec.decode(len, out);
        assertEquals(e.toString(), out.toString());
    }

    @Test
    void shouldWriteVersionOneWhenTheCompactBookWouldBeLonger() {
        final EngineEvent e = new EngineEvent();
        worldBook(e, 9, 673);
        final SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < EngineEvent.BOOK_DEPTH; i++) {
            e.bidPrices[i] = r.nextLong();
            e.bidQtys[i] = Long.MIN_VALUE + i;
            e.askPrices[i] = r.nextLong();
            e.askQtys[i] = Long.MAX_VALUE - i;
        }
        final InputCodec codec = new InputCodec();
        final int len = codec.encode(e);
        assertEquals(InputCodec.VERSION, codec.array()[1]);
        assertEquals(InputCodec.MAX_LENGTH, len);
        final EngineEvent out = new EngineEvent();
        codec.decode(len, out);
        assertEquals(e.toString(), out.toString());
    }

    @Test
    void shouldRoundTripCompactBooksOfAnyLevelsAndValues() {
        qt().withExamples(3000).forAll(longs().all(), integers().between(0, 62))
            .checkAssert((seed, bits) -> {
                final SplittableRandom r = new SplittableRandom(seed);
                final EngineEvent in = new EngineEvent();
                in.type = EventType.MARKET_BOOK;
                in.sequence = r.nextLong(0, Long.MAX_VALUE);
                in.bookSequence = r.nextLong() >> bits;
                in.bidLevels = r.nextInt(EngineEvent.BOOK_DEPTH + 1);
                in.askLevels = r.nextInt(EngineEvent.BOOK_DEPTH + 1);
                final long mid = r.nextLong() >> bits;
                for (int i = 0; i < EngineEvent.BOOK_DEPTH; i++) {
                    in.bidPrices[i] = i < in.bidLevels ? mid - (r.nextLong() >> bits) : 0;
                    in.bidQtys[i] = i < in.bidLevels ? r.nextLong() >> bits : 0;
                    in.askPrices[i] = i < in.askLevels ? mid + (r.nextLong() >> bits) : 0;
                    in.askQtys[i] = i < in.askLevels ? r.nextLong() >> bits : 0;
                }
                final InputCodec codec = new InputCodec();
                final int len = codec.encode(in);
                assertTrue(len <= 36 + 12 + 16 * (in.bidLevels + in.askLevels) + 4, "never longer than version 1: " + len);
                final EngineEvent out = new EngineEvent();
                codec.decode(len, out);
                assertEquals(in.toString(), out.toString());
            });
    }

    @Test
    void shouldNameWhatIsWrongWithACompactBookWhoseCrcHolds() {
        final EngineEvent e = new EngineEvent();
        worldBook(e, 9, 673);
        final InputCodec codec = new InputCodec();
        final int len = codec.encode(e);
        // cut the last level's quantity off: the levels run past the end
        assertDamaged(codec, len, 1, b -> { }, "compact book entry at sequence 9 of length 63: its levels run past the entry's end");
        // one byte more after the levels
        assertDamaged(codec, len, -1, b -> { }, "compact book entry at sequence 9 of length 65 has 1 bytes after its 5 bid and 5 ask levels");
        // six bid levels
        assertDamaged(codec, len, 0, b -> b[37] = 6, "book entry at sequence 9 has 6 bid and 5 ask levels, more than 5");
        // a varint of eleven bytes
        assertDamaged(codec, len, 0, b -> java.util.Arrays.fill(b, 39, 50, (byte) 0x81),
            "compact book entry at sequence 9 has a varint longer than 10 bytes");
        // version 2 on a trade
        assertDamaged(codec, len, 0, b -> b[2] = (byte) EventType.MARKET_TRADE,
            "MARKET_TRADE entry at sequence 9 has layout version 2, which only a book entry has");
        // version 4
        assertDamaged(codec, len, 0, b -> b[1] = 4,
            "input entry has layout version 4, this build reads 1, 2 (compact books) and 3 (compact headers)");
    }

    /** Encodes {@code e} in layout version 3 (as a batch entry) into {@code codec}'s array; returns its length. */
    static int encodeCompact(final InputCodec codec, final EngineEvent e) {
        return codec.encodeCompact(e);
    }

    /** The length of {@code e}'s version-1 entry (what a version-3 entry is never longer than). */
    private static int plainLength(final EngineEvent e) {
        final InputCodec plain = new InputCodec();
        plain.encode(e);
        return 36 + switch (e.type) {
            case EventType.MARKET_BOOK -> 12 + 16 * (e.bidLevels + e.askLevels);
            case EventType.MARKET_TRADE -> 20;
            case EventType.OBSERVATION, EventType.CONTROL -> 12;
            case EventType.SETTLEMENT, EventType.POSITION_REPORT -> 8;
            case EventType.ORDER_EVENT -> 76;
            default -> 0;
        } + 4;
    }

    @Test
    void shouldWriteABookWithTheCompactHeaderOfVersionThree() {
        final EngineEvent e = new EngineEvent();
        worldBook(e, 9, 673);
        final InputCodec codec = new InputCodec();
        final int len = encodeCompact(codec, e);
        final String hex = HexFormat.of().formatHex(codec.array(), 0, len);
        // 'I'; version 3 in the low four bits, type 1 in the high; sequence 9 -> zigzag 18; the event time, 8 bytes; the
        // receive time less the event time, 1,772,040 -> zigzag 3,544,080 = 90 a8 d8 01; instrument 1 -> 02; source 0 -> 00;
        // bookSequence 1 -> 02; 5 bids and 5 asks in one byte; the levels as in version 2
        assertEquals("49" + "13" + "12" + "80f0abc1af40eb18" + "90a8d801" + "02" + "00"
            + "02" + "55" + "c00a0a" + "0110" + "0116" + "011c" + "0122" + "0c30" + "022c" + "0228" + "0224" + "0220",
            hex.substring(0, hex.length() - 8), "layout v3 changed: bump InputCodec.COMPACT_VERSION and LAYOUT.md");
        assertEquals(19 + 21 + 4, len);
        final EngineEvent out = new EngineEvent();
        codec.decode(len, out);
        assertEquals(e.toString(), out.toString());
    }

    @Test
    void shouldWriteEveryOtherTypeWithTheCompactHeaderAndItsVersionOnePayload() {
        final EngineEvent e = new EngineEvent();
        e.type = EventType.OBSERVATION;
        e.sequence = 300;
        e.eventTimeNanos = 1_795_600_000_000_000_000L;
        e.receiveTimeNanos = e.eventTimeNanos - 2;
        e.instrumentId = -1;
        e.source = 64;
        e.value = 0.5;
        e.quality = 3;
        final InputCodec codec = new InputCodec();
        final int len = encodeCompact(codec, e);
        final String hex = HexFormat.of().formatHex(codec.array(), 0, len);
        // sequence 300 -> zigzag 600 = d8 04; receive - event = -2 -> zigzag 3; instrument -1 -> 01; source 64 -> zigzag 128 = 80 01
        assertEquals("49" + "33" + "d804" + "0000b1beaf40eb18" + "03" + "01" + "8001" + "000000000000e03f" + "03000000",
            hex.substring(0, hex.length() - 8), "layout v3 changed: bump InputCodec.COMPACT_VERSION and LAYOUT.md");
        final EngineEvent out = new EngineEvent();
        codec.decode(len, out);
        assertEquals(e.toString(), out.toString());
        assertEquals(e.quality, out.quality);
    }

    @Test
    void shouldRoundTripEveryTypeInVersionThreeAndNeverWriteLongerThanVersionOne() {
        qt().withExamples(3000).forAll(integers().between(0, EventType.COUNT - 1), longs().all(), integers().between(0, 63))
            .checkAssert((type, seed, bits) -> {
                final EngineEvent in = new EngineEvent();
                randomInput(in, type, seed);
                final SplittableRandom r = new SplittableRandom(seed);
                // header fields of every magnitude: small (the synthetic world's) to the whole i64 range
                in.sequence = r.nextLong(0, Long.MAX_VALUE) >> bits;
                in.receiveTimeNanos = in.eventTimeNanos + (r.nextLong() >> bits);
                in.instrumentId = (int) (r.nextLong() >> Math.max(bits, 32));
                in.source = (int) (r.nextLong() >> Math.max(bits, 32));
                final InputCodec codec = new InputCodec();
                final int len = encodeCompact(codec, in);
                assertTrue(len <= plainLength(in), "never longer than version 1: " + len + " for " + in);
                final EngineEvent out = new EngineEvent();
                codec.decode(len, out);
                assertEquals(in.toString(), out.toString());
                assertEquals(Double.doubleToRawLongBits(in.value), Double.doubleToRawLongBits(out.value));
                assertEquals(Double.doubleToRawLongBits(in.fee), Double.doubleToRawLongBits(out.fee));
                assertEquals(in.quality, out.quality);
            });
    }

    @Test
    void shouldWriteVersionOneWhenVersionThreeWouldBeLonger() {
        final EngineEvent e = new EngineEvent();
        randomInput(e, EventType.POSITION_REPORT, 5);
        e.sequence = Long.MAX_VALUE;
        e.eventTimeNanos = Long.MIN_VALUE;
        e.receiveTimeNanos = 0;
        e.instrumentId = Integer.MIN_VALUE;
        e.source = Integer.MIN_VALUE;
        final InputCodec codec = new InputCodec();
        final int len = encodeCompact(codec, e);
        assertEquals(InputCodec.VERSION, codec.array()[1]);
        assertEquals(36 + 8 + 4, len);
        final EngineEvent out = new EngineEvent();
        codec.decode(len, out);
        assertEquals(e.toString(), out.toString());
    }

    @Test
    void shouldNameWhatIsWrongWithAVersionThreeEntryWhoseCrcHolds() {
        final EngineEvent e = new EngineEvent();
        worldBook(e, 9, 673);
        final InputCodec codec = new InputCodec();
        final int len = encodeCompact(codec, e);
        assertDamagedCompact(codec, len, 1, a -> { }, "layout-3 MARKET_BOOK entry at sequence 9 of length 43: its fields run past the"
            + " entry's end");
        assertDamagedCompact(codec, len, -1, a -> { }, "layout-3 MARKET_BOOK entry at sequence 9 of length 45 has 1 bytes after its"
            + " 5 bid and 5 ask levels");
        assertDamagedCompact(codec, len, 0, a -> a[18] = 0x56, "book entry at sequence 9 has 6 bid and 5 ask levels, more than 5");
        // cut inside the receive time's varint
        assertDamagedCompact(codec, len, len - 4 - 14, a -> { }, "layout-3 MARKET_BOOK entry at sequence 9 of length 18: its fields run"
            + " past the entry's end");
        assertDamagedCompact(codec, len, 0, a -> java.util.Arrays.fill(a, 2, 13, (byte) 0x81),
            "layout-3 MARKET_BOOK entry has a varint longer than 10 bytes");
        // the instrument's varint (zigzag 2 at byte 15) made six bytes long, zigzag 2^35: outside an int
        assertDamagedCompact(codec, len, 0, a -> {
            java.util.Arrays.fill(a, 15, 20, (byte) 0x80);
            a[20] = 1;
        }, "layout-3 MARKET_BOOK entry at sequence 9 has instrument id 17179869184, outside the int range");
        // a trade's type on a book's bytes: its payload has the wrong length
        assertDamagedCompact(codec, len, 0, a -> a[1] = 0x23, "MARKET_TRADE entry at sequence 9 has length 44, expected 41");
        // an unknown type
        assertDamagedCompact(codec, len, 0, a -> a[1] = (byte) 0xf3, "input entry at sequence 9 has unknown type 15");
    }

    /**
     * Encodes the world book of sequence 9 in version 3, shortens it by {@code cut} bytes (negative: adds zeros), damages it,
     * re-seals its CRC and decodes it: the error is {@code message}.
     */
    private static void assertDamagedCompact(final InputCodec codec, final int len, final int cut,
                                             final java.util.function.Consumer<byte[]> damage, final String message) {
        final EngineEvent e = new EngineEvent();
        worldBook(e, 9, 673);
        assertEquals(len, encodeCompact(codec, e));
        final byte[] a = codec.array();
        final int body = len - 4 - cut;
        if (cut < 0) {
            java.util.Arrays.fill(a, len - 4, body, (byte) 0);
        }
        damage.accept(a);
        final int damaged = sealed(a, body);
        final CorruptJournalException ex = assertThrows(CorruptJournalException.class, () -> codec.decode(damaged, new EngineEvent()));
        assertEquals(message, ex.getMessage());
    }

    /** Re-encodes {@code e}'s entry, shortens it by {@code cut} bytes (negative: adds zeros), damages it, re-seals its CRC, decodes. */
    private static void assertDamaged(final InputCodec codec, final int len, final int cut,
                                      final java.util.function.Consumer<byte[]> damage, final String message) {
        final EngineEvent e = new EngineEvent();
        worldBook(e, 9, 673);
        assertEquals(len, codec.encode(e));
        final byte[] a = codec.array();
        final int body = len - 4 - cut;
        if (cut < 0) {
            java.util.Arrays.fill(a, len - 4, body, (byte) 0);
        }
        damage.accept(a);
        final int damaged = sealed(a, body);
        final CorruptJournalException ex = assertThrows(CorruptJournalException.class, () -> codec.decode(damaged, new EngineEvent()));
        assertEquals(message, ex.getMessage());
    }

    /** Appends the CRC-32C of {@code a[0 .. end - 1]} at {@code end}; returns the entry's length. */
    private static int sealed(final byte[] a, final int end) {
        final java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(a, 0, end);
        new org.agrona.concurrent.UnsafeBuffer(a).putInt(end, (int) crc.getValue(), InputCodec.ORDER);
        return end + 4;
    }
}
