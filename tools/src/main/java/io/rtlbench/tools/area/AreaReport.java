package io.rtlbench.tools.area;

import io.rtlbench.tools.energy.Category;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The area of one core: total, per category (the energy categories), per instance and per kind
 * (logic, flops, SRAM macros, flop arrays), all in um^2; {@link #summary(int)} reports mm^2.
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

    /**
     * What the JSON and the report carry (snake_case keys: {@code area_mm2}, {@code tech},
     * {@code breakdown_mm2} (category key -> mm^2), {@code kinds_mm2}, {@code top_instances_mm2}).
     */
    public record Summary(double areaMm2, String tech, Map<String, Double> breakdownMm2, Map<String, Double> kindsMm2,
                          Map<String, Double> topInstancesMm2) {}

    public Summary summary(int topN) {
        Map<String, Double> b = new LinkedHashMap<>();
        for (Category c : Category.values()) b.put(c.key(), byCategory.getOrDefault(c, 0.0) * 1e-6);
        Map<String, Double> k = new LinkedHashMap<>();
        kinds.forEach((key, um2) -> k.put(key, um2 * 1e-6));
        return new Summary(areaMm2(), tech, b, k, topInstancesMm2(topN));
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
