package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;

import chisel3.Bool;
import chisel3.UInt;
import io.rtlbench.rtl.hw.EnergyRole;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;
import io.rtlbench.rtl.mem.OffChipMemory;

/**
 * Simulation top: the {@link SystolicCore} ({@code core}, command memory {@code core.cmds}) wired
 * to the shared {@link OffChipMemory} model ({@code offchip}, backing store {@code offchip.store}).
 * The host may write commands through {@code cmdWrite/cmdAddr/cmdData} (tests use the backdoor).
 * The core starts executing at command 0 when reset is released; {@code done} rises after END.
 * All counters of the core plus the off-chip byte counters are outputs. {@code stopHit} rises once
 * {@code stopAfterComputes} (non-zero) COMPUTE commands have completed (a breakpoint for the host).
 */
public final class SystolicSoc extends HwModule {
    public static final class SocIO extends HwBundle {
        public final Bool cmdWrite = in(Bool());
        public final UInt cmdAddr = in(UInt(32));
        public final UInt cmdData = in(UInt(Cmd.BITS));
        public final Bool done = out(Bool());
        public final UInt totalCycles = out(UInt(64));
        public final UInt computeCycles = out(UInt(64));
        public final UInt macs = out(UInt(64));
        public final UInt commands = out(UInt(64));
        public final UInt stallDmaWait = out(UInt(64));
        public final UInt stallComputeWait = out(UInt(64));
        public final UInt stallBuffer = out(UInt(64));
        public final UInt stallOther = out(UInt(64));
        public final UInt stallOffchip = out(UInt(64));
        public final UInt offchipBytesRead = out(UInt(64));
        public final UInt offchipBytesWritten = out(UInt(64));
        /** Off-chip bandwidth override in bytes/cycle (0 = the configured rate); no rebuild needed. */
        public final UInt offchipBandwidth = in(UInt(8));
        public final UInt stopAfterComputes = in(UInt(32));
        public final Bool stopHit = out(Bool());
    }

    public final SocIO io = io("io", new SocIO());

    public SystolicSoc(SystolicConfig cfg) {
        SystolicCore core = instance("core", () -> new SystolicCore(cfg));
        OffChipMemory offchip = instance("offchip", EnergyRole.EXTERNAL, () -> new OffChipMemory(cfg.offchip()));
        connect(offchip.io.port.reqValid, core.io.port.reqValid);
        connect(offchip.io.port.reqWrite, core.io.port.reqWrite);
        connect(offchip.io.port.reqAddr, core.io.port.reqAddr);
        connect(offchip.io.port.reqData, core.io.port.reqData);
        connect(offchip.io.port.reqMask, core.io.port.reqMask);
        connect(core.io.port.reqReady, offchip.io.port.reqReady);
        connect(core.io.port.respValid, offchip.io.port.respValid);
        connect(core.io.port.respData, offchip.io.port.respData);
        connect(core.io.cmdWrite, io.cmdWrite);
        connect(core.io.cmdAddr, io.cmdAddr);
        connect(core.io.cmdData, io.cmdData);
        connect(io.done, core.io.done);
        connect(io.totalCycles, core.io.totalCycles);
        connect(io.computeCycles, core.io.computeCycles);
        connect(io.macs, core.io.macs);
        connect(io.commands, core.io.commands);
        connect(io.stallDmaWait, core.io.stallDmaWait);
        connect(io.stallComputeWait, core.io.stallComputeWait);
        connect(io.stallBuffer, core.io.stallBuffer);
        connect(io.stallOther, core.io.stallOther);
        connect(io.stallOffchip, core.io.stallOffchip);
        connect(io.offchipBytesRead, offchip.io.bytesRead);
        connect(io.offchipBytesWritten, offchip.io.bytesWritten);
        connect(offchip.io.bandwidth, io.offchipBandwidth);
        connect(core.io.stopAfterComputes, io.stopAfterComputes);
        connect(io.stopHit, core.io.stopHit);
    }
}
