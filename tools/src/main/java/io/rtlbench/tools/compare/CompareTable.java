package io.rtlbench.tools.compare;

import io.rtlbench.tools.energy.Category;
import io.rtlbench.tools.results.CoreTotals;
import io.rtlbench.tools.results.Ratios;

/** The side-by-side text table of a comparison (per layer, totals, energy breakdown, memory wall). */
final class CompareTable {
    private CompareTable() {}

    static String render(CompareResult r) {
        StringBuilder s = new StringBuilder(String.format("%nformat %s, tech %s (%s GHz), memory %s%n", r.config().format(), r.config().tech(),
                r.config().clockGhz(), r.config().memory() == null ? "none (--offchip-bw/--offchip-latency)" : r.config().memory()));
        s.append(String.format("%-26s %-9s %12s %9s %7s %11s %9s %9s %9s%n", "layer (GEMM MxKxN x rep)", "core", "cycles",
                "MACs/cyc", "util", "offchip B", "pJ/MAC", "speed-up", "energy x"));
        for (LayerResult l : r.layers()) {
            String shape = l.gemm() + (l.repeat() > 1 ? " x" + l.repeat() : "");
            s.append(row(l.name(), "systolic", l.systolic().verified(), l.systolic().totalCycles(), l.systolic().macsPerCycle(),
                    l.systolic().utilization(), l.systolic().offchipBytes(), l.systolic().pjPerMac(), sampled(l.systolic())));
            s.append(row("  " + shape, "simt", l.simt().verified(), l.simt().totalCycles(), l.simt().macsPerCycle(), l.simt().utilization(),
                    l.simt().offchipBytes(), l.simt().pjPerMac(), ratios(l.ratios()) + sampled(l.simt())));
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
        if (r.gpuVariants() != null) {
            s.append(String.format("%nGPU variants (whole workload at %d B/cycle, against systolic %s):%n  %-18s %14s %9s %7s %9s %9s %9s%n",
                    r.config().offchipBw(), r.config().systolic(), "SIMT", "cycles", "MACs/cyc", "util", "pJ/MAC", "speed-up", "energy x"));
            s.append(variant(r.config().simt(), gt, r.ratios()));
            for (CompareResult.GpuVariant v : r.gpuVariants()) s.append(variant(v.simt(), v.totals(), v.ratios()));
            s.append(String.format("  energy breakdown, pJ/MAC:%n  %-18s", ""));
            for (Category c : Category.values()) s.append(String.format(" %11s", c.key()));
            s.append('\n').append(breakdown(r.config().simt(), gt));
            for (CompareResult.GpuVariant v : r.gpuVariants()) s.append(breakdown(v.simt(), v.totals()));
            s.append(breakdown(r.config().systolic(), st));
        }
        if (r.area() != null) {
            CompareResult.CoreSilicon a = r.area().systolic(), b = r.area().simt();
            s.append(String.format("%nsilicon (%s; totals of the whole workload):%n  %-26s %12s %12s%n", r.area().tech(), "", "systolic", "simt"));
            s.append(String.format("  %-26s %12.4f %12.4f%n", "area (mm^2)", a.areaMm2(), b.areaMm2()));
            s.append(String.format("  %-26s %12.4f %12.4f%n", "TOPS (achieved)", a.tops(), b.tops()));
            s.append(String.format("  %-26s %12.4f %12.4f%n", "TOPS (peak)", a.peakTops(), b.peakTops()));
            s.append(String.format("  %-26s %12.4f %12.4f%n", "power (W)", a.watts(), b.watts()));
            s.append(String.format("  %-26s %12.3f %12.3f%n", "TOPS/W", a.topsPerW(), b.topsPerW()));
            s.append(String.format("  %-26s %12.3f %12.3f%n", "TOPS/mm^2", a.topsPerMm2(), b.topsPerMm2()));
            var iso = r.area().iso();
            s.append(String.format("  iso-area: %.2f SIMT cores fit in the systolic area: %.2f MACs/cycle together (%s-bound, %.0f B/cycle shared);"
                    + " systolic %.1fx faster%n", iso.simtCoresInSystolicArea(), iso.isoAreaSimtMacsPerCycle(), iso.isoAreaBoundBy(),
                    iso.sharedOffchipBytesPerCycle(), iso.isoAreaSpeedup()));
            s.append(String.format("  iso-power: %.2f SIMT cores in the systolic power: %.2f MACs/cycle together (%s-bound); systolic %.1fx faster%n",
                    iso.simtCoresInSystolicPower(), iso.isoPowerSimtMacsPerCycle(), iso.isoPowerBoundBy(), iso.isoPowerSpeedup()));
            s.append('\n').append(io.rtlbench.tools.energy.SiliconComparison.table(r.area().heldAgainstSilicon()));
        }
        if (r.memoryPreset() != null) {
            var m = r.memoryPreset();
            s.append(String.format("%nmemory %s (%s): %d B/cycle per core (share %.1f%s), %d cycles latency, %.2f pJ/byte; source: %s%n", m.memory(),
                    m.reference(), m.bytesPerCycle(), m.shareBytesPerCycle(), m.cappedByBus() ? ", capped by the " + BUS + "-byte bus" : "",
                    m.latencyCycles(), m.pjPerByte(), m.source()));
        }
        return s.toString();
    }

    private static final int BUS = io.rtlbench.testbenches.bench.BenchSetup.BUS_BYTES;

    private static String variant(String name, CoreTotals t, Ratios r) {
        return String.format("  %-18s %,14d %9.2f %6.1f%% %9.3f %8.1fx %8.1fx%s%n", name, t.totalCycles(), t.macsPerCycle(), 100 * t.utilization(),
                t.pjPerMac(), r.speedup(), r.energyRatio(), t.verified() ? "" : " MISMATCH");
    }

    private static String breakdown(String name, CoreTotals t) {
        StringBuilder b = new StringBuilder(String.format("  %-18s", name));
        for (Category c : Category.values()) b.append(String.format(" %11.3f", t.breakdown().get(c.key()) / t.macs()));
        return b.append('\n').toString();
    }

    /** A sampled run's mark: tiles emulated of the total and the 95% interval of its cycles. */
    static String sampled(io.rtlbench.tools.results.CoreRun r) {
        var s = r.sampling();
        if (s == null || !s.sampled()) return "";
        return String.format("  ~sampled %d/%d tiles, cycles +-%.1f%%", s.tilesEmulated(), s.tilesTotal(), 100 * s.cyclesCi());
    }

    private static String ratios(Ratios r) { return String.format("%8.1fx %8.1fx", r.speedup(), r.energyRatio()); }

    private static String row(String name, String core, boolean verified, long cycles, double macsPerCycle, double util, long offchip,
                              double pjPerMac, String tail) {
        return String.format("%-26s %-9s %,12d %9.2f %6.1f%% %,11d %9.3f %s%s%n", name.length() > 26 ? name.substring(0, 26) : name,
                core, cycles, macsPerCycle, 100 * util, offchip, pjPerMac, verified ? "" : "MISMATCH ", tail);
    }
}
