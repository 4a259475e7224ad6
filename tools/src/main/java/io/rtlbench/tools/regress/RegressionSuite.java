package io.rtlbench.tools.regress;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.testbenches.bench.BenchSetup;
import io.rtlbench.testbenches.bench.CoreBench;
import io.rtlbench.testbenches.bench.CoreSpec;
import io.rtlbench.testbenches.data.DataPattern;
import io.rtlbench.testbenches.workloads.Layer;
import io.rtlbench.testbenches.workloads.LayerTensors;
import io.rtlbench.tools.energy.TechTable;
import io.rtlbench.tools.results.CoreRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The regression suite: a fixed set of (workload x core config) runs whose cycle counts must stay
 * exactly the same and whose energy may move only within a tolerance, compared with the committed
 * baselines ({@code regression/baselines.json}). A change that moves them must say why and update
 * the baselines explicitly ({@code rtlbench regress --update}).
 */
public final class RegressionSuite {
    public static final double ENERGY_TOLERANCE = 0.01;

    /** What a case pins: counts compared exactly, energies within {@link #ENERGY_TOLERANCE} (relative). */
    public record Metrics(Long totalCycles, Long computeCycles, Long offchipBytes, Long macs, Double energyPj, Double pjPerMac) {
        static Metrics of(CoreRun r) {
            return new Metrics(r.totalCycles(), r.computeCycles(), r.offchipBytes(), r.macs(), r.energyPj(), r.pjPerMac());
        }

        Map<String, Long> exact() {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("total_cycles", totalCycles);
            m.put("compute_cycles", computeCycles);
            m.put("offchip_bytes", offchipBytes);
            m.put("macs", macs);
            return m;
        }

        Map<String, Double> approx() {
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("energy_pj", energyPj);
            m.put("pj_per_mac", pjPerMac);
            return m;
        }
    }

    record Case(String name, String core, String config, Layer layer, int bandwidth) {}

    private static final List<Case> CASES = List.of(
            new Case("gemm16x24x16.systolic4x4ws", "systolic", "4x4,ws", gemm(16, 24, 16), 16),
            new Case("gemm16x24x16.systolic4x4ws.bw2", "systolic", "4x4,ws", gemm(16, 24, 16), 2),
            new Case("gemm13x7x5.systolic4x4ws", "systolic", "4x4,ws", gemm(13, 7, 5), 16),
            new Case("gemm16x24x16.simt2x4", "simt", "2x4", gemm(16, 24, 16), 16),
            new Case("gemm13x7x5.simt2x4", "simt", "2x4", gemm(13, 7, 5), 16));

    private RegressionSuite() {}

    private static Layer gemm(int m, int k, int n) { return new Layer("gemm", Layer.Kind.GEMM, new Layer.Gemm(m, k, n), 1); }

    /** Runs every case (random INT8 data, seed 1, 45 nm) and returns name -> metrics. */
    public static Map<String, Metrics> run() {
        List<LayerTensors> tensors = new ArrayList<>();
        for (Case c : CASES) tensors.add(LayerTensors.of(c.layer(), DataPattern.RANDOM, new Random(1)));
        var jobs = tensors.stream().map(LayerTensors::job).toList();
        Map<String, Metrics> out = new LinkedHashMap<>();
        TechTable tech = TechTable.of("45nm");
        BenchSetup setup = new BenchSetup(BenchSetup.DEFAULT_LATENCY, new BuildOptions(false, true));
        Map<String, CoreBench> benches = new LinkedHashMap<>();
        try {
            for (int i = 0; i < CASES.size(); i++) {
                Case c = CASES.get(i);
                CoreBench b = benches.computeIfAbsent(c.core() + c.config(), k -> CoreBench.open(CoreSpec.parse(c.core(), c.config(), "case"), setup, jobs));
                b.offchipBandwidth(c.bandwidth());
                CoreRun run = CoreRun.measure(b, jobs.get(i), 50_000_000, tech);
                if (!run.verified()) throw new IllegalStateException(c.name() + " does not verify: " + run.firstMismatch());
                out.put(c.name(), Metrics.of(run));
            }
        } finally {
            benches.values().forEach(CoreBench::close);
        }
        return out;
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
            for (String k : oldExact.keySet())
                if (!oldExact.get(k).equals(newExact.get(k)))
                    diffs.add(String.format("%s: %s changed from %d to %d (exact metric)", e.getKey(), k, oldExact.get(k), newExact.get(k)));
            Map<String, Double> oldApprox = base.approx(), newApprox = e.getValue().approx();
            for (String k : oldApprox.keySet()) {
                double old = oldApprox.get(k), cur = newApprox.get(k);
                if (Math.abs(cur - old) > ENERGY_TOLERANCE * Math.abs(old))
                    diffs.add(String.format("%s: %s changed from %.4f to %.4f (%+.2f%%, tolerance %.0f%%)", e.getKey(), k, old, cur,
                            100 * (cur - old) / old, 100 * ENERGY_TOLERANCE));
            }
        }
        for (String k : baselines.keySet())
            if (!now.containsKey(k)) diffs.add(k + ": in the baselines but no longer run");
        return diffs;
    }
}
