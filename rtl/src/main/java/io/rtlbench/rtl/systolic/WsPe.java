package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.SInt;
import io.rtlbench.rtl.formats.ExactProduct;
import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * Weight-stationary PE with double-buffered weights: psOut = psIn + a * w[sel] (registered),
 * where sel travels with the activation, so each PE switches weight buffer exactly when the first
 * activation of the next fold reaches it. The inactive buffer ({@code wSel}) loads through a vertical
 * shift chain ({@code w} -> {@code wOut}, one register per hop) while {@code wShift} is high.
 * One generator, one variant per {@link NumberFormat}: INT8 multiplies signed bytes into an INT32
 * partial sum (wrapping). Floating-point formats (FP8 E4M3/E5M2, MXFP4's E2M1 elements) add the
 * exact product ({@link ExactProduct}) into a wide fixed-point partial sum (exact: no rounding in the
 * array; E4M3 41, E5M2 69, E2M1 13 bits on 16 rows) and OR the special-value flags (NaN, +Inf, -Inf)
 * down the column with it; the array's edge rounds the column sum to FP32.
 * Timing: a, sel and the partial sum each take one register per hop (right, right, down).
 * Simplification: no per-PE enable; idle rows stream a = 0.
 */
public final class WsPe extends HwModule {
    public static final class WsPeIO extends HwBundle {
        public final SInt a;
        public final Bool sel = in(Bool());
        public final SInt ps;
        public final SInt w;
        public final Bool wShift = in(Bool());
        public final Bool wSel = in(Bool());
        public final SInt aOut;
        public final Bool selOut = out(Bool());
        public final SInt psOut;
        public final SInt wOut;
        /** Special-value flags of the partial sum (only formats that have such values). */
        public final Bool nan, pinf, ninf, nanOut, pinfOut, ninfOut;

        public WsPeIO(NumberFormat f, Integer psBits) {
            super(f, psBits);
            a = in(SInt(f.elementBits));
            ps = in(SInt(psBits));
            w = in(SInt(f.elementBits));
            aOut = out(SInt(f.elementBits));
            psOut = out(SInt(psBits));
            wOut = out(SInt(f.elementBits));
            nan = f.hasNaN() ? in(Bool()) : null;
            pinf = f.hasInfinity() ? in(Bool()) : null;
            ninf = f.hasInfinity() ? in(Bool()) : null;
            nanOut = f.hasNaN() ? out(Bool()) : null;
            pinfOut = f.hasInfinity() ? out(Bool()) : null;
            ninfOut = f.hasInfinity() ? out(Bool()) : null;
        }
    }

    public final WsPeIO io;
    private final NumberFormat format;

    /** The INT8 PE. */
    public WsPe() { this(NumberFormat.INT8, 32); }

    /** A PE of {@code format} whose partial sums are {@code psBits} wide (32 for INT8). */
    public WsPe(NumberFormat format, int psBits) {
        this.format = format;
        io = io("io", new WsPeIO(format, psBits));
        int eb = format.elementBits;
        SInt aReg = regInit("aReg", slit(0, eb));
        Bool selReg = regInit("selReg", lit(false));
        SInt psReg = regInit("psReg", slit(0, psBits));
        SInt w0 = regInit("w0", slit(0, eb)), w1 = regInit("w1", slit(0, eb));
        connect(aReg, io.a);
        connect(selReg, io.sel);
        SInt weight = node("weight", mux(io.sel, w1, w0));
        if (format == NumberFormat.INT8) {
            SInt product = node("product", mul(io.a, weight));
            connect(psReg, add(io.ps, signExtend(product, 32)));
        } else {
            ExactProduct.Result p = ExactProduct.of(format, asUInt(io.a), asUInt(weight));
            connect(psReg, add(io.ps, signExtend(p.value(), psBits)));
            flag("nanReg", io.nan, p.nan(), io.nanOut);
            flag("pinfReg", io.pinf, p.pinf(), io.pinfOut);
            flag("ninfReg", io.ninf, p.ninf(), io.ninfOut);
        }
        when(and(io.wShift, io.wSel), () -> connect(w1, io.w));
        when(and(io.wShift, not(io.wSel)), () -> connect(w0, io.w));
        connect(io.aOut, aReg);
        connect(io.selOut, selReg);
        connect(io.psOut, psReg);
        connect(io.wOut, mux(io.wSel, w1, w0));
    }

    /** A sticky flag travelling down with the partial sum: out = reg(in | product's flag). */
    private static void flag(String name, Bool in, Bool product, Bool out) {
        if (in == null) return;
        Bool r = regInit(name, lit(false));
        connect(r, or(in, product));
        connect(out, r);
    }

    @Override public String desiredName() {
        return format == NumberFormat.INT8 ? "WsPe" : "WsPe_" + format.cliName;
    }
}
