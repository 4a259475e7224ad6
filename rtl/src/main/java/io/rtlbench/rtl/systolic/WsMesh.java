package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;

import chisel3.Bool;
import chisel3.SInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * R x C grid of {@link WsPe} with edge skew and deskew. Input: one unskewed activation row per
 * cycle ({@code a}, lane i = PE row i) with its weight-buffer select; lane i is delayed i cycles.
 * Output: {@code ps} lane j = the column-j sum of the row injected R + C - 1 cycles earlier (column j
 * deskewed by C - 1 - j registers). Weights shift in from the top ({@code w}, lane j = column j)
 * into buffer {@code wSel} of every PE at once while {@code wShift}: after R shifts PE row i holds
 * the row fed at shift R - 1 - i. Partial sums enter the top as zero.
 */
public final class WsMesh extends HwModule {
    public static final class WsMeshIO extends HwBundle {
        public final Vec<SInt> a;
        public final Bool sel = in(Bool());
        public final Vec<SInt> w;
        public final Bool wShift = in(Bool());
        public final Bool wSel = in(Bool());
        public final Vec<SInt> ps;

        public WsMeshIO(SystolicConfig.Array cfg) {
            super(cfg);
            a = in(Vec(cfg.rows(), SInt(8)));
            w = in(Vec(cfg.cols(), SInt(8)));
            ps = out(Vec(cfg.cols(), SInt(32)));
        }
    }

    public final WsMeshIO io;

    public WsMesh(SystolicConfig.Array cfg) {
        io = io("io", new WsMeshIO(cfg));
        int rows = cfg.rows(), cols = cfg.cols();
        WsPe[][] pe = new WsPe[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                WsPe p = pe[i][j] = instance("pe_" + i + "_" + j, WsPe::new);
                WsPe left = j == 0 ? null : pe[i][j - 1];
                Skew.chainRow(i, j, p.io.a, p.io.sel, io.a, io.sel, left == null ? null : left.io.aOut, left == null ? null : left.io.selOut);
                connect(p.io.ps, i == 0 ? slit(0, 32) : pe[i - 1][j].io.psOut);
                connect(p.io.w, i == 0 ? io.w.apply(j) : pe[i - 1][j].io.wOut);
                connect(p.io.wShift, io.wShift);
                connect(p.io.wSel, io.wSel);
            }
        }
        for (int j = 0; j < cols; j++)
            connect(io.ps.apply(j), Skew.delay("deskew_" + j, pe[rows - 1][j].io.psOut, cols - 1 - j));
    }
}
