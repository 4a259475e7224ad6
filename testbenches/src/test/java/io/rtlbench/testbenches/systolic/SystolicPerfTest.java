package io.rtlbench.testbenches.systolic;

import static io.rtlbench.testbenches.systolic.SystolicFixtures.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.rtl.systolic.SystolicConfig.Dataflow;
import org.junit.jupiter.api.Test;

/**
 * Cycle counts against SCALE-Sim's analytical model, and the memory wall. SCALE-Sim per fold:
 * WS 2R + C + T - 2 (T = M), OS R + C + T - 2 (T = K); folds WS ceil(K/R) ceil(N/C), OS
 * ceil(M/R) ceil(N/C); total = folds x per-fold - 1 (8x8, 64^3: 5,503 WS, 4,991 OS).
 */
class SystolicPerfTest {
    static long scaleSim(Dataflow df, int r, int c, int m, int k, int n) {
        long folds = df == Dataflow.WS ? ceil(k, r) * ceil(n, c) : ceil(m, r) * ceil(n, c);
        long perFold = df == Dataflow.WS ? 2L * r + c + m - 2 : (long) r + c + k - 2;
        return folds * perFold - 1;
    }

    static long ceil(int a, int b) { return (a + b - 1) / b; }

    @Test void scaleSimAnchorValues() {
        assertTrue(scaleSim(Dataflow.WS, 8, 8, 64, 64, 64) == 5503 && scaleSim(Dataflow.OS, 8, 8, 64, 64, 64) == 4991);
    }

    @Test void computeCyclesBeatScaleSimOn8x8() {
        for (Dataflow df : Dataflow.values()) {
            SystolicConfig cfg = SystolicConfig.of(8, 8, df);
            SystolicDriver.Result r = check(cfg, randomJob(random("perf" + df), 64, 64, 64, false), "perf");
            long compute = r.get("compute_cycles"), model = scaleSim(df, 8, 8, 64, 64, 64);
            System.out.println("8x8 " + df + " M=K=N=64: compute_cycles " + compute + " (SCALE-Sim " + model + "), total "
                    + r.get("total_cycles") + ", counters " + r.counters());
            assertTrue(compute <= model, df + ": compute_cycles " + compute + " > SCALE-Sim " + model);
            // WS: the double-buffered weights hide the R-cycle weight load of every fold that SCALE-Sim counts.
            if (df == Dataflow.WS) assertTrue(compute <= model - 64 * 8, "WS: compute_cycles " + compute + " does not hide the weight loads");
        }
    }

    @Test void memoryWallShowsInCountersOn8x8() {
        for (Dataflow df : Dataflow.values()) {
            SystolicConfig fast = SystolicConfig.of(8, 8, df);
            SystolicConfig slow = fast.withOffChip(fast.offchip().withBandwidth(2));
            GemmJob job = randomJob(random("wall" + df), 64, 64, 64, false);
            SystolicDriver.Result f = check(fast, job, "full bandwidth"), s = check(slow, job, "2 B/cycle");
            double uf = f.get("macs") / (64.0 * f.get("total_cycles")), us = s.get("macs") / (64.0 * s.get("total_cycles"));
            System.out.printf("memory wall %s: 16 B/cycle util %.3f total %d offchip stalls %d; 2 B/cycle util %.3f total %d offchip stalls %d%n",
                    df, uf, f.get("total_cycles"), f.get("stall_offchip_cycles"), us, s.get("total_cycles"), s.get("stall_offchip_cycles"));
            assertTrue(us < uf / 2, df + ": utilization at 2 B/cycle " + us + " not well below " + uf);
            assertTrue(s.get("stall_offchip_cycles") > s.get("total_cycles") / 2, df + ": off-chip stalls " + s.get("stall_offchip_cycles"));
            assertTrue(s.get("stall_dma_wait_cycles") > f.get("stall_dma_wait_cycles"), df + ": compute should wait for data longer");
            assertTrue(s.get("offchip_bytes_read") == f.get("offchip_bytes_read"), df + ": same program, same traffic");
        }
    }
}
