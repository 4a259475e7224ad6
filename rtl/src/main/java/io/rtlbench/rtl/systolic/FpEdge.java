package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.SInt;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.formats.FixedToFp32;
import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * The bottom edge of a floating-point weight-stationary array: rounds each column's exact sum of
 * one fold to FP32 (one {@link FixedToFp32} per column, round to nearest even), so the
 * accumulator adds FP32 values. The value of a column sum is ps * 2^lsb with lsb the format's
 * product LSB exponent (E4M3 -18, E5M2 -32); for MXFP4 the block scales are applied here, once
 * per fold and column, not in the PEs: lsb = -2 + (aScale - 127) + (bScale_j - 127), where aScale
 * is the E8M0 scale of the output row's activation block and bScale_j that of column j's weight
 * block; a scale of 0xFF (NaN) makes the result NaN. Cost of scaling at the edge: C 10-bit exponent
 * adders here, plus in {@link WsExec} 2 x C 8-bit weight-scale registers and an 8-bit activation-scale
 * delay line of R + C - 1 stages; scaling in the PEs would need R x C exponent adders and 8 more bits
 * per element on every hop (measured on 16x16: the MXFP4 edge is 1,591 + 16 x 787 gates).
 * Special-value flags (FP8) override the sum. Combinational.
 */
public final class FpEdge extends HwModule {
    public static final class FpEdgeIO extends HwBundle {
        public final Vec<SInt> ps;
        public final Vec<Bool> nan, pinf, ninf;
        public final UInt aScale;
        public final Vec<UInt> bScale;
        public final Vec<SInt> out;

        public FpEdgeIO(SystolicConfig.Array cfg) {
            super(cfg);
            NumberFormat f = cfg.format();
            ps = in(Vec(cfg.cols(), SInt(cfg.psBits())));
            nan = f.hasNaN() ? in(Vec(cfg.cols(), Bool())) : null;
            pinf = f.hasInfinity() ? in(Vec(cfg.cols(), Bool())) : null;
            ninf = f.hasInfinity() ? in(Vec(cfg.cols(), Bool())) : null;
            aScale = f.isBlockScaled() ? in(UInt(8)) : null;
            bScale = f.isBlockScaled() ? in(Vec(cfg.cols(), UInt(8))) : null;
            out = out(Vec(cfg.cols(), SInt(32)));
        }
    }

    public final FpEdgeIO io;

    public FpEdge(SystolicConfig.Array cfg) {
        io = io("io", new FpEdgeIO(cfg));
        NumberFormat f = cfg.format();
        int bits = cfg.psBits();
        for (int j = 0; j < cfg.cols(); j++) {
            int jj = j;
            FixedToFp32 conv = instance("toFp32_" + j, () -> new FixedToFp32(bits, true));
            SInt ps = io.ps.apply(j);
            Bool negative = bit(ps, bits - 1);
            connect(conv.io.neg, negative);
            connect(conv.io.mag, mux(negative, asUInt(neg(ps)), asUInt(ps)));
            Bool nan = f.hasNaN() ? io.nan.apply(j) : lit(false);
            if (f.isBlockScaled()) {
                UInt b = io.bScale.apply(jj);
                SInt scales = sub(add(zext(pad(io.aScale, 9)), zext(pad(b, 9))), slit(254 - f.productLsbExponent(), 10));
                connect(conv.io.exp, signExtend(scales, FixedToFp32.EXP_BITS));
                nan = or(nan, or(andR(io.aScale), andR(b)));
            } else {
                connect(conv.io.exp, slit(f.productLsbExponent(), FixedToFp32.EXP_BITS));
            }
            connect(conv.io.nan, nan);
            connect(conv.io.pinf, f.hasInfinity() ? io.pinf.apply(j) : lit(false));
            connect(conv.io.ninf, f.hasInfinity() ? io.ninf.apply(j) : lit(false));
            connect(io.out.apply(j), asSInt(conv.io.out));
        }
    }
}
