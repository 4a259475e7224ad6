package io.rtlbench.emulator;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.Mem;
import chisel3.UInt;
import io.rtlbench.rtl.hw.Elaborated;
import io.rtlbench.rtl.hw.Elaborator;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/** Small designs that exercise every emulator feature: counter + done, wide ports, a memory. */
final class TestDesigns {
    private TestDesigns() {}

    /**
     * count increments every cycle; done = (count == limit). A 100-bit register echoes wideIn one
     * cycle later on wideOut. A 16 x 12-bit memory: written when we, read combinationally at raddr.
     */
    static final class Gadget extends HwModule {
        static final class GadgetIO extends HwBundle {
            final UInt limit = in(UInt(16));
            final Bool done = out(Bool());
            final UInt count = out(UInt(16));
            final UInt wideIn = in(UInt(100));
            final UInt wideOut = out(UInt(100));
            final Bool we = in(Bool());
            final UInt waddr = in(UInt(4));
            final UInt wdata = in(UInt(12));
            final UInt raddr = in(UInt(4));
            final UInt rdata = out(UInt(12));
        }

        final GadgetIO io = io("io", new GadgetIO());

        Gadget() {
            UInt count = regInit("count", lit(0, 16));
            connect(count, add(count, lit(1, 16)));
            connect(io.count, count);
            connect(io.done, eq(count, io.limit));
            UInt wide = regInit("wide", lit(0, 100));
            connect(wide, io.wideIn);
            connect(io.wideOut, wide);
            Mem<UInt> table = mem("table", 16, UInt(12));
            when(io.we, () -> write(table, io.waddr, io.wdata));
            connect(io.rdata, read(table, io.raddr));
        }
    }

    static Elaborated gadget() { return Elaborator.elaborate(Gadget::new); }
}
