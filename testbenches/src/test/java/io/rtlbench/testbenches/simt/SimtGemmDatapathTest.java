package io.rtlbench.testbenches.simt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.testbenches.demo.MatMulGolden;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.systolic.Layers;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GEMM kernel of each datapath (scalar, dp4a, tensor) bit-exact against the same golden model as
 * the systolic core, on 1x8, 4x8, 8x8 and a GPU of two cores (2x2x8), random shapes including primes
 * and edges of the 16 x 16 work-group tiles; and conv2d through im2col (lowered on the host as for
 * the systolic core) against the direct-convolution golden model. Seed from -Drtlbench.seed.
 */
class SimtGemmDatapathTest {
    static final long SEED = Long.getLong("rtlbench.seed", 9L);
    static final long MAX = 50_000_000;

    @ParameterizedTest(name = "gemm {1}x{2}x{3} on {0}")
    @CsvSource(delimiter = '|', value = {
        "1x8,dp4a | 17 | 23 | 13", "1x8,tensor | 17 | 23 | 13", "1x8,tensor | 5 | 7 | 3",
        "4x8,dp4a | 31 | 64 | 29", "4x8,tensor | 31 | 64 | 29", "4x8 | 31 | 64 | 29",
        "4x8,tensor | 16 | 32 | 16", "4x8,dp4a | 37 | 41 | 43", "4x8,tensor | 37 | 41 | 43",
    })
    void gemmIsBitExact(String spec, int mm, int k, int n) { check(spec, mm, k, n); }

    @Tag("slow")
    @ParameterizedTest(name = "gemm {1}x{2}x{3} on {0}")
    @CsvSource(delimiter = '|', value = {
        "8x8 | 33 | 47 | 19", "8x8,dp4a | 33 | 47 | 19", "8x8,tensor | 33 | 47 | 19",
        "2x2x8 | 47 | 29 | 53", "2x2x8,dp4a | 47 | 29 | 53", "2x2x8,tensor | 47 | 29 | 53", "2x2x8,tensor | 64 | 64 | 64",
        "1x8 | 17 | 23 | 13",
    })
    void gemmIsBitExactOnBiggerAndMultiCoreGpus(String spec, int mm, int k, int n) { check(spec, mm, k, n); }

    static void check(String spec, int mm, int k, int n) {
        SimtMachine m = SimtMachines.get(spec);
        Random rnd = new Random(SEED ^ (mm * 131L + k * 17L + n));
        byte[][] a = MatMulGolden.random(rnd, mm, k), b = MatMulGolden.random(rnd, k, n);
        a[0][0] = Byte.MIN_VALUE;
        b[0][0] = Byte.MIN_VALUE;
        var run = SimtKernels.gemm(m, a, b, MAX);
        String ctx = "gemm " + mm + "x" + k + "x" + n + " on " + spec + ", seed " + SEED + " (-Drtlbench.seed=" + SEED + ")";
        assertNull(MatMulGolden.firstMismatch(MatMulGolden.multiply(a, b), run.output()), ctx);
        var r = run.counters();
        assertEquals(0, r.divergentBranches(), ctx + ": branches whose lanes disagreed");
        assertTrue(r.mulCycles() > 0, ctx + ": MAC hardware counted");
        System.out.printf("SIMT %s gemm %dx%dx%d: %d cycles, %.3f MACs/cycle%n", spec, mm, k, n, r.cycles(), (double) mm * k * n / r.cycles());
    }

    @ParameterizedTest(name = "conv on {0}")
    @CsvSource(delimiter = '|', value = {"4x8", "4x8,dp4a", "4x8,tensor"})
    void convViaIm2colMatchesTheDirectConvolution(String spec) {
        SimtMachine m = SimtMachines.get(spec);
        Random rnd = new Random(SEED + 3);
        int cin = 3, cout = 5, h = 9, w = 7;                 // odd sizes: partial tiles, K = 27
        byte[][][][] wt = new byte[cout][cin][3][3];
        for (byte[][][] o : wt) for (byte[][] i : o) for (byte[] r : i) rnd.nextBytes(r);
        byte[][][] x = new byte[cin][h][w];
        for (byte[][] c : x) for (byte[] r : c) rnd.nextBytes(r);
        Layers.Conv2d conv = new Layers.Conv2d(wt, null, 2, 1, null);
        GemmJob job = conv.job(x);
        var run = SimtKernels.gemm(m, job.a(), job.b(), MAX);
        int[][][] got = conv.fromGemm(run.output(), h, w), want = conv.golden(x);
        for (int co = 0; co < cout; co++)
            for (int oy = 0; oy < want[0].length; oy++)
                for (int ox = 0; ox < want[0][0].length; ox++)
                    assertEquals(want[co][oy][ox], got[co][oy][ox], "conv 3x3 s2 p1 on " + spec + ", output (" + co + ", " + oy + ", " + ox
                            + "), seed " + SEED);
        assertEquals(SimtConfig.parse(spec).datapath(), m.config().datapath());
    }
}
