package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * Iterative divider for DIV/DIVU/REM/REMU of one warp instruction: every lane runs a radix-2
 * restoring division of the operand magnitudes (one quotient bit per cycle), then fixes the signs.
 * Timing: accepted at the end of execute, busy for 33 cycles (32 steps + sign fix-up), the result
 * is written back in the cycle busy drops ({@code wbValid}); the warp keeps issuing independent
 * instructions meanwhile (rd is on the scoreboard). RISC-V corner cases: x / 0 = -1 (all ones),
 * x % 0 = x, INT_MIN / -1 = INT_MIN, INT_MIN % -1 = 0 (the last two fall out of the magnitudes).
 * funct3 (of the M op): 4 div, 5 divu, 6 rem, 7 remu. Simplification: no early termination.
 */
public final class Divider extends HwModule {
    public static final class DividerIO extends HwBundle {
        public final Bool start = in(Bool());
        public final UInt warp, rd = in(UInt(5)), funct3 = in(UInt(3));
        public final UInt mask;
        public final Vec<UInt> a, b;
        public final Bool busy = out(Bool());
        public final Bool wbValid = out(Bool());
        public final UInt wbWarp, wbRd = out(UInt(5)), wbMask;
        public final Vec<UInt> wbData;

        public DividerIO(SimtConfig cfg) {
            super(cfg);
            int t = cfg.threads();
            warp = in(UInt(cfg.warpBits()));
            mask = in(UInt(t));
            a = in(Vec(t, UInt(32)));
            b = in(Vec(t, UInt(32)));
            wbWarp = out(UInt(cfg.warpBits()));
            wbMask = out(UInt(t));
            wbData = out(Vec(t, UInt(32)));
        }
    }

    public final DividerIO io;

    public Divider(SimtConfig cfg) {
        io = io("io", new DividerIO(cfg));
        int t = cfg.threads();
        Bool busy = regInit("busy", lit(false));
        UInt step = regInit("step", lit(0, 6));
        UInt warp = reg("warpR", UInt(cfg.warpBits())), rd = reg("rdR", UInt(5)), f3 = reg("f3R", UInt(3));
        UInt mask = reg("maskR", UInt(t));
        Bool signed = node("signedOp", not(bit(f3, 0)));
        Bool wantRem = node("wantRem", bit(f3, 1));
        Bool last = node("last", eq(step, lit(32, 6)));
        when(io.start, () -> {
            connect(busy, lit(true));
            connect(step, lit(0, 6));
            connect(warp, io.warp);
            connect(rd, io.rd);
            connect(f3, io.funct3);
            connect(mask, io.mask);
        }).elsewhen(() -> busy, () -> {
            connect(step, add(step, lit(1, 6)));
            when(last, () -> connect(busy, lit(false)));
        });
        Bool startSigned = not(bit(io.funct3, 0));
        for (int l = 0; l < t; l++) {
            UInt quot = reg("quot" + l, UInt(32)), rem = reg("rem" + l, UInt(32)), div = reg("div" + l, UInt(32));
            Bool negQ = reg("negQ" + l, Bool()), negR = reg("negR" + l, Bool()), byZero = reg("byZero" + l, Bool());
            UInt a = io.a.apply(l), b = io.b.apply(l);
            Bool aNeg = and(startSigned, bit(a, 31)), bNeg = and(startSigned, bit(b, 31));
            UInt next = node("next" + l, cat(rem, asUInt(bit(quot, 31))));    // 33 bits: shift in the next dividend bit
            UInt div33 = pad(div, 33);
            Bool fits = node("fits" + l, ge(next, div33));
            when(io.start, () -> {
                connect(quot, mux(aNeg, sub(lit(0, 32), a), a));                // the dividend shifts out of quot
                connect(rem, lit(0, 32));
                connect(div, mux(bNeg, sub(lit(0, 32), b), b));
                connect(negQ, xor(aNeg, bNeg));
                connect(negR, aNeg);
                connect(byZero, eq(b, lit(0, 32)));
            }).elsewhen(() -> and(busy, not(last)), () -> {
                connect(rem, low(mux(fits, sub(next, div33), next), 32));
                connect(quot, cat(bits(quot, 30, 0), asUInt(fits)));
            });
            UInt q = mux(and(negQ, not(byZero)), sub(lit(0, 32), quot), quot);  // x / 0 stays all ones
            UInt r = mux(negR, sub(lit(0, 32), rem), rem);
            connect(io.wbData.apply(l), node("result" + l, mux(wantRem, r, mux(and(signed, byZero), lit(0xFFFF_FFFFL, 32), q))));
        }
        connect(io.busy, busy);
        connect(io.wbValid, and(and(busy, last), neq(rd, lit(0, 5))));
        connect(io.wbWarp, warp);
        connect(io.wbRd, rd);
        connect(io.wbMask, mask);
    }
}
