package io.rtlbench.tools.compare;

import io.rtlbench.tools.energy.Category;
import io.rtlbench.tools.results.CoreTotals;
import io.rtlbench.tools.results.Ratios;

/** The side-by-side text table of a comparison (per layer, totals, energy breakdown, memory wall). */
final class CompareTable {
    private CompareTable() {}

    static String render(CompareResult r) {
        StringBuilder s = new StringBuilder("\n");
        s.append(String.format("%-26s %-9s %12s %9s %7s %11s %9s %9s %9s%n", "layer (GEMM MxKxN x rep)", "core", "cycles",
                "MACs/cyc", "util", "offchip B", "pJ/MAC", "speed-up", "energy x"));
        for (LayerResult l : r.layers()) {
            String shape = l.gemm() + (l.repeat() > 1 ? " x" + l.repeat() : "");
            s.append(row(l.name(), "systolic", l.systolic().verified(), l.systolic().totalCycles(), l.systolic().macsPerCycle(),
                    l.systolic().utilization(), l.systolic().offchipBytes(), l.systolic().pjPerMac(), ""));
            s.append(row("  " + shape, "simt", l.simt().verified(), l.simt().totalCycles(), l.simt().macsPerCycle(), l.simt().utilization(),
                    l.simt().offchipBytes(), l.simt().pjPerMac(), ratios(l.ratios())));
        }
        CoreTotals st = r.systolic(), gt = r.simt();
        s.append(row("TOTAL", "systolic", st.verified(), st.totalCycles(), st.macsPerCycle(), st.utilization(), st.offchipBytes(), st.pjPerMac(), ""));
        s.append(row("  (" + r.config().systolic() + " vs " + r.config().simt() + ")", "simt", gt.verified(), gt.totalCycles(),
                gt.macsPerCycle(), gt.utilization(), gt.offchipBytes(), gt.pjPerMac(), ratios(r.ratios())));
        s.append(String.format("%nenergy breakdown, %% of total (%s, %s GHz):%n", r.config().tech(), r.config().clockGhz()));
        s.append(String.format("  %-26s %10s %10s%n", "", "systolic", "simt"));
        for (Category c : Category.values())
            s.append(String.format("  %-26s %9.1f%% %9.1f%%%n", c.label, 100 * st.breakdown().get(c.key()) / st.energyPj(),
                    100 * gt.breakdown().get(c.key()) / gt.energyPj()));
        if (r.bandwidthSweep() != null) {
            s.append(String.format("%nmemory wall (whole workload):%n  %-12s %14s %14s %9s %12s %12s%n", "off-chip B/c",
                    "systolic cyc", "simt cyc", "speed-up", "sys pJ/MAC", "simt pJ/MAC"));
            for (CompareResult.BandwidthPoint p : r.bandwidthSweep())
                s.append(String.format("  %-12s %,14d %,14d %8.1fx %12.3f %12.3f%n", p.offchipBw(), p.systolicCycles(), p.simtCycles(),
                        (double) p.simtCycles() / p.systolicCycles(), p.systolicPjPerMac(), p.simtPjPerMac()));
        }
        return s.toString();
    }

    private static String ratios(Ratios r) { return String.format("%8.1fx %8.1fx", r.speedup(), r.energyRatio()); }

    private static String row(String name, String core, boolean verified, long cycles, double macsPerCycle, double util, long offchip,
                              double pjPerMac, String tail) {
        return String.format("%-26s %-9s %,12d %9.2f %6.1f%% %,11d %9.3f %s%s%n", name.length() > 26 ? name.substring(0, 26) : name,
                core, cycles, macsPerCycle, 100 * util, offchip, pjPerMac, verified ? "" : "MISMATCH ", tail);
    }
}
