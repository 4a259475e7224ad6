package io.rtlbench.testbenches.simt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.rtl.simt.SimtConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random RV32IM programs on the SIMT core against {@link WarpInterpreter}, compared write by write:
 * every register write of every thread (in order, per register) and every store (in order, per
 * thread) as the core made them, read from a VCD of its register-file write ports and off-chip port
 * ({@link CoreTrace}), must equal the interpreter's. Catches pipeline hazards (scoreboard, LSU slots,
 * divider write-back), wrong results later overwritten, writes under the wrong thread mask and a
 * wrong divergence stack. The divergent programs split warps on per-thread data, nest if/else and
 * loops with per-thread trip counts; the divergence reached is printed and most programs must nest
 * it. Seed and length from -Drtlbench.seed / -Drtlbench.randomLength.
 */
class SimtRandomTest {
    static final long SEED = Long.getLong("rtlbench.seed", 11L);
    static final int LENGTH = Integer.getInteger("rtlbench.randomLength", 300);
    private static final Map<SimtConfig, SimtMachine> TRACING = new HashMap<>();
    private static final List<String> DIVERGENCE = new ArrayList<>();
    private static int divergentPrograms, nested;

    static synchronized SimtMachine tracing(int w, int t) {
        return TRACING.computeIfAbsent(SimtConfig.of(w, t), c -> {
            SimtMachine m = new SimtMachine(c, new BuildOptions(true, false));
            m.simulator().traceScopes(CoreTrace.scopes(t));
            return m;
        });
    }

    @ParameterizedTest(name = "random program {2} (divergent: {3}) on {0}x{1}")
    @CsvSource({"1, 1, 0, false", "4, 8, 1, false", "8, 8, 2, false", "1, 4, 3, true", "4, 8, 4, true",
        "4, 8, 5, true", "4, 8, 6, true", "8, 8, 7, true", "8, 8, 8, true", "1, 4, 9, true"})
    void everyWriteMatchesTheInterpreter(int w, int t, int k, boolean divergent) throws Exception {
        long seed = SEED * 1000 + k;
        String ctx = String.format("seed %d (-Drtlbench.seed=%d), program %d on %dx%d", seed, SEED, k, w, t);
        RandomProgram p = new RandomProgram(seed, LENGTH, divergent);
        Elf elf = Elf.read(KernelBuild.asmText("random2_" + seed + "_" + LENGTH + (divergent ? "_div" : ""), p.assembly()));
        SimtMachine m = tracing(w, t);
        m.load(elf);
        Path vcd = Files.createTempFile("simt-random", ".vcd");
        try {
            m.simulator().traceWindow(vcd, m.simulator().cycle(), m.simulator().cycle() + 4_000_000);
            var res = m.run(2_000_000);
            m.simulator().traceClose();
            assertEquals(0, res.divergentBranches(), ctx + ": branches whose lanes disagreed");
            CoreTrace trace = new CoreTrace(vcd);
            int maxDepth = 0, splits = 0, divSplits = 0, divLoops = 0, writes = 0, stores = 0;
            for (int warp = 0; warp < w; warp++) {
                WarpInterpreter ref = new WarpInterpreter(p, warp * t, t);
                var d = ref.divergence();
                maxDepth = Math.max(maxDepth, d.maxDepth());
                splits += d.splits();
                divSplits += d.divergentSplits();
                divLoops += d.divergentLoops();
                for (int lane = 0; lane < t; lane++) {
                    int[] n = TraceCheck.compare(ctx, trace, elf, warp, lane, t, ref.writes.get(lane), ref.stores.get(lane),
                            m.config().offchip().sizeBytes());
                    writes += n[0];
                    stores += n[1];
                }
            }
            String line = String.format("%s: %d register writes and %d stores match; %d SPLITs, %d divided their threads, %d loops with"
                    + " per-thread exits, deepest divergent nesting %d", ctx, writes, stores, splits, divSplits, divLoops, maxDepth);
            System.out.println(line);
            if (divergent && t > 1) record(line, maxDepth >= 2);
        } finally {
            Files.deleteIfExists(vcd);
        }
    }

    private static synchronized void record(String line, boolean isNested) {
        DIVERGENCE.add(line);
        divergentPrograms++;
        if (isNested) nested++;
    }

    @AfterAll static void mostDivergentProgramsNest() {
        TRACING.values().forEach(SimtMachine::close);
        if (divergentPrograms < 4) return;  // a single test was run
        System.out.println("nested divergence reached in " + nested + " of " + divergentPrograms + " divergent programs");
        assertTrue(2 * nested > divergentPrograms, "nested divergence in only " + nested + " of " + divergentPrograms + ":\n"
                + String.join("\n", DIVERGENCE));
    }
}
