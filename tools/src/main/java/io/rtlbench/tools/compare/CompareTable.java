package io.rtlbench.tools.compare;

import io.rtlbench.tools.energy.Category;
import java.util.List;
import java.util.Map;

/** The side-by-side text table of a comparison (per layer, totals, energy breakdown, memory wall). */
final class CompareTable {
    private CompareTable() {}

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> r) {
        StringBuilder s = new StringBuilder("\n");
        Map<String, Object> cfg = (Map<String, Object>) r.get("config");
        s.append(String.format("%-26s %-9s %12s %9s %7s %11s %9s %9s %9s%n", "layer (GEMM MxKxN x rep)", "core", "cycles",
                "MACs/cyc", "util", "offchip B", "pJ/MAC", "speed-up", "energy x"));
        for (Map<String, Object> l : (List<Map<String, Object>>) r.get("layers")) {
            Map<String, Object> ratios = (Map<String, Object>) l.get("ratios");
            String shape = l.get("gemm") + (((Number) l.get("repeat")).intValue() > 1 ? " x" + l.get("repeat") : "");
            s.append(row(l.get("name").toString(), "systolic", (Map<String, Object>) l.get("systolic"), ""));
            s.append(row("  " + shape, "simt", (Map<String, Object>) l.get("simt"),
                    String.format("%8.1fx %8.1fx", num(ratios, "speedup"), num(ratios, "energy_ratio"))));
        }
        Map<String, Object> ratios = (Map<String, Object>) r.get("ratios");
        s.append(row("TOTAL", "systolic", (Map<String, Object>) r.get("systolic"), ""));
        s.append(row("  (" + cfg.get("systolic") + " vs " + cfg.get("simt") + ")", "simt", (Map<String, Object>) r.get("simt"),
                String.format("%8.1fx %8.1fx", num(ratios, "speedup"), num(ratios, "energy_ratio"))));
        s.append(String.format("%nenergy breakdown, %% of total (%s, %s GHz):%n", cfg.get("tech"), cfg.get("clock_ghz")));
        s.append(String.format("  %-26s %10s %10s%n", "", "systolic", "simt"));
        Map<String, Object> sb = (Map<String, Object>) ((Map<String, Object>) r.get("systolic")).get("breakdown");
        Map<String, Object> gb = (Map<String, Object>) ((Map<String, Object>) r.get("simt")).get("breakdown");
        double st = num((Map<String, Object>) r.get("systolic"), "energy_pj"), gt = num((Map<String, Object>) r.get("simt"), "energy_pj");
        for (Category c : Category.values())
            s.append(String.format("  %-26s %9.1f%% %9.1f%%%n", c.label, 100 * num(sb, c.key()) / st, 100 * num(gb, c.key()) / gt));
        if (r.containsKey("bandwidth_sweep")) {
            s.append(String.format("%nmemory wall (whole workload):%n  %-12s %14s %14s %9s %12s %12s%n", "off-chip B/c",
                    "systolic cyc", "simt cyc", "speed-up", "sys pJ/MAC", "simt pJ/MAC"));
            for (Map<String, Object> p : (List<Map<String, Object>>) r.get("bandwidth_sweep"))
                s.append(String.format("  %-12s %,14d %,14d %8.1fx %12.3f %12.3f%n", p.get("offchip_bw"), ((Number) p.get("systolic_cycles")).longValue(),
                        ((Number) p.get("simt_cycles")).longValue(), num(p, "simt_cycles") / num(p, "systolic_cycles"),
                        num(p, "systolic_pj_per_mac"), num(p, "simt_pj_per_mac")));
        }
        return s.toString();
    }

    private static String row(String name, String core, Map<String, Object> run, String tail) {
        return String.format("%-26s %-9s %,12d %9.2f %6.1f%% %,11d %9.3f %s%s%n", name.length() > 26 ? name.substring(0, 26) : name,
                core, ((Number) run.get("total_cycles")).longValue(), num(run, "macs_per_cycle"), 100 * num(run, "utilization"),
                ((Number) run.get("offchip_bytes")).longValue(), num(run, "pj_per_mac"),
                Boolean.TRUE.equals(run.get("verified")) ? "" : "MISMATCH ", tail);
    }

    private static double num(Map<String, Object> m, String k) { return ((Number) m.get(k)).doubleValue(); }
}
