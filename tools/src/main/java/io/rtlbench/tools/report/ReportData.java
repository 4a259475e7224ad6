package io.rtlbench.tools.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A typed view of the compare result (the Map that {@code rtlbench compare --json} writes), so the
 * page and charts never dig in raw maps. Missing or mistyped keys fail with the JSON path, e.g.
 * "compare result: layers[2].simt.energy_pj is missing". Optional: {@code ipc}, {@code bandwidth_sweep},
 * the peak keys of {@code config} (without them the roofline has no compute roof).
 */
public record ReportData(String workload, double scale, Map<String, Object> config, List<LayerRow> layers,
                         Run systolic, Run simt, double speedup, double energyRatio, List<SweepPoint> sweep) {
    /** Energy breakdown categories, in stacking order (pJ each). */
    public static final List<String> CATEGORIES =
            List.of("compute", "sram", "regfile", "control", "instruction", "clock", "leakage", "offchip");

    /** One core's run (a layer or the totals). ipc is NaN when absent (the systolic core has none). */
    public record Run(boolean verified, double totalCycles, double computeCycles, double macsPerCycle, double utilization,
                      double offchipBytes, double energyPj, double pjPerMac, double ipc, Map<String, Double> breakdown) {
        /** Share (0..1) of this run's energy in a breakdown category. */
        public double share(String category) {
            double sum = breakdown.values().stream().mapToDouble(Double::doubleValue).sum();
            return sum > 0 ? breakdown.getOrDefault(category, 0.0) / sum : 0;
        }
    }

    /** One layer: shape, both runs and the ratios (speedup = SIMT cycles / systolic cycles, energy_ratio likewise). */
    public record LayerRow(String name, String spec, double macs, double intensity, Run systolic, Run simt,
                           double speedup, double energyRatio) {}

    /** One point of the off-chip bandwidth sweep (bytes/cycle). */
    public record SweepPoint(double offchipBw, double systolicCycles, double simtCycles, double systolicPjPerMac, double simtPjPerMac) {}

    public static ReportData of(Map<String, Object> m) {
        Node root = new Node("", m);
        List<LayerRow> layers = new ArrayList<>();
        List<Object> ls = root.list("layers");
        for (int i = 0; i < ls.size(); i++) {
            Node l = root.at("layers[" + i + "]", ls.get(i));
            Node r = l.obj("ratios");
            layers.add(new LayerRow(l.str("name"), l.str("spec"), l.num("macs"), l.num("arithmetic_intensity"),
                    run(l.obj("systolic")), run(l.obj("simt")), r.num("speedup"), r.num("energy_ratio")));
        }
        if (layers.isEmpty()) throw new IllegalArgumentException("compare result: no layers");
        List<SweepPoint> sweep = new ArrayList<>();
        if (m.containsKey("bandwidth_sweep")) {
            List<Object> ss = root.list("bandwidth_sweep");
            for (int i = 0; i < ss.size(); i++) {
                Node p = root.at("bandwidth_sweep[" + i + "]", ss.get(i));
                sweep.add(new SweepPoint(p.num("offchip_bw"), p.num("systolic_cycles"), p.num("simt_cycles"),
                        p.num("systolic_pj_per_mac"), p.num("simt_pj_per_mac")));
            }
        }
        Node ratios = root.obj("ratios");
        return new ReportData(root.str("workload"), root.num("scale"), root.obj("config").map, layers,
                run(root.obj("systolic")), run(root.obj("simt")), ratios.num("speedup"), ratios.num("energy_ratio"), sweep);
    }

    /** A number from config, or NaN when absent. */
    public double configNum(String key) {
        return config.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static Run run(Node n) {
        Node b = n.obj("breakdown");
        Map<String, Double> breakdown = new LinkedHashMap<>();
        for (String c : CATEGORIES) breakdown.put(c, b.num(c));
        double ipc = n.map.containsKey("ipc") ? n.num("ipc") : Double.NaN;
        return new Run(n.bool("verified"), n.num("total_cycles"), n.num("compute_cycles"), n.num("macs_per_cycle"),
                n.num("utilization"), n.num("offchip_bytes"), n.num("energy_pj"), n.num("pj_per_mac"), ipc, breakdown);
    }

    /** A JSON object with its path, for error messages. */
    private record Node(String path, Map<String, Object> map) {
        @SuppressWarnings("unchecked")
        Node at(String childPath, Object v) {
            if (!(v instanceof Map)) throw new IllegalArgumentException("compare result: " + childPath + " must be an object");
            return new Node(childPath, (Map<String, Object>) v);
        }

        private Object get(String key) {
            if (!map.containsKey(key) || map.get(key) == null)
                throw new IllegalArgumentException("compare result: " + p(key) + " is missing");
            return map.get(key);
        }

        Node obj(String key) { return at(p(key), get(key)); }

        String p(String key) { return path.isEmpty() ? key : path + "." + key; }

        @SuppressWarnings("unchecked")
        List<Object> list(String key) {
            if (!(get(key) instanceof List)) throw new IllegalArgumentException("compare result: " + p(key) + " must be an array");
            return (List<Object>) map.get(key);
        }

        double num(String key) {
            if (!(get(key) instanceof Number n)) throw new IllegalArgumentException("compare result: " + p(key) + " must be a number, got " + map.get(key));
            return n.doubleValue();
        }

        String str(String key) { return String.valueOf(get(key)); }

        boolean bool(String key) {
            if (!(get(key) instanceof Boolean b)) throw new IllegalArgumentException("compare result: " + p(key) + " must be true or false");
            return b;
        }
    }
}
