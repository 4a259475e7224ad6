package io.rtlbench.testbenches.formats;

import java.math.BigInteger;

/**
 * Rounds an exact value (-1)^neg * mag * 2^exp to IEEE 754 binary32 bits: round to nearest, ties
 * to even, subnormals, underflow to a zero of the value's sign, overflow to an infinity; a zero
 * magnitude gives +0. The golden twin of the hardware's {@code FixedToFp32}.
 */
public final class Fp32Round {
    public static final int CANONICAL_NAN = 0x7FC0_0000;

    private Fp32Round() {}

    public static int round(boolean neg, BigInteger mag, int exp) {
        if (mag.signum() < 0) throw new IllegalArgumentException("magnitude must be >= 0");
        if (mag.signum() == 0) return 0;
        int msb = mag.bitLength() - 1;
        int lsb = Math.max(msb + exp - 23, -149);           // exponent of the result's last bit
        int shift = lsb - exp;
        long sig;
        if (shift <= 0) sig = mag.shiftLeft(-shift).longValueExact();
        else {
            sig = mag.shiftRight(shift).longValue();
            boolean guard = mag.testBit(shift - 1);
            boolean sticky = mag.getLowestSetBit() < shift - 1;
            if (guard && (sticky || (sig & 1) != 0)) sig++;
        }
        if (sig == 1L << 24) { sig >>= 1; lsb++; }
        int sign = neg ? 0x8000_0000 : 0;
        if (sig < 1L << 23) return sign | (int) sig;         // subnormal (lsb == -149) or zero
        int field = lsb + 150;
        if (field >= 255) return sign | 0x7F80_0000;
        return sign | field << 23 | (int) (sig & 0x7F_FFFF);
    }

    /** The float's bits with every NaN made canonical (as the hardware writes NaN). */
    public static int bits(float f) { return Float.isNaN(f) ? CANONICAL_NAN : Float.floatToRawIntBits(f); }
}
