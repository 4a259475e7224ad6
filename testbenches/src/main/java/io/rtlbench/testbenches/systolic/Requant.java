package io.rtlbench.testbenches.systolic;

/**
 * Per-layer requantization of an INT32 accumulator to INT8, the exact rule of the hardware
 * ({@code io.rtlbench.rtl.systolic.Requant}) and of every core's golden model:
 * <pre>
 *   p = (long) acc * scale                                  // 64-bit, exact
 *   r = shift == 0 ? p : (p + (1L << (shift - 1))) >> shift // round half up, arithmetic shift
 *   if (relu) r = max(r, 0)
 *   out = clamp(r, -128, 127)
 * </pre>
 * The bias is added to the accumulator before this (INT32, wrapping).
 *
 * @param scale integer multiplier (any INT32)
 * @param shift right shift 0..62
 * @param relu  clamp negatives to zero
 */
public record Requant(int scale, int shift, boolean relu) {
    public Requant {
        if (shift < 0 || shift > 62) throw new IllegalArgumentException("requant shift must be 0..62; got " + shift);
    }

    public byte apply(int acc) {
        long p = (long) acc * scale;
        long r = shift == 0 ? p : (p + (1L << (shift - 1))) >> shift;
        if (relu && r < 0) r = 0;
        return (byte) Math.max(-128, Math.min(127, r));
    }

    /** Applies the rule to a whole matrix. */
    public int[][] apply(int[][] acc) {
        int[][] out = new int[acc.length][];
        for (int i = 0; i < acc.length; i++) {
            out[i] = new int[acc[i].length];
            for (int j = 0; j < acc[i].length; j++) out[i][j] = apply(acc[i][j]);
        }
        return out;
    }
}
