package io.rtlbench.tools.results;

import io.rtlbench.tools.energy.EnergyReport;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The energy fields of a run's JSON: total, dynamic (all but leakage), per MAC, average power at the
 * table's clock, the technology table, the breakdown by category and (for single runs) the top
 * instances. All energies in pJ, power in mW.
 */
public record Energy(double energyPj, double dynamicPj, double pjPerMac, double averagePowerMw, String tech, double clockGhz,
                     Map<String, Double> breakdown, Map<String, Double> modules) {
    /** How many instances a run's {@code modules} lists (the rest summed as "(others)"). */
    public static final int TOP_MODULES = 8;

    public static Energy of(EnergyReport e, int topModules) {
        return new Energy(e.totalPj(), e.dynamicPj(), e.pjPerMac(), e.averagePowerMw(), e.tech(), e.clockGhz(), e.breakdownByKey(),
                topModules > 0 ? e.topModules(topModules) : null);
    }

    /** {@code n} copies of the run: energies times n, rates unchanged, instances left out. */
    public Energy times(int n) {
        Map<String, Double> b = new LinkedHashMap<>();
        breakdown.forEach((k, v) -> b.put(k, v * n));
        return new Energy(energyPj * n, dynamicPj * n, pjPerMac, averagePowerMw, tech, clockGhz, b, null);
    }
}
