package io.rtlbench.testbenches.systolic;

import static io.rtlbench.testbenches.systolic.SystolicFixtures.*;

import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.rtl.systolic.SystolicConfig.Dataflow;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random GEMMs, bit-exact on both dataflows: degenerate sizes (1), primes, sizes that do not fit
 * the scratchpad or the accumulator (4x4 with 64-row memories), raw INT32 and requantized INT8
 * with bias and ReLU; 4x4, 2x5, 8x8 and 16x16. Large runs are tagged slow.
 */
class SystolicGemmTest {
    static final int[][] SHAPES = {{1, 1, 1}, {1, 5, 1}, {4, 4, 4}, {7, 1, 3}, {2, 13, 11}, {17, 3, 29},
        {31, 37, 5}, {150, 9, 6}, {40, 130, 23}, {97, 70, 61}};

    @ParameterizedTest @EnumSource(Dataflow.class)
    void smallArrayWithSmallMemories(Dataflow df) {
        SystolicConfig cfg = small(4, 4, df);
        Random rnd = random("4x4" + df);
        for (int[] s : SHAPES) {
            check(cfg, randomJob(rnd, s[0], s[1], s[2], false), "raw");
            check(cfg, randomJob(rnd, s[0], s[1], s[2], true), "requant");
        }
    }

    @ParameterizedTest @EnumSource(Dataflow.class)
    void eightByEight(Dataflow df) {
        SystolicConfig cfg = SystolicConfig.of(8, 8, df);
        Random rnd = random("8x8" + df);
        for (int[] s : new int[][] {{1, 1, 1}, {8, 8, 8}, {13, 29, 3}, {64, 64, 64}, {100, 23, 41}}) {
            check(cfg, randomJob(rnd, s[0], s[1], s[2], false), "raw");
            check(cfg, randomJob(rnd, s[0], s[1], s[2], true), "requant");
        }
    }

    @ParameterizedTest @EnumSource(Dataflow.class)
    void nonSquareArray(Dataflow df) {
        SystolicConfig cfg = small(2, 5, df);
        Random rnd = random("2x5" + df);
        for (int[] s : new int[][] {{1, 1, 1}, {3, 7, 11}, {70, 3, 9}})
            check(cfg, randomJob(rnd, s[0], s[1], s[2], true), "requant");
    }

    @ParameterizedTest @EnumSource(Dataflow.class)
    void sixteenBySixteen(Dataflow df) {
        SystolicConfig cfg = SystolicConfig.of(16, 16, df);
        Random rnd = random("16x16" + df);
        for (int[] s : new int[][] {{1, 1, 1}, {16, 16, 16}, {37, 61, 19}}) {
            check(cfg, randomJob(rnd, s[0], s[1], s[2], false), "raw");
            check(cfg, randomJob(rnd, s[0], s[1], s[2], true), "requant");
        }
    }

    @ParameterizedTest @EnumSource(Dataflow.class) @Tag("slow")
    void sixteenBySixteenLarge(Dataflow df) {
        SystolicConfig cfg = SystolicConfig.of(16, 16, df);
        Random rnd = random("16x16 large" + df);
        for (int[] s : new int[][] {{128, 96, 80}, {256, 256, 256}, {1000, 33, 17}}) {
            check(cfg, randomJob(rnd, s[0], s[1], s[2], false), "raw");
            check(cfg, randomJob(rnd, s[0], s[1], s[2], true), "requant");
        }
    }

    @ParameterizedTest @EnumSource(Dataflow.class) @Tag("slow")
    void largerThanScratchpadOn8x8(Dataflow df) {
        SystolicConfig cfg = small(8, 8, df);
        Random rnd = random("big" + df);
        check(cfg, randomJob(rnd, 200, 300, 100, true), "requant");
        check(cfg, randomJob(rnd, 129, 257, 67, false), "raw");
    }
}
