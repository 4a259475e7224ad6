package io.rtlbench.tools.report;

import static io.rtlbench.tools.report.SvgChart.esc;

import io.rtlbench.tools.report.ReportData.LayerRow;
import io.rtlbench.tools.report.ReportData.Run;
import java.util.Locale;
import java.util.Map;

/**
 * The self-contained report page: inline CSS, the configuration, a totals table (both cores side by
 * side), a per-layer table with the winner on cycles and on energy and why ({@link Verdict}), and the
 * charts inlined as SVG. Written as well-formed XHTML-compatible markup (no network resources).
 */
final class HtmlPage {
    static final String CSS = """
            body{font-family:Helvetica,Arial,sans-serif;margin:24px;color:#222;max-width:1340px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:26px 0 8px;border-bottom:1px solid #ddd}
            .cfg{color:#555;font-size:13px}table{border-collapse:collapse;font-size:12.5px}
            th,td{border:1px solid #d4d4d4;padding:4px 7px;text-align:right;vertical-align:top}
            th{background:#f2f4f7}td.l,th.l{text-align:left}.sys{color:#2463a8;font-weight:bold}
            .simt{color:#e07020;font-weight:bold}.why{text-align:left;color:#444;max-width:420px}
            .bad{color:#b00;font-weight:bold}.charts{display:flex;flex-wrap:wrap;gap:14px}
            .charts figure{margin:0;border:1px solid #e2e2e2}figcaption{font-size:12px;color:#555;padding:2px 8px 6px;max-width:620px}
            """;

    private HtmlPage() {}

    static String render(ReportData d, Map<String, String> charts, Map<String, String> captions) {
        double sysPeak = d.configNum("systolic_peak_macs_per_cycle"), simtPeak = d.configNum("simt_peak_macs_per_cycle");
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(esc("rtlbench: " + d.workload())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc("Systolic ASIC vs SIMT GPU: " + d.workload())).append("</h1>\n<p class=\"cfg\">");
        h.append(esc("scale " + d.scale()));
        for (var e : d.config().entrySet()) h.append(" &#183; ").append(esc(e.getKey() + " " + e.getValue()));
        h.append("</p>\n");
        totals(h, d, Verdict.of(d.systolic(), d.simt(), sysPeak, simtPeak));
        layers(h, d, sysPeak, simtPeak);
        memoryWall(h, d);
        SiliconSection.render(h, d.extras());
        h.append("<h2>Charts</h2>\n<div class=\"charts\">\n");
        for (var e : charts.entrySet())
            h.append("<figure id=\"").append(esc(e.getKey())).append("\">\n").append(e.getValue())
                    .append("<figcaption>").append(esc(captions.getOrDefault(e.getKey(), ""))).append("</figcaption>\n</figure>\n");
        h.append("</div>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void totals(StringBuilder h, ReportData d, Verdict v) {
        Run s = d.systolic(), g = d.simt();
        h.append("<h2>Whole workload</h2>\n<table>\n<tr><th class=\"l\">metric</th><th class=\"sys\">systolic</th><th class=\"simt\">SIMT</th><th>SIMT / systolic</th></tr>\n");
        h.append("<tr><td class=\"l\">verified vs golden model</td>").append(ok(s.verified())).append(ok(g.verified())).append("<td></td></tr>\n");
        row(h, "total cycles", s.totalCycles(), g.totalCycles(), true);
        row(h, "compute cycles", s.computeCycles(), g.computeCycles(), true);
        row(h, "MACs / cycle", s.macsPerCycle(), g.macsPerCycle(), true);
        row(h, "utilization", s.utilization(), g.utilization(), false);
        row(h, "off-chip bytes", s.offchipBytes(), g.offchipBytes(), true);
        row(h, "energy (pJ)", s.energyPj(), g.energyPj(), true);
        row(h, "pJ / MAC", s.pjPerMac(), g.pjPerMac(), true);
        if (!Double.isNaN(g.ipc())) h.append("<tr><td class=\"l\">IPC</td><td>").append(Double.isNaN(s.ipc()) ? "-" : num(s.ipc()))
                .append("</td><td>").append(num(g.ipc())).append("</td><td></td></tr>\n");
        h.append("</table>\n<p>").append(String.format(Locale.ROOT, "Speed-up of systolic over SIMT: <b>%sx</b>; energy ratio (SIMT / systolic): <b>%sx</b>.",
                num(d.speedup()), num(d.energyRatio()))).append("<br/>\n");
        h.append("Cycles: <b>").append(esc(v.cycleWinner())).append("</b> wins (").append(esc(v.cycleWhy())).append(").<br/>\n");
        h.append("Energy: <b>").append(esc(v.energyWinner())).append("</b> wins (").append(esc(v.energyWhy())).append(").</p>\n");
    }

    private static void layers(StringBuilder h, ReportData d, double sysPeak, double simtPeak) {
        h.append("<h2>Per layer</h2>\n<table>\n<tr><th class=\"l\" rowspan=\"2\">layer</th><th class=\"l\" rowspan=\"2\">spec</th><th rowspan=\"2\">MACs</th>"
                + "<th rowspan=\"2\">MACs/B</th><th colspan=\"2\">cycles</th><th colspan=\"2\">MACs/cycle</th><th colspan=\"2\">utilization</th>"
                + "<th colspan=\"2\">off-chip bytes</th><th colspan=\"2\">pJ/MAC</th><th rowspan=\"2\">speed-up</th><th rowspan=\"2\">energy ratio</th>"
                + "<th class=\"l\" rowspan=\"2\">wins on cycles / on energy, and why</th></tr>\n<tr>");
        for (int i = 0; i < 5; i++) h.append("<th class=\"sys\">sys</th><th class=\"simt\">simt</th>");
        h.append("</tr>\n");
        for (LayerRow l : d.layers()) {
            Run s = l.systolic(), g = l.simt();
            Verdict v = Verdict.of(s, g, sysPeak, simtPeak);
            h.append("<tr><td class=\"l\">").append(esc(l.name())).append(s.verified() && g.verified() ? "" : " <span class=\"bad\">NOT VERIFIED</span>")
                    .append("</td><td class=\"l\">").append(esc(l.spec())).append("</td><td>").append(num(l.macs())).append("</td><td>")
                    .append(num(l.intensity())).append("</td>");
            pair(h, cycles(s), cycles(g));
            pair(h, num(s.macsPerCycle()), num(g.macsPerCycle()));
            pair(h, pct(s.utilization()), pct(g.utilization()));
            pair(h, num(s.offchipBytes()), num(g.offchipBytes()));
            pair(h, num(s.pjPerMac()), num(g.pjPerMac()));
            h.append("<td>").append(num(l.speedup())).append("x</td><td>").append(num(l.energyRatio())).append("x</td><td class=\"why\">")
                    .append("cycles: <b>").append(esc(v.cycleWinner())).append("</b>, ").append(esc(v.cycleWhy()))
                    .append("<br/>energy: <b>").append(esc(v.energyWinner())).append("</b>, ").append(esc(v.energyWhy())).append("</td></tr>\n");
        }
        h.append("</table>\n<p class=\"cfg\">speed-up = SIMT cycles / systolic cycles; energy ratio = SIMT energy / systolic energy; "
                + "MACs/B = MACs per compulsory off-chip byte (INT8 inputs, weights and outputs once each); "
                + "&#8776; marks a sampled emulation (a verified sample of the layer's tiles; +-: the 95% interval of its cycles).</p>\n");
    }

    /** One sentence on how the answer moves from the lowest to the highest swept bandwidth. */
    private static void memoryWall(StringBuilder h, ReportData d) {
        if (d.sweep().size() < 2) return;
        var lo = d.sweep().stream().min(java.util.Comparator.comparingDouble(ReportData.SweepPoint::offchipBw)).orElseThrow();
        var hi = d.sweep().stream().max(java.util.Comparator.comparingDouble(ReportData.SweepPoint::offchipBw)).orElseThrow();
        h.append("<h2>Memory wall</h2>\n<p>").append(esc(String.format(Locale.ROOT,
                "From %s to %s bytes/cycle off-chip: systolic cycles fall %sx and SIMT cycles %sx; the systolic speed-up moves from %sx to %sx "
                        + "and the pJ/MAC ratio (SIMT / systolic) from %sx to %sx.",
                num(lo.offchipBw()), num(hi.offchipBw()), num(lo.systolicCycles() / hi.systolicCycles()), num(lo.simtCycles() / hi.simtCycles()),
                num(lo.simtCycles() / lo.systolicCycles()), num(hi.simtCycles() / hi.systolicCycles()),
                num(lo.simtPjPerMac() / lo.systolicPjPerMac()), num(hi.simtPjPerMac() / hi.systolicPjPerMac())))).append("</p>\n");
    }

    private static void row(StringBuilder h, String name, double s, double g, boolean ratio) {
        boolean p = name.equals("utilization");
        h.append("<tr><td class=\"l\">").append(esc(name)).append("</td><td>").append(p ? pct(s) : num(s)).append("</td><td>")
                .append(p ? pct(g) : num(g)).append("</td><td>").append(ratio && s > 0 ? num(g / s) + "x" : "").append("</td></tr>\n");
    }

    private static String cycles(Run r) {
        return r.sampled() ? "&#8776;" + num(r.totalCycles()) + " <small>+-" + pct(r.cyclesCi()) + "</small>" : num(r.totalCycles());
    }

    private static void pair(StringBuilder h, String a, String b) { h.append("<td>").append(a).append("</td><td>").append(b).append("</td>"); }

    private static String ok(boolean v) { return v ? "<td>yes</td>" : "<td class=\"bad\">NO</td>"; }

    /** Integers with thousands separators; others with 3 significant digits. */
    static String num(double v) {
        if (Double.isNaN(v)) return "-";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.ROOT, "%,d", (long) v);
        if (Math.abs(v) >= 100) return String.format(Locale.ROOT, "%,.0f", v);
        return Axis.fmt(v);
    }

    private static String pct(double v) { return String.format(Locale.ROOT, "%.1f%%", 100 * v); }
}
