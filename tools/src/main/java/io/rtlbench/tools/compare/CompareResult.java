package io.rtlbench.tools.compare;

import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.testbenches.data.DataPattern;
import io.rtlbench.testbenches.workloads.WorkloadSet;
import io.rtlbench.tools.energy.Category;
import io.rtlbench.tools.energy.TechTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the comparison's JSON (the schema {@code rtlbench report} reads): config, per-layer runs of
 * both cores (counts scaled by the layer's repeat), totals per core, ratios (speed-up = SIMT cycles /
 * systolic cycles, energy_ratio = SIMT energy / systolic energy) and the bandwidth sweep.
 */
final class CompareResult {
    private static final String[] SUMMED = {"macs", "total_cycles", "compute_cycles", "offchip_bytes", "energy_pj", "dynamic_pj"};

    private CompareResult() {}

    static Map<String, Object> build(String workload, double scale, List<WorkloadSet.Entry> entries, List<LayerTensors> tensors,
                                     CoreRunner sys, CoreRunner gpu, OffChipConfig off, int bw, TechTable tech,
                                     Map<Integer, List<Map<String, Object>>> sysRuns, Map<Integer, List<Map<String, Object>>> gpuRuns,
                                     DataPattern data, long seed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("workload", workload);
        out.put("scale", scale);
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("systolic", sys.label());
        cfg.put("simt", gpu.label());
        cfg.put("offchip_bw", bw);
        cfg.put("offchip_bus_bytes", off.busBytes());
        cfg.put("offchip_latency", off.latencyCycles());
        cfg.put("tech", tech.name());
        cfg.put("clock_ghz", tech.clockGhz());
        cfg.put("systolic_peak_macs_per_cycle", sys.peakMacsPerCycle());
        cfg.put("simt_peak_macs_per_cycle", gpu.peakMacsPerCycle());
        cfg.put("data", data.toString());
        cfg.put("seed", seed);
        out.put("config", cfg);

        List<Map<String, Object>> layers = new ArrayList<>();
        List<Map<String, Object>> sysLayers = new ArrayList<>(), gpuLayers = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            var e = entries.get(i);
            int repeat = e.layer().repeat();
            Map<String, Object> s = repeated(sysRuns.get(bw).get(i), repeat), g = repeated(gpuRuns.get(bw).get(i), repeat);
            sysLayers.add(s);
            gpuLayers.add(g);
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("name", e.name());
            l.put("spec", e.layer().spec());
            l.put("gemm", tensors.get(i).m() + "x" + tensors.get(i).k() + "x" + tensors.get(i).n());
            l.put("repeat", repeat);
            l.put("macs", tensors.get(i).macs() * repeat);
            l.put("arithmetic_intensity", e.layer().arithmeticIntensity());
            l.put("systolic", s);
            l.put("simt", g);
            l.put("ratios", ratios(s, g));
            layers.add(l);
        }
        out.put("layers", layers);
        Map<String, Object> st = totals(sysLayers, sys.peakMacsPerCycle()), gt = totals(gpuLayers, gpu.peakMacsPerCycle());
        out.put("systolic", st);
        out.put("simt", gt);
        out.put("ratios", ratios(st, gt));

        List<Map<String, Object>> sweep = new ArrayList<>();
        for (int b : sysRuns.keySet().stream().sorted().toList()) {
            Map<String, Object> s = totals(scaled(sysRuns.get(b), entries), sys.peakMacsPerCycle());
            Map<String, Object> g = totals(scaled(gpuRuns.get(b), entries), gpu.peakMacsPerCycle());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("offchip_bw", b);
            p.put("systolic_cycles", s.get("total_cycles"));
            p.put("simt_cycles", g.get("total_cycles"));
            p.put("systolic_pj_per_mac", s.get("pj_per_mac"));
            p.put("simt_pj_per_mac", g.get("pj_per_mac"));
            p.put("systolic_utilization", s.get("utilization"));
            p.put("simt_utilization", g.get("utilization"));
            sweep.add(p);
        }
        if (sweep.size() > 1) out.put("bandwidth_sweep", sweep);
        return out;
    }

    static boolean allVerified(Map<String, Object> result) {
        return Boolean.TRUE.equals(((Map<?, ?>) result.get("systolic")).get("verified"))
                && Boolean.TRUE.equals(((Map<?, ?>) result.get("simt")).get("verified"));
    }

    private static List<Map<String, Object>> scaled(List<Map<String, Object>> runs, List<WorkloadSet.Entry> entries) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) out.add(repeated(runs.get(i), entries.get(i).layer().repeat()));
        return out;
    }

    /** A run's additive counts times {@code repeat}; rates unchanged. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> repeated(Map<String, Object> run, int repeat) {
        Map<String, Object> r = new LinkedHashMap<>(run);
        if (repeat == 1) return r;
        for (String k : SUMMED) if (r.get(k) instanceof Number n) r.put(k, n instanceof Double ? n.doubleValue() * repeat : n.longValue() * repeat);
        r.put("cycles", r.get("total_cycles"));
        Map<String, Object> b = new LinkedHashMap<>();
        ((Map<String, Object>) run.get("breakdown")).forEach((k, v) -> b.put(k, ((Number) v).doubleValue() * repeat));
        r.put("breakdown", b);
        r.remove("modules");
        return r;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> totals(List<Map<String, Object>> runs, double peak) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("verified", runs.stream().allMatch(r -> Boolean.TRUE.equals(r.get("verified"))));
        for (String k : SUMMED) {
            boolean dbl = runs.stream().anyMatch(r -> r.get(k) instanceof Double);
            double sum = runs.stream().mapToDouble(r -> ((Number) r.getOrDefault(k, 0)).doubleValue()).sum();
            t.put(k, dbl ? (Object) sum : (Object) (long) sum);
        }
        double cycles = ((Number) t.get("total_cycles")).doubleValue(), macs = ((Number) t.get("macs")).doubleValue();
        t.put("cycles", t.get("total_cycles"));
        t.put("macs_per_cycle", macs / cycles);
        t.put("utilization", macs / (peak * cycles));
        t.put("pj_per_mac", ((Number) t.get("energy_pj")).doubleValue() / macs);
        Map<String, Object> b = new LinkedHashMap<>();
        for (Category c : Category.values())
            b.put(c.key(), runs.stream().mapToDouble(r -> ((Number) ((Map<String, Object>) r.get("breakdown")).getOrDefault(c.key(), 0.0)).doubleValue()).sum());
        t.put("breakdown", b);
        if (runs.stream().allMatch(r -> r.containsKey("ipc")))
            t.put("ipc", runs.stream().mapToDouble(r -> ((Number) r.get("ipc")).doubleValue() * ((Number) r.get("total_cycles")).doubleValue()).sum() / cycles);
        return t;
    }

    static Map<String, Object> ratios(Map<String, Object> sys, Map<String, Object> gpu) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("speedup", ((Number) gpu.get("total_cycles")).doubleValue() / ((Number) sys.get("total_cycles")).doubleValue());
        r.put("energy_ratio", ((Number) gpu.get("energy_pj")).doubleValue() / ((Number) sys.get("energy_pj")).doubleValue());
        r.put("pj_per_mac_ratio", ((Number) gpu.get("pj_per_mac")).doubleValue() / ((Number) sys.get("pj_per_mac")).doubleValue());
        return r;
    }
}
