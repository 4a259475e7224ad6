package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.SInt;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * Weight-stationary PE with double-buffered weights: psOut = psIn + a * w[sel] (registered),
 * where sel travels with the activation, so each PE switches weight buffer exactly when the first
 * activation of the next fold reaches it. The inactive buffer ({@code wSel}) loads through a vertical
 * shift chain ({@code w} -> {@code wOut}, one register per hop) while {@code wShift} is high.
 * Timing: a, sel and the partial sum each take one register per hop (right, right, down).
 * Simplification: no per-PE enable; idle rows stream a = 0.
 */
public final class WsPe extends HwModule {
    public static final class WsPeIO extends HwBundle {
        public final SInt a = in(SInt(8));
        public final Bool sel = in(Bool());
        public final SInt ps = in(SInt(32));
        public final SInt w = in(SInt(8));
        public final Bool wShift = in(Bool());
        public final Bool wSel = in(Bool());
        public final SInt aOut = out(SInt(8));
        public final Bool selOut = out(Bool());
        public final SInt psOut = out(SInt(32));
        public final SInt wOut = out(SInt(8));
    }

    public final WsPeIO io = io("io", new WsPeIO());

    public WsPe() {
        SInt aReg = regInit("aReg", slit(0, 8));
        Bool selReg = regInit("selReg", lit(false));
        SInt psReg = regInit("psReg", slit(0, 32));
        SInt w0 = regInit("w0", slit(0, 8)), w1 = regInit("w1", slit(0, 8));
        connect(aReg, io.a);
        connect(selReg, io.sel);
        SInt weight = node("weight", mux(io.sel, w1, w0));
        SInt product = node("product", mul(io.a, weight));
        connect(psReg, add(io.ps, signExtend(product, 32)));
        when(and(io.wShift, io.wSel), () -> connect(w1, io.w));
        when(and(io.wShift, not(io.wSel)), () -> connect(w0, io.w));
        connect(io.aOut, aReg);
        connect(io.selOut, selReg);
        connect(io.psOut, psReg);
        connect(io.wOut, mux(io.wSel, w1, w0));
    }
}
