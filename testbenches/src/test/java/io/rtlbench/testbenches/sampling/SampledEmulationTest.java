package io.rtlbench.testbenches.sampling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.testbenches.systolic.GemmGolden;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.systolic.Requant;
import io.rtlbench.testbenches.systolic.SystolicDriver;
import io.rtlbench.testbenches.systolic.SystolicSizing;
import io.rtlbench.testbenches.systolic.SystolicTiledLayer;
import io.rtlbench.testbenches.systolic.WeightStructure;
import io.rtlbench.testbenches.simt.SimtMachine;
import io.rtlbench.testbenches.simt.SimtTiledLayer;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sampled against full emulation, three layers of different shapes on each core (toggle-counting
 * builds): the sampled estimate of total cycles and of the summed toggle counts (the energy proxy)
 * must lie within 2% of the full run's and the full run's value within the reported 95% interval;
 * every emulated tile verifies. Seed: -Drtlbench.seed.
 */
@Tag("slow")
class SampledEmulationTest {
    static final long SEED = Long.getLong("rtlbench.seed", 20261127L);
    static final int UNITS = Integer.getInteger("rtlbench.sample.units", 6);

    /** Sum of all toggle counters over the interval. */
    static final MetricProbe TOGGLES = new MetricProbe() {
        @Override public void begin(Simulator sim) {
            sim.enableToggles(true);
            sim.clearToggles();
        }

        @Override public Map<String, Double> end(Simulator sim, long cycles) {
            return Map.of("toggles", (double) sim.toggles().values().stream().mapToLong(Long::longValue).sum());
        }
    };

    static void compare(String what, TiledLayer layer) {
        long t0 = System.nanoTime();
        Estimate full = Sampler.run(layer, SampleMode.OFF, TOGGLES, SEED);
        double fullSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        Estimate s = Sampler.run(layer, SampleMode.fixed(UNITS), TOGGLES, SEED);
        double sampledSeconds = (System.nanoTime() - t0) / 1e9;
        String where = what + " (seed " + SEED + "): full " + full + "\n sampled " + s;
        System.out.printf(Locale.ROOT, "%s: %d tiles, %d emulated; cycles full %.0f sampled %.0f (%+.3f%%, CI +-%.3f%%); toggles full %.0f "
                        + "sampled %.0f (%+.3f%%, CI +-%.3f%%); %.1f s full, %.1f s sampled%n", what, s.tilesTotal(), s.tilesEmulated(),
                full.cycles(), s.cycles(), 100 * (s.cycles() / full.cycles() - 1), 100 * s.cyclesCi(), full.metric("toggles"),
                s.metric("toggles"), 100 * (s.metric("toggles") / full.metric("toggles") - 1), 100 * s.metricsCi().get("toggles"),
                fullSeconds, sampledSeconds);
        assertTrue(full.verified() && s.verified(), where);
        assertTrue(s.sampled() && s.tilesEmulated() < s.tilesTotal(), where);
        check("cycles", full.cycles(), s.cycles(), s.cyclesCi(), where);
        check("toggles", full.metric("toggles"), s.metric("toggles"), s.metricsCi().get("toggles"), where);
    }

    static void check(String metric, double exact, double estimate, double ci, String where) {
        assertTrue(Math.abs(estimate - exact) <= 0.02 * exact, metric + " not within 2%: " + where);
        assertTrue(Math.abs(estimate - exact) <= ci * estimate, metric + " outside the reported interval: " + where);
    }

    @Test void systolicLayers() {
        SystolicConfig base = SystolicConfig.of(16, 16, SystolicConfig.Dataflow.WS);
        Random rnd = new Random(SEED);
        GemmJob[] jobs = {
            new GemmJob(GemmGolden.random(rnd, 1024, 256), GemmGolden.random(rnd, 256, 128), null, null),
            new GemmJob(GemmGolden.random(rnd, 3136, 64), GemmGolden.random(rnd, 64, 64), GemmGolden.randomBias(rnd, 64, 4000), new Requant(3, 9, true)),
            new GemmJob(GemmGolden.random(rnd, 196, 512), GemmGolden.random(rnd, 512, 512), null, new Requant(1, 12, false)),
        };
        SystolicSizing.Requirements req = new SystolicSizing.Requirements(0, 0);
        for (GemmJob j : jobs) req = req.max(SystolicSizing.requirements(base, j, WeightStructure.DENSE));
        try (SystolicDriver d = new SystolicDriver(req.applyTo(base), new BuildOptions(false, true))) {
            for (GemmJob j : jobs)
                compare("systolic 16x16 WS " + j.m() + "x" + j.k() + "x" + j.n(), new SystolicTiledLayer(d, j, WeightStructure.DENSE, 50_000_000));
        }
    }

    /** A DMA-bound layer (bias moved in per tile): a tile measured alone takes what it takes inside the full run. */
    @Test void systolicTileMeasurementsMatchTheFullRun() {
        SystolicConfig base = SystolicConfig.of(16, 16, SystolicConfig.Dataflow.WS);
        Random rnd = new Random(SEED);
        GemmJob j = new GemmJob(GemmGolden.random(rnd, 3136, 64), GemmGolden.random(rnd, 64, 64), GemmGolden.randomBias(rnd, 64, 4000),
                new Requant(3, 9, true));
        try (SystolicDriver d = new SystolicDriver(SystolicSizing.requirements(base, j, WeightStructure.DENSE).applyTo(base))) {
            SystolicTiledLayer layer = new SystolicTiledLayer(d, j, WeightStructure.DENSE, 50_000_000);
            long[] exact = layer.exactTileCycles();
            for (int u : new int[] {0, 1, 2, 3, exact.length / 2, exact.length - 2, exact.length - 1}) {
                TiledLayer.Measurement m = layer.measure(u, MetricProbe.NONE);
                System.out.printf("tile %d [%s]: full run %d cycles, measured alone %d%n", u, layer.stratum(u), exact[u], m.cycles());
                assertTrue(m.mismatch() == null && m.cycles() == exact[u], "tile " + u + ": " + m + " vs " + exact[u] + " in the full run");
            }
        }
    }

    @Test void simtLayers() {
        Random rnd = new Random(SEED);
        int[][] shapes = {{64, 64, 64}, {40, 96, 48}, {96, 32, 80}};
        try (SimtMachine m = new SimtMachine(SimtConfig.of(4, 8), new BuildOptions(false, true))) {
            for (int[] s : shapes)
                compare("simt 4x8 " + s[0] + "x" + s[1] + "x" + s[2],
                        new SimtTiledLayer(m, GemmGolden.random(rnd, s[0], s[1]), GemmGolden.random(rnd, s[1], s[2]), 50_000_000));
        }
    }
}
