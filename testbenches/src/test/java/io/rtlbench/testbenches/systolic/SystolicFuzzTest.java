package io.rtlbench.testbenches.systolic;

import static io.rtlbench.testbenches.systolic.SystolicFixtures.*;

import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.rtl.systolic.SystolicConfig.Dataflow;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random shapes on odd arrays with extreme off-chip timing (latency 1 and 57 cycles, 16 and
 * 3 bytes/cycle) and narrow buses (4 and 8 bytes), small memories, raw and requantized: shakes out
 * DMA/compute ordering hazards and packing edge cases.
 * Run count: {@code -Drtlbench.fuzz.runs=N} (default 40 per configuration). Slow.
 */
@Tag("slow")
class SystolicFuzzTest {
    static final int RUNS = Integer.getInteger("rtlbench.fuzz.runs", 40);

    @ParameterizedTest @EnumSource(Dataflow.class)
    void randomShapesAndTimings(Dataflow df) {
        int[][] arrays = {{3, 3}, {5, 2}};
        int[][] timing = {{1, 16}, {57, 3}};
        for (int[] a : arrays)
            for (int[] t : timing) {
                SystolicConfig base = small(a[0], a[1], df);
                SystolicConfig cfg = base.withOffChip(base.offchip().withLatency(t[0]).withBandwidth(t[1]));
                Random rnd = random("fuzz" + df + a[0] + a[1] + t[0]);
                fuzz(cfg, rnd, "latency " + t[0] + " bw " + t[1]);
            }
    }

    @ParameterizedTest @EnumSource(Dataflow.class)
    void narrowBuses(Dataflow df) {
        for (int bus : new int[] {4, 8}) {
            SystolicConfig base = small(4, 6, df);
            SystolicConfig cfg = base.withOffChip(new io.rtlbench.rtl.mem.OffChipConfig(bus, bus / 2, 3, 1 << 20));
            fuzz(cfg, random("bus" + bus + df), "bus " + bus);
        }
    }

    static void fuzz(SystolicConfig cfg, Random rnd, String what) {
        for (int i = 0; i < RUNS; i++) {
            int m = 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 90), k = 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 90);
            int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 40);
            check(cfg, randomJob(rnd, m, k, n, rnd.nextBoolean()), "fuzz run " + i + " " + what);
        }
    }
}
