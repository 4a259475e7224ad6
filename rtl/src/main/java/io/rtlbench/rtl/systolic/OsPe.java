package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.SInt;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * Output-stationary PE with two accumulators: acc[sel] += a * b, where sel travels with the
 * activation, so the next fold starts in the other accumulator while this one waits to drain.
 * Draining shifts accumulator {@code dSel} down the column ({@code d} -> {@code dOut}, one register
 * per hop) while {@code dShift} is high, shifting zeros in from the top, which clears it for reuse.
 * Timing: a and sel move right, b moves down, one register per hop. Draining has priority over
 * MACs (the controller never drains an accumulator that still receives real products).
 */
public final class OsPe extends HwModule {
    public static final class OsPeIO extends HwBundle {
        public final SInt a = in(SInt(8));
        public final Bool sel = in(Bool());
        public final SInt b = in(SInt(8));
        public final SInt d = in(SInt(32));
        public final Bool dShift = in(Bool());
        public final Bool dSel = in(Bool());
        public final SInt aOut = out(SInt(8));
        public final Bool selOut = out(Bool());
        public final SInt bOut = out(SInt(8));
        public final SInt dOut = out(SInt(32));
    }

    public final OsPeIO io = io("io", new OsPeIO());

    public OsPe() {
        SInt aReg = regInit("aReg", slit(0, 8)), bReg = regInit("bReg", slit(0, 8));
        Bool selReg = regInit("selReg", lit(false));
        SInt acc0 = regInit("acc0", slit(0, 32)), acc1 = regInit("acc1", slit(0, 32));
        connect(aReg, io.a);
        connect(bReg, io.b);
        connect(selReg, io.sel);
        SInt product = node("product", signExtend(mul(io.a, io.b), 32));
        when(and(io.dShift, not(io.dSel)), () -> connect(acc0, io.d))
                .elsewhen(() -> not(io.sel), () -> connect(acc0, add(acc0, product)));
        when(and(io.dShift, io.dSel), () -> connect(acc1, io.d))
                .elsewhen(() -> io.sel, () -> connect(acc1, add(acc1, product)));
        connect(io.aOut, aReg);
        connect(io.bOut, bReg);
        connect(io.selOut, selReg);
        connect(io.dOut, mux(io.dSel, acc1, acc0));
    }
}
