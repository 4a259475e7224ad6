package io.rtlbench.testbenches.formats;

import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.testbenches.systolic.GemmGolden;
import io.rtlbench.testbenches.systolic.GemmJob;
import java.util.Random;

/**
 * GEMM jobs of every format: from FP32 tensors (FP8: round to nearest even, saturating; MXFP4:
 * blocks of 32 along K with the reference's scale), or random, optionally with special values in
 * the inputs (zeros, subnormals, the largest finite value, NaN and infinities where the format
 * has them, NaN blocks for MXFP4) placed sparsely so that most outputs stay finite.
 */
public final class FormatData {
    private FormatData() {}

    /** C = A x B (+ bias) in {@code f} from FP32 A (M x K), B (K x N) and bias (N values or null). */
    public static GemmJob quantize(NumberFormat f, float[][] a, float[][] b, float[] bias) {
        if (!f.isFloat()) throw new IllegalArgumentException("quantize converts FP32 to fp8e4m3, fp8e5m2 or mxfp4, not " + f);
        int m = a.length, k = b.length, n = b[0].length;
        int[] biasBits = bits(bias);
        if (f != NumberFormat.MXFP4) {
            byte[][] qa = new byte[m][k], qb = new byte[k][n];
            for (int i = 0; i < m; i++) for (int t = 0; t < k; t++) qa[i][t] = Fp8.encode(f, a[i][t]);
            for (int t = 0; t < k; t++) for (int j = 0; j < n; j++) qb[t][j] = Fp8.encode(f, b[t][j]);
            return new GemmJob(qa, qb, biasBits, null, f, null, null);
        }
        int blocks = (k + Mxfp4.BLOCK - 1) / Mxfp4.BLOCK;
        byte[][] qa = new byte[m][k], qb = new byte[k][n], sa = new byte[m][blocks], sb = new byte[blocks][n];
        for (int i = 0; i < m; i++)
            for (int q = 0; q < blocks; q++) sa[i][q] = (byte) Mxfp4.quantize(a[i], q * Mxfp4.BLOCK, Math.min(k, (q + 1) * Mxfp4.BLOCK), qa[i]);
        float[] column = new float[k];
        byte[] codes = new byte[k];
        for (int j = 0; j < n; j++) {
            for (int t = 0; t < k; t++) column[t] = b[t][j];
            for (int q = 0; q < blocks; q++) sb[q][j] = (byte) Mxfp4.quantize(column, q * Mxfp4.BLOCK, Math.min(k, (q + 1) * Mxfp4.BLOCK), codes);
            for (int t = 0; t < k; t++) qb[t][j] = codes[t];
        }
        return new GemmJob(qa, qb, biasBits, null, f, sa, sb);
    }

    /** A random job; INT8 as the INT8 tests make them (random bytes, bias within +-2^20). */
    public static GemmJob random(NumberFormat f, Random rnd, int m, int k, int n, boolean bias, boolean specials) {
        if (f == NumberFormat.INT8)
            return new GemmJob(GemmGolden.random(rnd, m, k), GemmGolden.random(rnd, k, n), bias ? GemmGolden.randomBias(rnd, n, 1 << 20) : null, null);
        float[] fb = null;
        if (bias) {
            fb = new float[n];
            for (int j = 0; j < n; j++) fb[j] = (float) (rnd.nextGaussian() * 100);
        }
        if (f == NumberFormat.MXFP4) return quantize(f, randomMx(rnd, m, k, specials), transpose(randomMx(rnd, n, k, specials)), fb);
        byte[][] a = randomCodes(f, rnd, m, k, specials), b = randomCodes(f, rnd, k, n, specials);
        return new GemmJob(a, b, bits(fb), null, f, null, null);
    }

    /** Uniform over the finite codes (all exponents: zeros, subnormals, max); specials: ~1 in 16 rows gets one special. */
    static byte[][] randomCodes(NumberFormat f, Random rnd, int rows, int cols, boolean specials) {
        byte[][] c = new byte[rows][cols];
        for (byte[] row : c)
            for (int j = 0; j < cols; j++) {
                int code;
                do code = rnd.nextInt(256); while (Fp8.isNan(f, code) || Fp8.isInf(f, code));
                row[j] = (byte) code;
            }
        if (specials)
            for (byte[] row : c)
                if (rnd.nextInt(16) == 0) row[rnd.nextInt(cols)] = special(f, rnd);
        return c;
    }

    private static byte special(NumberFormat f, Random rnd) {
        int[] e4m3 = {0x00, 0x80, 0x01, 0x87, 0x7E, 0xFE, 0x7F}, e5m2 = {0x00, 0x80, 0x01, 0x83, 0x7B, 0xFB, 0x7C, 0xFC, 0x7E};
        int[] pick = f == NumberFormat.FP8_E4M3 ? e4m3 : e5m2;
        return (byte) pick[rnd.nextInt(pick.length)];
    }

    /** Rows of FP32 values whose 32-element blocks have random magnitudes 2^-20..2^20, with specials. */
    static float[][] randomMx(Random rnd, int rows, int k, boolean specials) {
        float[][] v = new float[rows][k];
        for (float[] row : v)
            for (int q = 0; q < k; q += Mxfp4.BLOCK) {
                double mag = Math.scalb(1.0, rnd.nextInt(41) - 20);
                int kind = specials ? rnd.nextInt(40) : 1;
                for (int t = q; t < Math.min(k, q + Mxfp4.BLOCK); t++)
                    row[t] = switch (kind) {
                        case 0 -> 0f;                                                    // all-zero block
                        case 1 -> t == q && rnd.nextInt(64) == 0 ? Float.NaN : (float) (rnd.nextGaussian() * mag);
                        case 2 -> Float.MIN_VALUE * rnd.nextInt(1000);                   // FP32 subnormals
                        case 3 -> rnd.nextBoolean() ? Float.MAX_VALUE : -Float.MAX_VALUE;
                        default -> (float) (rnd.nextGaussian() * mag);
                    };
            }
        return v;
    }

    static int[] bits(float[] v) {
        if (v == null) return null;
        int[] b = new int[v.length];
        for (int j = 0; j < v.length; j++) b[j] = Float.floatToRawIntBits(v[j]);
        return b;
    }

    static float[][] transpose(float[][] x) {
        float[][] t = new float[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < x[0].length; j++) t[j][i] = x[i][j];
        return t;
    }
}
