package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;

import chisel3.Bool;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.PortGroup;

/**
 * Ports of {@link SimtSoc}: the core's status, counters and debug ports under the same names
 * (top ports {@code io_<field>}), plus the off-chip byte counters. With several cores: the warp
 * ports list every core's warps (warp i of core c at c * warps + i), the counters are GPU totals
 * (cycles: core 0's), the trap ports name the core too.
 */
public final class SimtSocIO extends HwBundle {
    public final UInt tohostAddr = in(UInt(32));
    /** Program-loading port of the instruction memory (the loader normally uses the backdoor). */
    public final Bool imemWrite = in(Bool());
    public final UInt imemWriteAddr = in(UInt(32));
    public final UInt imemWriteData = in(UInt(32));
    public final Bool done = out(Bool());
    public final Bool tohostValid = out(Bool());
    public final UInt tohostValue = out(UInt(32));
    /** The performance counters ({@link SimtCounter}: io_cycles, io_warpInstrs, ...). */
    public final PortGroup<SimtCounter> counters = PortGroup.outputs(SimtCounter.class);
    public final Bool stackError = out(Bool());
    /** A trap without a handler stopped the core: the first one's warp and its mcause, mepc, mtval. */
    public final Bool trapped = out(Bool());
    public final UInt trapWarp;
    /** Which core trapped (only with several cores). */
    public final UInt trapCore;
    public final UInt trapMcause = out(UInt(32)), trapMepc = out(UInt(32)), trapMtval = out(UInt(32));
    public final Vec<UInt> warpPc;
    public final Vec<UInt> warpMask;
    public final Vec<Bool> warpActive;
    public final Vec<Bool> warpAtBarrier;
    public final UInt bytesRead = out(UInt(64));
    /** Off-chip bandwidth override in bytes/cycle (0 = the configured rate); no rebuild needed. */
    public final UInt offchipBandwidth = in(UInt(8));
    public final UInt bytesWritten = out(UInt(64));

    public SimtSocIO(SimtConfig cfg) {
        super(cfg);
        trapWarp = out(UInt(cfg.warpBits()));
        trapCore = cfg.cores() > 1 ? out(UInt(cfg.coreBits())) : null;
        int w = cfg.cores() * cfg.warps();  // warp i of core c at c * warps + i
        warpPc = out(Vec(w, UInt(32)));
        warpMask = out(Vec(w, UInt(cfg.threads())));
        warpActive = out(Vec(w, Bool()));
        warpAtBarrier = out(Vec(w, Bool()));
    }
}
