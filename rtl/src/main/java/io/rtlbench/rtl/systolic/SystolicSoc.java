package io.rtlbench.rtl.systolic;

import static io.rtlbench.rtl.hw.Hw.*;

import chisel3.Bool;
import chisel3.UInt;
import io.rtlbench.rtl.hw.EnergyRole;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;
import io.rtlbench.rtl.hw.PortGroup;
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
        /** Every {@link SystolicCounter}: the core's, then the off-chip byte counts. */
        public final PortGroup<SystolicCounter> counters = PortGroup.outputs(SystolicCounter.class);
        /** Off-chip bandwidth override in bytes/cycle (0 = the configured rate); no rebuild needed. */
        public final UInt offchipBandwidth = in(UInt(8));
        public final UInt stopAfterComputes = in(UInt(32));
        public final Bool stopHit = out(Bool());
    }

    public final SocIO io = io("io", new SocIO());

    public SystolicSoc(SystolicConfig cfg) {
        SystolicCore core = instance("core", () -> new SystolicCore(cfg));
        OffChipMemory offchip = instance("offchip", EnergyRole.EXTERNAL, () -> new OffChipMemory(cfg.offchip()));
        connectByName(core.io.port, offchip.io.port);
        connectByName(io, core.io);  // the command port in; done and the core's counters out
        connect(io.counters.get(SystolicCounter.OFFCHIP_BYTES_READ), offchip.io.bytesRead);
        connect(io.counters.get(SystolicCounter.OFFCHIP_BYTES_WRITTEN), offchip.io.bytesWritten);
        connect(offchip.io.bandwidth, io.offchipBandwidth);
        connect(core.io.stopAfterComputes, io.stopAfterComputes);
        connect(io.stopHit, core.io.stopHit);
    }
}
