package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;

import chisel3.Bool;
import chisel3.SInt;
import chisel3.Vec;
import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * R x C grid of {@link WsPe} with edge skew and deskew. Input: one unskewed activation row per
 * cycle ({@code a}, lane i = PE row i) with its weight-buffer select; lane i is delayed i cycles.
 * Output: {@code ps} lane j = the column-j sum of the row injected R + C - 1 cycles earlier (column j
 * deskewed by C - 1 - j registers). Weights shift in from the top ({@code w}, lane j = column j)
 * into buffer {@code wSel} of every PE at once while {@code wShift}: after R shifts PE row i holds
 * the row fed at shift R - 1 - i. Partial sums enter the top as zero. Elements are the format's
 * codes (8 or 4 bits); partial sums are {@link SystolicConfig.Array#psBits()} wide, with the
 * special-value flags (NaN, +Inf, -Inf) of FP8 sums deskewed alongside.
 */
public final class WsMesh extends HwModule {
    public static final class WsMeshIO extends HwBundle {
        public final Vec<SInt> a;
        public final Bool sel = in(Bool());
        public final Vec<SInt> w;
        public final Bool wShift = in(Bool());
        public final Bool wSel = in(Bool());
        public final Vec<SInt> ps;
        public final Vec<Bool> nan, pinf, ninf;

        public WsMeshIO(SystolicConfig.Array cfg) {
            super(cfg);
            NumberFormat f = cfg.format();
            a = in(Vec(cfg.rows(), SInt(f.elementBits)));
            w = in(Vec(cfg.cols(), SInt(f.elementBits)));
            ps = out(Vec(cfg.cols(), SInt(cfg.psBits())));
            nan = f.hasNaN() ? out(Vec(cfg.cols(), Bool())) : null;
            pinf = f.hasInfinity() ? out(Vec(cfg.cols(), Bool())) : null;
            ninf = f.hasInfinity() ? out(Vec(cfg.cols(), Bool())) : null;
        }
    }

    public final WsMeshIO io;

    public WsMesh(SystolicConfig.Array cfg) {
        io = io("io", new WsMeshIO(cfg));
        int rows = cfg.rows(), cols = cfg.cols();
        NumberFormat f = cfg.format();
        WsPe[][] pe = new WsPe[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                WsPe p = pe[i][j] = instance("pe_" + i + "_" + j, f == NumberFormat.INT8 ? WsPe::new : () -> new WsPe(f, cfg.psBits()));
                WsPe left = j == 0 ? null : pe[i][j - 1];
                Skew.chainRow(i, j, p.io.a, p.io.sel, io.a, io.sel, left == null ? null : left.io.aOut, left == null ? null : left.io.selOut);
                connect(p.io.ps, i == 0 ? slit(0, cfg.psBits()) : pe[i - 1][j].io.psOut);
                if (f.hasNaN()) connect(p.io.nan, i == 0 ? lit(false) : pe[i - 1][j].io.nanOut);
                if (f.hasInfinity()) {
                    connect(p.io.pinf, i == 0 ? lit(false) : pe[i - 1][j].io.pinfOut);
                    connect(p.io.ninf, i == 0 ? lit(false) : pe[i - 1][j].io.ninfOut);
                }
                connect(p.io.w, i == 0 ? io.w.apply(j) : pe[i - 1][j].io.wOut);
                connect(p.io.wShift, io.wShift);
                connect(p.io.wSel, io.wSel);
            }
        }
        for (int j = 0; j < cols; j++) {
            WsPe bottom = pe[rows - 1][j];
            connect(io.ps.apply(j), Skew.delay("deskew_" + j, bottom.io.psOut, cols - 1 - j));
            if (f.hasNaN()) connect(io.nan.apply(j), Skew.delay("deskewNan_" + j, bottom.io.nanOut, cols - 1 - j));
            if (f.hasInfinity()) {
                connect(io.pinf.apply(j), Skew.delay("deskewPinf_" + j, bottom.io.pinfOut, cols - 1 - j));
                connect(io.ninf.apply(j), Skew.delay("deskewNinf_" + j, bottom.io.ninfOut, cols - 1 - j));
            }
        }
    }
}
