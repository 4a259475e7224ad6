package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;

import chisel3.Bool;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.PortGroup;
import io.rtlbench.rtl.mem.OffChipPort;

/**
 * Ports of {@link SimtCore}: the off-chip memory port, the tohost address (set by the loader from
 * the ELF symbol), completion, performance counters and per-warp debug state (PC, thread mask,
 * active, waiting at a barrier) for hang reports.
 */
public final class SimtCoreIO extends HwBundle {
    public final OffChipPort mem;
    public final UInt tohostAddr = in(UInt(32));
    /** Program-loading port of the instruction memory (the loader normally uses the backdoor). */
    public final Bool imemWrite = in(Bool());
    public final UInt imemWriteAddr = in(UInt(32));
    public final UInt imemWriteData = in(UInt(32));
    /** Store beats accepted by off-chip memory (from any core): written through into the imem when they hit the code. */
    public final Bool snoopValid = in(Bool());
    public final UInt snoopAddr = in(UInt(32)), snoopData, snoopMask;
    public final Bool done = out(Bool());
    public final Bool tohostValid = out(Bool());
    public final UInt tohostValue = out(UInt(32));
    /** The performance counters ({@link SimtCounter}: io_cycles, io_warpInstrs, ...). */
    public final PortGroup<SimtCounter> counters = PortGroup.outputs(SimtCounter.class);
    public final Bool stackError = out(Bool());
    /** A trap without a handler stopped the core: the first one's warp and its mcause, mepc, mtval. */
    public final Bool trapped = out(Bool());
    public final UInt trapWarp;
    public final UInt trapMcause = out(UInt(32)), trapMepc = out(UInt(32)), trapMtval = out(UInt(32));
    public final Vec<UInt> warpPc;
    public final Vec<UInt> warpMask;
    public final Vec<Bool> warpActive;
    public final Vec<Bool> warpAtBarrier;

    public SimtCoreIO(SimtConfig cfg) {
        super(cfg);
        mem = new OffChipPort(cfg.offchip());
        snoopData = in(UInt(cfg.offchip().beatBits()));
        snoopMask = in(UInt(cfg.offchip().busBytes()));
        trapWarp = out(UInt(cfg.warpBits()));
        warpPc = out(Vec(cfg.warps(), UInt(32)));
        warpMask = out(Vec(cfg.warps(), UInt(cfg.threads())));
        warpActive = out(Vec(cfg.warps(), Bool()));
        warpAtBarrier = out(Vec(cfg.warps(), Bool()));
    }
}
