package io.rtlbench.testbenches.systolic;

import static io.rtlbench.testbenches.systolic.SystolicFixtures.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.rtl.systolic.SystolicConfig.Dataflow;
import io.rtlbench.testbenches.requant.TieCases;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The move-out requantization where rounding decides: small operands (|a|, |b| <= 3, K = 12, a
 * small bias) keep the accumulators within what each {@link TieCases} parameter set maps into
 * [-127, 127], so most outputs are in range (all but the ReLU-zeroed ones) and about half sit exactly on a tie (both signs).
 * Bit-exact against the golden rule on 4x4 (small memories) and 8x8, both dataflows.
 */
class SystolicRequantTest {
    @ParameterizedTest @EnumSource(Dataflow.class)
    void roundingTiesInRangeAreBitExact(Dataflow df) {
        for (SystolicConfig cfg : new SystolicConfig[] {small(4, 4, df), SystolicConfig.of(8, 8, df)}) {
            Random rnd = random("requant ties " + df + cfg.rows());
            int[] total = new int[4];
            for (Requant rq : TieCases.PARAMS) {
                int m = 13, k = 12, n = 11, limit = TieCases.maxAcc(rq);
                int amp = 1;
                while ((amp + 1) * (amp + 1) * k + 2 * (amp + 1) <= limit && amp < 3) amp++;
                byte[][] a = smallInts(rnd, m, k, amp), b = smallInts(rnd, k, n, amp);
                int bias = Math.max(0, Math.min(8, limit - amp * amp * k));
                int[] bv = new int[n];
                for (int j = 0; j < n; j++) bv[j] = rnd.nextInt(2 * bias + 1) - bias;
                GemmJob job = new GemmJob(a, b, bv, rq);
                check(cfg, job, "requant ties " + rq);
                int[] s = TieCases.stats(GemmGolden.gemm(a, b, bv), rq);
                for (int i = 0; i < 4; i++) total[i] += s[i];
            }
            System.out.printf("systolic %dx%d %s requant: %d outputs, %d in range (%.0f%%), %d on a tie (%.0f%%), %d negative ties in range%n",
                    cfg.rows(), cfg.cols(), df, total[0], total[2], 100.0 * total[2] / total[0], total[1], 100.0 * total[1] / total[0], total[3]);
            assertTrue(total[2] > 0.8 * total[0], "most outputs in range: " + total[2] + " of " + total[0]);
            assertTrue(total[1] > 0.35 * total[0] && total[3] > 0.1 * total[0], "ties, also negative ones: " + total[1] + ", " + total[3]);
        }
    }

    static byte[][] smallInts(Random rnd, int rows, int cols, int amp) {
        byte[][] m = new byte[rows][cols];
        for (byte[] r : m) for (int j = 0; j < cols; j++) r[j] = (byte) (rnd.nextInt(2 * amp + 1) - amp);
        return m;
    }
}
