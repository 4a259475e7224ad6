package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;

import chisel3.Bool;
import chisel3.SInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * R x C grid of {@link OsPe} with edge skew. Each cycle one unskewed step k enters: {@code a} lane i
 * = A[m0+i][k] (delayed i cycles, with the accumulator select), {@code b} lane j = B[k][n0+j]
 * (delayed j cycles), so PE(i, j) sees both at cycle t + i + j. Drain: while {@code dShift}, every
 * PE's accumulator {@code dSel} shifts down one row; {@code d} lane j shows column j's bottom value
 * (row R - 1 - r at the r-th shift), all columns aligned (no deskew needed).
 */
public final class OsMesh extends HwModule {
    public static final class OsMeshIO extends HwBundle {
        public final Vec<SInt> a;
        public final Bool sel = in(Bool());
        public final Vec<SInt> b;
        public final Bool dShift = in(Bool());
        public final Bool dSel = in(Bool());
        public final Vec<SInt> d;

        public OsMeshIO(SystolicConfig.Array cfg) {
            super(cfg);
            a = in(Vec(cfg.rows(), SInt(8)));
            b = in(Vec(cfg.cols(), SInt(8)));
            d = out(Vec(cfg.cols(), SInt(32)));
        }
    }

    public final OsMeshIO io;

    public OsMesh(SystolicConfig.Array cfg) {
        io = io("io", new OsMeshIO(cfg));
        int rows = cfg.rows(), cols = cfg.cols();
        OsPe[][] pe = new OsPe[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                OsPe p = pe[i][j] = instance("pe_" + i + "_" + j, OsPe::new);
                OsPe left = j == 0 ? null : pe[i][j - 1];
                Skew.chainRow(i, j, p.io.a, p.io.sel, io.a, io.sel, left == null ? null : left.io.aOut, left == null ? null : left.io.selOut);
                connect(p.io.b, i == 0 ? Skew.delay("skewB_" + j, io.b.apply(j), j) : pe[i - 1][j].io.bOut);
                connect(p.io.d, i == 0 ? slit(0, 32) : pe[i - 1][j].io.dOut);
                connect(p.io.dShift, io.dShift);
                connect(p.io.dSel, io.dSel);
            }
        }
        for (int j = 0; j < cols; j++) connect(io.d.apply(j), pe[rows - 1][j].io.dOut);
    }
}
