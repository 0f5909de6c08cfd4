package io.skytrade.exchange.protocol;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The product symbols one connection knows, built once: maps a symbol's bytes in a frame to its
 * index (the gateway's instrument id) through an open-addressing table of preallocated entries,
 * and gives each index its {@code String} and its bytes, so neither decoding nor encoding makes a
 * string per message.
 *
 * <p>Immutable after construction; safe from any thread. Hot-path cost: a hash over the symbol's
 * bytes and one or two byte comparisons; no allocation.
 */
public final class SymbolTable {
    private final String[] symbols;
    private final byte[][] bytes;
    private final int[] slots;
    private final int mask;

    /**
     * @param symbols product symbols, index = position in the list
     * @throws IllegalArgumentException when one is not a protocol symbol (1..32 of A-Z, 0-9, _) or is repeated
     */
    public SymbolTable(final List<String> symbols) {
        final int n = symbols.size();
        this.symbols = symbols.toArray(new String[0]);
        this.bytes = new byte[n][];
        int capacity = 4;
        while (capacity < n * 2) {
            capacity <<= 1;
        }
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        java.util.Arrays.fill(slots, -1);
        for (int i = 0; i < n; i++) {
            final String s = this.symbols[i];
            if (!isSymbol(s)) {
                throw new IllegalArgumentException("'" + s + "' is not a product symbol (1.." + ProtocolDecoder.MAX_SYMBOL_CHARS
                    + " characters of A-Z, 0-9 and _)");
            }
            bytes[i] = s.getBytes(StandardCharsets.US_ASCII);
            if (indexOf(s) != i) {
                throw new IllegalArgumentException("product symbol '" + s + "' is listed twice");
            }
            int slot = hash(bytes[i], 0, bytes[i].length) & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i;
        }
    }

    /** Number of symbols. */
    public int size() {
        return symbols.length;
    }

    /** The symbol of an index. */
    public String symbol(final int index) {
        return symbols[index];
    }

    /** The ASCII bytes of a symbol (shared: do not modify). */
    byte[] bytes(final int index) {
        return bytes[index];
    }

    /** Index of the symbol spelt by {@code length} bytes at {@code offset}, or -1. */
    public int indexOf(final DirectBuffer buffer, final int offset, final int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + buffer.getByte(offset + i);
        }
        int slot = mix(h) & mask;
        while (true) {
            final int index = slots[slot];
            if (index < 0) {
                return -1;
            }
            if (equals(bytes[index], buffer, offset, length)) {
                return index;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Index of a symbol, or -1. */
    public int indexOf(final String symbol) {
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i].equals(symbol)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean equals(final byte[] expected, final DirectBuffer buffer, final int offset, final int length) {
        if (expected.length != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (expected[i] != buffer.getByte(offset + i)) {
                return false;
            }
        }
        return true;
    }

    private static int hash(final byte[] b, final int offset, final int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + b[offset + i];
        }
        return mix(h);
    }

    private static int mix(final int h) {
        final int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }

    /** Whether a string is a protocol product symbol. */
    static boolean isSymbol(final String s) {
        if (s == null || s.isEmpty() || s.length() > ProtocolDecoder.MAX_SYMBOL_CHARS) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
