package io.rtlbench.tools.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.testbenches.demo.MatMulGolden;
import io.rtlbench.testbenches.simt.SimtKernels;
import io.rtlbench.testbenches.simt.SimtMachine;
import io.rtlbench.testbenches.systolic.GemmGolden;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.systolic.SystolicDriver;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Zero data costs less, category by category, on both cores (the same GEMM, all-zero vs random
 * INT8 operands; cycles and bytes moved are identical). Where the model is data-dependent it must
 * be lower with zeros: compute datapath (operand and register toggles) and pipeline/control (register
 * toggles and the activity factor of the logic), by at least 20%. Clock (per register bit per
 * cycle), leakage and off-chip (per byte) must be exactly equal. SRAM, register-file and
 * instruction-supply energy is per access (not per data bit), so nearly equal: within 1% (an access
 * is a read of a new address or a write, and the first cycles' toggles depend on what the previous
 * run left on the ports).
 */
class ZeroDataEnergyTest {
    static final TechTable TECH = TechTable.of("45nm");
    static final List<Category> PER_ACCESS = List.of(Category.SRAM, Category.REGFILE, Category.INSTRUCTION);

    static void assertPerCategory(String core, EnergyReport random, EnergyReport zeros, List<Category> lower) {
        System.out.println(core + " random:\n" + random.table(3) + core + " zeros:\n" + zeros.table(3));
        for (Category c : Category.values()) {
            double r = random.breakdown().getOrDefault(c, 0.0), z = zeros.breakdown().getOrDefault(c, 0.0);
            String ctx = core + " " + c + ": zeros " + z + " pJ vs random " + r + " pJ";
            if (lower.contains(c)) assertTrue(z < 0.8 * r, ctx);
            else if (PER_ACCESS.contains(c)) assertEquals(r, z, 0.01 * r, ctx);
            else assertEquals(r, z, 1e-9 * Math.max(1, r), ctx + " (does not depend on data)");
        }
    }

    @Test void systolicZerosCostLessWhereTheModelIsDataDependent() {
        SystolicConfig cfg = SystolicConfig.of(4, 4, SystolicConfig.Dataflow.WS);
        Random rnd = new Random(7);
        EnergyReport[] e = new EnergyReport[2];
        try (SystolicDriver d = new SystolicDriver(cfg, new BuildOptions(false, true))) {
            for (int z = 0; z < 2; z++) {
                GemmJob job = z == 0 ? new GemmJob(GemmGolden.random(rnd, 16, 24), GemmGolden.random(rnd, 24, 16), null, null)
                        : new GemmJob(new byte[16][24], new byte[24][16], null, null);
                Simulator sim = d.simulator();
                sim.enableToggles(true);
                sim.clearToggles();
                long c0 = sim.cycle();
                var r = d.run(job, 1_000_000);
                assertNull(GemmGolden.firstMismatch(job.expected(), r.c()));
                e[z] = EnergyRun.estimate(sim, sim.cycle() - c0, r.get("offchip_bytes_read") + r.get("offchip_bytes_written"), job.macs(), TECH);
            }
        }
        assertPerCategory("systolic 4x4", e[0], e[1], List.of(Category.COMPUTE, Category.CONTROL));
    }

    @Test void simtZerosCostLessWhereTheModelIsDataDependent() {
        Random rnd = new Random(7);
        EnergyReport[] e = new EnergyReport[2];
        try (SimtMachine m = new SimtMachine(SimtConfig.of(2, 4), new BuildOptions(false, true))) {
            for (int z = 0; z < 2; z++) {
                byte[][] a = z == 0 ? MatMulGolden.random(rnd, 8, 12) : new byte[8][12], b = z == 0 ? MatMulGolden.random(rnd, 12, 8) : new byte[12][8];
                Simulator sim = m.simulator();
                sim.enableToggles(true);
                sim.clearToggles();
                long c0 = sim.cycle();
                var run = SimtKernels.gemm(m, a, b, 5_000_000);
                assertNull(MatMulGolden.firstMismatch(MatMulGolden.multiply(a, b), run.output()));
                e[z] = EnergyRun.estimate(sim, sim.cycle() - c0, run.counters().bytesRead() + run.counters().bytesWritten(), 8L * 12 * 8, TECH);
            }
        }
        assertPerCategory("SIMT 2x4", e[0], e[1], List.of(Category.COMPUTE, Category.CONTROL));
    }
}
