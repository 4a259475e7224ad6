package io.rtlbench.tools.results;

import io.rtlbench.tools.energy.Category;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One core's whole workload: sums over its layer runs (repeats included) and the rates they give.
 * IPC is the cycle-weighted mean of the layers' IPC (SIMT only).
 */
public record CoreTotals(boolean verified, long macs, long totalCycles, long computeCycles, long offchipBytes, double energyPj,
                         double dynamicPj, long cycles, double macsPerCycle, double utilization, double pjPerMac,
                         Map<String, Double> breakdown, Double ipc) {

    public static CoreTotals of(List<CoreRun> runs, double peakMacsPerCycle) {
        long macs = 0, cycles = 0, compute = 0, bytes = 0;
        double energy = 0, dynamic = 0, ipcCycles = 0;
        boolean verified = true, allIpc = !runs.isEmpty();
        Map<String, Double> breakdown = new LinkedHashMap<>();
        for (Category c : Category.values()) breakdown.put(c.key(), 0.0);
        for (CoreRun r : runs) {
            verified &= r.verified();
            macs += r.macs();
            cycles += r.totalCycles();
            compute += r.computeCycles();
            bytes += r.offchipBytes();
            if (r.energy() != null) {
                energy += r.energy().energyPj();
                dynamic += r.energy().dynamicPj();
                r.energy().breakdown().forEach((k, v) -> breakdown.merge(k, v, Double::sum));
            }
            if (r.ipc() == null) allIpc = false;
            else ipcCycles += r.ipc() * r.totalCycles();
        }
        return new CoreTotals(verified, macs, cycles, compute, bytes, energy, dynamic, cycles, (double) macs / cycles,
                macs / (peakMacsPerCycle * cycles), energy / macs, breakdown, allIpc ? ipcCycles / cycles : null);
    }
}
