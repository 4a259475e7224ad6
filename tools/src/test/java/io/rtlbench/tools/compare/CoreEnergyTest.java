package io.rtlbench.tools.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.testbenches.bench.BenchSetup;
import io.rtlbench.testbenches.bench.CoreBench;
import io.rtlbench.testbenches.bench.SimtSpec;
import io.rtlbench.testbenches.bench.SystolicSpec;
import io.rtlbench.testbenches.data.DataPattern;
import io.rtlbench.testbenches.workloads.Layer;
import io.rtlbench.testbenches.workloads.LayerTensors;
import io.rtlbench.tools.energy.TechTable;
import io.rtlbench.tools.results.CoreRun;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Energy on both cores: the same GEMM on all-zero tensors costs less dynamic energy than on random
 * ones, both runs verify, and the SIMT core's extra energy is attributed to instruction supply and
 * register files rather than being one opaque number.
 */
class CoreEnergyTest {
    static final Layer GEMM = new Layer("g", Layer.Kind.GEMM, new Layer.Gemm(16, 24, 16), 1);

    static double onChipDynamic(CoreRun run) { return run.energy().dynamicPj() - run.energy().breakdown().get("offchip"); }

    @Test void aRunDoesNotDependOnWhatRanBefore() {
        var first = LayerTensors.of(GEMM, DataPattern.RANDOM, new Random(1)).job();
        var second = LayerTensors.of(new Layer("h", Layer.Kind.GEMM, new Layer.Gemm(9, 13, 7), 1), DataPattern.RANDOM, new Random(2)).job();
        TechTable tech = TechTable.of("45nm");
        BenchSetup setup = BenchSetup.defaults().withBuild(new BuildOptions(false, true));
        for (String spec : List.of("systolic:4x4,ws", "simt:2x4")) {
            var s = io.rtlbench.testbenches.bench.CoreSpec.parse(spec.split(":")[0], spec.split(":")[1], "test");
            CoreRun alone, after;
            try (CoreBench b = CoreBench.open(s, setup, List.of(first, second))) {
                alone = CoreRun.measure(b, second, 10_000_000, tech);
            }
            try (CoreBench b = CoreBench.open(s, setup, List.of(first, second))) {
                CoreRun.measure(b, first, 10_000_000, tech);
                after = CoreRun.measure(b, second, 10_000_000, tech);
            }
            assertEquals(alone, after, spec + ": the same layer gives the same cycles and energy whatever ran before it");
        }
    }

    @Test void zerosCostLessThanRandomOnBothCoresAndTheSimtOverheadIsAttributed() {
        var random = LayerTensors.of(GEMM, DataPattern.RANDOM, new Random(5)).job();
        var zeros = LayerTensors.of(GEMM, DataPattern.ZEROS, new Random(5)).job();
        TechTable tech = TechTable.of("45nm");
        BenchSetup setup = BenchSetup.defaults().withBuild(new BuildOptions(false, true));
        try (CoreBench sys = CoreBench.open(SystolicSpec.parse("4x4,ws", "test"), setup, List.of(random));
             CoreBench gpu = CoreBench.open(SimtSpec.parse("2x4", "test"), setup, List.of(random))) {
            for (CoreBench core : List.of(sys, gpu)) {
                CoreRun r = CoreRun.measure(core, random, 10_000_000, tech), z = CoreRun.measure(core, zeros, 10_000_000, tech);
                assertTrue(r.verified() && z.verified(), core.core());
                assertEquals(r.totalCycles(), z.totalCycles(), core.core() + ": cycles do not depend on data");
                // On-chip dynamic energy (off-chip energy is per byte, the same bytes move either way).
                double dr = onChipDynamic(r), dz = onChipDynamic(z);
                assertTrue(dz < 0.9 * dr, core.core() + ": zeros " + dz + " pJ vs random " + dr + " pJ on chip");
            }
            CoreRun s = CoreRun.measure(sys, random, 10_000_000, tech), g = CoreRun.measure(gpu, random, 10_000_000, tech);
            System.out.printf("16x24x16 GEMM: systolic 4x4 %.2f pJ/MAC, SIMT 2x4 %.2f pJ/MAC%n", s.pjPerMac(), g.pjPerMac());
            assertTrue(g.pjPerMac() > 2 * s.pjPerMac(), "SIMT pays for instruction supply: " + g.pjPerMac() + " vs " + s.pjPerMac());
            var b = g.energy().breakdown();
            assertTrue(b.get("instruction") > 0.05 * g.energyPj() && b.get("regfile") > 0.05 * g.energyPj(),
                    "instruction supply and register files are visible in the SIMT breakdown: " + b);
            assertEquals(0.0, s.energy().breakdown().get("regfile"), 1e-9, "the systolic core has no register file");
        }
    }
}
