package io.rtlbench.tools.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.testbenches.data.DataPattern;
import io.rtlbench.testbenches.workloads.Layer;
import io.rtlbench.tools.energy.TechTable;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Energy on both cores: the same GEMM on all-zero tensors costs less dynamic energy than on random
 * ones, both runs verify, and the SIMT core's extra energy is attributed to instruction supply and
 * register files rather than being one opaque number.
 */
class CoreEnergyTest {
    static final Layer GEMM = new Layer("g", Layer.Kind.GEMM, new Layer.Gemm(16, 24, 16), 1);

    @SuppressWarnings("unchecked")
    static double onChipDynamic(Map<String, Object> run) {
        return (double) run.get("dynamic_pj") - ((Map<String, Double>) run.get("breakdown")).get("offchip");
    }

    @Test void zerosCostLessThanRandomOnBothCoresAndTheSimtOverheadIsAttributed() {
        LayerTensors random = LayerTensors.of(GEMM, DataPattern.RANDOM, new Random(5));
        LayerTensors zeros = LayerTensors.of(GEMM, DataPattern.ZEROS, new Random(5));
        OffChipConfig off = OffChipConfig.defaults();
        TechTable tech = TechTable.of("45nm");
        try (CoreRunner sys = new SystolicRunner("4x4,ws", off, List.of(random), tech);
             CoreRunner gpu = new SimtRunner("2x4", off, List.of(random), tech)) {
            for (CoreRunner core : List.of(sys, gpu)) {
                Map<String, Object> r = core.run(random, 0, 10_000_000), z = core.run(zeros, 0, 10_000_000);
                assertEquals(true, r.get("verified"), core.core());
                assertEquals(true, z.get("verified"), core.core());
                assertEquals(r.get("total_cycles"), z.get("total_cycles"), core.core() + ": cycles do not depend on data");
                // On-chip dynamic energy (off-chip energy is per byte, the same bytes move either way).
                double dr = onChipDynamic(r), dz = onChipDynamic(z);
                assertTrue(dz < 0.9 * dr, core.core() + ": zeros " + dz + " pJ vs random " + dr + " pJ on chip");
            }
            Map<String, Object> s = sys.run(random, 0, 10_000_000), g = gpu.run(random, 0, 10_000_000);
            double sysPerMac = (double) s.get("pj_per_mac"), gpuPerMac = (double) g.get("pj_per_mac");
            System.out.printf("16x24x16 GEMM: systolic 4x4 %.2f pJ/MAC, SIMT 2x4 %.2f pJ/MAC%n", sysPerMac, gpuPerMac);
            assertTrue(gpuPerMac > 2 * sysPerMac, "SIMT pays for instruction supply: " + gpuPerMac + " vs " + sysPerMac);
            @SuppressWarnings("unchecked") Map<String, Double> b = (Map<String, Double>) g.get("breakdown");
            double total = (double) g.get("energy_pj");
            assertTrue(b.get("instruction") > 0.05 * total && b.get("regfile") > 0.05 * total,
                    "instruction supply and register files are visible in the SIMT breakdown: " + b);
            @SuppressWarnings("unchecked") Map<String, Double> sb = (Map<String, Double>) s.get("breakdown");
            assertEquals(0.0, sb.get("regfile"), 1e-9, "the systolic core has no register file");
        }
    }
}
