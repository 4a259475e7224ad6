package io.rtlbench.tools.area;

import io.rtlbench.tools.energy.Category;
import io.rtlbench.tools.energy.GateCounts.ModuleGates;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Area of a design from its netlist: every instance's Yosys cells (after {@code abc -fast}) times their
 * NAND2 equivalents times the node's NAND2 area, flip-flops by their own (larger) equivalents, and
 * every memory from its capacity (an SRAM macro: bits x bit cell / array efficiency, or a flop array
 * when small). Categories come from an {@link InstanceCategory}; a memory's port logic counts in the
 * memory's category. Simplifications: no wiring, placement density, clock tree or I/O; one SRAM bit
 * cell whatever the port count; the same cell ratios at every node.
 */
public final class AreaModel {
    private AreaModel() {}

    /**
     * A memory of the design.
     *
     * @param name     the memory as the simulator lists it (e.g. {@code core.spad.bank_0})
     * @param instance the instance holding it (the energy model's convention: {@code name + "_ext"})
     */
    public record Memory(String name, String instance, long words, int widthBits) {
        public long bits() { return words * widthBits; }

        public static Memory of(String name, long words, int widthBits) { return new Memory(name, name + "_ext", words, widthBits); }
    }

    /**
     * @param instances instance path -> module name ({@code ""} is the top)
     * @param gates     module name -> its cells (Yosys)
     */
    public static AreaReport estimate(String tech, AreaTable table, Map<String, String> instances,
                                      Map<String, ModuleGates> gates, List<Memory> memories, InstanceCategory categories) {
        EnumMap<Category, Double> by = new EnumMap<>(Category.class);
        Map<String, Double> perInstance = new LinkedHashMap<>();
        Map<String, Double> kinds = new LinkedHashMap<>();
        for (String k : AreaReport.KINDS) kinds.put(k, 0.0);
        Map<String, Memory> memByInstance = new LinkedHashMap<>();
        for (Memory m : memories) memByInstance.put(m.instance(), m);
        Set<String> seen = new HashSet<>();

        for (var inst : instances.entrySet()) {
            String path = inst.getKey();
            Memory mem = memByInstance.get(path);
            Category c = mem != null ? categories.memory(mem.name()) : categories.logic(path);
            if (c == null) continue;
            ModuleGates g = gates.get(inst.getValue());
            if (g == null) continue;
            for (var cell : g.cells().entrySet()) {
                double um2 = table.cellUm2(cell.getKey(), cell.getValue());
                kinds.merge(CellAreas.sequential(cell.getKey()) ? "flops" : "logic", um2, Double::sum);
                add(by, perInstance, path, c, um2);
            }
            seen.add(path);
        }
        for (Memory m : memories) {
            Category c = categories.memory(m.name());
            if (c == null) continue;
            double um2 = table.memoryUm2(m.bits());
            kinds.merge(table.isMacro(m.bits()) ? "sram_macros" : "flop_arrays", um2, Double::sum);
            add(by, perInstance, m.instance(), c, um2);
        }
        return new AreaReport(tech, by, perInstance, kinds);
    }

    private static void add(EnumMap<Category, Double> by, Map<String, Double> perInstance, String path, Category c, double um2) {
        by.merge(c, um2, Double::sum);
        perInstance.merge(path, um2, Double::sum);
    }
}
