package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.UInt;
import io.rtlbench.rtl.hw.EnergyRole;
import io.rtlbench.rtl.hw.HwModule;
import io.rtlbench.rtl.mem.OffChipArbiter;
import io.rtlbench.rtl.mem.OffChipMemory;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulation top: the SIMT GPU wired to the shared {@link OffChipMemory} model ({@code offchip}).
 * One core: the {@link SimtCore} {@code core} on the memory port, its IO passed through. Several
 * cores ({@code core0}, {@code core1}, ...): an {@link OffChipArbiter} shares the port, every core
 * runs the same program (kernels spread work over cores by the core-id CSR); the GPU is done when
 * every core is done, or at once when one traps or breaks its divergence stack; tohost is the lowest
 * writing core's; counters are GPU totals ({@link CounterSum}; cycles from core 0). Every store beat
 * memory accepts is shown to every core's instruction memory (code write-through). The loader fills
 * each core's {@code fetchUnit.imem} and {@code offchip.store} by backdoor and sets {@code io_tohostAddr}.
 * Latency: that of the parts.
 */
public final class SimtSoc extends HwModule {
    public final SimtSocIO io;

    public SimtSoc(SimtConfig cfg) {
        io = io("io", new SimtSocIO(cfg));
        if (cfg.cores() > 1) {
            gpu(cfg);
            return;
        }
        SimtCore core = instance("core", () -> new SimtCore(cfg));
        OffChipMemory offchip = instance("offchip", EnergyRole.EXTERNAL, () -> new OffChipMemory(cfg.offchip()));
        connectByName(core.io.mem, offchip.io.port);
        connect(core.io.snoopValid, and(and(core.io.mem.reqValid, core.io.mem.reqWrite), offchip.io.port.reqReady));
        connect(core.io.snoopAddr, core.io.mem.reqAddr);
        connect(core.io.snoopData, core.io.mem.reqData);
        connect(core.io.snoopMask, core.io.mem.reqMask);
        connect(io.bytesRead, offchip.io.bytesRead);
        connect(io.bytesWritten, offchip.io.bytesWritten);
        connect(offchip.io.bandwidth, io.offchipBandwidth);
        connectByName(io, core.io);  // tohostAddr and imemWrite* in; status, counters and warp state out
    }

    /** Several cores behind an arbiter. */
    private void gpu(SimtConfig cfg) {
        int n = cfg.cores(), w = cfg.warps(), cb = cfg.coreBits();
        List<SimtCore> cores = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            final int id = i;
            cores.add(instance("core" + i, () -> new SimtCore(cfg, id)));
        }
        OffChipArbiter arbiter = instance("offchipArbiter", () -> new OffChipArbiter(cfg.offchip(), n));
        OffChipMemory offchip = instance("offchip", EnergyRole.EXTERNAL, () -> new OffChipMemory(cfg.offchip()));
        connectByName(arbiter.io.out, offchip.io.port);
        connect(io.bytesRead, offchip.io.bytesRead);
        connect(io.bytesWritten, offchip.io.bytesWritten);
        connect(offchip.io.bandwidth, io.offchipBandwidth);
        Bool allDone = lit(true), stop = lit(false), tohostValid = lit(false), trapped = lit(false), stackError = lit(false);
        UInt tohostValue = lit(0, 32), trapCore = lit(0, cb);
        for (int i = n - 1; i >= 0; i--) {
            SimtCoreIO c = cores.get(i).io;
            connectByName(c.mem, arbiter.io.in.apply(i));
            connect(c.snoopValid, arbiter.io.writeSeen);
            connect(c.snoopAddr, arbiter.io.writeSeenAddr);
            connect(c.snoopData, arbiter.io.writeSeenData);
            connect(c.snoopMask, arbiter.io.writeSeenMask);
            connect(c.tohostAddr, io.tohostAddr);
            connect(c.imemWrite, io.imemWrite);
            connect(c.imemWriteAddr, io.imemWriteAddr);
            connect(c.imemWriteData, io.imemWriteData);
            allDone = and(allDone, c.done);
            stop = or(stop, or(c.trapped, c.stackError));
            tohostValue = mux(c.tohostValid, c.tohostValue, tohostValue);
            tohostValid = or(tohostValid, c.tohostValid);
            trapCore = mux(c.trapped, lit(i, cb), trapCore);
            trapped = or(trapped, c.trapped);
            stackError = or(stackError, c.stackError);
            for (int k = 0; k < w; k++) {
                connect(io.warpPc.apply(i * w + k), c.warpPc.apply(k));
                connect(io.warpMask.apply(i * w + k), c.warpMask.apply(k));
                connect(io.warpActive.apply(i * w + k), c.warpActive.apply(k));
                connect(io.warpAtBarrier.apply(i * w + k), c.warpAtBarrier.apply(k));
            }
        }
        connect(io.done, or(allDone, stop));
        connect(io.tohostValid, tohostValid);
        connect(io.tohostValue, tohostValue);
        connect(io.stackError, stackError);
        UInt tc = node("trapCoreSel", trapCore);
        connect(io.trapped, trapped);
        connect(io.trapCore, tc);
        UInt trapWarp = cores.get(n - 1).io.trapWarp, mcause = cores.get(n - 1).io.trapMcause;
        UInt mepc = cores.get(n - 1).io.trapMepc, mtval = cores.get(n - 1).io.trapMtval;
        for (int i = n - 2; i >= 0; i--) {
            SimtCoreIO c = cores.get(i).io;
            Bool is = eq(tc, lit(i, cb));
            trapWarp = mux(is, c.trapWarp, trapWarp);
            mcause = mux(is, c.trapMcause, mcause);
            mepc = mux(is, c.trapMepc, mepc);
            mtval = mux(is, c.trapMtval, mtval);
        }
        connect(io.trapWarp, trapWarp);
        connect(io.trapMcause, mcause);
        connect(io.trapMepc, mepc);
        connect(io.trapMtval, mtval);
        for (SimtCounter k : SimtCounter.values()) {
            if (k == SimtCounter.CYCLES) {
                connect(io.counters.get(k), cores.get(0).io.counters.get(k));
                continue;
            }
            CounterSum sum = instance("total" + k.portName(), EnergyRole.EXTERNAL, () -> new CounterSum(n, k.width()));
            for (int i = 0; i < n; i++) connect(sum.io.in.apply(i), cores.get(i).io.counters.get(k));
            connect(io.counters.get(k), sum.io.out);
        }
    }
}
