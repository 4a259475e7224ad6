package io.rtlbench.testbenches.simt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.testbenches.demo.MatMulGolden;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * C kernels on the SIMT core, bit-exact against the Java golden models on 1x4, 4x8 and 8x8
 * (warps x threads). Random inputs from {@code -Drtlbench.seed} (printed in every failure). Every
 * kernel must run without a branch whose lanes disagreed (SPLIT/JOIN/PRED used correctly).
 */
class SimtKernelTest {
    static final long SEED = Long.getLong("rtlbench.seed", 20261127L);
    static final long MAX = 5_000_000;

    static String ctx(String what, int w, int t) { return what + " on " + w + "x" + t + ", seed " + SEED + " (-Drtlbench.seed=" + SEED + ")"; }

    static void uniform(SimtMachine.Result r, String ctx) {
        assertEquals(0, r.divergentBranches(), ctx + ": branches whose lanes disagreed");
        assertEquals(0, r.tohost(), ctx + ": a kernel ends by stopping its warps");
    }

    @ParameterizedTest(name = "vecadd, relu, requant on {0}x{1}")
    @CsvSource({"1, 4", "4, 8", "8, 8"})
    void elementwiseKernels(int w, int t) {
        SimtMachine m = SimtMachines.get(w, t);
        Random rnd = new Random(SEED);
        int n = 100 + rnd.nextInt(100);
        int[] a = rnd.ints(n).toArray(), b = rnd.ints(n).toArray();
        a[0] = Integer.MAX_VALUE;
        b[0] = 1;  // wraps
        var add = SimtKernels.vecadd(m, a, b, MAX);
        assertArrayEquals(KernelGolden.vecadd(a, b), add.output(), ctx("vecadd n=" + n, w, t));
        uniform(add.counters(), ctx("vecadd", w, t));
        assertTrue(add.counters().bytesRead() >= 8L * n && add.counters().bytesWritten() >= 4L * n, "off-chip bytes counted");

        byte[] x = new byte[n + 3];
        rnd.nextBytes(x);
        var relu = SimtKernels.relu(m, x, MAX);
        assertArrayEquals(KernelGolden.relu(x), relu.output(), ctx("relu n=" + x.length, w, t));
        uniform(relu.counters(), ctx("relu", w, t));

        int[] acc = rnd.ints(n, -(1 << 20), 1 << 20).toArray();
        acc[0] = Integer.MIN_VALUE;
        acc[1] = Integer.MAX_VALUE;
        acc[2] = 0;
        for (int[] p : new int[][] {{1 << 14, 20, 0}, {77, 7, 1}, {-3, 1, 0}, {1 << 30, 0, 0}, {12345, 33, 1}}) {
            var rq = SimtKernels.requant(m, acc, p[0], p[1], p[2] == 1, MAX);
            assertArrayEquals(KernelGolden.requant(acc, p[0], p[1], p[2] == 1), rq.output(),
                    ctx("requant scale=" + p[0] + " shift=" + p[1] + " relu=" + p[2], w, t));
            uniform(rq.counters(), ctx("requant", w, t));
        }
    }

    @ParameterizedTest(name = "gemm {2}x{3}x{4} on {0}x{1}")
    @CsvSource({"1, 4, 5, 7, 3", "4, 8, 16, 32, 16", "4, 8, 20, 40, 17", "8, 8, 33, 9, 18", "4, 8, 21, 36, 12", "1, 4, 17, 4, 20"})
    void gemmIsBitExact(int w, int t, int mm, int k, int n) {
        SimtMachine m = SimtMachines.get(w, t);
        Random rnd = new Random(SEED ^ (mm * 31 + k * 7 + n));
        byte[][] a = MatMulGolden.random(rnd, mm, k), b = MatMulGolden.random(rnd, k, n);
        a[0][0] = Byte.MIN_VALUE;
        b[0][0] = Byte.MIN_VALUE;
        var run = SimtKernels.gemm(m, a, b, MAX);
        assertNull(MatMulGolden.firstMismatch(MatMulGolden.multiply(a, b), run.output()),
                ctx("gemm " + mm + "x" + k + "x" + n, w, t));
        uniform(run.counters(), ctx("gemm", w, t));
        assertTrue(run.counters().mulLanes() >= (long) mm * k * n / 4, "multiplies counted: " + run.counters());
    }

    @ParameterizedTest(name = "divergence on {0}x{1}")
    @CsvSource({"1, 4", "4, 8", "8, 8"})
    void divergenceReconverges(int w, int t) {
        SimtMachine m = SimtMachines.get(w, t);
        Random rnd = new Random(SEED + 1);
        int n = 3 * w * t + 5;
        int[] in = rnd.ints(n).toArray();
        var run = SimtKernels.divergence(m, in, MAX);
        int[] expected = new int[n];
        for (int i = 0; i < n; i++) expected[i] = KernelGolden.divergence(in[i], i);
        assertArrayEquals(expected, run.output(), ctx("divergence n=" + n, w, t));
        uniform(run.counters(), ctx("divergence", w, t));
        assertTrue(run.counters().stallDivergence() > 0, "the kernel should have run with partial masks");
    }
}
