package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.UInt;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * Round-robin warp scheduler: among the eligible warps (one bit each) it picks the first after the
 * warp it picked last, wrapping around. Combinational pick; the "last" pointer updates at the edge
 * when a warp was picked. Simplification: no priorities, no instruction buffer.
 */
public final class Scheduler extends HwModule {
    public static final class SchedulerIO extends HwBundle {
        public final UInt eligible;
        public final Bool valid = out(Bool());
        public final UInt sel;

        public SchedulerIO(SimtConfig cfg) {
            super(cfg);
            eligible = in(UInt(cfg.warps()));
            sel = out(UInt(cfg.warpBits()));
        }
    }

    public final SchedulerIO io;

    public Scheduler(SimtConfig cfg) {
        io = io("io", new SchedulerIO(cfg));
        int w = cfg.warps(), wb = cfg.warpBits();
        UInt last = regInit("last", lit(w - 1, wb));
        UInt selHi = lit(0, wb), selAny = lit(0, wb);
        Bool anyHi = lit(false);
        for (int i = w - 1; i >= 0; i--) {
            Bool e = bit(io.eligible, i);
            Bool hi = and(e, gt(lit(i, wb), last));
            selHi = mux(hi, lit(i, wb), selHi);
            selAny = mux(e, lit(i, wb), selAny);
            anyHi = or(anyHi, hi);
        }
        UInt sel = node("pick", mux(anyHi, selHi, selAny));
        Bool valid = node("any", orR(io.eligible));
        when(valid, () -> connect(last, sel));
        connect(io.sel, sel);
        connect(io.valid, valid);
    }
}
