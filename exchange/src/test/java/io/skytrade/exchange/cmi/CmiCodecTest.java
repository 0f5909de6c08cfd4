package io.skytrade.exchange.cmi;

import io.skytrade.core.registry.InstrumentRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/** The CMI wire formats: book snapshots, numbers, timestamps, replies and request bodies. */
class CmiCodecTest {
    private final CmiSymbols symbols = new CmiSymbols(InstrumentRegistry.of(List.of("TIDE_SPOT", "LON_ETF"), List.of("x")));

    @Test
    void shouldDecodeTheReferenceSnapshotSortedWithTotalsAndOwnVolume() throws Exception {
        final CmiBook book = new CmiBook();
        new CmiBookDecoder(symbols, true).decode("{\"productsymbol\":\"LON_ETF\",\"tickSize\":1,\"buyOrders\":{\"10110.0\":"
            + "{\"marketVolume\":7.0,\"userVolume\":5.0},\"10115.0\":{\"marketVolume\":2.0,\"userVolume\":0.0}},"
            + "\"sellOrders\":{\"10158.0\":{\"marketVolume\":1.0,\"userVolume\":0.0},\"10150\":{\"marketVolume\":0,\"userVolume\":0}}}", book);
        assertEquals(1, book.instrument);
        assertEquals(2, book.bids);
        assertEquals(10115, book.bidPrice[0], "bids best first whatever the member order");
        assertEquals(2, book.bidTotal[0]);
        assertEquals(10110, book.bidPrice[1]);
        assertEquals(7, book.bidTotal[1]);
        assertEquals(5, book.bidOwn[1]);
        assertEquals(1, book.asks, "a level without volume is left out");
        assertEquals(10158, book.askPrice[0]);
    }

    @Test
    void shouldAddUserVolumeWhenMarketVolumeExcludesIt() throws Exception {
        final CmiBook book = new CmiBook();
        new CmiBookDecoder(symbols, false).decode("{\"sellOrders\":{\"5\":{\"userVolume\":3,\"marketVolume\":2}},\"unknown\":[1,{}],"
            + "\"productsymbol\":\"TIDE_SPOT\",\"tickSize\":0.5}", book);
        assertEquals(0, book.instrument);
        assertEquals(10, book.askPrice[0], "price 5 at tick 0.5 is 10 ticks, tick size after the levels");
        assertEquals(5, book.askTotal[0]);
        assertEquals(3, book.askOwn[0]);
    }

    @Test
    void shouldReportAnUnknownProductAndRejectMalformedSnapshots() throws Exception {
        final CmiBook book = new CmiBook();
        final CmiBookDecoder decoder = new CmiBookDecoder(symbols, true);
        decoder.decode("{\"productsymbol\":\"OTHER\",\"buyOrders\":{}}", book);
        assertEquals(-1, book.instrument);
        for (final String bad : List.of("", "[]", "{\"buyOrders\":{}}", "{\"productsymbol\":1}", "{\"productsymbol\":\"LON_ETF\",\"buyOrders\":{\"abc\":{}}}",
            "{\"productsymbol\":\"LON_ETF\",\"buyOrders\":{\"1\":{\"marketVolume\":\"7\"}}}", "{\"productsymbol\":\"LON_ETF\"} x",
            "{\"productsymbol\":\"LON_ETF\",\"tickSize\":0}", "{\"productsymbol\":\"LON_ETF\",\"buyOrders\":{\"1\":{\"marketVolume\":-1}}}")) {
            assertThrows(CmiProtocolException.class, () -> decoder.decode(bad, book), bad);
        }
    }

    @Test
    void shouldKeepTheBestLevelsOfAnOverfullSide() throws Exception {
        final StringBuilder sb = new StringBuilder("{\"productsymbol\":\"TIDE_SPOT\",\"buyOrders\":{");
        for (int p = 1; p <= 200; p++) {
            sb.append(p == 1 ? "" : ",").append('"').append(p).append("\":{\"marketVolume\":1,\"userVolume\":0}");
        }
        final CmiBook book = new CmiBook();
        new CmiBookDecoder(symbols, true).decode(sb.append("}}").toString(), book);
        assertEquals(CmiBook.MAX_LEVELS, book.bids);
        assertEquals(200, book.bidPrice[0]);
        assertEquals(200 - CmiBook.MAX_LEVELS + 1, book.bidPrice[CmiBook.MAX_LEVELS - 1]);
    }

    @Test
    void shouldParsePlainDecimalsOnly() {
        assertEquals(10115.0, CmiNumbers.parseDecimal("10115.0"));
        assertEquals(8, CmiNumbers.parseDecimal("8"));
        assertEquals(-2.5, CmiNumbers.parseDecimal("-2.5"));
        assertEquals(0.05, CmiNumbers.parseDecimal("0.05"), 1e-15);
        for (final String bad : List.of("", "-", ".", "1e3", "1.2.3", "abc", " 1", "1,5")) {
            assertTrue(Double.isNaN(CmiNumbers.parseDecimal(bad)), bad);
        }
    }

    @Test
    void shouldRoundTripTimestampsAndAgreeWithTheJdk() {
        qt().forAll(longs().between(-10_000_000_000_000_000L, 4_000_000_000_000_000_000L)).checkAssert(nanos -> {
            final String text = IsoInstant.format(nanos);
            assertEquals(nanos, IsoInstant.parse(text), text);
            final Instant jdk = Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
            assertEquals(jdk, Instant.parse(text), text);
        });
        assertEquals(1_772_287_650_547_773_253L, IsoInstant.parse("2026-02-28T14:07:30.547773253Z"));
        assertEquals(1_772_287_650_500_000_000L, IsoInstant.parse("2026-02-28T14:07:30.5+00:00"));
        assertEquals(1_772_287_650_000_000_000L, IsoInstant.parse("2026-02-28T14:07:30Z".toCharArray(), 0, 20));
        for (final String bad : List.of("2026-02-30T00:00:00Z", "2026-02-28 14:07:30Z", "2026-02-28T14:07:30", "2026-02-28T14:07:30.Z",
            "2026-02-28T24:00:00Z", "2026-02-28T14:07:30+01:00")) {
            assertEquals(IsoInstant.INVALID, IsoInstant.parse(bad), bad);
        }
    }

    @Test
    void shouldReadRepliesAsFlatObjectsAndNameWhatIsWrong() throws Exception {
        final List<Map<String, String>> objects = CmiJson.objects("[{\"product\":\"TIDE_SPOT\",\"netPosition\":-4,\"extra\":{\"a\":[1]}},"
            + "{\"product\":\"WX\",\"netPosition\":2.0,\"user\":null}]");
        assertEquals(2, objects.size());
        assertEquals(-4, CmiJson.whole(objects.get(0), "netPosition"));
        assertEquals(2, CmiJson.whole(objects.get(1), "netPosition"));
        assertEquals(null, objects.get(1).get("user"));
        final CmiProtocolException missing = assertThrows(CmiProtocolException.class, () -> CmiJson.string(objects.get(0), "id"));
        assertTrue(missing.getMessage().contains("'id'"));
        assertThrows(CmiProtocolException.class, () -> CmiJson.whole(Map.of("v", "1.5"), "v"));
        assertThrows(CmiProtocolException.class, () -> CmiJson.object("[{}]"));
        assertThrows(CmiProtocolException.class, () -> CmiJson.objects("{\"a\":1"));
        assertThrows(CmiProtocolException.class, () -> CmiJson.objects("[1]"));
        assertEquals("{\"username\":\"a\\\"b\",\"password\":\"p\\\\w\\n\"}", CmiJson.credentials("a\"b", "p\\w\n"));
        assertEquals("{\"product\":\"LON_ETF\",\"price\":10110,\"side\":\"SELL\",\"volume\":3}", CmiJson.newOrder("LON_ETF", "10110", false, 3));
    }
}
