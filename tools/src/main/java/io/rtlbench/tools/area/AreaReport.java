package io.rtlbench.tools.area;

import io.rtlbench.tools.energy.Category;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The area of one core: total, per category (the energy categories), per instance and per kind
 * (logic, flops, SRAM macros, flop arrays), all in um^2; {@link #toJson(int)} reports mm^2.
 */
public record AreaReport(String tech, EnumMap<Category, Double> byCategory, Map<String, Double> byInstance,
                         Map<String, Double> kinds) {
    /** The kinds of area, in report order. */
    public static final List<String> KINDS = List.of("logic", "flops", "sram_macros", "flop_arrays");

    public double totalUm2() { return byCategory.values().stream().mapToDouble(Double::doubleValue).sum(); }

    public double areaMm2() { return totalUm2() * 1e-6; }

    /** The {@code n} largest instances by area in mm^2 (the rest as "(others)"). */
    public Map<String, Double> topInstancesMm2(int n) {
        List<Map.Entry<String, Double>> sorted = byInstance.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++)
            out.merge(i < n ? (sorted.get(i).getKey().isEmpty() ? "(top)" : sorted.get(i).getKey()) : "(others)",
                    sorted.get(i).getValue() * 1e-6, Double::sum);
        return out;
    }

    /** {@code area_mm2}, {@code area_tech}, {@code area_breakdown_mm2} (category key -> mm^2), {@code area_kinds_mm2}, {@code area_top_instances_mm2}. */
    public Map<String, Object> toJson(int topN) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("area_mm2", areaMm2());
        j.put("area_tech", tech);
        Map<String, Object> b = new LinkedHashMap<>();
        for (Category c : Category.values()) b.put(c.key(), byCategory.getOrDefault(c, 0.0) * 1e-6);
        j.put("area_breakdown_mm2", b);
        Map<String, Object> k = new LinkedHashMap<>();
        kinds.forEach((key, um2) -> k.put(key, um2 * 1e-6));
        j.put("area_kinds_mm2", k);
        j.put("area_top_instances_mm2", topInstancesMm2(topN));
        return j;
    }

    public String table(int topN) {
        StringBuilder s = new StringBuilder(String.format("area (%s): %.4f mm^2%n", tech, areaMm2()));
        double total = totalUm2();
        for (Category c : Category.values()) {
            double v = byCategory.getOrDefault(c, 0.0);
            if (v > 0) s.append(String.format("  %-26s %10.4f mm^2 %6.1f%%%n", c.label, v * 1e-6, 100 * v / total));
        }
        kinds.forEach((k, v) -> s.append(String.format("  %-26s %10.4f mm^2%n", "(" + k + ")", v * 1e-6)));
        topInstancesMm2(topN).forEach((k, v) -> s.append(String.format("  %-40s %10.4f mm^2%n", k, v)));
        return s.toString();
    }
}
