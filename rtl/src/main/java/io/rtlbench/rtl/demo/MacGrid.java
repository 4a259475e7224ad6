package io.rtlbench.rtl.demo;

import static io.rtlbench.rtl.hw.Hw.*;

import chisel3.Bool;
import chisel3.SInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.EnergyRole;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * The spine's demo design: a rows x cols grid of {@link MacPe} computing C = A x B output-stationary.
 * Row i of A enters on {@code a_i} skewed by i cycles, column j of B on {@code b_j} skewed by j
 * cycles (the host skews); after {@link MacGridConfig#cyclesFor(int)} cycles plus one edge, PE(i, j)
 * holds C[i][j] on {@code acc_(i*cols+j)}. {@code clear} zeroes all accumulators.
 */
public final class MacGrid extends HwModule {
    static final class MacGridIO extends HwBundle {
        final Vec<SInt> a;
        final Vec<SInt> b;
        final Bool clear = in(Bool());
        final Vec<SInt> acc;

        MacGridIO(MacGridConfig cfg) {
            super(cfg);
            a = in(Vec(cfg.rows(), SInt(MacGridConfig.DATA_BITS)));
            b = in(Vec(cfg.cols(), SInt(MacGridConfig.DATA_BITS)));
            acc = out(Vec(cfg.rows() * cfg.cols(), SInt(MacGridConfig.ACC_BITS)));
        }
    }

    final MacGridIO io;

    public MacGrid(MacGridConfig cfg) {
        io = io("io", new MacGridIO(cfg));
        MacPe[][] pe = new MacPe[cfg.rows()][cfg.cols()];
        for (int i = 0; i < cfg.rows(); i++) {
            for (int j = 0; j < cfg.cols(); j++) {
                MacPe p = pe[i][j] = instance("pe_" + i + "_" + j, EnergyRole.COMPUTE, MacPe::new);
                connect(p.io.a, j == 0 ? io.a.apply(i) : pe[i][j - 1].io.aOut);
                connect(p.io.b, i == 0 ? io.b.apply(j) : pe[i - 1][j].io.bOut);
                connect(p.io.clear, io.clear);
                connect(io.acc.apply(i * cfg.cols() + j), p.io.acc);
            }
        }
    }
}
