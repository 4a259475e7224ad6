package io.rtlbench.testbenches.simt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rtlbench.testbenches.demo.MatMulGolden;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Larger GEMMs on the SIMT core (edge tiles, several k chunks; ~1.5 M cycles, seconds): bit-exact, cycles printed. */
class SimtGemmLargeTest {
    static final long SEED = Long.getLong("rtlbench.seed", 7L);

    @ParameterizedTest(name = "gemm {2}x{3}x{4} on {0}x{1}")
    @CsvSource({"4, 8, 64, 64, 64", "8, 8, 64, 64, 64", "4, 8, 100, 70, 45", "1, 4, 32, 32, 32"})
    void largeGemm(int w, int t, int mm, int k, int n) {
        SimtMachine m = SimtMachines.get(w, t);
        Random rnd = new Random(SEED);
        byte[][] a = MatMulGolden.random(rnd, mm, k), b = MatMulGolden.random(rnd, k, n);
        var run = SimtKernels.gemm(m, a, b, 200_000_000L);
        assertNull(MatMulGolden.firstMismatch(MatMulGolden.multiply(a, b), run.output()),
                "gemm " + mm + "x" + k + "x" + n + " on " + w + "x" + t + ", seed " + SEED);
        assertEquals(0, run.counters().divergentBranches());
        var r = run.counters();
        System.out.printf("SIMT %dx%d gemm %dx%dx%d: %d cycles, IPC %.3f, %.3f MACs/cycle, off-chip %d B%n", w, t, mm, k, n,
                r.cycles(), r.ipc(), (double) mm * k * n / r.cycles(), r.bytesRead() + r.bytesWritten());
    }
}
