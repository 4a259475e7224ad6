package io.rtlbench.tools.regress;

import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.testbenches.data.DataPattern;
import io.rtlbench.testbenches.workloads.Layer;
import io.rtlbench.tools.compare.CoreRunner;
import io.rtlbench.tools.compare.LayerTensors;
import io.rtlbench.tools.compare.SimtRunner;
import io.rtlbench.tools.compare.SystolicRunner;
import io.rtlbench.tools.energy.TechTable;
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
    /** Metrics compared exactly. */
    public static final List<String> EXACT = List.of("total_cycles", "compute_cycles", "offchip_bytes", "macs");
    /** Metrics compared with {@link #ENERGY_TOLERANCE} (relative). */
    public static final List<String> APPROX = List.of("energy_pj", "pj_per_mac");
    public static final double ENERGY_TOLERANCE = 0.01;

    record Case(String name, String core, String config, Layer layer, int bandwidth) {}

    private static final List<Case> CASES = List.of(
            new Case("gemm16x24x16.systolic4x4ws", "systolic", "4x4,ws", gemm(16, 24, 16), 0),
            new Case("gemm16x24x16.systolic4x4ws.bw2", "systolic", "4x4,ws", gemm(16, 24, 16), 2),
            new Case("gemm13x7x5.systolic4x4ws", "systolic", "4x4,ws", gemm(13, 7, 5), 0),
            new Case("gemm16x24x16.simt2x4", "simt", "2x4", gemm(16, 24, 16), 0),
            new Case("gemm13x7x5.simt2x4", "simt", "2x4", gemm(13, 7, 5), 0));

    private RegressionSuite() {}

    private static Layer gemm(int m, int k, int n) { return new Layer("gemm", Layer.Kind.GEMM, new Layer.Gemm(m, k, n), 1); }

    /** Runs every case (random INT8 data, seed 1, 45 nm) and returns name -> metrics. */
    public static Map<String, Map<String, Object>> run() {
        List<LayerTensors> tensors = new ArrayList<>();
        for (Case c : CASES) tensors.add(LayerTensors.of(c.layer(), DataPattern.RANDOM, new Random(1)));
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        TechTable tech = TechTable.of("45nm");
        OffChipConfig off = OffChipConfig.defaults();
        Map<String, CoreRunner> runners = new LinkedHashMap<>();
        try {
            for (int i = 0; i < CASES.size(); i++) {
                Case c = CASES.get(i);
                CoreRunner r = runners.computeIfAbsent(c.core() + c.config(), k -> c.core().equals("systolic")
                        ? new SystolicRunner(c.config(), off, tensors, tech) : new SimtRunner(c.config(), off, tensors, tech));
                Map<String, Object> run = r.run(tensors.get(i), c.bandwidth(), 50_000_000);
                if (!Boolean.TRUE.equals(run.get("verified")))
                    throw new IllegalStateException(c.name() + " does not verify: " + run.get("first_mismatch"));
                Map<String, Object> m = new LinkedHashMap<>();
                for (String k : EXACT) m.put(k, run.get(k));
                for (String k : APPROX) m.put(k, run.get(k));
                out.put(c.name(), m);
            }
        } finally {
            runners.values().forEach(CoreRunner::close);
        }
        return out;
    }

    /** Differences between a run and the baselines, one readable line each (empty: no regression). */
    public static List<String> compare(Map<String, Object> baselines, Map<String, Map<String, Object>> now) {
        List<String> diffs = new ArrayList<>();
        for (var e : now.entrySet()) {
            Object b = baselines.get(e.getKey());
            if (!(b instanceof Map<?, ?> base)) {
                diffs.add(e.getKey() + ": no baseline (run 'rtlbench regress --update' and commit regression/baselines.json)");
                continue;
            }
            for (String k : EXACT) {
                long old = ((Number) base.get(k)).longValue(), cur = ((Number) e.getValue().get(k)).longValue();
                if (old != cur) diffs.add(String.format("%s: %s changed from %d to %d (exact metric)", e.getKey(), k, old, cur));
            }
            for (String k : APPROX) {
                double old = ((Number) base.get(k)).doubleValue(), cur = ((Number) e.getValue().get(k)).doubleValue();
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
