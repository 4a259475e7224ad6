package io.rtlbench.tools.regress;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.testbenches.bench.BenchSetup;
import io.rtlbench.testbenches.bench.CoreBench;
import io.rtlbench.testbenches.bench.CoreSpec;
import io.rtlbench.testbenches.data.DataPattern;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.workloads.Layer;
import io.rtlbench.testbenches.workloads.LayerTensors;
import io.rtlbench.tools.Parallel;
import io.rtlbench.tools.energy.GateCounts;
import io.rtlbench.tools.energy.TechTable;
import io.rtlbench.testbenches.bench.GemmRun;
import io.rtlbench.tools.results.CoreRun;
import io.rtlbench.tools.results.Energy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The regression suite: a fixed set of (workload x core config) runs whose counters (cycles, each
 * stall cause, bytes, instructions) must stay exactly the same and whose energy, in total and per
 * category, may move only within a tolerance, compared with the committed baselines
 * ({@code regression/baselines.json}). Cases with several back-to-back folds (8x8 64^3, WS and OS,
 * and at 2 B/cycle) pin the stall causes of a pipelined run; the same GEMM in FP8 E4M3 and MXFP4
 * pins the floating-point datapaths, and the SIMT 4x8 GEMM on the dp4a and tensor datapaths and on
 * two cores (2x4x8, a GEMM of two work-groups) pins the SIMT variants. A change that moves them must say why and update
 * the baselines explicitly ({@code rtlbench regress --update}).
 */
public final class RegressionSuite {
    /** Total energy and pJ/MAC: Yosys gate counts feed control, instruction and leakage energy. */
    public static final double ENERGY_TOLERANCE = 0.005;
    /** Per energy category: those computed from counted activity alone are deterministic; those using gate counts get 0.5%. */
    public static final Map<String, Double> CATEGORY_TOLERANCE = Map.of("compute", 1e-6, "sram", 1e-6, "regfile", 1e-6, "clock", 1e-6,
            "offchip", 1e-6, "control", 0.005, "instruction", 0.005, "leakage", 0.005);

    /**
     * What a case pins: every counter of the core exactly (cycles, compute cycles, each stall cause,
     * bytes, instructions), MACs, and energy in total and per category within its tolerance.
     */
    public record Metrics(Long totalCycles, Long computeCycles, Long offchipBytes, Long macs, Double energyPj, Double pjPerMac,
                          Map<String, Long> counters, Map<String, Double> breakdown) {
        static Metrics of(GemmRun r, Energy e) {
            return new Metrics(r.totalCycles(), r.computeCycles(), r.offchipBytes(), r.macs(), e.energyPj(), e.pjPerMac(),
                    new java.util.TreeMap<>(r.counters()), e.breakdown());
        }

        Map<String, Long> exact() {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("total_cycles", totalCycles);
            m.put("compute_cycles", computeCycles);
            m.put("offchip_bytes", offchipBytes);
            m.put("macs", macs);
            counters.forEach((k, v) -> m.put("counters." + k, v));
            return m;
        }

        /** Relative tolerance of each approximate metric. */
        Map<String, double[]> approx() {
            Map<String, double[]> m = new LinkedHashMap<>();
            m.put("energy_pj", new double[] {energyPj, ENERGY_TOLERANCE});
            m.put("pj_per_mac", new double[] {pjPerMac, ENERGY_TOLERANCE});
            breakdown.forEach((k, v) -> m.put("breakdown." + k, new double[] {v, CATEGORY_TOLERANCE.getOrDefault(k, ENERGY_TOLERANCE)}));
            return m;
        }
    }

    /** One run: a layer on a core spec, in a number format (the CLI's names: int8, fp8e4m3, mxfp4...), at an off-chip bandwidth. */
    record Case(String name, String core, String config, Layer layer, int bandwidth, String format) {
        Case(String name, String core, String config, Layer layer, int bandwidth) { this(name, core, config, layer, bandwidth, "int8"); }

        /** Cases sharing a bench: the same core, spec and format (a systolic bench is built for one format). */
        String bench() { return core + " " + config + " " + format; }
    }

    private static final List<Case> CASES = List.of(
            new Case("gemm16x24x16.systolic4x4ws", "systolic", "4x4,ws", gemm(16, 24, 16), 16),
            new Case("gemm16x24x16.systolic4x4ws.bw2", "systolic", "4x4,ws", gemm(16, 24, 16), 2),
            new Case("gemm13x7x5.systolic4x4ws", "systolic", "4x4,ws", gemm(13, 7, 5), 16),
            new Case("gemm64x64x64.systolic8x8ws", "systolic", "8x8,ws", gemm(64, 64, 64), 16),
            new Case("gemm64x64x64.systolic8x8ws.bw2", "systolic", "8x8,ws", gemm(64, 64, 64), 2),
            new Case("gemm64x64x64.systolic8x8os", "systolic", "8x8,os", gemm(64, 64, 64), 16),
            // the floating-point datapaths on the same GEMM as the INT8 8x8 WS case
            new Case("gemm64x64x64.systolic8x8ws.fp8e4m3", "systolic", "8x8,ws", gemm(64, 64, 64), 16, "fp8e4m3"),
            new Case("gemm64x64x64.systolic8x8ws.mxfp4", "systolic", "8x8,ws", gemm(64, 64, 64), 16, "mxfp4"),
            new Case("gemm16x24x16.simt2x4", "simt", "2x4", gemm(16, 24, 16), 16),
            new Case("gemm13x7x5.simt2x4", "simt", "2x4", gemm(13, 7, 5), 16),
            new Case("gemm16x32x16.simt4x8", "simt", "4x8", gemm(16, 32, 16), 16),
            // the SIMT datapaths on the same GEMM as the scalar 4x8 case; two cores on two 16x16 work-groups (one each)
            new Case("gemm16x32x16.simt4x8dp4a", "simt", "4x8,dp4a", gemm(16, 32, 16), 16),
            new Case("gemm16x32x16.simt4x8tensor", "simt", "4x8,tensor", gemm(16, 32, 16), 16),
            new Case("gemm32x32x16.simt2x4x8", "simt", "2x4x8", gemm(32, 32, 16), 16));

    private RegressionSuite() {}

    private static Layer gemm(int m, int k, int n) { return new Layer("gemm", Layer.Kind.GEMM, new Layer.Gemm(m, k, n), 1); }

    /** Runs every case (random INT8 data, seed 1, in its format, 45 nm) and returns name -> metrics. */
    public static Map<String, Metrics> run() {
        try (var prefetch = GateCounts.prefetchWithBuilds()) {  // Yosys alongside the emulator builds and runs
            return runCases();
        }
    }

    private static Map<String, Metrics> runCases() {
        List<GemmJob> jobs = new ArrayList<>();
        for (Case c : CASES) jobs.add(LayerTensors.of(c.layer(), DataPattern.RANDOM, new Random(1)).job(c.format()));
        Map<String, Metrics> out = new LinkedHashMap<>();
        TechTable tech = TechTable.of("45nm");
        BenchSetup setup = new BenchSetup(BenchSetup.DEFAULT_LATENCY, new BuildOptions(false, true));
        // One task per bench (emulator build, Yosys gate counts, its cases), run on every processor: each run
        // starts from power-on, so the figures do not depend on the order or the thread.
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < CASES.size(); i++) groups.computeIfAbsent(CASES.get(i).bench(), k -> new ArrayList<>()).add(i);
        Map<Integer, Metrics> done = new java.util.concurrent.ConcurrentHashMap<>();
        List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
        for (List<Integer> group : groups.values())
            tasks.add(() -> {
                Case first = CASES.get(group.get(0));
                try (CoreBench b = CoreBench.open(CoreSpec.parse(first.core(), first.config(), "case"), setup, jobsOf(first.format(), jobs))) {
                    for (int i : group) {
                        Case c = CASES.get(i);
                        b.offchipBandwidth(c.bandwidth());
                        GemmRun run = b.run(jobs.get(i), 50_000_000);
                        if (!run.verified()) throw new IllegalStateException(c.name() + " does not verify: " + run.firstMismatch());
                        done.put(i, Metrics.of(run, CoreRun.energy(b, run, tech)));
                    }
                }
                return null;
            });
        Parallel.all(tasks, Runtime.getRuntime().availableProcessors(), unused -> {});
        for (int i = 0; i < CASES.size(); i++) out.put(CASES.get(i).name(), done.get(i));
        return out;
    }

    /**
     * The jobs every bench of {@code format} is sized for: all the suite's jobs in that format (a
     * bench's memories, and so the systolic mapper's tiles, depend on the layers it is sized for;
     * INT8 benches are sized for every INT8 case, as they always were).
     */
    private static List<GemmJob> jobsOf(String format, List<GemmJob> jobs) {
        List<GemmJob> mine = new ArrayList<>();
        for (int i = 0; i < CASES.size(); i++) if (CASES.get(i).format().equals(format)) mine.add(jobs.get(i));
        return mine;
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.LinkedHashSet<String> u = new java.util.LinkedHashSet<>(a);
        u.addAll(b);
        return List.copyOf(u);
    }

    /** Differences between a run and the baselines, one readable line each (empty: no regression). */
    public static List<String> compare(Map<String, Metrics> baselines, Map<String, Metrics> now) {
        List<String> diffs = new ArrayList<>();
        for (var e : now.entrySet()) {
            Metrics base = baselines.get(e.getKey());
            if (base == null) {
                diffs.add(e.getKey() + ": no baseline (run 'rtlbench regress --update' and commit regression/baselines.json)");
                continue;
            }
            Map<String, Long> oldExact = base.exact(), newExact = e.getValue().exact();
            for (String k : union(oldExact.keySet(), newExact.keySet()))
                if (!java.util.Objects.equals(oldExact.get(k), newExact.get(k)))
                    diffs.add(String.format("%s: %s changed from %s to %s (exact metric)", e.getKey(), k, oldExact.get(k), newExact.get(k)));
            Map<String, double[]> oldApprox = base.approx(), newApprox = e.getValue().approx();
            for (String k : union(oldApprox.keySet(), newApprox.keySet())) {
                if (!oldApprox.containsKey(k) || !newApprox.containsKey(k)) {
                    diffs.add(String.format("%s: %s is %s", e.getKey(), k, oldApprox.containsKey(k) ? "no longer reported" : "new (no baseline)"));
                    continue;
                }
                double old = oldApprox.get(k)[0], cur = newApprox.get(k)[0], tol = newApprox.get(k)[1];
                if (Math.abs(cur - old) > tol * Math.abs(old) + 1e-9)
                    diffs.add(String.format("%s: %s changed from %.4f to %.4f (%+.4f%%, tolerance %s%%)", e.getKey(), k, old, cur,
                            old == 0 ? 100.0 : 100 * (cur - old) / old, tol < 1e-3 ? "1e-4" : String.valueOf(100 * tol)));
            }
        }
        for (String k : baselines.keySet())
            if (!now.containsKey(k)) diffs.add(k + ": in the baselines but no longer run");
        return diffs;
    }
}
