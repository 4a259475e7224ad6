package io.rtlbench.tools.area;

import io.rtlbench.emulator.Signal;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.emulator.SvScan;
import io.rtlbench.tools.energy.Category;
import io.rtlbench.tools.energy.GateCounts;
import io.rtlbench.tools.energy.TechTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The area of a simulator's design in one call: instances from its SystemVerilog, cells per module
 * from Yosys (cached, the same run the energy model uses), memories from the simulator, the
 * technology table's {@link AreaTable} and the design's energy roles. Needs no simulation.
 * Instruction and command stores are charged at most {@link #MAX_INSTRUCTION_BITS} (64 KiB): the
 * emulator sizes the systolic command memory to hold a layer's whole program (up to 1 Mi commands,
 * 16 MiB, which alone was 1.29 mm^2 at 7 nm on the default set), where hardware streams commands from
 * DRAM through a small buffer (Gemmini's RoCC command queue); 64 KiB is the SIMT core's instruction memory.
 */
public final class AreaRun {
    /** Largest instruction/command store charged for area, bits (64 KiB). */
    public static final long MAX_INSTRUCTION_BITS = 64L * 1024 * 8;

    private AreaRun() {}

    public static AreaReport estimate(Simulator sim, TechTable tech) {
        return estimate(sim, InstanceCategory.of(sim.design()), tech);
    }

    public static AreaReport estimate(Simulator sim, InstanceCategory categories, TechTable tech) {
        var design = sim.design();
        var gates = GateCounts.of(design, null);
        var instances = new SvScan(design.systemVerilog()).instances(design.topName());
        List<AreaModel.Memory> memories = new ArrayList<>();
        for (Signal m : sim.memories()) {
            long words = m.depth();
            if (categories.memory(m.name()) == Category.INSTRUCTION && words * m.width() > MAX_INSTRUCTION_BITS)
                words = Math.max(1, MAX_INSTRUCTION_BITS / m.width());
            memories.add(AreaModel.Memory.of(m.name(), words, m.width()));
        }
        return AreaModel.estimate(tech.name(), tech.area(), instances, gates, memories, categories);
    }
}
