package io.rtlbench.testbenches.systolic;

import static io.rtlbench.testbenches.systolic.SystolicFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.rtl.systolic.SystolicConfig.Dataflow;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Conv layers (im2col on the host) with stride and padding, checked against a direct convolution
 * that does not use im2col, so the lowering is verified too; then a two-layer model (conv + ReLU,
 * then linear) whose second layer consumes the first layer's hardware output.
 */
class SystolicConvTest {
    /** H, W, Cin, Cout, K, stride, pad. */
    static final int[][] CONVS = {{5, 5, 1, 1, 1, 1, 0}, {6, 7, 3, 5, 3, 1, 1}, {9, 9, 2, 9, 3, 2, 1}, {8, 6, 4, 3, 5, 3, 2}, {11, 11, 3, 8, 2, 2, 0}};

    static void checkConv(SystolicConfig cfg, Random rnd, int[] s) {
        byte[][][] x = new byte[s[2]][s[0]][s[1]];
        for (byte[][] c : x) for (byte[] r : c) rnd.nextBytes(r);
        byte[][][][] w = new byte[s[3]][s[2]][s[4]][s[4]];
        for (byte[][][] o : w) for (byte[][] c : o) for (byte[] r : c) rnd.nextBytes(r);
        Layers.Conv2d conv = new Layers.ReLU().after(new Layers.Conv2d(w, GemmGolden.randomBias(rnd, s[3], 3000), s[5], s[6],
                new Requant(3 + rnd.nextInt(50), 9, false)));
        int[][][] hw = conv.fromGemm(driver(cfg).run(conv.job(x), 5_000_000).c(), s[0], s[1]);
        int[][][] golden = conv.golden(x);
        for (int co = 0; co < golden.length; co++)
            for (int y = 0; y < golden[co].length; y++)
                for (int xx = 0; xx < golden[co][y].length; xx++)
                    assertEquals(golden[co][y][xx], hw[co][y][xx], "conv " + java.util.Arrays.toString(s) + " on " + cfg.rows() + "x"
                            + cfg.cols() + " " + cfg.array().dataflow() + ": out[" + co + "][" + y + "][" + xx + "], seed " + SEED);
    }

    @ParameterizedTest @EnumSource(Dataflow.class)
    void convLayersOn4x4(Dataflow df) {
        Random rnd = random("conv4" + df);
        for (int[] s : CONVS) checkConv(small(4, 4, df), rnd, s);
    }

    @ParameterizedTest @EnumSource(Dataflow.class)
    void convLayersOn8x8(Dataflow df) {
        Random rnd = random("conv8" + df);
        for (int[] s : CONVS) checkConv(SystolicConfig.of(8, 8, df), rnd, s);
    }

    @ParameterizedTest @EnumSource(Dataflow.class)
    void convLayersOn16x16(Dataflow df) {
        Random rnd = random("conv16" + df);
        for (int[] s : CONVS) checkConv(SystolicConfig.of(16, 16, df), rnd, s);
    }

    @ParameterizedTest @EnumSource(Dataflow.class) @Tag("slow")
    void largeConvOn16x16(Dataflow df) {
        Random rnd = random("conv16 large" + df);
        checkConv(SystolicConfig.of(16, 16, df), rnd, new int[] {16, 16, 16, 32, 3, 1, 1});
        checkConv(SystolicConfig.of(16, 16, df), rnd, new int[] {32, 32, 8, 24, 5, 2, 2});
    }

    @ParameterizedTest @EnumSource(Dataflow.class)
    void twoLayerModel(Dataflow df) {
        SystolicConfig cfg = SystolicConfig.of(8, 8, df);
        Random rnd = random("model" + df);
        byte[][][] img = new byte[2][8][8];
        for (byte[][] c : img) for (byte[] r : c) rnd.nextBytes(r);
        byte[][][][] w1 = new byte[6][2][3][3];
        for (byte[][][] o : w1) for (byte[][] c : o) for (byte[] r : c) rnd.nextBytes(r);
        Layers.Conv2d conv = new Layers.ReLU().after(new Layers.Conv2d(w1, GemmGolden.randomBias(rnd, 6, 2000), 2, 1, new Requant(7, 8, false)));
        int[][] y1 = driver(cfg).run(conv.job(img), 5_000_000).c();       // 16 pixels x 6 channels, INT8
        byte[][] flat = new byte[1][16 * 6];
        for (int p = 0; p < 16; p++) for (int c = 0; c < 6; c++) flat[0][c * 16 + p] = (byte) y1[p][c];
        Layers.Linear fc = new Layers.Linear(GemmGolden.random(rnd, 96, 10), GemmGolden.randomBias(rnd, 10, 500), null);
        int[][] logits = driver(cfg).run(fc.job(flat), 5_000_000).c();
        int[][][] g1 = conv.golden(img);
        byte[][] gflat = new byte[1][96];
        for (int c = 0; c < 6; c++) for (int p = 0; p < 16; p++) gflat[0][c * 16 + p] = (byte) g1[c][p / 4][p % 4];
        int[][] golden = fc.golden(gflat);
        for (int j = 0; j < 10; j++) assertEquals(golden[0][j], logits[0][j], "logit " + j + " (" + df + "), seed " + SEED);
    }
}
