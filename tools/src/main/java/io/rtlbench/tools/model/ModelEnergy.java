package io.rtlbench.tools.model;

import io.rtlbench.emulator.Simulator;
import io.rtlbench.testbenches.onnx.ModelPlan;
import io.rtlbench.testbenches.onnx.ModelRun;
import io.rtlbench.testbenches.onnx.Step;
import io.rtlbench.tools.energy.EnergyReport;
import io.rtlbench.tools.energy.EnergyRun;
import io.rtlbench.tools.energy.TechTable;
import io.rtlbench.tools.results.Energy;
import java.util.HashMap;
import java.util.Map;

/**
 * The energy of each layer on each core of a model run: the engine opens a window around a layer's
 * work on a core (toggle counters cleared), and on closing it the activity becomes an
 * {@link EnergyReport} (off-chip bytes at the table's energy per byte). Host work is not charged.
 */
final class ModelEnergy implements ModelRun.LayerWindow {
    private final TechTable tech;
    private final Map<String, Energy> byLayer = new HashMap<>();
    private final Map<String, Long> start = new HashMap<>();

    ModelEnergy(TechTable tech) { this.tech = tech; }

    private static String key(Step s, ModelPlan.Core core) { return s.index() + "/" + core; }

    @Override public void open(Step step, ModelPlan.Core core, Simulator sim) {
        sim.enableToggles(true);
        sim.clearToggles();
        start.put(key(step, core), sim.cycle());
    }

    @Override public void close(Step step, ModelPlan.Core core, Simulator sim, long cycles, long offchipBytes, long macs) {
        long counted = sim.cycle() - start.remove(key(step, core));
        EnergyReport e = EnergyRun.estimate(sim, counted, offchipBytes, macs, tech);
        byLayer.merge(key(step, core), Energy.of(e, 0), ModelEnergy::sum);
    }

    /** The energy of a layer on a core (null when it did no work there). */
    Energy of(int stepIndex, ModelPlan.Core core) { return byLayer.get(stepIndex + "/" + core); }

    static Energy sum(Energy a, Energy b) {
        Map<String, Double> br = new java.util.LinkedHashMap<>(a.breakdown());
        b.breakdown().forEach((k, v) -> br.merge(k, v, Double::sum));
        double total = a.energyPj() + b.energyPj();
        return new Energy(total, a.dynamicPj() + b.dynamicPj(), Double.NaN, Double.NaN, a.tech(), a.clockGhz(), br, null);
    }
}
