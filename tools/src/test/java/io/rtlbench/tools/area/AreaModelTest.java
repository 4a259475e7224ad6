package io.rtlbench.tools.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.demo.MacGrid;
import io.rtlbench.rtl.demo.MacGridConfig;
import io.rtlbench.emulator.Design;
import io.rtlbench.testbenches.Designs;
import io.rtlbench.emulator.SvScan;
import io.rtlbench.tools.energy.Category;
import io.rtlbench.tools.energy.GateCounts;
import io.rtlbench.tools.energy.GateCounts.ModuleGates;
import io.rtlbench.tools.energy.TechTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Area accounting: cells x NAND2 equivalents x NAND2 area, flops apart, memories from capacity. */
class AreaModelTest {
    /** A hand-written Yosys {@code stat}: a PE with 10 AND, 4 XOR, 2 NOT and 8 enable flops; a top with 2 PEs, a memory and an off-chip model. */
    static final String STAT = """
            === pe ===

               Number of cells:                 24
                 $_AND_                         10
                 $_NOT_                          2
                 $_SDFFE_PP0P_                   8
                 $_XOR_                          4

            === mem_64x32 ===

               Number of cells:                  3
                 $_AND_                          2
                 $mem_v2                         1

            === offchip_model ===

               Number of cells:                100
                 $_AND_                        100

            === top ===

               Number of cells:                  6
                 $_DFF_P_                        3
                 mem_64x32                       1
                 offchip_model                   1
                 pe                              2

            === design hierarchy ===
            """;

    static final Map<String, String> INSTANCES = Map.of("", "top", "pe_0", "pe", "pe_1", "pe", "spad_ext", "mem_64x32",
            "offchip", "offchip_model");

    static final InstanceCategory CATEGORIES = new InstanceCategory() {
        @Override public Category logic(String path) {
            return path.equals("offchip") ? null : path.startsWith("pe_") ? Category.COMPUTE : Category.CONTROL;
        }

        @Override public Category memory(String name) { return Category.SRAM; }
    };

    @Test void knownNetlistIsGateCountsTimesCellAreas() {
        Map<String, ModuleGates> gates = GateCounts.parse(STAT);
        assertEquals(Map.of("$_AND_", 10L, "$_NOT_", 2L, "$_SDFFE_PP0P_", 8L, "$_XOR_", 4L), gates.get("pe").cells());
        AreaTable t = TechTable.of("7nm").area();
        double nand2 = 0.05832;
        // 64 x 32 = 2048 bits < 4096: a flop array, (enable flop 8.0 + read mux 3.0) NAND2 eq. per bit.
        AreaReport r = AreaModel.estimate("7nm", t, INSTANCES, gates, List.of(AreaModel.Memory.of("spad", 64, 32)), CATEGORIES);
        double peLogic = 10 * 1.5 + 2 * 0.75 + 4 * 2.25, peFlops = 8 * 9.5;
        assertEquals(2 * (peLogic + peFlops) * nand2, r.byCategory().get(Category.COMPUTE), 1e-9);
        assertEquals(3 * 5.0 * nand2, r.byCategory().get(Category.CONTROL), 1e-9, "top: 3 plain flops");
        assertEquals((2 * 1.5 + 2048 * 11.0) * nand2, r.byCategory().get(Category.SRAM), 1e-9, "port logic + flop array");
        assertEquals(2048 * 11.0 * nand2, r.kinds().get("flop_arrays"), 1e-9);
        assertEquals((2 * peFlops + 15) * nand2, r.kinds().get("flops"), 1e-9);
        assertEquals(r.totalUm2() * 1e-6, r.areaMm2(), 1e-15);
        assertTrue(r.byInstance().keySet().stream().noneMatch(p -> p.startsWith("offchip")), "outside the core: " + r.byInstance());

        // The same memory at 4096 bits and more is an SRAM macro: bits x bit cell / array efficiency.
        AreaReport big = AreaModel.estimate("7nm", t, INSTANCES, gates, List.of(AreaModel.Memory.of("spad", 1024, 32)), CATEGORIES);
        assertEquals(32768 * 0.027 / 0.70, big.kinds().get("sram_macros"), 1e-9);
    }

    @Test void everyFlipFlopVariantCountsAsAFlop() {
        var g = GateCounts.parse("=== m ===\n\n     $_SDFFCE_PN0P_   4\n     $_DFFE_PP_   2\n     $_DFF_P_   1\n     $_AND_   3\n").get("m");
        assertEquals(7, g.flops(), "SDFFCE (sync reset + enable) is a flip-flop, not a gate: " + g);
        assertEquals(3, g.gates());
    }

    @Test void unknownCellTypesAreAnErrorNotAZero() {
        var gates = GateCounts.parse(STAT.replace("$_XOR_    ", "$_FANCY_  "));
        var e = assertThrows(IllegalArgumentException.class, () -> AreaModel.estimate("7nm", TechTable.of("7nm").area(),
                INSTANCES, gates, List.of(), CATEGORIES));
        assertTrue(e.getMessage().contains("$_FANCY_"), e.getMessage());
    }

    @Test void macGridThroughYosysScalesWithTheNodesNand2Area() {
        Design design = Designs.elaborate(() -> new MacGrid(new MacGridConfig(4, 4)));
        var gates = GateCounts.of(design, null);
        var instances = new SvScan(design.systemVerilog()).instances(design.topName());
        InstanceCategory cats = InstanceCategory.of(design);
        AreaReport a45 = AreaModel.estimate("45nm", TechTable.of("45nm").area(), instances, gates, List.of(), cats);
        AreaReport a7 = AreaModel.estimate("7nm", TechTable.of("7nm").area(), instances, gates, List.of(), cats);
        CellAreas cells = CellAreas.asap7();
        double pe = gates.get("MacPe").cells().entrySet().stream().mapToDouble(c -> c.getValue() * cells.nand2Eq(c.getKey())).sum();
        assertEquals(16 * pe * 0.05832, a7.byCategory().get(Category.COMPUTE), 1e-6, "16 PEs, every cell counted");
        assertTrue(pe > 48 * 5.0, "48 flip-flops and an 8x8 multiplier: " + pe + " NAND2 eq.");
        assertEquals(0.798 / 0.05832, a45.totalUm2() / a7.totalUm2(), 1e-9, "no memories: area scales with the NAND2 area");
        System.out.print(a7.table(3));
    }
}
