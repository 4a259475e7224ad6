package io.rtlbench.testbenches.simt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.testbenches.requant.TieCases;
import io.rtlbench.testbenches.systolic.Requant;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SIMT requantization kernel where rounding decides: accumulators drawn from the range each
 * {@link TieCases} parameter set maps into [-127, 127], so most outputs are in range (all but the ReLU-zeroed ones) and half
 * sit exactly on a tie. Bit-exact against the kernel's golden rule, which must also agree with the
 * systolic move-out's rule on every value.
 */
class SimtRequantTest {
    static final long SEED = Long.getLong("rtlbench.seed", 20261127L);

    @ParameterizedTest(name = "requant ties on {0}x{1}")
    @CsvSource({"1, 4", "4, 8"})
    void roundingTiesInRangeAreBitExact(int w, int t) {
        SimtMachine m = SimtMachines.get(w, t);
        Random rnd = new Random(SEED ^ 0x7e9);
        int[] total = new int[4];
        for (Requant rq : TieCases.PARAMS) {
            int limit = TieCases.maxAcc(rq), n = 97;
            int[] acc = rnd.ints(n, -limit, limit + 1).toArray();
            byte[] expected = KernelGolden.requant(acc, rq.scale(), rq.shift(), rq.relu());
            for (int i = 0; i < n; i++) assertEquals(rq.apply(acc[i]), expected[i], "both cores' rules agree on " + acc[i] + " with " + rq);
            var run = SimtKernels.requant(m, acc, rq.scale(), rq.shift(), rq.relu(), 5_000_000);
            assertArrayEquals(expected, run.output(), rq + " on " + w + "x" + t + ", seed " + SEED + " (-Drtlbench.seed=" + SEED + ")");
            int[] s = TieCases.stats(new int[][] {acc}, rq);
            for (int i = 0; i < 4; i++) total[i] += s[i];
        }
        System.out.printf("SIMT %dx%d requant: %d outputs, %d in range (%.0f%%), %d on a tie (%.0f%%), %d negative ties in range%n",
                w, t, total[0], total[2], 100.0 * total[2] / total[0], total[1], 100.0 * total[1] / total[0], total[3]);
        assertTrue(total[2] > 0.8 * total[0], "most outputs in range: " + total[2] + " of " + total[0]);
        assertTrue(total[1] > 0.35 * total[0] && total[3] > 0.1 * total[0], "ties, also negative ones: " + total[1] + ", " + total[3]);
    }
}
