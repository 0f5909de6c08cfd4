package io.skytrade.exchange.cmi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

import java.io.IOException;

/**
 * Decodes the data of the CMI stream's {@code order} event, a full personalised snapshot of one
 * product's book:
 * {@code {"productsymbol":"LON_ETF","tickSize":1,"buyOrders":{"10115.0":{"marketVolume":2.0,"userVolume":0.0}},"sellOrders":{...}}},
 * into a {@link CmiBook}. Prices are the member names: they, the volumes and the symbol are read
 * from Jackson's character buffer, so no {@code String} is built per level (only Jackson's parser
 * per event). Prices become ticks ({@code round(price / tickSize)}); levels without volume are left
 * out; unknown members are skipped. {@code marketVolume} is taken as the level's total, ours
 * included (as the REST book's {@code volume} is documented), unless configured otherwise, when
 * the total is {@code marketVolume + userVolume}.
 *
 * <p>Not thread-safe: one per stream thread. Cost: one parser per event; no string per level.
 */
public final class CmiBookDecoder {
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxNumberLength(64).build())
        .build();

    private final CmiSymbols symbols;
    private final boolean marketVolumeIncludesOwn;
    private final double[] rawBidPrice = new double[CmiBook.MAX_LEVELS * 4];
    private final double[] rawAskPrice = new double[CmiBook.MAX_LEVELS * 4];
    private final long[] rawBidTotal = new long[rawBidPrice.length];
    private final long[] rawBidOwn = new long[rawBidPrice.length];
    private final long[] rawAskTotal = new long[rawAskPrice.length];
    private final long[] rawAskOwn = new long[rawAskPrice.length];
    private int rawBids;
    private int rawAsks;
    private long levelMarket;
    private long levelUser;

    /**
     * @param symbols                 product symbols of the registry
     * @param marketVolumeIncludesOwn whether {@code marketVolume} already counts our {@code userVolume}
     */
    public CmiBookDecoder(final CmiSymbols symbols, final boolean marketVolumeIncludesOwn) {
        this.symbols = symbols;
        this.marketVolumeIncludesOwn = marketVolumeIncludesOwn;
    }

    /**
     * Decodes {@code data} into {@code into}; {@code into.instrument} is -1 for a product the registry
     * does not hold.
     *
     * @throws CmiProtocolException naming what is malformed
     */
    public void decode(final String data, final CmiBook into) throws CmiProtocolException {
        into.clear();
        rawBids = 0;
        rawAsks = 0;
        boolean sawSymbol = false;
        try (JsonParser p = FACTORY.createParser(data)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new CmiProtocolException("order event data is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                final String name = p.currentName();
                final JsonToken value = p.nextToken();
                switch (name) {
                    case "productsymbol" -> {
                        if (value != JsonToken.VALUE_STRING) {
                            throw new CmiProtocolException("'productsymbol' is not a string");
                        }
                        into.instrument = symbols.find(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                        sawSymbol = true;
                    }
                    case "tickSize" -> {
                        final double tick = number(p, value, "tickSize");
                        if (!(tick > 0)) {
                            throw new CmiProtocolException("'tickSize' must be positive");
                        }
                        into.tickSize = tick;
                    }
                    case "buyOrders" -> side(p, value, true);
                    case "sellOrders" -> side(p, value, false);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new CmiProtocolException("trailing content after the order event object");
            }
        } catch (final IOException e) {
            final String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new CmiProtocolException("malformed order event JSON: " + why, e);
        }
        if (!sawSymbol) {
            throw new CmiProtocolException("order event without 'productsymbol'");
        }
        for (int i = 0; i < rawBids; i++) {
            into.add(true, Math.round(rawBidPrice[i] / into.tickSize), rawBidTotal[i], rawBidOwn[i]);
        }
        for (int i = 0; i < rawAsks; i++) {
            into.add(false, Math.round(rawAskPrice[i] / into.tickSize), rawAskTotal[i], rawAskOwn[i]);
        }
    }

    private void side(final JsonParser p, final JsonToken value, final boolean bid) throws IOException, CmiProtocolException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_OBJECT) {
            throw new CmiProtocolException("'" + (bid ? "buyOrders" : "sellOrders") + "' is not an object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            final double price = CmiNumbers.parseDecimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            if (Double.isNaN(price) || price < 0) {
                throw new CmiProtocolException("price key '" + p.getText() + "' is not a non-negative number");
            }
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new CmiProtocolException("level " + p.currentName() + " is not an object");
            }
            level(p);
            final long total = marketVolumeIncludesOwn ? levelMarket : levelMarket + levelUser;
            if (total <= 0) {
                continue;
            }
            if (bid && rawBids < rawBidPrice.length) {
                rawBidPrice[rawBids] = price;
                rawBidTotal[rawBids] = total;
                rawBidOwn[rawBids++] = Math.min(levelUser, total);
            } else if (!bid && rawAsks < rawAskPrice.length) {
                rawAskPrice[rawAsks] = price;
                rawAskTotal[rawAsks] = total;
                rawAskOwn[rawAsks++] = Math.min(levelUser, total);
            }
        }
    }

    private void level(final JsonParser p) throws IOException, CmiProtocolException {
        levelMarket = 0;
        levelUser = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            final String name = p.currentName();
            final JsonToken value = p.nextToken();
            switch (name) {
                case "marketVolume" -> levelMarket = volume(p, value, name);
                case "userVolume" -> levelUser = volume(p, value, name);
                default -> p.skipChildren();
            }
        }
    }

    private static long volume(final JsonParser p, final JsonToken value, final String name) throws IOException, CmiProtocolException {
        final double v = number(p, value, name);
        if (v < 0 || v > 1e12) {
            throw new CmiProtocolException("'" + name + "' = " + v + " out of range");
        }
        return Math.round(v);
    }

    private static double number(final JsonParser p, final JsonToken value, final String name) throws IOException, CmiProtocolException {
        if (value != JsonToken.VALUE_NUMBER_INT && value != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new CmiProtocolException("'" + name + "' is not a number");
        }
        final double v = CmiNumbers.parseDecimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        if (Double.isNaN(v)) {
            throw new CmiProtocolException("'" + name + "' = " + p.getText() + " is not a plain decimal");
        }
        return v;
    }
}
