package io.rtlbench.testbenches.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.testbenches.systolic.GemmJob;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The golden GEMM's accumulation rule, and its FP32 rounding against Java's decimal parser. */
class FormatGoldenTest {
    static final NumberFormat E4M3 = NumberFormat.FP8_E4M3;

    static GemmJob row(NumberFormat f, int[] a, int[] b) {
        byte[][] ja = new byte[1][a.length], jb = new byte[b.length][1];
        for (int k = 0; k < a.length; k++) { ja[0][k] = (byte) a[k]; jb[k][0] = (byte) b[k]; }
        return new GemmJob(ja, jb, null, null, f, null, null);
    }

    @Test void aTileIsExactAndTilesAddInFp32() {
        // 448 * 448 + 2^-9 * 2^-9 - 448 * 448: exact in one tile (2^-18), 0 when split.
        GemmJob job = row(E4M3, new int[] {0x7E, 0x01, 0xFE}, new int[] {0x7E, 0x01, 0x7E});
        assertEquals(Float.floatToRawIntBits(0x1p-18f), FormatGolden.gemm(job, 3)[0][0]);
        assertEquals(0, FormatGolden.gemm(job, 1)[0][0], "(200704 + 2^-18) rounds to 200704 in FP32");
        GemmJob nan = row(E4M3, new int[] {0x38, 0x7F}, new int[] {0x38, 0x00});
        assertEquals(Fp32Round.CANONICAL_NAN, FormatGolden.gemm(nan, 2)[0][0], "NaN x 0 is NaN");
        GemmJob infTimesZero = row(NumberFormat.FP8_E5M2, new int[] {0x7C, 0x3C}, new int[] {0x00, 0x3C});
        assertEquals(Fp32Round.CANONICAL_NAN, FormatGolden.gemm(infTimesZero, 2)[0][0]);
        GemmJob inf = row(NumberFormat.FP8_E5M2, new int[] {0x7C, 0x3C}, new int[] {0xBC, 0x3C});
        assertEquals(0xFF80_0000, FormatGolden.gemm(inf, 1)[0][0], "Inf x -1 + 1 = -Inf");
    }

    @Test void mxScalesAndUnderflow() {
        byte[][] a = {{2, 3}}, b = {{4}, {5}};  // 1.0 * 2.0 + 1.5 * 3.0 = 6.5
        byte[][] sa = {{(byte) 127}}, sb = {{(byte) 130}};
        GemmJob job = new GemmJob(a, b, null, null, NumberFormat.MXFP4, sa, sb);
        assertEquals(Float.floatToRawIntBits(6.5f * 8), FormatGolden.gemm(job, 32)[0][0]);
        GemmJob tiny = new GemmJob(new byte[][] {{1 | 8}}, new byte[][] {{1}}, null, null, NumberFormat.MXFP4,
                new byte[][] {{0}}, new byte[][] {{0}});
        assertEquals(0x8000_0000, FormatGolden.gemm(tiny, 32)[0][0], "-0.25 * 2^-254 underflows to -0");
        GemmJob nanScale = new GemmJob(a, b, null, null, NumberFormat.MXFP4, sa, new byte[][] {{(byte) 255}});
        assertEquals(Fp32Round.CANONICAL_NAN, FormatGolden.gemm(nanScale, 32)[0][0]);
    }

    @Test void roundingMatchesTheDecimalParser() {
        Random rnd = new Random(1414);
        for (int n = 0; n < 100_000; n++) {
            BigInteger mag = new BigInteger(1 + rnd.nextInt(80), rnd);
            int exp = rnd.nextInt(400) - 250;
            boolean neg = rnd.nextBoolean();
            BigDecimal exact = new BigDecimal(mag).multiply(exp >= 0 ? new BigDecimal(BigInteger.ONE.shiftLeft(exp))
                    : BigDecimal.ONE.divide(new BigDecimal(BigInteger.ONE.shiftLeft(-exp))));
            float expected = Float.parseFloat((neg ? "-" : "") + exact.toString());
            int got = Fp32Round.round(neg, mag, exp);
            if (mag.signum() == 0) assertEquals(0, got);
            else assertEquals(Float.floatToRawIntBits(expected), got, "mag " + mag + " exp " + exp + " neg " + neg);
        }
    }

    @Test void kTilesCutAtBlocks() {
        assertEquals("[0,16][16,32][32,40]", str(KTiles.of(NumberFormat.MXFP4, 16, 40)));
        assertEquals("[0,6][6,12][12,18][18,24][24,30][30,32][32,33]", str(KTiles.of(NumberFormat.MXFP4, 6, 33)));
        assertEquals("[0,6][6,12][12,13]", str(KTiles.of(E4M3, 6, 13)));
    }

    static String str(java.util.List<int[]> t) {
        StringBuilder b = new StringBuilder();
        for (int[] x : t) b.append('[').append(x[0]).append(',').append(x[1]).append(']');
        return b.toString();
    }
}
