package io.rtlbench.testbenches.systolic;

import static io.rtlbench.testbenches.systolic.SystolicFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.rtl.systolic.SystolicConfig.Dataflow;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cycle counts: every counter of 8x8, M = K = N = 64 pinned exactly on both dataflows (64 folds
 * of 64 streamed rows each, back to back), checked against SCALE-Sim's analytical model, and the
 * memory wall. SCALE-Sim per fold: WS 2R + C + T - 2 (T = M), OS R + C + T - 2 (T = K); folds WS
 * ceil(K/R) ceil(N/C), OS ceil(M/R) ceil(N/C); total = folds x per-fold - 1 (8x8, 64^3: 5,503 WS,
 * 4,991 OS).
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

    /**
     * The exact counters of the compiled 8x8 64^3 GEMM (raw INT32 out, 16 B/cycle, 20-cycle
     * latency), measured and explained from a VCD of the run (busy, active and the stall
     * conditions per cycle). A change to the compiler, the DMA or the execute units moves them:
     * update them with the reason in the commit message. Both: 64 folds x 64 rows = 4,096
     * streamed cycles; 8,192 B read (A and B once each), 16,384 B written (C as INT32).
     * <p>WS (the compiler's order: n tiles outer, 8 k-tile folds each; A stays resident):
     * compute 4,181 = 4,096 streamed + 8 (first weight load) + 7 x 5 (folds 2..8 of the first n
     * tile: each first loads its 64-row A tile, 32 beats + 20 latency, after the previous COMPUTE;
     * its weights are in 5 cycles after the previous fold's last row) + 7 x 4 (n tiles 2..8: the
     * previous tile's first MVOUT chunk waits in the in-order queue for that tile's last COMPUTE
     * and delays the next B tile by 4 cycles) + 14 (final tail, R + C - 2). DMA wait 176 = 57
     * (CONFIG, first A and B tiles, latency) + 7 x 17 (the last tile's 8 MVOUT chunks, 16 beats
     * each, queue behind each other at the end). Compute wait 1: the output deskew (R + C - 1) outlasts the busy
     * tail (R + C - 2) by one cycle before the first final MVOUT may start. Buffer 0: the next
     * fold's weights are always in when the streamer frees. Other 31: dispatch cycles of commands
     * whose waits just ended, and the last MVOUT's writes before END.
     * <p>OS (n tiles outer, 8 m-tile folds each; A resident after the first n tile): compute 4,274
     * = 4,096 + 11 x 14 (busy tails R + C - 2 not hidden by a next fold: after folds 2, 4, 6, 8 of
     * the first n tile, which wait for their 32-beat A tiles, after n tiles 2..7, whose first fold
     * waits for the new 32-beat B tile queued behind a MVOUT, and the final one) + 3 x 8 (folds 4,
     * 6, 8 of the first n tile start 8 cycles after the previous one's last row). DMA wait 231 = 85
     * (first A and B tiles) + 17 + 3 x 9 (first n tile) + 6 x 17 (n tiles 2..7); compute wait 10
     * (the last fold drains R rows after its R + C - 1 deskew); buffer 0; other 33.
     */
    @Test void countersOf8x8GemmArePinnedAndBeatScaleSim() {
        Map<Dataflow, long[]> pinned = Map.of(
                Dataflow.WS, new long[] {4389, 4181, 176, 1, 0, 31, 0, 265},
                Dataflow.OS, new long[] {4548, 4274, 231, 10, 0, 33, 0, 145});
        for (Dataflow df : Dataflow.values()) {
            SystolicConfig cfg = SystolicConfig.of(8, 8, df);
            SystolicDriver.Result r = check(cfg, randomJob(random("perf" + df), 64, 64, 64, false), "perf");
            long[] p = pinned.get(df);
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("total_cycles", p[0]);
            expected.put("compute_cycles", p[1]);
            expected.put("macs", 262_144L);
            expected.put("commands", p[7]);
            expected.put("stall_dma_wait_cycles", p[2]);
            expected.put("stall_compute_wait_cycles", p[3]);
            expected.put("stall_buffer_cycles", p[4]);
            expected.put("stall_other_cycles", p[5]);
            expected.put("stall_offchip_cycles", p[6]);
            expected.put("offchip_bytes_read", 8192L);
            expected.put("offchip_bytes_written", 16384L);
            assertEquals(expected, r.counters(), "8x8 " + df + " M=K=N=64: every counter");
            long compute = r.get("compute_cycles"), model = scaleSim(df, 8, 8, 64, 64, 64);
            System.out.println("8x8 " + df + " M=K=N=64: compute_cycles " + compute + " (SCALE-Sim " + model + "), counters " + r.counters());
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
