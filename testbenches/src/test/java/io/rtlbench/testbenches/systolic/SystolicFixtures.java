package io.rtlbench.testbenches.systolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.rtl.systolic.SystolicConfig.Dataflow;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared fixtures of the systolic tests: one emulator per configuration for the whole test JVM
 * (closed at exit), the seed ({@code -Drtlbench.seed=...}, printed in every failure), and a
 * check that runs a job and compares every element with the golden model.
 */
final class SystolicFixtures {
    static final long SEED = Long.getLong("rtlbench.seed", 20261127L);
    private static final Map<SystolicConfig, SystolicDriver> DRIVERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> DRIVERS.values().forEach(SystolicDriver::close)));
    }

    private SystolicFixtures() {}

    /** R x C with small memories (64-row scratchpads and accumulator, 65,536 commands), so tiling and reuse are exercised. */
    static SystolicConfig small(int r, int c, Dataflow df) {
        SystolicConfig d = SystolicConfig.of(r, c, df);
        return new SystolicConfig(d.array(), new SystolicConfig.Memories(64, 64), d.offchip(), 65536);
    }

    static SystolicDriver driver(SystolicConfig cfg) { return DRIVERS.computeIfAbsent(cfg, SystolicDriver::new); }

    static Random random(String salt) { return new Random(SEED ^ salt.hashCode()); }

    /** Runs {@code job} and asserts it bit-exact; returns the result for counter checks. */
    static SystolicDriver.Result check(SystolicConfig cfg, GemmJob job, String what) {
        SystolicDriver.Result r = driver(cfg).run(job, 5_000_000);
        String where = cfg.rows() + "x" + cfg.cols() + " " + cfg.array().dataflow() + ", " + what + " M=" + job.m() + " K=" + job.k()
                + " N=" + job.n() + ", seed " + SEED + " (-Drtlbench.seed=" + SEED + ")";
        assertNull(GemmGolden.firstMismatch(job.expected(), r.c()), where);
        assertEquals(job.macs(), r.get("macs"), "MAC counter, " + where);
        assertEquals(r.get("total_cycles"), r.get("compute_cycles") + r.get("stall_dma_wait_cycles") + r.get("stall_compute_wait_cycles")
                + r.get("stall_buffer_cycles") + r.get("stall_other_cycles"), "cycles = compute + stalls, " + where + ": " + r.counters());
        return r;
    }

    static GemmJob randomJob(Random rnd, int m, int k, int n, boolean biasAndRequant) {
        byte[][] a = GemmGolden.random(rnd, m, k), b = GemmGolden.random(rnd, k, n);
        if (!biasAndRequant) return new GemmJob(a, b, null, null);
        Requant rq = new Requant(rnd.nextInt(1 << 16) - (1 << 12), 8 + rnd.nextInt(16), rnd.nextBoolean());
        return new GemmJob(a, b, GemmGolden.randomBias(rnd, n, 1 << 20), rq);
    }
}
