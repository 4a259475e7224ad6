package io.rtlbench.tools.report;

import io.rtlbench.tools.report.ReportData.LayerRow;
import io.rtlbench.tools.report.ReportData.Run;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The report's charts as SVG strings, keyed by the short name used in the file name
 * ({@code page-<name>.svg}): cycles and energy per layer (grouped bars, log scale when the values
 * span more than 20x), the energy breakdown (100%-stacked bars per layer and core), a roofline
 * (log-log MACs/cycle vs compulsory arithmetic intensity with each core's compute roof and the
 * off-chip bandwidth roof), and the memory wall (cycles and pJ/MAC vs off-chip bandwidth, when the
 * result holds a bandwidth sweep).
 */
final class Charts {
    static final String SYS = "#2463a8", SIMT = "#e07020";
    static final List<String> CATEGORY_COLORS =
            List.of("#4e79a7", "#59a14f", "#edc948", "#b07aa1", "#e15759", "#9c755f", "#bab0ac", "#76b7b2");
    private static final List<String> CORES = List.of("systolic", "SIMT");

    private Charts() {}

    static Map<String, String> all(ReportData d) {
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("cycles", perLayer(d, "Cycles per layer", "cycles", Run::totalCycles));
        charts.put("energy", perLayer(d, "Energy per layer", "energy (pJ)", Run::energyPj));
        charts.put("breakdown", breakdown(d));
        charts.put("roofline", roofline(d));
        if (!d.sweep().isEmpty()) {
            charts.put("memwall", sweep(d, "Memory wall: cycles vs off-chip bandwidth", "cycles", true));
            charts.put("memwall-energy", sweep(d, "Memory wall: pJ/MAC vs off-chip bandwidth", "pJ per MAC", false));
        }
        return charts;
    }

    private static String perLayer(ReportData d, String title, String unit, Function<Run, Double> metric) {
        SvgChart c = new SvgChart(title, Math.max(640, 90 * d.layers().size() + 110), 380);
        List<Double> values = new ArrayList<>();
        for (LayerRow l : d.layers()) { values.add(metric.apply(l.systolic())); values.add(metric.apply(l.simt())); }
        c.yAxis(Axis.auto(values, 20, c.bottom, c.top), unit);
        c.categories(d.layers().stream().map(LayerRow::name).toList(), "layer");
        double base = c.y.log ? c.y.lo : 0;
        for (int i = 0; i < d.layers().size(); i++) {
            double[] b = c.band(i);
            double w = (b[1] - b[0]) / 2;
            LayerRow l = d.layers().get(i);
            double[] v = {metric.apply(l.systolic()), metric.apply(l.simt())};
            for (int k = 0; k < 2; k++) {
                String color = k == 0 ? SYS : SIMT;
                c.bar(b[0] + k * w, w - 2, base, v[k], color, l.name() + " " + CORES.get(k) + ": " + Axis.fmt(v[k]) + " " + unit);
                c.text(b[0] + k * w + w / 2, c.y.px(v[k]) - 4, Axis.fmt(v[k]), "middle", 10, "#333");
            }
        }
        c.legend(CORES, List.of(SYS, SIMT));
        return c.svg();
    }

    private static String breakdown(ReportData d) {
        int bands = d.layers().size() + 1;
        SvgChart c = new SvgChart("Energy breakdown (share of each run's energy)", Math.max(640, 120 * bands + 120), 420, 92, 24, 60);
        c.yAxis(Axis.linear(0, 100, c.bottom, c.top), "% of energy");
        List<String> names = new ArrayList<>(d.layers().stream().map(LayerRow::name).toList());
        names.add("TOTAL");
        c.categories(names, "");
        for (int i = 0; i < bands; i++) {
            double[] b = c.band(i);
            double w = (b[1] - b[0]) / 2;
            Run[] runs = i < d.layers().size()
                    ? new Run[] {d.layers().get(i).systolic(), d.layers().get(i).simt()} : new Run[] {d.systolic(), d.simt()};
            for (int k = 0; k < 2; k++) {
                double acc = 0;
                for (int j = 0; j < ReportData.CATEGORIES.size(); j++) {
                    String cat = ReportData.CATEGORIES.get(j);
                    double share = 100 * runs[k].share(cat);
                    if (share <= 0) continue;
                    c.bar(b[0] + k * w, w - 3, acc, acc + share, CATEGORY_COLORS.get(j), names.get(i) + " " + CORES.get(k) + " " + cat
                            + ": " + Axis.fmt(runs[k].breakdown().get(cat)) + " pJ (" + Math.round(share) + "%)");
                    acc += share;
                }
                c.text(b[0] + k * w + w / 2, c.bottom + 30, k == 0 ? "sys" : "simt", "middle", 10, k == 0 ? SYS : SIMT);
                c.text(b[0] + k * w + w / 2, c.top - 4, Axis.fmt(runs[k].pjPerMac()), "middle", 10, "#333");
            }
        }
        c.legend(ReportData.CATEGORIES, CATEGORY_COLORS);
        return c.svg();
    }

    private static String roofline(ReportData d) {
        double bw = d.configNum("offchip_bw");
        double[] peaks = {d.configNum("systolic_peak_macs_per_cycle"), d.configNum("simt_peak_macs_per_cycle")};
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (LayerRow l : d.layers()) {
            xs.add(l.intensity());
            ys.add(l.systolic().macsPerCycle());
            ys.add(l.simt().macsPerCycle());
        }
        for (double p : peaks) if (p > 0) { ys.add(p); if (bw > 0) xs.add(p / bw); }
        SvgChart c = new SvgChart("Roofline (off-chip bandwidth " + (bw > 0 ? Axis.fmt(bw) + " B/cycle" : "unknown") + ")", 640, 420);
        c.yAxis(Axis.log(min(ys) / 2, max(ys) * 2, c.bottom, c.top), "MACs per cycle");
        c.xAxis(Axis.log(min(xs) / 2, max(xs) * 2, c.left, c.right), "arithmetic intensity (MACs per compulsory off-chip byte)");
        for (int k = 0; k < 2; k++) {
            if (!(peaks[k] > 0)) continue;
            String color = k == 0 ? SYS : SIMT;
            List<double[]> roof = new ArrayList<>();
            if (bw > 0) {
                double x0 = Math.max(c.x.lo, c.y.lo / bw);
                roof.add(new double[] {x0, bw * x0});
                roof.add(new double[] {peaks[k] / bw, peaks[k]});
            } else roof.add(new double[] {c.x.lo, peaks[k]});
            roof.add(new double[] {c.x.hi, peaks[k]});
            c.polyline(roof, color, 2, k == 1);
            c.label(c.right - 4, c.y.px(peaks[k]) - 5, CORES.get(k) + " peak " + Axis.fmt(peaks[k]) + " MACs/cycle", "end", 10, color);
        }
        List<double[]> boxes = new ArrayList<>(); // occupied pixel boxes {x0, y0, x1, y1}: markers, then labels
        for (LayerRow l : d.layers())
            for (Run r : new Run[] {l.systolic(), l.simt()})
                boxes.add(new double[] {c.x.px(l.intensity()) - 6, c.y.px(r.macsPerCycle()) - 6, c.x.px(l.intensity()) + 6, c.y.px(r.macsPerCycle()) + 6});
        for (LayerRow l : d.layers()) {
            Run[] runs = {l.systolic(), l.simt()};
            for (int k = 0; k < 2; k++) {
                c.marker(l.intensity(), runs[k].macsPerCycle(), k == 0 ? SYS : SIMT, k == 1, l.name() + " on " + CORES.get(k) + ": "
                        + Axis.fmt(runs[k].macsPerCycle()) + " MACs/cycle at " + Axis.fmt(l.intensity()) + " MACs/byte");
                placeLabel(c, boxes, c.x.px(l.intensity()), c.y.px(runs[k].macsPerCycle()), l.name());
            }
        }
        c.legend(List.of("systolic (circles, solid roof)", "SIMT (squares, dashed roof)"), List.of(SYS, SIMT));
        return c.svg();
    }

    private static String sweep(ReportData d, String title, String unit, boolean cycles) {
        SvgChart c = new SvgChart(title, 640, 380);
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        List<double[]> sys = new ArrayList<>(), simt = new ArrayList<>();
        for (ReportData.SweepPoint p : d.sweep()) {
            double a = cycles ? p.systolicCycles() : p.systolicPjPerMac(), b = cycles ? p.simtCycles() : p.simtPjPerMac();
            xs.add(p.offchipBw()); ys.add(a); ys.add(b);
            sys.add(new double[] {p.offchipBw(), a});
            simt.add(new double[] {p.offchipBw(), b});
        }
        c.yAxis(Axis.log(min(ys) / 1.5, max(ys) * 1.5, c.bottom, c.top), unit);
        c.xAxis(Axis.log(min(xs), max(xs), c.left, c.right), "off-chip bandwidth (bytes per cycle)");
        double bw = d.configNum("offchip_bw");
        if (bw >= c.x.lo && bw <= c.x.hi) c.vline(bw, "compare run: " + Axis.fmt(bw) + " B/cycle");
        c.polyline(sys, SYS, 2.5, false);
        c.polyline(simt, SIMT, 2.5, true);
        for (double[] p : sys) c.marker(p[0], p[1], SYS, false, "systolic at " + Axis.fmt(p[0]) + " B/cycle: " + Axis.fmt(p[1]) + " " + unit);
        for (double[] p : simt) c.marker(p[0], p[1], SIMT, true, "SIMT at " + Axis.fmt(p[0]) + " B/cycle: " + Axis.fmt(p[1]) + " " + unit);
        c.legend(CORES, List.of(SYS, SIMT));
        return c.svg();
    }

    /** Puts a point label at the first of 8 spots around (px, py) that overlaps no marker or earlier label. */
    private static void placeLabel(SvgChart c, List<double[]> boxes, double px, double py, String text) {
        double w = 6 * text.length(), h = 11;
        double[][] spots = {{8, -4}, {8, 14}, {-8 - w, -4}, {-8 - w, 14}, {-w / 2, -10}, {-w / 2, 21}, {8, 5}, {-8 - w, 5}};
        double[] best = spots[0];
        for (double[] s : spots) {
            double x0 = px + s[0], y0 = py + s[1] - h;
            boolean free = x0 >= c.left && x0 + w <= c.right && y0 >= c.top && y0 + h <= c.bottom;
            for (double[] b : boxes) free &= x0 + w <= b[0] || x0 >= b[2] || y0 + h <= b[1] || y0 >= b[3];
            if (free) { best = s; break; }
        }
        boxes.add(new double[] {px + best[0], py + best[1] - h, px + best[0] + w, py + best[1]});
        c.label(px + best[0], py + best[1], text, "start", 10, "#333");
    }

    private static double min(List<Double> v) { return v.stream().filter(x -> x > 0).mapToDouble(Double::doubleValue).min().orElse(1); }

    private static double max(List<Double> v) { return v.stream().mapToDouble(Double::doubleValue).max().orElse(1); }
}
