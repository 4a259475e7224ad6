package io.rtlbench.testbenches.simt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random RV32IM programs on the SIMT core against a Java interpreter, every thread with its own
 * register values: catches pipeline hazards (scoreboard, LSU slots, divider write-back) that
 * directed tests miss; the divergent ones nest if/else (SPLIT/JOIN) on thread data, so stores and
 * write-backs under partial masks and the divergence stack are checked too. Seed and length from -Drtlbench.seed / -Drtlbench.randomLength.
 */
class SimtRandomTest {
    static final long SEED = Long.getLong("rtlbench.seed", 11L);
    static final int LENGTH = Integer.getInteger("rtlbench.randomLength", 300);

    @ParameterizedTest(name = "random program {2} (divergent: {3}) on {0}x{1}")
    @CsvSource({"1, 1, 0, false", "4, 8, 1, false", "4, 8, 2, false", "1, 4, 3, false", "8, 8, 4, false",
        "1, 1, 5, true", "4, 8, 6, true", "4, 8, 7, true", "1, 4, 8, true", "8, 8, 9, true"})
    void randomProgramMatchesInterpreter(int w, int t, int k, boolean divergent) {
        long seed = SEED * 1000 + k;
        RandomProgram p = new RandomProgram(seed, LENGTH, divergent);
        Elf elf = Elf.read(KernelBuild.asmText("random_" + seed + "_" + LENGTH + (divergent ? "_div" : ""), p.assembly()));
        SimtMachine m = SimtMachines.get(w, t);
        m.load(elf);
        var res = m.run(2_000_000);
        assertEquals(0, res.divergentBranches(), "seed " + seed + ": branches whose lanes disagreed");
        long dump = elf.symbol("dump");
        for (int g = 0; g < w * t; g++) {
            int[] exp = p.expected(g);
            for (int r = 1; r <= 15; r++) {
                int act = m.readWord(dump + 64L * g + 4L * r);
                if (act != exp[r]) {
                    int firstWriter = -1;
                    for (int n = 0; n < p.body.size(); n++) if (p.body.get(n).rd() == r) firstWriter = n;
                    fail(String.format("seed %d (-Drtlbench.seed=%d), %dx%d, thread %d: x%d expected 0x%08x, actual 0x%08x "
                            + "(last written by instruction %d: %s)", seed, SEED, w, t, g, r, exp[r], act, firstWriter,
                            firstWriter < 0 ? "-" : p.body.get(firstWriter)));
                }
            }
        }
    }
}
