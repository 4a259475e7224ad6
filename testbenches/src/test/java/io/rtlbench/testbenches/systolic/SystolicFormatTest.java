package io.rtlbench.testbenches.systolic;

import static io.rtlbench.testbenches.systolic.SystolicFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.rtl.systolic.SystolicConfig.Dataflow;
import io.rtlbench.testbenches.formats.FormatData;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * FP8 E4M3, FP8 E5M2 and MXFP4 GEMMs on the weight-stationary systolic core, bit-exact against
 * the golden model with K tiles of R ({@code GemmJob.expected(R)}): random shapes (K not a multiple
 * of 32, MX blocks that do not fill 32, tiles cut at block boundaries when R does not divide 32),
 * special values in the inputs (zeros, subnormals, max, NaN, infinities, NaN and extreme MX scales),
 * with and without an FP32 bias, on small memories (tiling and reuse) and 16x16 (slow: three more
 * 16x16 emulator builds on a cold cache).
 */
class SystolicFormatTest {
    static final int[][] SHAPES = {{1, 1, 1}, {5, 7, 3}, {17, 33, 9}, {9, 64, 6}, {31, 37, 5}, {40, 70, 23}, {3, 100, 4}};

    static void checkFormat(SystolicConfig cfg, GemmJob job, String what) {
        SystolicDriver.Result r = driver(cfg).run(job, 5_000_000);
        String where = cfg.rows() + "x" + cfg.cols() + " " + cfg.format() + ", " + what + " M=" + job.m() + " K=" + job.k() + " N=" + job.n()
                + ", seed " + SEED + " (-Drtlbench.seed=" + SEED + ")";
        int[][] expected = job.expected(cfg.rows());
        assertNull(GemmGolden.firstMismatch(expected, r.c()), where);
        assertEquals(job.macs(), r.get("macs"), "MAC counter, " + where);
        int finiteNonZero = 0;
        for (int[] row : expected) for (int v : row) if ((v & 0x7F80_0000) != 0x7F80_0000 && (v & 0x7FFF_FFFF) != 0) finiteNonZero++;
        if (what.equals("plain")) assertTrue(finiteNonZero * 2 >= job.m() * job.n(), "most results should be ordinary numbers, " + where);
    }

    @ParameterizedTest @EnumSource(names = {"FP8_E4M3", "FP8_E5M2", "MXFP4"})
    void smallArrayWithSmallMemories(NumberFormat f) {
        SystolicConfig cfg = small(4, 4, Dataflow.WS).withFormat(f);
        Random rnd = random("4x4 " + f);
        for (int[] s : SHAPES) {
            checkFormat(cfg, FormatData.random(f, rnd, s[0], s[1], s[2], false, false), "plain");
            checkFormat(cfg, FormatData.random(f, rnd, s[0], s[1], s[2], true, true), "bias + specials");
        }
    }

    @ParameterizedTest @EnumSource(names = {"FP8_E4M3", "MXFP4"})
    void rowsThatDoNotDivideABlock(NumberFormat f) {
        SystolicConfig cfg = small(6, 4, Dataflow.WS).withFormat(f);
        Random rnd = random("6x4 " + f);
        for (int[] s : new int[][] {{7, 33, 5}, {13, 65, 9}})
            checkFormat(cfg, FormatData.random(f, rnd, s[0], s[1], s[2], true, true), "bias + specials");
    }

    @ParameterizedTest @EnumSource(names = {"FP8_E4M3", "FP8_E5M2", "MXFP4"}) @Tag("slow")
    void sixteenBySixteen(NumberFormat f) {
        SystolicConfig cfg = SystolicConfig.of(16, 16, Dataflow.WS).withFormat(f);
        Random rnd = random("16x16 " + f);
        for (int[] s : new int[][] {{16, 32, 16}, {37, 61, 19}}) {
            checkFormat(cfg, FormatData.random(f, rnd, s[0], s[1], s[2], false, false), "plain");
            checkFormat(cfg, FormatData.random(f, rnd, s[0], s[1], s[2], true, true), "bias + specials");
        }
    }

    @ParameterizedTest @EnumSource(names = {"FP8_E4M3", "FP8_E5M2", "MXFP4"}) @Tag("slow")
    void sixteenBySixteenLarge(NumberFormat f) {
        SystolicConfig cfg = SystolicConfig.of(16, 16, Dataflow.WS).withFormat(f);
        Random rnd = random("16x16 large " + f);
        for (int[] s : new int[][] {{128, 96, 80}, {256, 256, 256}})
            checkFormat(cfg, FormatData.random(f, rnd, s[0], s[1], s[2], true, true), "bias + specials");
    }

    @ParameterizedTest @EnumSource(names = {"FP8_E4M3", "MXFP4"})
    void configAndJobMustAgree(NumberFormat f) {
        assertThrows(IllegalArgumentException.class, () -> SystolicConfig.of(4, 4, Dataflow.OS).withFormat(f));
        assertThrows(IllegalArgumentException.class, () -> SystolicCompiler.compile(SystolicConfig.of(4, 4, Dataflow.WS),
                FormatData.random(f, new Random(1), 2, 2, 2, false, false)));
        var e = assertThrows(IllegalArgumentException.class, () -> SystolicConfig.of(5, 4, Dataflow.WS).withFormat(NumberFormat.MXFP4));
        assertTrue(e.getMessage().contains("even"), e.getMessage());
    }
}
