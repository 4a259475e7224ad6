package io.rtlbench.tools.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.demo.MacGrid;
import io.rtlbench.rtl.demo.MacGridConfig;
import io.rtlbench.emulator.Design;
import io.rtlbench.testbenches.Designs;
import io.rtlbench.testbenches.demo.MacGridDriver;
import io.rtlbench.testbenches.demo.MatMulGolden;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The energy model on the demo grid: data-dependent, categorized, per instance, gate counts from Yosys. */
class MacGridEnergyTest {
    static final MacGridConfig CFG = new MacGridConfig(4, 4);

    static EnergyReport run(Design design, byte[][] a, byte[][] b, TechTable tech) {
        try (Simulator sim = Simulator.create(design, new BuildOptions(false, true))) {
            sim.reset(1);
            MacGridDriver driver = new MacGridDriver(sim, CFG);
            sim.enableToggles(true);
            long c0 = sim.cycle();
            int[][] c = driver.multiply(a, b);
            assertEquals(null, MatMulGolden.firstMismatch(MatMulGolden.multiply(a, b), c));
            long macs = (long) CFG.rows() * CFG.cols() * b.length;
            var gates = GateCounts.of(design, null);
            return new EnergyModel(tech).estimate(EnergyModel.Activity.of(sim, sim.cycle() - c0, 0, macs), gates);
        }
    }

    @Test void zerosCostLessThanRandomData() {
        Design design = Designs.elaborate(() -> new MacGrid(CFG));
        Random rnd = new Random(3);
        int k = 64;
        EnergyReport random = run(design, MatMulGolden.random(rnd, 4, k), MatMulGolden.random(rnd, k, 4), TechTable.of("45nm"));
        EnergyReport zeros = run(design, new byte[4][k], new byte[k][4], TechTable.of("45nm"));
        assertEquals(random.cycles(), zeros.cycles());
        assertTrue(zeros.dynamicPj() < 0.5 * random.dynamicPj(),
                "zeros " + zeros.dynamicPj() + " pJ vs random " + random.dynamicPj() + " pJ");
        assertTrue(random.breakdown().get(Category.COMPUTE) > random.breakdown().get(Category.CLOCK), random.table(5));
        assertEquals(random.breakdown().get(Category.CLOCK), zeros.breakdown().get(Category.CLOCK), 1e-9, "clock is data-independent");
        Map<String, Double> top = random.topModules(3);
        assertTrue(top.keySet().iterator().next().startsWith("pe_"), "PEs dominate: " + top);
        double perMac = random.pjPerMac();
        assertTrue(perMac > 0.05 && perMac < 5, "45 nm INT8 MAC with its registers: " + perMac + " pJ");
        EnergyReport scaled = run(design, MatMulGolden.random(new Random(3), 4, k), MatMulGolden.random(new Random(3), k, 4), TechTable.of("7nm"));
        assertTrue(scaled.pjPerMac() < perMac / 5, "7 nm is several times cheaper:\n" + scaled.table(5) + random.table(5));
    }

    @Test void yosysCountsGatesPerModule() {
        var gates = GateCounts.of(Designs.elaborate(() -> new MacGrid(CFG)), null);
        assertTrue(gates.get("MacPe").gates() > 300, "an 8x8 multiplier + 32-bit adder: " + gates);
        assertEquals(48, gates.get("MacPe").flops(), "aReg + bReg + acc = 8 + 8 + 32 flip-flops");
        assertEquals(0, gates.get("MacGrid").flops());
    }

    @Test void techTableErrorsAreClear() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> TechTable.of("3nm"));
        assertTrue(e.getMessage().contains("neither 45nm, 7nm nor a file"), e.getMessage());
    }
}
