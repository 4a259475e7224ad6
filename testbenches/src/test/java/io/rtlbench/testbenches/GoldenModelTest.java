package io.rtlbench.testbenches;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.testbenches.data.DataPattern;
import io.rtlbench.testbenches.demo.MatMulGolden;
import io.rtlbench.testbenches.simt.KernelGolden;
import io.rtlbench.testbenches.systolic.GemmGolden;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.systolic.Layers;
import io.rtlbench.testbenches.systolic.OffChipImage;
import io.rtlbench.testbenches.systolic.Requant;
import io.rtlbench.testbenches.systolic.Workload;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The golden models every core is checked against, on hand-computed values: GEMM with bias and
 * INT32 wrap-around, requantization (both cores' rules), convolution by im2col against the direct
 * form, the SIMT kernels' references, the off-chip image layout and the workload specs.
 */
class GoldenModelTest {
    static final byte[][] A = {{1, -2, 3}, {-128, 127, 0}};
    static final byte[][] B = {{4, -5}, {6, 7}, {-8, 9}};

    @Test void gemmWithBiasAndWrapAround() {
        assertArrayEquals(new int[][] {{4 - 12 - 24, -5 - 14 + 27}, {-512 + 762, 640 + 889}}, GemmGolden.gemm(A, B, null));
        assertArrayEquals(new int[][] {{-32 + 10, 8 - 1}, {250 + 10, 1529 - 1}}, GemmGolden.gemm(A, B, new int[] {10, -1}));
        assertArrayEquals(GemmGolden.gemm(A, B, null), MatMulGolden.multiply(A, B));
        byte[][] big = new byte[1][1 << 18], ones = new byte[1 << 18][1];
        java.util.Arrays.fill(big[0], (byte) -128);
        for (byte[] r : ones) r[0] = -128;
        assertEquals(Integer.MIN_VALUE, GemmGolden.gemm(big, ones, new int[] {Integer.MIN_VALUE})[0][0], "2^32 + MIN wraps to MIN");
        assertArrayEquals(new int[][] {{0, 0}, {16, 96}}, GemmGolden.layer(A, B, new int[] {10, -1}, new Requant(1, 4, true)));  // (-22|7|260|1528 + 8) >> 4, ReLU
        assertThrows(IllegalArgumentException.class, () -> GemmGolden.gemm(A, new byte[2][2], null));
        assertThrows(IllegalArgumentException.class, () -> GemmGolden.gemm(A, B, new int[3]));
        assertThrows(IllegalArgumentException.class, () -> MatMulGolden.multiply(A, new byte[2][2]));
        assertEquals(12L, new GemmJob(A, B, null, null).macs());
    }

    @Test void mismatchMessagesNameTheElement() {
        int[][] e = {{1, 2}, {3, 4}};
        assertNull(GemmGolden.firstMismatch(e, new int[][] {{1, 2}, {3, 4}}));
        assertEquals("C[1][0] (row 1 of A x column 0 of B): expected 3, actual 5", GemmGolden.firstMismatch(e, new int[][] {{1, 2}, {5, 4}}));
        assertEquals("C[0][1] (row 0 of A x column 1 of B): expected 2, actual 0", MatMulGolden.firstMismatch(e, new int[][] {{1, 0}, {3, 4}}));
        assertEquals("expected 2 rows, got 1", GemmGolden.firstMismatch(e, new int[][] {{1, 2}}));
    }

    @Test void randomTensorsCoverTheirRanges() {
        Random rnd = new Random(1);
        byte[][] m = GemmGolden.random(rnd, 50, 50);
        int min = 0, max = 0;
        for (byte[] r : m) for (byte v : r) { min = Math.min(min, v); max = Math.max(max, v); }
        assertTrue(min == -128 && max == 127, min + ".." + max);
        int[] bias = GemmGolden.randomBias(rnd, 2000, 3);
        assertTrue(java.util.Arrays.stream(bias).min().getAsInt() == -3 && java.util.Arrays.stream(bias).max().getAsInt() == 3);
        assertEquals(7, MatMulGolden.random(rnd, 7, 2).length);
        byte[][] sparse = DataPattern.parse("sparse:0.9").matrix(rnd, 100, 100);
        long zeros = java.util.Arrays.stream(sparse).mapToLong(r -> java.util.stream.IntStream.range(0, r.length).filter(i -> r[i] == 0).count()).sum();
        assertTrue(zeros > 8500 && zeros < 9500, zeros + " zeros");
        assertEquals(0, DataPattern.ZEROS.element(rnd));
        assertEquals("sparse:0.5", DataPattern.parse("sparse:0.5").toString());
        assertEquals(DataPattern.RANDOM, DataPattern.parse(null));
        assertThrows(IllegalArgumentException.class, () -> DataPattern.parse("sparse:2"));
    }

    @Test void requantRulesOfBothCoresAgree() {
        Requant r = new Requant(3, 2, false);
        assertArrayEquals(new int[][] {{1, 2, -1, -1}}, r.apply(new int[][] {{1, 2, -2, -1}}));  // 0.75 -> 1, 1.5 -> 2, -1.5 -> -1, -0.75 -> -1
        for (int x : new int[] {Integer.MIN_VALUE, -1000, -3, -2, -1, 0, 1, 2, 3, 1000, Integer.MAX_VALUE})
            for (int[] p : new int[][] {{1, 0}, {3, 1}, {-5, 3}, {1 << 30, 31}, {Integer.MIN_VALUE, 62}, {7, 40}})
                for (boolean relu : new boolean[] {false, true})
                    assertEquals(new Requant(p[0], p[1], relu).apply(x), KernelGolden.requant(x, p[0], p[1], relu), x + " " + p[0] + " " + p[1]);
        assertEquals(-128, KernelGolden.requant(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, false));
        assertEquals(127, KernelGolden.requant(Integer.MIN_VALUE, Integer.MIN_VALUE, 0, false), "2^62 saturates");
        assertThrows(IllegalArgumentException.class, () -> KernelGolden.requant(1, 1, 63, false));
        assertThrows(IllegalArgumentException.class, () -> new Requant(1, -1, false));
    }

    @Test void simtKernelReferences() {
        assertArrayEquals(new int[] {Integer.MIN_VALUE, 5}, KernelGolden.vecadd(new int[] {Integer.MAX_VALUE, 2}, new int[] {1, 3}));
        assertArrayEquals(new byte[] {0, 0, 5, 127}, KernelGolden.relu(new byte[] {-128, 0, 5, 127}));
        assertArrayEquals(new byte[] {1, -1}, KernelGolden.requant(new int[] {2, -3}, 1, 1, false));
        assertEquals(1009, KernelGolden.divergence(3, 0), "odd, bit 1 set: 3 x 3 + 1000");
        assertEquals(1012, KernelGolden.divergence(5, 0), "odd, bit 1 clear: 5 + 7 + 1000");
        assertEquals(0, KernelGolden.divergence(8, 0), "even, x & 7 = 0: no iterations");
        assertEquals(15, KernelGolden.divergence(6, 0), "j = 0..5: r += 6j, xor 0x55 after odd j: 6, 83, 95, 36, 60, 15");
        int r = 1009;
        for (int k = 0; k < 3; k++) r = (r ^ (r << 1)) + k;
        assertEquals(r, KernelGolden.divergence(3, 8), "i % 5 = 3 extra rounds");
    }

    @Test void convolutionByIm2colMatchesTheDirectForm() {
        Random rnd = new Random(4);
        byte[][][][] w = new byte[3][2][3][3];
        for (byte[][][] o : w) for (byte[][] c : o) for (byte[] row : c) rnd.nextBytes(row);
        byte[][][] x = new byte[2][7][6];
        for (byte[][] c : x) for (byte[] row : c) rnd.nextBytes(row);
        for (int[] sp : new int[][] {{1, 0}, {1, 1}, {2, 1}, {3, 2}}) {
            Layers.Conv2d conv = new Layers.Conv2d(w, new int[] {5, -6, 7}, sp[0], sp[1], null);
            GemmJob job = conv.job(x);
            assertEquals(conv.outH(7) * conv.outW(6), job.m());
            assertEquals(18, job.k());
            assertArrayEquals(conv.golden(x), conv.fromGemm(job.expected(), 7, 6), "stride " + sp[0] + " pad " + sp[1]);
        }
        assertEquals(3, new Layers.Conv2d(w, null, 2, 1, null).outH(6));
        assertThrows(IllegalArgumentException.class, () -> new Layers.Conv2d(w, null, 1, 0, null).outH(2));
        assertThrows(IllegalArgumentException.class, () -> new Layers.Conv2d(w, null, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new Layers.Conv2d(w, null, 1, -1, null));
        assertThrows(IllegalArgumentException.class, () -> new Layers.Conv2d(w, null, 1, 0, null).job(new byte[3][5][5]));
        Layers.Linear lin = new Layers.Linear(B, new int[] {1, 2}, new Requant(1, 0, false));
        assertArrayEquals(GemmGolden.layer(A, B, new int[] {1, 2}, new Requant(1, 0, false)), lin.golden(A));
        assertEquals(true, new Layers.ReLU().after(lin).requant().relu());
        assertEquals(true, new Layers.ReLU().after(new Layers.Conv2d(w, null, 1, 0, new Requant(1, 0, false))).requant().relu());
        assertThrows(IllegalArgumentException.class, () -> new Layers.ReLU().after(new Layers.Linear(B, null, null)));
        assertEquals(A, lin.job(A).a());
    }

    @Test void offChipImageLayout() {
        for (int bus : new int[] {4, 8, 16, 32}) {
            OffChipImage im = new OffChipImage(bus);
            assertEquals(0, im.alloc(1));
            assertEquals(bus, im.alloc(300));
            assertEquals(301 * bus, im.size());
            im.put32(bus, 0x89ABCDEF);
            im.put8(bus + 4, (byte) 0x42);
            byte[] back = OffChipImage.toBytes(im.words(), bus);
            assertEquals(0x89ABCDEF, OffChipImage.get32(back, bus));
            assertEquals(0x42, back[bus + 4]);
            assertEquals((byte) 0xEF, back[bus], "little-endian");
            assertEquals(301 * Math.max(1, bus / 8), im.words().length, "one memory word per beat");
        }
        assertThrows(IllegalArgumentException.class, () -> new OffChipImage(16).alloc(1L << 27));
    }

    @Test void workloadSpecs() {
        GemmJob g = Workload.parse("gemm:3,5,7", 1).job();
        assertEquals(3, g.m());
        assertEquals(5, g.k());
        assertEquals(7, g.n());
        assertNull(g.requant());
        GemmJob c = Workload.parse("conv:8,6,2,4,3,2,1", 1).job();
        assertEquals(4 * 3, c.m(), "(8 + 2 - 3) / 2 + 1 = 4 rows, (6 + 2 - 3) / 2 + 1 = 3 columns");
        assertEquals(2 * 9, c.k());
        assertEquals(4, c.n());
        assertEquals(new Requant(1, 8, true), c.requant());
        assertArrayEquals(Workload.parse("gemm:2,2,2", 9).job().a(), Workload.parse("gemm:2,2,2", 9).job().a(), "deterministic per seed");
        assertTrue(java.util.Arrays.stream(Workload.parse("gemm:4,4,4", 9, DataPattern.ZEROS).job().a()).allMatch(r -> r[0] == 0));
        for (String bad : new String[] {"gemm:1,2", "gemm:0,1,1", "gemm:a,1,1", "conv:1,1,1,1,1,1", "conv:0,4,1,1,1,1,0",
            "fft:4", "gemm"})
            assertThrows(IllegalArgumentException.class, () -> Workload.parse(bad, 1), bad);
    }
}
