package io.rtlbench.testbenches.systolic;

import static io.rtlbench.testbenches.systolic.SystolicFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.rtl.systolic.SystolicConfig.Dataflow;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Depthwise convolutions as one block-diagonal GEMM (several channels per pass), checked against a
 * direct depthwise convolution; the MAC counter counts only real MACs (channels x taps x pixels), and
 * the layer takes fewer cycles than the same channels run as separate single-channel convolutions.
 */
class SystolicDepthwiseTest {
    /** H, W, C, K, stride, pad. */
    static final int[][] SHAPES = {{7, 7, 5, 3, 1, 1}, {9, 8, 20, 3, 2, 1}, {6, 6, 33, 5, 1, 2}};

    static Layers.DepthwiseConv2d randomDw(Random rnd, int c, int k, int stride, int pad) {
        byte[][][] w = new byte[c][k][k];
        for (byte[][] ch : w) for (byte[] r : ch) rnd.nextBytes(r);
        return new Layers.DepthwiseConv2d(w, GemmGolden.randomBias(rnd, c, 3000), stride, pad, new Requant(5, 8, true));
    }

    static long run(SystolicConfig cfg, Random rnd, int[] s) {
        byte[][][] x = new byte[s[2]][s[0]][s[1]];
        for (byte[][] ch : x) for (byte[] r : ch) rnd.nextBytes(r);
        Layers.DepthwiseConv2d dw = randomDw(rnd, s[2], s[3], s[4], s[5]);
        GemmJob job = dw.job(x, cfg.cols());
        SystolicDriver.Result r = driver(cfg).run(SystolicCompiler.compile(cfg, job, dw.structure(cfg.cols())), 5_000_000);
        int[][][] hw = dw.fromGemm(r.c(), s[0], s[1]), golden = dw.golden(x);
        String where = "dw " + java.util.Arrays.toString(s) + " on " + cfg.rows() + "x" + cfg.cols() + " " + cfg.array().dataflow() + ", seed " + SEED;
        for (int c = 0; c < golden.length; c++)
            for (int y = 0; y < golden[c].length; y++)
                for (int xx = 0; xx < golden[c][y].length; xx++) assertEquals(golden[c][y][xx], hw[c][y][xx], where + ": out[" + c + "][" + y + "][" + xx + "]");
        assertEquals((long) s[2] * s[3] * s[3] * job.m(), r.get("macs"), "real MACs, " + where);
        return r.get("total_cycles");
    }

    @ParameterizedTest @EnumSource(Dataflow.class)
    void depthwiseOn4x4And8x8(Dataflow df) {
        Random rnd = random("dw" + df);
        for (int[] s : SHAPES) {
            run(small(4, 4, df), rnd, s);
            run(SystolicConfig.of(8, 8, df), rnd, s);
        }
    }

    @ParameterizedTest @EnumSource(Dataflow.class)
    void severalChannelsPerPassBeatOneChannelAtATime(Dataflow df) {
        SystolicConfig cfg = SystolicConfig.of(8, 8, df);
        Random rnd = random("dw speed" + df);
        int[] s = {14, 14, 32, 3, 1, 1};
        long together = run(cfg, rnd, s), apart = 0;
        for (int c = 0; c < s[2]; c++) apart += run(cfg, rnd, new int[] {s[0], s[1], 1, s[3], s[4], s[5]});
        System.out.printf("depthwise 14x14x32 3x3 on 8x8 %s: %d cycles as one program, %d as 32 single-channel programs (%.1fx)%n",
                df, together, apart, (double) apart / together);
        assertTrue(together * 2 < apart, df + ": " + together + " cycles together vs " + apart + " apart");
    }
}
