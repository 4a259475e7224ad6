package io.rtlbench.emulator;

import java.math.BigInteger;

/** Ports wider than 64 bits as the native API passes them: little-endian arrays of 64-bit words. */
final class WideWords {
    private WideWords() {}

    static long[] toWords(BigInteger v, int words) {
        long[] w = new long[words];
        for (int i = 0; i < words; i++) w[i] = v.shiftRight(64 * i).longValue();
        return w;
    }

    static BigInteger fromWords(long[] w, int width) {
        BigInteger v = BigInteger.ZERO;
        for (int i = w.length - 1; i >= 0; i--)
            v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(w[i])));
        return v.and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
    }
}
