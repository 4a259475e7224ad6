package io.rtlbench.testbenches.wave;

import io.rtlbench.waveforms.GtkwGroup;
import io.rtlbench.waveforms.Radix;
import java.util.List;

/**
 * The useful signal groups of each core's traced SoC, for GTKWave save files
 * ({@link io.rtlbench.waveforms.GtkwSaveFile}, {@code rtlbench wave gtkw}). Patterns are globs on the
 * Java names below {@code TOP}.
 */
public final class CoreWaveGroups {
    private CoreWaveGroups() {}

    /** Systolic: command queue, DMA and off-chip port, execution control, the PE grid's edges. */
    public static List<GtkwGroup> systolic() {
        String core = "TOP.SystolicSoc.core.", mesh = core + "executeUnit.mesh.";
        return List.of(
                new GtkwGroup("control", List.of("TOP.clock", "TOP.reset", "TOP.io_done"), Radix.HEX),
                new GtkwGroup("command queue", List.of(core + "pc", core + "head", core + "dispatch", core + "fire",
                        core + "running", core + "isDma", core + "isComp"), Radix.HEX),
                new GtkwGroup("DMA + off-chip port", List.of(core + "dma.active", core + "dma.reqFire", core + "dma.issued",
                        "TOP.SystolicSoc.offchip.io_port_req*", "TOP.SystolicSoc.offchip.io_port_resp*"), Radix.HEX),
                new GtkwGroup("execution", List.of(core + "executeUnit.active", core + "executeUnit.start", core + "executeUnit.sel",
                        core + "executeUnit.shifting"), Radix.HEX),
                new GtkwGroup("PE grid left edge (activations in)", List.of(mesh + "pe_*_0.io_a"), Radix.SIGNED),
                new GtkwGroup("PE grid partial sums (column 0)", List.of(mesh + "pe_*_0.io_psOut"), Radix.SIGNED),
                new GtkwGroup("counters", List.of("TOP.io_macs", "TOP.io_computeCycles", "TOP.io_stall*"), Radix.DEC));
    }

    /** SIMT: warp scheduler and warp state, issue/execute, divergence stack, LSU and off-chip port. */
    public static List<GtkwGroup> simt() {
        String core = "TOP.SimtSoc.core.";
        return List.of(
                new GtkwGroup("control", List.of("TOP.clock", "TOP.reset", "TOP.io_done"), Radix.HEX),
                new GtkwGroup("warp scheduler", List.of(core + "issueScheduler.io_eligible", core + "issueScheduler.io_sel", core + "issueScheduler.io_valid",
                        "TOP.io_warpPc_*", "TOP.io_warpMask_*", "TOP.io_warpActive_*"), Radix.HEX),
                new GtkwGroup("issue / execute", List.of(core + "warpControl.io_issue", core + "warpControl.io_issueWarp", core + "warpControl.io_exValid",
                        core + "warpControl.io_exWarp", core + "warpControl.io_exPc", core + "warpControl.io_exMask"), Radix.HEX),
                new GtkwGroup("divergence stack", List.of(core + "warpControl.diverges", core + "warpControl.stack_ext.W0_en",
                        core + "warpControl.stack_ext.W0_addr", core + "warpControl.stack_ext.R0_addr"), Radix.HEX),
                new GtkwGroup("LSU + off-chip port", List.of("TOP.SimtSoc.offchip.io_port_req*", "TOP.SimtSoc.offchip.io_port_resp*"),
                        Radix.HEX),
                new GtkwGroup("counters", List.of("TOP.io_warpInstrs", "TOP.io_threadInstrs", "TOP.io_stall*"), Radix.DEC));
    }
}
