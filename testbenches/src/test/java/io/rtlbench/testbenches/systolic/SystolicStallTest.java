package io.rtlbench.testbenches.systolic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rtlbench.rtl.systolic.Cmd.Target;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.rtl.systolic.SystolicConfig.Dataflow;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Directed tests of the stall counters on 8x8 (16 B/cycle, 20-cycle latency). Each builds a
 * hand-written command stream around one situation, grows the situation (more beats to wait for,
 * more repetitions) and asserts how much every counter moves per step: the cause under test by an
 * exact amount derived below, total cycles by compute + that, every other cause by nothing. So a
 * stall counted under the wrong cause, or lost, fails here. Constants: R = C = 8; busy covers a
 * fold's streamed rows plus its R + C - 2 = 14 tail cycles (and WS weight shifting, R cycles).
 * Buffer stalls do not occur in compiled GEMMs: the compiler streams equal folds back to back, and
 * the busy tail (R + C - 2) of the fold in between always covers the wait for a buffer to drain
 * or load. They occur here when a fold of T = 1 follows the previous one at once.
 */
class SystolicStallTest {
    static final String[] CAUSES = {"compute_cycles", "stall_dma_wait_cycles", "stall_compute_wait_cycles",
        "stall_buffer_cycles", "stall_other_cycles", "stall_offchip_cycles"};

    static SystolicConfig cfg(Dataflow df) { return SystolicConfig.of(8, 8, df); }

    /** Runs the programs of steps 0, 1, 2 and asserts each counter's change per step (both steps equal). */
    @SuppressWarnings("unchecked")
    static void assertSteps(Dataflow df, int bandwidth, IntFunction<SystolicProgram> program, Map<String, Long> perStep) {
        SystolicDriver d = SystolicFixtures.driver(cfg(df));
        d.simulator().poke("io_offchipBandwidth", bandwidth);
        Map<String, Long>[] runs = new Map[3];
        try {
            for (int s = 0; s < 3; s++) runs[s] = d.run(program.apply(s), 1_000_000).counters();
        } finally {
            d.simulator().poke("io_offchipBandwidth", 0);
        }
        long totalStep = 0;
        for (String c : CAUSES) if (!c.equals("stall_offchip_cycles")) totalStep += perStep.getOrDefault(c, 0L);
        Map<String, Long> expected = new LinkedHashMap<>(), step1 = new LinkedHashMap<>(), step2 = new LinkedHashMap<>();
        expected.put("total_cycles", totalStep);
        for (String c : CAUSES) expected.put(c, perStep.getOrDefault(c, 0L));
        for (String c : expected.keySet()) {
            step1.put(c, runs[1].get(c) - runs[0].get(c));
            step2.put(c, runs[2].get(c) - runs[1].get(c));
        }
        String ctx = df + " at " + (bandwidth == 0 ? 16 : bandwidth) + " B/cycle; counters of steps 0..2: " + runs[0] + " " + runs[1] + " " + runs[2];
        assertEquals(expected, step1, "change from step 0 to 1, " + ctx);
        assertEquals(expected, step2, "change from step 1 to 2, " + ctx);
        for (Map<String, Long> r : runs)
            assertEquals(r.get("total_cycles"), r.get("compute_cycles") + r.get("stall_dma_wait_cycles") + r.get("stall_compute_wait_cycles")
                    + r.get("stall_buffer_cycles") + r.get("stall_other_cycles"), "total = compute + stalls, " + ctx);
    }

    /** One fold that waits for an extra move-in of 16 + 64 s rows (8 + 32 s beats, packed 2 rows a beat). */
    static SystolicProgram waitForMoveIn(Dataflow df, int step) {
        DirectedProgram p = new DirectedProgram(cfg(df));
        int b = p.mvin(Target.SPAD_B, 0, 32, 0);
        p.mvin(Target.SPAD_A, 0, 32, 0);
        int extra = p.mvin(Target.SPAD_A, 512, 16 + 64 * step, 0);
        if (df == Dataflow.WS) p.preload(0, b);
        int c = p.compute(0, 0, 32, 0, extra, 0);
        p.mvout(0, 8, c);
        return p.end();
    }

    /** DMA wait: 32 more beats to wait for cost 32 cycles (one request a cycle; the latency overlaps), all of them DMA wait. */
    @ParameterizedTest @EnumSource(Dataflow.class)
    void dmaWaitGrowsByTheBeatsWaitedFor(Dataflow df) {
        assertSteps(df, 0, s -> waitForMoveIn(df, s), Map.of("stall_dma_wait_cycles", 32L));
    }

    /**
     * DMA wait on room in the DMA queue (the decoupled command queues): a fold whose data is in sits
     * in program order behind 8 + 4 s move-ins that nobody waits for (16 rows, 8 beats each). The
     * dispatcher stops at the first DMA command that finds the DMA queue
     * ({@value io.rtlbench.rtl.systolic.SystolicCore#DMA_QUEUE} entries) full; with nothing queued
     * for the array, those cycles are DMA wait. Once the queue is full (8 move-ins are enough) each
     * further move-in frees a slot every 10 cycles (measured: its 8 requests and 2 cycles for the DMA
     * to take it and finish), of which the head waits 9 on the full queue and 1 is its dispatch
     * cycle (other): per step of 4 move-ins, 36 cycles DMA wait and 4 other.
     */
    @ParameterizedTest @EnumSource(Dataflow.class)
    void dmaWaitWhenTheDmaQueueIsFull(Dataflow df) {
        assertSteps(df, 0, s -> {
            DirectedProgram p = new DirectedProgram(cfg(df));
            int b = p.mvin(Target.SPAD_B, 0, 32, 0), a = p.mvin(Target.SPAD_A, 0, 32, 0);
            for (int i = 0; i < 8 + 4 * s; i++) p.mvin(Target.SPAD_A, 512 + 16 * i, 16, 0);
            if (df == Dataflow.WS) p.preload(0, b);
            int c = p.compute(0, 0, 32, 0, a, 0);
            p.mvout(0, 8, c);
            return p.end();
        }, Map.of("stall_dma_wait_cycles", 36L, "stall_other_cycles", 4L));
    }

    /**
     * Off-chip: at 4 B/cycle a 16-byte beat is accepted every 4 cycles, so each of the 32 more beats
     * holds the DMA off for 3 cycles (stall_offchip, the DMA's view) and the fold waits 4 cycles a
     * beat (DMA wait); nothing else moves.
     */
    @ParameterizedTest @EnumSource(Dataflow.class)
    void offchipStallsGrowByTheHeldOffBeats(Dataflow df) {
        assertSteps(df, 4, s -> waitForMoveIn(df, s), Map.of("stall_dma_wait_cycles", 128L, "stall_offchip_cycles", 96L));
    }

    /**
     * Compute wait: repetitions of (COMPUTE of 16 rows, then a CONFIG that waits for it). Per
     * repetition the CONFIG at the head waits from the end of busy (R + C - 2 after the last row)
     * until the COMPUTE completes: WS when its last output row is written, R + C - 1 after it (1
     * cycle); OS when its R output rows have drained, which starts R + C - 1 after the last row (R
     * + 2 = 10 cycles). Compute per repetition: 16 rows + 14 tail (+ 8 weight-shift cycles WS,
     * not hidden behind the waiting CONFIG); other: the dispatch cycles of the CONFIG and of the
     * array's first command (PRELOAD WS, COMPUTE OS), the cycle that command then spends in the
     * execute queue before the unit sees it (a queued command's head is visible the cycle after it
     * is enqueued, CmdQueue), and the cycle a COMPUTE starts in (WS: after the weights are in; OS:
     * the start of the COMPUTE just dispatched). WS 4, OS 3 (one more than before the queues:
     * measured in a VCD of these programs).
     */
    @ParameterizedTest @EnumSource(Dataflow.class)
    void computeWaitIsTheDrainAfterBusy(Dataflow df) {
        boolean ws = df == Dataflow.WS;
        assertSteps(df, 0, s -> {
            DirectedProgram p = new DirectedProgram(cfg(df));
            int b = p.mvin(Target.SPAD_B, 0, 64, 0), a = p.mvin(Target.SPAD_A, 0, 64, 0);
            for (int i = 0; i <= s; i++) {
                if (ws) p.preload(8 * i, b);
                p.config(p.compute(0, 0, 16, 16 * i, a, 0));
            }
            return p.end();
        }, Map.of("compute_cycles", ws ? 38L : 30L, "stall_compute_wait_cycles", ws ? 1L : 10L, "stall_other_cycles", ws ? 4L : 3L));
    }

    /**
     * Buffer wait: repetitions of three folds (WS: 16, 1, 1 rows; OS: 1, 1, 1) and a CONFIG that
     * waits for the last. The third fold reuses the first fold's buffer while the second fold's
     * single row leaves the array idle early. OS: the first fold's outputs drain R + C - 1 + 1 + R
     * cycles after its row, the second fold's busy ends R + C - 2 after its row one cycle later, so
     * the third waits R + 1 = 9 idle cycles on its buffer. WS: the first fold's weight buffer frees
     * R + C after its last row, while the second fold's busy ends R + C - 1 after it: 1 cycle. The
     * CONFIG adds the compute wait above; other: dispatch cycles, one more than before the command
     * queues (the first array command's cycle in the execute queue, as above).
     */
    @ParameterizedTest @EnumSource(Dataflow.class)
    void bufferWaitWhenAFoldReusesABufferStillInUse(Dataflow df) {
        boolean ws = df == Dataflow.WS;
        assertSteps(df, 0, s -> {
            DirectedProgram p = new DirectedProgram(cfg(df));
            int b = p.mvin(Target.SPAD_B, 0, 64, 0), a = p.mvin(Target.SPAD_A, 0, 64, 0);
            for (int i = 0; i <= s; i++) {
                int c = 0;
                for (int j = 0; j < 3; j++) {
                    if (ws) p.preload(8 * j, b);
                    c = p.compute(0, 0, ws && j == 0 ? 16 : 1, 16 * j, a, 0);
                }
                p.config(c);
            }
            return p.end();
        }, Map.of("compute_cycles", ws ? 62L : 31L, "stall_buffer_cycles", ws ? 1L : 9L, "stall_compute_wait_cycles", ws ? 1L : 10L,
                "stall_other_cycles", ws ? 5L : 4L));
    }
}
