package io.rtlbench.tools.energy;

import io.rtlbench.emulator.ActivityClass;
import io.rtlbench.emulator.Counter;
import io.rtlbench.emulator.Design;
import io.rtlbench.emulator.Signal;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.emulator.SvScan;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a run's activity into energy. Per counter: register toggles x reg energy, multiplier and
 * adder operand toggles x arithmetic energy (by operand width), memory-port accesses x port width x
 * SRAM energy per bit (by capacity). Per instance: clock energy per register bit per cycle, logic
 * energy = Yosys combinational gates x activity factor x gate-toggle energy, leakage per gate and
 * per SRAM bit per cycle. Off-chip: bytes x energy per byte. Categories come from the energy role
 * the RTL attached to each instance or memory (the design's tags, see {@link #categoryOf}); instances
 * tagged {@code external} (the off-chip model, measurement counters) are not charged.
 * Simplification: memory data-port toggles are not charged beyond the per-access energy; glitches
 * are not modelled (one sample per cycle).
 */
public final class EnergyModel {
    private final TechTable tech;

    public EnergyModel(TechTable tech) {
        this.tech = tech;
    }

    /**
     * The category of the logic (or, with {@code memory}, the accesses) of the instance or memory at
     * {@code path}: its energy role, else CONTROL for logic and SRAM for memories; empty when it is
     * external to the core.
     */
    public static java.util.Optional<Category> categoryOf(Design design, String path, boolean memory) {
        String role = design.tagOf(path).orElse(memory ? "sram" : "control");
        return switch (role) {
            case "external" -> java.util.Optional.empty();
            case "compute" -> java.util.Optional.of(Category.COMPUTE);
            case "regfile" -> java.util.Optional.of(Category.REGFILE);
            case "instruction" -> java.util.Optional.of(Category.INSTRUCTION);
            case "sram" -> java.util.Optional.of(Category.SRAM);
            case "control" -> java.util.Optional.of(Category.CONTROL);
            default -> throw new IllegalArgumentException("unknown energy role '" + role + "' on " + path);
        };
    }

    /** What one run did. {@code counts} are indexed like {@code sim.counters()}. */
    public record Activity(Design design, java.util.List<Counter> counters, long[] counts,
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
            var logic = categoryOf(a.design(), inst, false);
            if (logic.isEmpty()) continue;
            double e = 0;
            if (c.is(ActivityClass.MUL_IN)) e += add(by, modules, inst, Category.COMPUTE, n * tech.mulPerToggle(c.width()));
            if (c.is(ActivityClass.ADD_IN)) e += add(by, modules, inst, Category.COMPUTE, n * tech.addPjPerBitToggle());
            if (c.is(ActivityClass.REG)) add(by, modules, inst, logic.get(), n * tech.regPjPerBitToggle());
            if (c.is(ActivityClass.MEM_READ) || c.is(ActivityClass.MEM_WRITE)) {
                Signal mem = memByPort.get(inst);
                int width = mem != null ? mem.width() : c.width();
                double bytes = mem != null ? mem.depth() * (double) mem.width() / 8 : 64;
                add(by, modules, inst, categoryOf(a.design(), mem != null ? mem.name() : inst, true).orElseThrow(),
                        n * width * tech.sramPerBit(bytes));
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
            var logic = categoryOf(a.design(), path, false);
            if (logic.isEmpty()) continue;
            long[] act = activity.getOrDefault(path, new long[3]);
            GateCounts.ModuleGates g = gates.getOrDefault(inst.getValue(), new GateCounts.ModuleGates(0, 0));
            double alpha = act[1] == 0 || a.cycles() == 0 ? 0 : (double) act[0] / act[1] / a.cycles();
            add(by, modules, path, logic.get(), g.gates() * alpha * a.cycles() * tech.logicPjPerGateToggle());
            add(by, modules, path, Category.CLOCK, (double) act[2] * a.cycles() * tech.clockPjPerRegBitPerCycle());
            add(by, modules, path, Category.LEAKAGE, (double) (g.gates() + g.flops()) * a.cycles() * tech.leakPjPerGatePerCycle());
        }
        for (Signal m : a.memories())
            if (categoryOf(a.design(), m.name() + "_ext", false).isPresent()) add(by, modules, m.name() + "_ext", Category.LEAKAGE, (double) m.depth() * m.width() * a.cycles() * tech.leakPjPerSramBitPerCycle());
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
