package io.rtlbench.testbenches.simt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.testbenches.formats.FormatData;
import io.rtlbench.testbenches.formats.Fp32Round;
import io.rtlbench.testbenches.systolic.GemmGolden;
import io.rtlbench.testbenches.systolic.GemmJob;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The floating-point formats on the SIMT core, in software: softfp.h against Java's float addition
 * and the golden rounding, then FP8 E4M3/E5M2 and MXFP4 GEMMs bit-exact against the golden model on
 * random shapes (K not a multiple of 32, partial MX blocks, K tiles that do and do not divide 32;
 * shapes for the kernels' word-load and byte-load paths)
 * with special values, on 1x4, 2x4 and 4x8; no branch may diverge outside SPLIT/JOIN/PRED.
 */
class SimtFormatTest {
    static final long SEED = Long.getLong("rtlbench.seed", 20261127L);
    static final long MAX = 50_000_000;

    static String ctx(String what, int w, int t) { return what + " on " + w + "x" + t + ", seed " + SEED + " (-Drtlbench.seed=" + SEED + ")"; }

    @Test void softFloatMatchesJava() {
        SimtMachine m = SimtMachines.get(2, 4);
        Random rnd = new Random(SEED);
        int n = 3000;
        int[] a = new int[n], b = new int[n];
        int[] special = {0, 0x8000_0000, 0x7F80_0000, 0xFF80_0000, 0x7FC0_0000, 1, 0x8000_0001, 0x007F_FFFF, 0x0080_0000, 0x7F7F_FFFF};
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextInt(3) == 0 ? special[rnd.nextInt(special.length)] : rnd.nextInt();
            b[i] = switch (rnd.nextInt(4)) {
                case 0 -> special[rnd.nextInt(special.length)];
                case 1 -> (a[i] ^ 0x8000_0000) + rnd.nextInt(5) - 2;
                case 2 -> a[i] + (rnd.nextInt(60) - 30 << 23);
                default -> rnd.nextInt();
            };
        }
        var add = SimtFormatKernels.softAdd(m, a, b, MAX);
        for (int i = 0; i < n; i++)
            assertEquals(Fp32Round.bits(Float.intBitsToFloat(a[i]) + Float.intBitsToFloat(b[i])), add.output()[i],
                    String.format("0x%08x + 0x%08x, seed %d", a[i], b[i], SEED));
        assertEquals(0, add.counters().divergentBranches(), "sf_add must not branch on data");
        int[][] rec = new int[n][];
        for (int i = 0; i < n; i++) {
            long mag = rnd.nextInt(8) == 0 ? 0 : rnd.nextLong() >>> rnd.nextInt(64);
            rec[i] = new int[] {rnd.nextInt(2), (int) (mag >>> 32), (int) mag, rnd.nextInt(4) == 0 ? rnd.nextInt(600) - 300 : rnd.nextInt(80) - 90};
        }
        var round = SimtFormatKernels.softRound(m, rec, MAX);
        for (int i = 0; i < n; i++) {
            BigInteger mag = new BigInteger(Long.toUnsignedString(((long) rec[i][1] << 32) | (rec[i][2] & 0xFFFF_FFFFL)));
            assertEquals(Fp32Round.round(rec[i][0] == 1, mag, rec[i][3]), round.output()[i], "round " + mag + " * 2^" + rec[i][3]);
        }
        assertEquals(0, round.counters().divergentBranches(), "sf_round must not branch on data");
    }

    @ParameterizedTest(name = "{0} {3}x{4}x{5} tile {6} on {1}x{2}")
    @CsvSource({"FP8_E4M3, 1, 4, 5, 7, 3, 16", "FP8_E4M3, 4, 8, 20, 40, 17, 16", "FP8_E4M3, 2, 4, 17, 33, 9, 7",
        "FP8_E4M3, 4, 8, 20, 64, 24, 16", "FP8_E5M2, 1, 4, 5, 7, 3, 16", "FP8_E5M2, 4, 8, 20, 40, 17, 16",
        "FP8_E5M2, 2, 4, 9, 70, 5, 32", "FP8_E5M2, 2, 4, 18, 36, 20, 12", "MXFP4, 1, 4, 5, 7, 3, 16",
        "MXFP4, 4, 8, 20, 40, 17, 16", "MXFP4, 2, 4, 17, 33, 9, 6", "MXFP4, 4, 8, 9, 100, 18, 32", "MXFP4, 4, 8, 20, 72, 24, 16",
        "MXFP4, 2, 4, 7, 48, 16, 8"})
    void gemmIsBitExact(NumberFormat f, int w, int t, int mm, int k, int n, int tile) {
        SimtMachine m = SimtMachines.get(w, t);
        Random rnd = new Random(SEED ^ (mm * 31 + k * 7 + n) ^ f.ordinal());
        for (boolean specials : new boolean[] {false, true}) {
            GemmJob job = FormatData.random(f, rnd, mm, k, n, specials, specials);
            var run = SimtFormatKernels.gemm(m, job, tile, MAX);
            String what = f + " gemm " + mm + "x" + k + "x" + n + " tile " + tile + (specials ? " with bias and specials" : "");
            assertNull(GemmGolden.firstMismatch(job.expected(tile), run.output()), ctx(what, w, t));
            assertEquals(0, run.counters().divergentBranches(), ctx(what + ": branches whose lanes disagreed", w, t));
        }
    }
}
