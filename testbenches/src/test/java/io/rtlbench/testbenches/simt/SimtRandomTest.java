package io.rtlbench.testbenches.simt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.rtlbench.rtl.simt.SimtConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random straight-line RV32IM programs on the SIMT core against a Java interpreter, every thread
 * with its own register values: catches pipeline hazards (scoreboard, LSU slots, divider write-back)
 * that directed tests miss. Seed and length from -Drtlbench.seed / -Drtlbench.randomLength.
 */
class SimtRandomTest {
    static final long SEED = Long.getLong("rtlbench.seed", 11L);
    static final int LENGTH = Integer.getInteger("rtlbench.randomLength", 300);

    @ParameterizedTest(name = "random program {2} on {0}x{1}")
    @CsvSource({"1, 1, 0", "4, 8, 1", "4, 8, 2", "1, 4, 3", "8, 8, 4"})
    void randomProgramMatchesInterpreter(int w, int t, int k) {
        long seed = SEED * 1000 + k;
        RandomProgram p = new RandomProgram(seed, LENGTH);
        Elf elf = Elf.read(KernelBuild.asmText("random_" + seed + "_" + LENGTH, p.assembly()));
        SimtMachine m = SimtMachines.get(w, t);
        m.load(elf);
        m.run(2_000_000);
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
        assertEquals(SimtConfig.of(w, t).warps(), w);
    }
}
