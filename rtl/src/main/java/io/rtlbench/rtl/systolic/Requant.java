package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.SInt;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * Requantization of one accumulator row to INT8, per lane (same rule as the Java golden model
 * {@code io.rtlbench.testbenches.systolic.Requant}): p = acc * scale (64-bit signed);
 * r = shift == 0 ? p : (p + 2^(shift-1)) >> shift (arithmetic: round half up);
 * if relu, r = max(r, 0); saturate to [-128, 127]. Combinational.
 */
public final class Requant extends HwModule {
    public static final class RequantIO extends HwBundle {
        public final Vec<SInt> in;
        public final SInt scale = in(SInt(32));
        public final UInt shift = in(UInt(6));
        public final Bool relu = in(Bool());
        public final Vec<SInt> out;

        public RequantIO(Integer lanes) {
            super(lanes);
            in = in(Vec(lanes, SInt(32)));
            out = out(Vec(lanes, SInt(8)));
        }
    }

    public final RequantIO io;

    public Requant(int lanes) {
        io = io("io", new RequantIO(lanes));
        UInt half = node("half", low(shr(shl(lit(1, 1), io.shift), 1), 63));
        SInt halfS = node("halfS", signExtend(zext(half), 66));
        for (int l = 0; l < lanes; l++) {
            SInt p = node("product_" + l, signExtend(mul(io.in.apply(l), io.scale), 66));
            SInt r = node("rounded_" + l, shr(add(p, halfS), io.shift));
            SInt lo = mux(and(io.relu, lt(r, slit(0, 66))), slit(0, 66), r);
            SInt sat = mux(gt(lo, slit(127, 66)), slit(127, 66), mux(lt(lo, slit(-128, 66)), slit(-128, 66), lo));
            connect(io.out.apply(l), asSInt(low(sat, 8)));
        }
    }
}
