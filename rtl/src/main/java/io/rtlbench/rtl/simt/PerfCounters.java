package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.UInt;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;
import io.rtlbench.rtl.hw.PortGroup;

/**
 * Performance counters of the SIMT core ({@link SimtCounter}; 64-bit, from reset): cycles; warp instructions issued;
 * thread instructions (active lanes of each executed instruction); cycles executing a multiply
 * (RV32M or dp4a, the MAC instructions of the kernels, or the matrix unit computing) and the lanes
 * doing it (T for the matrix unit); cycles without issue by cause, first
 * match wins: a ready warp waits on the scoreboard (a load in flight), on the LSU (memory), or
 * warps wait at a barrier (a wait for the divider counts as scoreboard); divergence = execute cycles
 * whose thread mask was not full (lanes idle because of divergence or TMC); branches
 * whose active lanes disagreed (the lowest lane decided: a kernel bug).
 */
public final class PerfCounters extends HwModule {
    public static final class PerfCountersIO extends HwBundle {
        public final Bool issue = in(Bool());
        public final Bool exValid = in(Bool());
        public final UInt exMask;
        public final Bool isMul = in(Bool());
        public final Bool sbStall = in(Bool());
        public final Bool memStall = in(Bool());
        public final Bool barStall = in(Bool());
        public final Bool divergentBranch = in(Bool());
        public final PortGroup<SimtCounter> counters = PortGroup.outputs(SimtCounter.class);

        /** The matrix unit computes this cycle (tensor datapath only). */
        public final Bool tensorComputing;

        public PerfCountersIO(SimtConfig cfg) {
            super(cfg);
            exMask = in(UInt(cfg.threads()));
            tensorComputing = cfg.datapath().hasTensor() ? in(Bool()) : null;
        }
    }

    public final PerfCountersIO io;

    public PerfCounters(SimtConfig cfg) {
        io = io("io", new PerfCountersIO(cfg));
        int t = cfg.threads();
        UInt lanes = lit(0, 6);
        for (int l = 0; l < t; l++) lanes = add(lanes, SimtUtil.widen(bit(io.exMask, l), 6));
        UInt active = node("activeLanes", lanes);
        Bool noIssue = not(io.issue);
        connect(io.counters.get(SimtCounter.CYCLES), counter("cycles", lit(true), lit(1, 64)));
        connect(io.counters.get(SimtCounter.WARP_INSTRS), counter("warpInstrs", io.issue, lit(1, 64)));
        connect(io.counters.get(SimtCounter.THREAD_INSTRS), counter("threadInstrs", io.exValid, pad(active, 64)));
        Bool mul = and(io.exValid, and(io.isMul, orR(io.exMask)));
        if (io.tensorComputing == null) {
            connect(io.counters.get(SimtCounter.MUL_CYCLES), counter("mulCycles", mul, lit(1, 64)));
            connect(io.counters.get(SimtCounter.MUL_LANES), counter("mulLanes", mul, pad(active, 64)));
        } else {  // the matrix unit's busy cycles count too, as all T lanes' worth
            connect(io.counters.get(SimtCounter.MUL_CYCLES), counter("mulCycles", or(mul, io.tensorComputing), lit(1, 64)));
            connect(io.counters.get(SimtCounter.MUL_LANES), counter("mulLanes", or(mul, io.tensorComputing),
                    mux(io.tensorComputing, lit(t, 64), pad(active, 64))));
        }
        connect(io.counters.get(SimtCounter.STALL_SCOREBOARD), counter("stallScoreboard", and(noIssue, io.sbStall), lit(1, 64)));
        connect(io.counters.get(SimtCounter.STALL_MEMORY), counter("stallMemory", and(noIssue, and(not(io.sbStall), io.memStall)), lit(1, 64)));
        connect(io.counters.get(SimtCounter.STALL_BARRIER), counter("stallBarrier",
                and(noIssue, and(not(or(io.sbStall, io.memStall)), io.barStall)), lit(1, 64)));
        connect(io.counters.get(SimtCounter.STALL_DIVERGENCE), counter("stallDivergence", and(io.exValid, neq(active, lit(t, 6))), lit(1, 64)));
        UInt div = regInit("divergentBranches", lit(0, 32));
        when(io.divergentBranch, () -> connect(div, add(div, lit(1, 32))));
        connect(io.counters.get(SimtCounter.DIVERGENT_BRANCHES), div);
    }

    private static UInt counter(String name, Bool enable, UInt amount) {
        UInt r = regInit(name, lit(0, 64));
        when(enable, () -> connect(r, add(r, amount)));
        return r;
    }
}
