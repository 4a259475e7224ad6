package io.rtlbench.tools.area;

import io.rtlbench.emulator.Signal;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.emulator.SvScan;
import io.rtlbench.tools.energy.GateCounts;
import io.rtlbench.tools.energy.TechTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The area of a simulator's design in one call: instances from its SystemVerilog, cells per module
 * from Yosys (cached, the same run the energy model uses), memories from the simulator, the
 * technology table's {@link AreaTable} and the design's energy roles. Needs no simulation.
 */
public final class AreaRun {
    private AreaRun() {}

    public static AreaReport estimate(Simulator sim, TechTable tech) {
        return estimate(sim, InstanceCategory.of(sim.design()), tech);
    }

    public static AreaReport estimate(Simulator sim, InstanceCategory categories, TechTable tech) {
        var design = sim.design();
        var gates = GateCounts.of(design, null);
        var instances = new SvScan(design.systemVerilog()).instances(design.topName());
        List<AreaModel.Memory> memories = new ArrayList<>();
        for (Signal m : sim.memories()) memories.add(AreaModel.Memory.of(m.name(), m.depth(), m.width()));
        return AreaModel.estimate(tech.name(), tech.area(), instances, gates, memories, categories);
    }
}
