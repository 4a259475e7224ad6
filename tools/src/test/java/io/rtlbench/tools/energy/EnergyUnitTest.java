package io.rtlbench.tools.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pure-Java parts around the energy model: Yosys statistics parsing (gates vs flip-flops vs
 * child modules and memory macros), the report's totals, top instances, breakdown by key and table,
 * technology tables from files (and their errors), and category keys.
 */
class EnergyUnitTest {
    static final String STAT = String.join("\n", "", "14. Printing statistics.", "", "=== Top ===", "",
            "   Number of cells:                 3", "     Pe                              2", "     $mem_v2                         1", "",
            "=== Pe ===", "", "   Number of cells:                 9", "     $_AND_                          4", "     $_XOR_                          2",
            "     $_SDFF_PP0_                     2", "     $_DFFE_PP_                      1", "     $_ALDFF_PP_                     3",
            "     $_DLATCH_P_                     5", "     $_SR_PP_                        7", "     $_DFFSR_PPP_                    1",
            "     $_MUX_                          6", "",
            "=== design hierarchy ===", "", "   Top                               1", "     Pe                              2", "",
            "   Number of cells:                99", "     $_AND_                         88", "");

    @Test void yosysStatisticsSplitGatesAndFlops() {
        Map<String, GateCounts.ModuleGates> g = GateCounts.parse(STAT);
        assertEquals(List.of("Top", "Pe"), List.copyOf(g.keySet()), "the design-hierarchy summary is not a module");
        assertEquals(new GateCounts.ModuleGates(0, 0), g.get("Top"), "child modules and memory macros are not gates of the parent");
        assertEquals(new GateCounts.ModuleGates(4 + 2 + 6, 2 + 1 + 3 + 5 + 7 + 1), g.get("Pe"));
        assertEquals(Map.of(), GateCounts.parse("no statistics here"));
    }

    static EnergyReport report() {
        EnumMap<Category, Double> b = new EnumMap<>(Category.class);
        b.put(Category.COMPUTE, 60.0);
        b.put(Category.LEAKAGE, 15.0);
        b.put(Category.OFFCHIP, 25.0);
        Map<String, Double> modules = new java.util.LinkedHashMap<>();
        modules.put("a", 5.0);
        modules.put("", 50.0);
        modules.put("c", 30.0);
        modules.put("d", 15.0);
        return new EnergyReport("45nm", 2.0, 400, 20, b, modules);
    }

    @Test void reportTotalsTopModulesJsonAndTable() {
        EnergyReport r = report();
        assertEquals(100, r.totalPj(), 1e-12);
        assertEquals(85, r.dynamicPj(), 1e-12);
        assertEquals(5, r.pjPerMac(), 1e-12);
        assertEquals(0.5, r.averagePowerMw(), 1e-12, "100 pJ over 400 cycles at 2 GHz = 200 ns");
        assertTrue(Double.isNaN(new EnergyReport("x", 1, 1, 0, new EnumMap<>(Category.class), Map.of()).pjPerMac()));
        assertEquals(0, new EnergyReport("x", 1, 0, 1, new EnumMap<>(Category.class), Map.of()).averagePowerMw());
        assertEquals(List.of("", "c", "(others)"), List.copyOf(r.topModules(2).keySet()));
        assertEquals(20.0, r.topModules(2).get("(others)"), 1e-12);
        assertEquals(4, r.topModules(9).size(), "no (others) when all fit");
        Map<String, Double> b = r.breakdownByKey();
        assertEquals(List.of("compute", "sram", "regfile", "control", "instruction", "clock", "leakage", "offchip"), List.copyOf(b.keySet()),
                "every category, zero or not, in report order");
        assertEquals(0.0, b.get("sram"));
        assertEquals(60.0, b.get("compute"));
        assertEquals(Map.of("", 50.0, "(others)", 50.0), r.topModules(1));
        String t = r.table(1);
        assertTrue(t.startsWith("energy (45nm, 2.0 GHz): 100.0 pJ total, 5.000 pJ/MAC, 0.50 mW average"), t);
        assertTrue(t.contains("compute datapath") && t.contains("60.0 pJ   60.0%"), t);
        assertTrue(t.contains("top instances: (top) 50.0 pJ, (others) 50.0 pJ"), t);
        assertTrue(new EnergyReport("x", 1, 1, 1, new EnumMap<>(Category.class), Map.of()).table(1).contains("0.0%"));
    }

    @Test void techTablesFromFilesAndTheirErrors() throws Exception {
        Path dir = Files.createTempDirectory("tech");
        StringBuilder props = new StringBuilder("name = mine\n");
        String[] keys = {"clock.ghz", "mul.pj_per_bit_toggle_8b", "add.pj_per_bit_toggle", "reg.pj_per_bit_toggle",
            "clock.pj_per_reg_bit_per_cycle", "logic.pj_per_gate_toggle", "leakage.pj_per_gate_per_cycle",
            "leakage.pj_per_sram_bit_per_cycle", "sram.pj_per_bit_8kb", "sram.min_pj_per_bit", "offchip.pj_per_byte"};
        for (int i = 0; i < keys.length; i++) props.append(keys[i]).append(" = ").append(i + 1).append('\n');
        Path f = dir.resolve("t.properties");
        Files.writeString(f, props);
        TechTable t = TechTable.of(f.toString());
        assertEquals(new TechTable("mine", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), t);
        Files.writeString(f, props.toString().replace("name = mine\n", ""));
        assertEquals(f.toString(), TechTable.of(f.toString()).name(), "unnamed tables are named by their file");
        Files.writeString(f, props.toString().replace("offchip.pj_per_byte = 11\n", ""));
        var e = assertThrows(IllegalArgumentException.class, () -> TechTable.of(f.toString()));
        assertTrue(e.getMessage().contains("lacks 'offchip.pj_per_byte'"), e.getMessage());
        for (String bad : new String[] {"-1", "abc", "NaN"}) {
            Files.writeString(f, props.toString().replace("clock.ghz = 1", "clock.ghz = " + bad));
            e = assertThrows(IllegalArgumentException.class, () -> TechTable.of(f.toString()));
            assertTrue(e.getMessage().contains("'clock.ghz' must be a non-negative number, got '" + bad + "'"), e.getMessage());
        }
        Files.writeString(f, props.toString().replace("clock.ghz = 1", "clock.ghz = 0"));
        e = assertThrows(IllegalArgumentException.class, () -> TechTable.of(f.toString()));
        assertTrue(e.getMessage().contains("'clock.ghz' must be > 0"), e.getMessage());
        Files.writeString(f, props.toString().replace("sram.min_pj_per_bit = 10", "sram.min_pj_per_bit = 0"));
        assertEquals(0, TechTable.of(f.toString()).sramMinPjPerBit(), "other constants may be zero");
        e = assertThrows(IllegalArgumentException.class, () -> TechTable.of(dir.resolve("missing").toString()));
        assertTrue(e.getMessage().contains("neither 45nm, 7nm nor a file"), e.getMessage());
        assertTrue(TechTable.of("7nm").name().startsWith("7nm (scaled from 45nm)"));
        assertEquals(2.0, TechTable.of("7nm").clockGhz());
    }

    @Test void categoryKeysAndLabels() {
        assertEquals("offchip", Category.OFFCHIP.key());
        assertEquals("instruction fetch+decode", Category.INSTRUCTION.label);
    }
}
