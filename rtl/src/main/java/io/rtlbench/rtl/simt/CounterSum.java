package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * One GPU-wide performance counter from the cores' copies: their sum (wrapping at the width).
 * Measurement logic: {@link SimtSoc} tags it EXTERNAL. Combinational.
 */
public final class CounterSum extends HwModule {
    public static final class CounterSumIO extends HwBundle {
        public final Vec<UInt> in;
        public final UInt out;

        public CounterSumIO(Integer n, Integer width) {
            super(n, width);
            in = in(Vec(n, UInt(width)));
            out = out(UInt(width));
        }
    }

    public final CounterSumIO io;

    public CounterSum(int n, int width) {
        io = io("io", new CounterSumIO(n, width));
        UInt s = io.in.apply(0);
        for (int i = 1; i < n; i++) s = add(s, io.in.apply(i));
        connect(io.out, s);
    }

    @Override public String desiredName() { return "CounterSum" + io.in.size() + "x" + io.out.getWidth(); }
}
