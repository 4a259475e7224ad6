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
     * latency), measured and explained from a VCD of the run (busy, the dispatcher's head, both
     * command queues and the stall conditions per cycle). A change to the compiler, the DMA, the
     * command queues or the execute units moves them: update them with the reason in the commit
     * message. Both: 64 folds x 64 rows = 4,096 streamed cycles; 8,192 B read (A and B once each),
     * 16,384 B written (C as INT32). With the per-unit command queues (4 entries each) the
     * dispatcher runs ahead of a busy DMA, so every tile load and every MVOUT but the last ones
     * overlaps the streaming: after the first fold starts the array streams without a gap.
     * <p>WS (n tiles outer, 8 k-tile folds each): compute 4,118 = 8 (first weight load) + 4,096
     * streamed + 14 (final tail, R + C - 2). DMA wait 109 = 31 (the 6th DMA command finds the DMA
     * queue full while the first A and B tiles load) + 23 (the first PRELOAD waits for its B tile)
     * + 17 + 19 + 19 (MVOUT chunks 6..8 of the last n tile, 16 beats each, wait for room in the
     * DMA queue). Compute wait 1: the output deskew (R + C - 1) outlasts the busy tail (R + C - 2)
     * by one cycle before the first final MVOUT may start. Buffer 0. Other 101 = 6 (CONFIG and 5
     * MVINs dispatched at the start) + 1 (the 7th) + 2 (first PRELOAD and COMPUTE dispatched) + 1
     * (the first COMPUTE's start cycle after the weight load) + 5 + 3 (dispatch of the final
     * MVOUT chunks) + 83 (END waits while the last 4 chunks, queued, are written).
     * <p>OS (n tiles outer, 8 m-tile folds each): compute 4,110 = 4,096 + 14 (final tail). DMA wait
     * 84 (the first COMPUTE waits for its A and B tiles); compute wait 10 (the last fold drains R
     * rows after its R + C - 1 deskew); buffer 0; other 27 = 5 (CONFIG and 4 MVINs dispatched at
     * the start) + 2 (first COMPUTE dispatched, then seen in the execute queue and started) + 1
     * (final MVOUT dispatched) + 19 (END waits for its 16 beats).
     * <p>Before the queues (a busy unit held up the other's commands) the pins were WS 4,389 total,
     * 4,181 compute, 176 DMA wait, 31 other; OS 4,548, 4,274, 231, 33: tile loads and MVOUTs
     * queued behind each other in the one in-order dispatcher and left busy tails unhidden.
     */
    @Test void countersOf8x8GemmArePinnedAndBeatScaleSim() {
        Map<Dataflow, long[]> pinned = Map.of(
                Dataflow.WS, new long[] {4329, 4118, 109, 1, 0, 101, 0, 265},
                Dataflow.OS, new long[] {4231, 4110, 84, 10, 0, 27, 0, 145});
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
