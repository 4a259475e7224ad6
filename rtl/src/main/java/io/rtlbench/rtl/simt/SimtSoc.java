package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;

import io.rtlbench.rtl.hw.EnergyRole;
import io.rtlbench.rtl.hw.HwModule;
import io.rtlbench.rtl.mem.OffChipMemory;

/**
 * Simulation top: the {@link SimtCore} ({@code core}) wired to the shared {@link OffChipMemory}
 * model ({@code offchip}). The loader fills {@code core.fetch.imem} and {@code offchip.store} by backdoor
 * and sets {@code io_tohostAddr}; everything else of the core's IO is passed through. Latency: that
 * of the parts.
 */
public final class SimtSoc extends HwModule {
    public final SimtSocIO io;

    public SimtSoc(SimtConfig cfg) {
        io = io("io", new SimtSocIO(cfg));
        SimtCore core = instance("core", () -> new SimtCore(cfg));
        OffChipMemory offchip = instance("offchip", EnergyRole.EXTERNAL, () -> new OffChipMemory(cfg.offchip()));
        SimtUtil.forward(core.io.mem, offchip.io.port);
        connect(io.bytesRead, offchip.io.bytesRead);
        connect(io.bytesWritten, offchip.io.bytesWritten);
        connect(offchip.io.bandwidth, io.offchipBandwidth);
        SimtSocIO.passThrough(io, core.io);
    }
}
