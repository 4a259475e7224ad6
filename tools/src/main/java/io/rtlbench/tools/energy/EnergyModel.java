package io.rtlbench.tools.energy;

import io.rtlbench.emulator.ActivityClass;
import io.rtlbench.emulator.Counter;
import io.rtlbench.emulator.Signal;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.emulator.SvScan;
import io.rtlbench.rtl.hw.Elaborated;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a run's activity into energy. Per counter: register toggles x reg energy, multiplier and
 * adder operand toggles x arithmetic energy (by operand width), memory-port accesses x port width x
 * SRAM energy per bit (by capacity). Per instance: clock energy per register bit per cycle, logic
 * energy = Yosys combinational gates x activity factor x gate-toggle energy, leakage per gate and
 * per SRAM bit per cycle. Off-chip: bytes x energy per byte. Categories come from the core's
 * {@link CategoryRules}. Simplification: memory data-port toggles are not charged beyond the
 * per-access energy; glitches are not modelled (one sample per cycle).
 */
public final class EnergyModel {
    private final TechTable tech;
    private final CategoryRules rules;

    public EnergyModel(TechTable tech, CategoryRules rules) {
        this.tech = tech;
        this.rules = rules;
    }

    /** What one run did. {@code counts} are indexed like {@code sim.counters()}. */
    public record Activity(Elaborated design, java.util.List<Counter> counters, long[] counts,
                           java.util.List<Signal> memories, long cycles, long offchipBytes, long macs) {
        public static Activity of(Simulator sim, long cycles, long offchipBytes, long macs) {
            return new Activity(sim.design(), sim.counters(), sim.counts(), sim.memories(), cycles, offchipBytes, macs);
        }
    }

    public EnergyReport estimate(Activity a, Map<String, GateCounts.ModuleGates> gates) {
        if (a.counters().isEmpty())
            throw new IllegalArgumentException("no activity counters: build the simulator with new BuildOptions(..., true)");
        EnumMap<Category, Double> by = new EnumMap<>(Category.class);
        Map<String, Double> modules = new HashMap<>();
        Map<String, long[]> activity = new HashMap<>();  // instance -> {toggles, counted bits, reg bits}
        Map<String, Signal> memByPort = new HashMap<>();
        for (Signal m : a.memories()) memByPort.put(m.name() + "_ext", m);

        for (Counter c : a.counters()) {
            long n = a.counts()[c.index()];
            String inst = parent(c.name());
            if (rules.ignored(inst)) continue;
            double e = 0;
            if (c.is(ActivityClass.MUL_IN)) e += add(by, modules, inst, Category.COMPUTE, n * tech.mulPerToggle(c.width()));
            if (c.is(ActivityClass.ADD_IN)) e += add(by, modules, inst, Category.COMPUTE, n * tech.addPjPerBitToggle());
            if (c.is(ActivityClass.REG)) add(by, modules, inst, rules.logic(inst), n * tech.regPjPerBitToggle());
            if (c.is(ActivityClass.MEM_READ) || c.is(ActivityClass.MEM_WRITE)) {
                Signal mem = memByPort.get(inst);
                int width = mem != null ? mem.width() : c.width();
                double bytes = mem != null ? mem.depth() * (double) mem.width() / 8 : 64;
                add(by, modules, inst, rules.memory(mem != null ? mem.name() : inst), n * width * tech.sramPerBit(bytes));
            }
            long[] act = activity.computeIfAbsent(inst, k -> new long[3]);
            if (c.countsToggles()) {
                act[0] += n;
                act[1] += c.width();
            }
            if (c.is(ActivityClass.REG)) act[2] += c.width();
        }

        Map<String, String> instances = new SvScan(a.design().systemVerilog()).instances(a.design().topName());
        for (var inst : instances.entrySet()) {
            String path = inst.getKey();
            if (rules.ignored(path)) continue;
            long[] act = activity.getOrDefault(path, new long[3]);
            GateCounts.ModuleGates g = gates.getOrDefault(inst.getValue(), new GateCounts.ModuleGates(0, 0));
            double alpha = act[1] == 0 || a.cycles() == 0 ? 0 : (double) act[0] / act[1] / a.cycles();
            add(by, modules, path, rules.logic(path), g.gates() * alpha * a.cycles() * tech.logicPjPerGateToggle());
            add(by, modules, path, Category.CLOCK, (double) act[2] * a.cycles() * tech.clockPjPerRegBitPerCycle());
            add(by, modules, path, Category.LEAKAGE, (double) (g.gates() + g.flops()) * a.cycles() * tech.leakPjPerGatePerCycle());
        }
        for (Signal m : a.memories())
            if (!rules.ignored(m.name() + "_ext")) add(by, modules, m.name() + "_ext", Category.LEAKAGE, (double) m.depth() * m.width() * a.cycles() * tech.leakPjPerSramBitPerCycle());
        by.merge(Category.OFFCHIP, a.offchipBytes() * tech.offchipPjPerByte(), Double::sum);
        return new EnergyReport(tech.name(), tech.clockGhz(), a.cycles(), a.macs(), by, new LinkedHashMap<>(modules));
    }

    private static double add(EnumMap<Category, Double> by, Map<String, Double> modules, String inst, Category c, double pj) {
        by.merge(c, pj, Double::sum);
        modules.merge(inst, pj, Double::sum);
        return pj;
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }
}
