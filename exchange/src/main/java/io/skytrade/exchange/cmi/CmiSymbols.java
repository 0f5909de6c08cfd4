package io.skytrade.exchange.cmi;

import io.skytrade.core.registry.InstrumentRegistry;

/**
 * The registry's product symbols as character arrays, so a decoder can find a symbol's instrument
 * id straight from the JSON parser's character buffer without building a {@code String}.
 *
 * <p>Immutable; thread-safe. Cost: a linear scan over at most 32 symbols.
 */
public final class CmiSymbols {
    private final char[][] symbols;
    private final String[] names;

    public CmiSymbols(final InstrumentRegistry registry) {
        symbols = new char[registry.instrumentCount()][];
        names = new String[symbols.length];
        for (int i = 0; i < symbols.length; i++) {
            names[i] = registry.instrumentName(i);
            symbols[i] = names[i].toCharArray();
        }
    }

    /** Instrument id of the symbol in {@code chars[offset, offset+length)}, or -1. */
    public int find(final char[] chars, final int offset, final int length) {
        for (int i = 0; i < symbols.length; i++) {
            final char[] s = symbols[i];
            if (s.length == length && java.util.Arrays.equals(s, 0, length, chars, offset, offset + length)) {
                return i;
            }
        }
        return -1;
    }

    /** Instrument id of {@code symbol}, or -1. */
    public int find(final String symbol) {
        for (int i = 0; i < symbols.length; i++) {
            if (names[i].equals(symbol)) {
                return i;
            }
        }
        return -1;
    }

    /** The symbol of instrument {@code id}. */
    public String name(final int id) {
        return names[id];
    }

    public int count() {
        return symbols.length;
    }
}
