package io.rtlbench.testbenches.formats;

import io.rtlbench.rtl.formats.NumberFormat;

/**
 * FP8 E4M3 and E5M2 codes (OCP OFP8 Revision 1.0, section 5; see {@link NumberFormat} for the
 * table values): exact decoding, and conversion from FP32 as section 5.2.1 specifies: round to
 * nearest even to the format's mantissa width first, then, if the rounded magnitude is above the
 * largest normal, saturate to +-max (saturating mode) or produce NaN (E4M3) / an infinity (E5M2)
 * (non-saturating mode); below the smallest subnormal the result is a zero of the input's sign;
 * FP32 infinities give +-max (saturating) or NaN/Inf (non-saturating); NaN gives 0x7F.
 */
public final class Fp8 {
    /** The NaN this converter produces (the spec leaves the choice to the implementation). */
    public static final byte NAN = 0x7F;

    private Fp8() {}

    /** Saturating (clamp to +-max) or non-saturating (NaN / Inf) conversion, as OFP8 requires both. */
    public enum Overflow { SATURATE, NON_SATURATE }

    public static boolean isNan(NumberFormat f, int code) {
        int c = code & 0x7F, e = c >> f.mantBits, m = c & ((1 << f.mantBits) - 1);
        return f == NumberFormat.FP8_E4M3 ? c == 0x7F : e == 31 && m != 0;
    }

    public static boolean isInf(NumberFormat f, int code) { return f == NumberFormat.FP8_E5M2 && (code & 0x7F) == 0x7C; }

    /** Largest finite magnitude: E4M3 448, E5M2 57344. */
    public static double max(NumberFormat f) {
        return Math.scalb(2.0 - Math.scalb(1.0, f == NumberFormat.FP8_E4M3 ? -2 : -f.mantBits), f.maxFiniteExpField() - f.bias);
    }

    /** The exact value of a code (FP8 values are all exactly representable as float); NaN for NaN. */
    public static float decode(NumberFormat f, int code) {
        check(f);
        if (isNan(f, code)) return Float.NaN;
        boolean neg = (code & 0x80) != 0;
        if (isInf(f, code)) return neg ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        int e = (code & 0x7F) >> f.mantBits, m = code & ((1 << f.mantBits) - 1);
        double v = e == 0 ? Math.scalb((double) m, 1 - f.bias - f.mantBits)
                : Math.scalb((double) ((1 << f.mantBits) | m), e - f.bias - f.mantBits);
        return (float) (neg ? -v : v);
    }

    public static byte encode(NumberFormat f, float x) { return encode(f, x, Overflow.SATURATE); }

    public static byte encode(NumberFormat f, float x, Overflow overflow) {
        check(f);
        if (Float.isNaN(x)) return NAN;
        int sign = Float.floatToRawIntBits(x) < 0 ? 0x80 : 0;
        int tooBig = overflow == Overflow.SATURATE ? maxCode(f) : f == NumberFormat.FP8_E4M3 ? 0x7F : 0x7C;
        if (Float.isInfinite(x)) return (byte) (sign | tooBig);
        double a = Math.abs((double) x);
        if (a == 0) return (byte) sign;
        int emin = 1 - f.bias, q = Math.max(Math.getExponent(a), emin) - f.mantBits;
        double rounded = Math.scalb(Math.rint(Math.scalb(a, -q)), q);  // rint: ties to even
        if (rounded > max(f)) return (byte) (sign | tooBig);
        if (rounded == 0) return (byte) sign;
        int e = Math.getExponent(rounded);
        if (e < emin) return (byte) (sign | (int) Math.scalb(rounded, f.mantBits - emin));  // subnormal
        int mant = (int) Math.scalb(rounded, f.mantBits - e) - (1 << f.mantBits);
        return (byte) (sign | (e + f.bias) << f.mantBits | mant);
    }

    private static int maxCode(NumberFormat f) { return f == NumberFormat.FP8_E4M3 ? 0x7E : 0x7B; }

    private static void check(NumberFormat f) {
        if (f != NumberFormat.FP8_E4M3 && f != NumberFormat.FP8_E5M2) throw new IllegalArgumentException("not an FP8 format: " + f);
    }
}
