package io.rtlbench.tools.energy;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.testbenches.demo.MatMulGolden;
import io.rtlbench.testbenches.simt.SimtKernels;
import io.rtlbench.testbenches.simt.SimtMachine;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The GPU ladder on one GEMM (size from -Drtlbench.ladderN, default 64; the measurement is 256):
 * the same SIMT core with the scalar, dp4a and tensor datapaths, each with its own kernel, verified,
 * on the toggle-counting build; energy through the energy model (45 nm table). Prints cycles,
 * MACs/cycle, pJ/MAC and the breakdown; asserts the ladder's order (each step fewer cycles and less
 * energy per MAC than the one before). Slow: three toggle-counting builds.
 */
@Tag("slow")
class SimtDatapathEnergyTest {
    static final int N = Integer.getInteger("rtlbench.ladderN", 64);
    static final String SPEC = System.getProperty("rtlbench.ladderSimt", "4x8");

    @Test void scalarDp4aTensorLadder() {
        Random rnd = new Random(1);
        byte[][] a = MatMulGolden.random(rnd, N, N), b = MatMulGolden.random(rnd, N, N);
        int[][] want = MatMulGolden.multiply(a, b);
        TechTable tech = TechTable.of("45nm");
        Map<SimtConfig.Datapath, double[]> got = new EnumMap<>(SimtConfig.Datapath.class);
        for (SimtConfig.Datapath d : SimtConfig.Datapath.values()) {
            SimtConfig cfg = SimtConfig.parse(SPEC).withDatapath(d);
            long bytes = Long.highestOneBit(2L * N * N + 4L * N * N + (1 << 16)) << 1;
            cfg = cfg.withOffchip(cfg.offchip().withSize(Math.max(bytes, 1 << 20)));
            try (SimtMachine m = new SimtMachine(cfg, new BuildOptions(false, true))) {
                Simulator sim = m.simulator();
                sim.enableToggles(true);
                sim.clearToggles();
                long c0 = sim.cycle();
                var run = SimtKernels.gemm(m, a, b, 4_000_000_000L);
                long counted = sim.cycle() - c0;
                assertNull(MatMulGolden.firstMismatch(want, run.output()), d + ": not bit-exact");
                var r = run.counters();
                long macs = (long) N * N * N;
                EnergyReport e = EnergyRun.estimate(sim, counted, r.bytesRead() + r.bytesWritten(), macs, tech);
                System.out.printf("%s,%s gemm %d^3: %,d cycles, %.3f MACs/cycle, %,d warp instructions, off-chip %,d B, %.2f pJ/MAC (%.0f pJ)%n",
                        SPEC, d.label(), N, r.cycles(), (double) macs / r.cycles(), r.warpInstrs(), r.bytesRead() + r.bytesWritten(),
                        e.pjPerMac(), e.totalPj());
                StringBuilder bd = new StringBuilder("  breakdown pJ/MAC:");
                e.breakdownByKey().forEach((k, v) -> bd.append(String.format(" %s %.2f", k, v / macs)));
                System.out.println(bd);
                System.out.println("  top modules (pJ): " + e.topModules(6));
                got.put(d, new double[] {r.cycles(), e.pjPerMac()});
            }
        }
        double[] s = got.get(SimtConfig.Datapath.SCALAR), p = got.get(SimtConfig.Datapath.DP4A), t = got.get(SimtConfig.Datapath.TENSOR);
        System.out.printf("ladder: cycles scalar/dp4a %.2fx, dp4a/tensor %.2fx; pJ/MAC scalar/dp4a %.2fx, dp4a/tensor %.2fx%n",
                s[0] / p[0], p[0] / t[0], s[1] / p[1], p[1] / t[1]);
        assertTrue(p[0] < s[0] && t[0] < p[0], "each datapath step takes fewer cycles");
        assertTrue(p[1] < s[1] && t[1] < p[1], "each datapath step costs less energy per MAC");
    }
}
