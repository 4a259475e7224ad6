package io.rtlbench.testbenches.formats;

/**
 * MXFP4 (OCP MX v1.0): blocks of 32 elements along the reduction dimension K, each element an FP4
 * E2M1 code (sign, 2 exponent bits, 1 mantissa bit, bias 1: +-{0, 0.5, 1, 1.5, 2, 3, 4, 6}), one E8M0
 * scale per block (value 2^(code - 127), code 255 = NaN). Quantization follows the spec's
 * reference, Microsoft microxcaling (mx/mx_ops.py _quantize_mx, commit 7bc4195): shared exponent
 * X = floor(log2(max |v|)) - 2 (2 = E2M1's emax; an all-zero block uses log2 of FP32's smallest
 * normal), clamped to [-127, 127]; a block holding a NaN or an infinity gets the NaN scale 0xFF (the
 * reference's NaN shared exponent) and zero elements; each element v / 2^X is rounded to E2M1 and
 * saturated to +-6. One choice differs from the reference's default: elements round to nearest
 * with ties to even (the reference's default "nearest" rounds ties away from zero).
 * A last block shorter than 32 (K not a multiple of 32) is scaled from the elements it has.
 */
public final class Mxfp4 {
    public static final int BLOCK = 32;
    public static final int NAN_SCALE = 0xFF;
    private static final double[] VALUES = {0, 0.5, 1, 1.5, 2, 3, 4, 6};

    private Mxfp4() {}

    /** The value of an E2M1 code (low 4 bits). */
    public static double element(int code) {
        double v = VALUES[code & 7];
        return (code & 8) != 0 ? -v : v;
    }

    /** Twice an E2M1 code's value, an integer in -12..12 (the hardware multiplies these). */
    public static int twice(int code) { return (int) (2 * element(code)); }

    /** The E2M1 code nearest to v (ties to even), saturated to +-6; the sign of zero is kept. */
    public static int encodeElement(double v) {
        int sign = (v < 0 || (v == 0 && 1 / v < 0)) ? 8 : 0;
        double a = Math.min(Math.abs(v), 6.0);
        int e = Math.max(Math.getExponent(a), 0);          // subnormals share exponent 0, step 0.5
        double step = Math.scalb(1.0, e - 1);
        double rounded = Math.min(Math.rint(a / step) * step, 6.0);
        int code = 0;
        while (VALUES[code] != rounded) code++;
        return sign | code;
    }

    /** The E8M0 scale code of a block of values (NaN scale when the block holds NaN or an infinity). */
    public static int scale(float[] block, int from, int to) {
        double amax = 0;
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(block[i])) return NAN_SCALE;
            amax = Math.max(amax, Math.abs((double) block[i]));
        }
        int x = Math.getExponent(amax == 0 ? Math.scalb(1.0, -126) : amax) - 2;
        return Math.max(-127, Math.min(127, x)) + 127;
    }

    /** Quantizes {@code v[from..to)} as one block: element codes into {@code codes}; returns the scale code. */
    public static int quantize(float[] v, int from, int to, byte[] codes) {
        int s = scale(v, from, to);
        for (int i = from; i < to; i++) codes[i] = (byte) (s == NAN_SCALE ? 0 : encodeElement(Math.scalb((double) v[i], 127 - s)));
        return s;
    }
}
