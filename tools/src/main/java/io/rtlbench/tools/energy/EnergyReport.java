package io.rtlbench.tools.energy;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The energy of one run: total, per MAC, by category and by module instance, with the technology
 * and clock it assumes ({@code Energy} in the result records carries it into the JSON);
 * {@link #table(int)} gives a text table.
 */
public record EnergyReport(String tech, double clockGhz, long cycles, long macs, EnumMap<Category, Double> breakdown,
                           Map<String, Double> modules) {

    public double totalPj() { return breakdown.values().stream().mapToDouble(Double::doubleValue).sum(); }

    /** Everything but leakage. */
    public double dynamicPj() { return totalPj() - breakdown.getOrDefault(Category.LEAKAGE, 0.0); }

    public double pjPerMac() { return macs == 0 ? Double.NaN : totalPj() / macs; }

    /** Average power in mW at {@link #clockGhz()}: pJ per ns. */
    public double averagePowerMw() { return cycles == 0 ? 0 : totalPj() * clockGhz / cycles; }

    /** The top {@code n} instances by energy (the rest summed as "(others)"). */
    public Map<String, Double> topModules(int n) {
        List<Map.Entry<String, Double>> sorted = modules.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (i < n) out.put(sorted.get(i).getKey(), sorted.get(i).getValue());
            else out.merge("(others)", sorted.get(i).getValue(), Double::sum);
        }
        return out;
    }

    /** Picojoules per category, every category present, in report order (JSON keys). */
    public Map<String, Double> breakdownByKey() {
        Map<String, Double> b = new LinkedHashMap<>();
        for (Category c : Category.values()) b.put(c.key(), breakdown.getOrDefault(c, 0.0));
        return b;
    }

    public String table(int topN) {
        StringBuilder s = new StringBuilder();
        double total = totalPj();
        s.append(String.format("energy (%s, %.1f GHz): %,.1f pJ total, %.3f pJ/MAC, %.2f mW average%n",
                tech, clockGhz, total, pjPerMac(), averagePowerMw()));
        for (Category c : Category.values()) {
            double v = breakdown.getOrDefault(c, 0.0);
            s.append(String.format("  %-26s %14.1f pJ %6.1f%%%n", c.label, v, total == 0 ? 0 : 100 * v / total));
        }
        Map<String, Double> top = topModules(topN);
        if (!top.isEmpty())  // a sampled run's estimate has no per-instance list
            s.append("  top instances: ").append(top.entrySet().stream()
                    .map(e -> String.format("%s %.1f pJ", e.getKey().isEmpty() ? "(top)" : e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "))).append('\n');
        return s.toString();
    }
}
