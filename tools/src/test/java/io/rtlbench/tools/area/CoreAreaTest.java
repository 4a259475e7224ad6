package io.rtlbench.tools.area;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.testbenches.simt.SimtMachine;
import io.rtlbench.testbenches.systolic.SystolicDriver;
import io.rtlbench.tools.energy.Category;
import io.rtlbench.tools.energy.TechTable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Area of both real cores at their default sizes (16x16 weight-stationary systolic, 4 warps x 8
 * threads SIMT) at 7 nm: the systolic MAC array has more compute area than the SIMT lanes, the SIMT core has
 * register files and instruction supply, the off-chip model is not counted, and on-chip memories are
 * macros. Prints the breakdowns (the numbers the report quotes).
 */
@Tag("slow")
class CoreAreaTest {
    @Test void bothCoresAtTheirDefaultSizes() {
        TechTable t7 = TechTable.of("7nm");
        AreaReport sys, gpu;
        try (SystolicDriver d = new SystolicDriver(SystolicConfig.of(16, 16, SystolicConfig.Dataflow.WS), BuildOptions.PLAIN)) {
            sys = AreaRun.estimate(d.simulator(), t7);
        }
        try (SimtMachine m = new SimtMachine(SimtConfig.of(4, 8), BuildOptions.PLAIN)) {
            gpu = AreaRun.estimate(m.simulator(), t7);
        }
        System.out.print("systolic 16x16,ws " + sys.table(6) + "SIMT 4x8 " + gpu.table(6));
        assertTrue(sys.byInstance().keySet().stream().noneMatch(p -> p.startsWith("offchip")), "off-chip model not counted");
        assertTrue(gpu.byInstance().keySet().stream().noneMatch(p -> p.startsWith("offchip")), "off-chip model not counted");
        assertEquals(0.0, sys.byCategory().getOrDefault(Category.REGFILE, 0.0), 1e-12, "no register file in the systolic core");
        assertTrue(gpu.byCategory().get(Category.REGFILE) > 0 && gpu.byCategory().get(Category.INSTRUCTION) > 0, gpu.table(3));
        // 256 8x8 multipliers and 32-bit adders vs 8 lanes, each with a 32x32 multiplier (RV32IM), and a divider.
        assertTrue(sys.byCategory().get(Category.COMPUTE) > 2 * gpu.byCategory().get(Category.COMPUTE),
                "256 INT8 MACs vs 8 RV32IM lanes:\n" + sys.table(3) + gpu.table(3));
        assertTrue(sys.kinds().get("sram_macros") > 0 && gpu.kinds().get("sram_macros") > 0, "scratchpads, shared memory are macros");
        assertTrue(sys.areaMm2() > 0.05 && sys.areaMm2() < 5, "a 16x16 INT8 core at 7 nm: " + sys.areaMm2() + " mm^2");
    }
}
