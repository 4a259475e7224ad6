package io.rtlbench.tools.energy;

import io.rtlbench.emulator.Simulator;

/**
 * Energy of a run on a toggle-counting simulator, in one call: activity from the simulator's
 * counters, gate counts from Yosys (cached), the technology table and the design's energy roles.
 */
public final class EnergyRun {
    private EnergyRun() {}

    /** {@code cycles}: the cycles the counters covered; {@code offchipBytes}: read + written. */
    public static EnergyReport estimate(Simulator sim, long cycles, long offchipBytes, long macs, TechTable tech) {
        var gates = GateCounts.of(sim.design(), null);
        return new EnergyModel(tech).estimate(EnergyModel.Activity.of(sim, cycles, offchipBytes, macs), gates);
    }
}
