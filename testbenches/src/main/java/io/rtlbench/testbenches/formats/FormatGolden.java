package io.rtlbench.testbenches.formats;

import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.testbenches.systolic.GemmJob;
import java.math.BigInteger;
import java.util.List;

/**
 * The golden GEMM of the floating-point formats, bit-exact with both cores. Accumulation order
 * and rounding, defined here and built the same way in the systolic array and the SIMT kernels:
 * K is cut into tiles ({@link KTiles}); within a tile the dot product is exact (every element
 * product is an integer times 2^lsb, summed without rounding, so the order inside a tile does not
 * matter), times the MX scales for MXFP4; that exact value is rounded once to FP32 (round to
 * nearest even, IEEE subnormals and overflow); the tiles are then added in ascending K in FP32
 * (IEEE addition, round to nearest even), starting from the FP32 bias when there is one, else
 * from the first tile's value. Special values: a NaN operand, Inf x 0, +Inf and -Inf products in one
 * tile, or a NaN scale make that tile NaN; an infinite product makes it that infinity; FP32
 * addition then propagates them. NaN results are the canonical 0x7FC00000.
 * Why exact tiles and FP32 between them: a PE column adds its R products in a fixed-point
 * accumulator wide enough to be exact (cheaper than R FP32 adders, no order to define), and the
 * accumulator SRAM keeps 32-bit FP32 lanes, as FP8/MX tensor units accumulate in FP32.
 */
public final class FormatGolden {
    private FormatGolden() {}

    /** C (M x N, FP32 bits) of a floating-point job with K tiles of {@code tile} elements. */
    public static int[][] gemm(GemmJob job, int tile) {
        NumberFormat f = job.format();
        if (!f.isFloat()) throw new IllegalArgumentException("FormatGolden is for floating-point formats; int8 uses GemmGolden");
        List<int[]> tiles = KTiles.of(f, tile, job.k());
        int[][] c = new int[job.m()][job.n()];
        for (int i = 0; i < job.m(); i++)
            for (int j = 0; j < job.n(); j++) {
                boolean first = job.bias() == null;
                float acc = first ? 0f : Float.intBitsToFloat(job.bias()[j]);
                for (int[] t : tiles) {
                    float v = Float.intBitsToFloat(tileValue(job, i, j, t[0], t[1]));
                    acc = first ? v : acc + v;
                    first = false;
                }
                c[i][j] = Fp32Round.bits(acc);
            }
        return c;
    }

    /** One tile's dot product, exact, rounded once to FP32 (bits). */
    static int tileValue(GemmJob job, int i, int j, int k0, int k1) {
        NumberFormat f = job.format();
        if (f == NumberFormat.MXFP4) {
            int sa = job.aScales()[i][k0 / Mxfp4.BLOCK] & 0xFF, sb = job.bScales()[k0 / Mxfp4.BLOCK][j] & 0xFF;
            long sum = 0;
            for (int k = k0; k < k1; k++) sum += (long) Mxfp4.twice(job.a()[i][k]) * Mxfp4.twice(job.b()[k][j]);
            if (sa == Mxfp4.NAN_SCALE || sb == Mxfp4.NAN_SCALE) return Fp32Round.CANONICAL_NAN;
            return Fp32Round.round(sum < 0, BigInteger.valueOf(Math.abs(sum)), f.productLsbExponent() + sa - 127 + sb - 127);
        }
        long hi = 0, lo = 0;  // sum = hi * 2^32 + lo, in units of 2^lsb
        boolean nan = false, pinf = false, ninf = false;
        for (int k = k0; k < k1; k++) {
            int a = job.a()[i][k] & 0xFF, b = job.b()[k][j] & 0xFF;
            boolean neg = ((a ^ b) & 0x80) != 0;
            boolean aZero = (a & 0x7F) == 0, bZero = (b & 0x7F) == 0;
            if (Fp8.isNan(f, a) || Fp8.isNan(f, b) || (Fp8.isInf(f, a) && bZero) || (Fp8.isInf(f, b) && aZero)) nan = true;
            else if (Fp8.isInf(f, a) || Fp8.isInf(f, b)) { if (neg) ninf = true; else pinf = true; }
            else {
                long sig = significand(f, a) * significand(f, b);
                int shift = effExp(f, a) + effExp(f, b) - 2;
                if (shift >= 32) hi += neg ? -(sig << (shift - 32)) : sig << (shift - 32);
                else lo += neg ? -(sig << shift) : sig << shift;
            }
        }
        if (nan || (pinf && ninf)) return Fp32Round.CANONICAL_NAN;
        if (pinf) return 0x7F80_0000;
        if (ninf) return 0xFF80_0000;
        BigInteger sum = BigInteger.valueOf(hi).shiftLeft(32).add(BigInteger.valueOf(lo));
        return Fp32Round.round(sum.signum() < 0, sum.abs(), f.productLsbExponent());
    }

    static long significand(NumberFormat f, int code) {
        int e = (code & 0x7F) >> f.mantBits, m = code & ((1 << f.mantBits) - 1);
        return e == 0 ? m : (1 << f.mantBits) | m;
    }

    static int effExp(NumberFormat f, int code) { return Math.max(1, (code & 0x7F) >> f.mantBits); }
}
