package io.rtlbench.testbenches.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sampler on synthetic layers whose tile costs are known exactly (no emulator). */
class SamplerTest {
    /** Tiles in two shapes (every 10th is an edge tile costing half), each cost +-5% noise, a fixed launch cost. */
    static final class Synthetic implements TiledLayer {
        final long[] cost;
        final long launch = 500;
        int measured;

        Synthetic(int n, long seed) {
            Random r = new Random(seed);
            cost = new long[n];
            for (int t = 0; t < n; t++) cost[t] = Math.round((t % 10 == 9 ? 5000 : 10_000) * (0.95 + 0.1 * r.nextDouble()));
        }

        @Override public int tiles() { return cost.length; }
        @Override public String stratum(int t) { return t % 10 == 9 ? "edge" : "full"; }
        @Override public double tilesPerMeasurement() { return 1; }
        @Override public Measurement fixed(MetricProbe p) { return new Measurement(launch, Map.of("energy", 2.0 * launch), null); }
        @Override public Measurement measure(int t, MetricProbe p) {
            measured++;
            return new Measurement(cost[t], Map.of("energy", 2.0 * cost[t]), t == 4242 ? "tile 4242 wrong" : null);
        }
        @Override public Measurement full(MetricProbe p) {
            long sum = launch;
            for (long c : cost) sum += c;
            return new Measurement(sum, Map.of("energy", 2.0 * sum), null);
        }
        long exact() { return full(MetricProbe.NONE).cycles(); }
    }

    @Test void fixedSampleEstimatesWithinItsInterval() {
        int covered = 0;
        for (long seed = 0; seed < 40; seed++) {
            Synthetic s = new Synthetic(1000, seed);
            Estimate e = Sampler.run(s, SampleMode.fixed(30), MetricProbe.NONE, 1000 + seed);
            assertTrue(e.sampled() && e.tilesEmulated() >= 30 && e.tilesEmulated() < 40 && s.measured >= e.tilesEmulated(), e.toString());
            assertTrue(Math.abs(e.cycles() / s.exact() - 1) < 0.02, e.toString());
            assertEquals(2 * e.cycles(), e.metric("energy"), 1e-6 * e.cycles());
            if (e.cyclesLow() <= s.exact() && s.exact() <= e.cyclesHigh()) covered++;
        }
        assertTrue(covered >= 34, "the 95% interval covered the exact total in only " + covered + " of 40 runs");
    }

    @Test void autoMeetsItsTargetOrRunsEverything() {
        Synthetic big = new Synthetic(20_000, 7);
        Estimate e = Sampler.run(big, SampleMode.AUTO, MetricProbe.NONE, 12345);
        assertTrue(e.sampled() && e.cyclesCi() <= Sampler.AUTO_TARGET && e.tilesEmulated() < 2000, e.toString());
        assertTrue(Math.abs(e.cycles() / big.exact() - 1) <= e.cyclesCi(), e + " vs exact " + big.exact());
        Estimate small = Sampler.run(new Synthetic(12, 7), SampleMode.AUTO, MetricProbe.NONE, 7);
        assertFalse(small.sampled(), "12 tiles are cheaper to emulate than to sample: " + small);
        assertEquals(new Synthetic(12, 7).exact(), small.cycles());
    }

    @Test void offRunsEverythingAndMismatchesSurface() {
        Synthetic s = new Synthetic(50, 1);
        Estimate e = Sampler.run(s, SampleMode.OFF, MetricProbe.NONE, 1);
        assertTrue(!e.sampled() && e.cyclesCi() == 0 && e.cycles() == s.exact() && e.verified());
        Estimate bad = Sampler.run(new Synthetic(5000, 1), SampleMode.fixed(4999), MetricProbe.NONE, 1);
        assertTrue(!bad.verified() && bad.firstMismatch().contains("4242"), bad.toString());
    }

    @Test void modesParseWithClearErrors() {
        assertEquals(SampleMode.AUTO, SampleMode.parse("auto"));
        assertEquals(SampleMode.OFF, SampleMode.parse(" OFF "));
        assertEquals(SampleMode.fixed(12), SampleMode.parse("12"));
        var e = assertThrows(IllegalArgumentException.class, () -> SampleMode.parse("0"));
        assertTrue(e.getMessage().contains("auto, off or a positive number"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SampleMode.parse("lots"));
    }

    @Test void studentT() {
        assertEquals(12.706, Stratified.t975(1), 1e-9);
        assertEquals(2.042, Stratified.t975(30), 1e-9);
        assertEquals(2.021, Stratified.t975(40), 0.002);
        assertEquals(1.980, Stratified.t975(120), 0.001);
    }
}
