package io.rtlbench.tools.report;

import static io.rtlbench.tools.report.SvgChart.esc;

import io.rtlbench.tools.model.ModelResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The model view of the report ({@code compare --model --html}): the model and settings, each core's
 * totals (cycles, pJ per inference, utilization, the share of MACs and operators it ran natively,
 * host work left over: the seed's flexibility row), the energy breakdown, and every layer with where
 * it ran on each core, its cycles and energy. Self-contained XHTML like the workload report.
 */
public final class ModelPage {
    private ModelPage() {}

    public static void write(ModelResult r, Path html) {
        ReportWriter.checkTarget(html);
        try {
            Path dir = html.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            Files.writeString(html, render(r));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + html + ": " + e.getMessage(), e);
        }
    }

    static String render(ModelResult r) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>")
                .append(esc("rtlbench: " + r.model())).append("</title>\n<style>\n").append(HtmlPage.CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc("Systolic ASIC vs SIMT GPU: model " + r.model())).append("</h1>\n<p class=\"cfg\">")
                .append(esc(r.file() + " · " + (r.fp32Model() ? "FP32 model, quantized " + r.config().quantization() : "INT8 model as given")
                        + " · systolic " + r.config().systolic() + " · SIMT " + r.config().simt() + " · off-chip " + r.config().offchipBw() + " B/cycle · "
                        + r.config().tech() + " at " + r.config().clockGhz() + " GHz · input " + r.config().input() + " · seed " + r.config().seed()))
                .append("</p>\n<h2>Whole model, one inference</h2>\n<table>\n<tr><th class=\"l\">metric</th><th class=\"sys\">systolic</th>"
                        + "<th class=\"simt\">SIMT</th></tr>\n");
        var s = r.systolic();
        var g = r.simt();
        row(h, "every layer verified (golden model, ONNX Runtime)", r.verified() ? "yes" : "NO", r.verified() ? "yes" : "NO");
        row(h, "cycles on the core", HtmlPage.num(s.cycles()), HtmlPage.num(g.cycles()));
        row(h, "energy per inference (pJ, cores only)", HtmlPage.num(s.pjPerInference()), HtmlPage.num(g.pjPerInference()));
        row(h, "pJ per MAC", HtmlPage.num(s.pjPerMac()), HtmlPage.num(g.pjPerMac()));
        row(h, "utilization", pct(s.utilization()), pct(g.utilization()));
        row(h, "off-chip bytes", HtmlPage.num(s.offchipBytes()), HtmlPage.num(g.offchipBytes()));
        row(h, "MACs run natively", pct(s.macFraction()), pct(g.macFraction()));
        row(h, "operators run natively", s.opsNative() + " of " + s.opsTotal(), g.opsNative() + " of " + g.opsTotal());
        row(h, "host work left (output elements)", HtmlPage.num(s.hostElements()), HtmlPage.num(g.hostElements()));
        h.append("</table>\n<p>").append(String.format(Locale.ROOT, "The systolic core is <b>%sx</b> faster and uses <b>%sx</b> less energy per "
                + "inference; what it cannot run (softmax, pooling, element-wise tables) falls to the host, while the SIMT core runs more of the "
                + "model itself.", HtmlPage.num(r.ratios().speedup()), HtmlPage.num(r.ratios().energyRatio()))).append("</p>\n");
        h.append("<h2>Where the energy goes</h2>\n<table>\n<tr><th class=\"l\">category</th><th class=\"sys\">systolic</th><th class=\"simt\">SIMT</th></tr>\n");
        for (String c : ReportData.CATEGORIES)
            row(h, c, pct(share(s.breakdown().get(c), s.energyPj())), pct(share(g.breakdown().get(c), g.energyPj())));
        h.append("</table>\n<h2>Per layer</h2>\n<table>\n<tr><th>#</th><th class=\"l\">layer</th><th class=\"l\">operators</th><th class=\"l\">shape</th>"
                + "<th>MACs</th><th class=\"sys\">systolic runs on</th><th class=\"sys\">cycles</th><th class=\"sys\">pJ</th><th class=\"simt\">SIMT runs on</th>"
                + "<th class=\"simt\">cycles</th><th class=\"simt\">pJ</th><th class=\"l\">why</th></tr>\n");
        for (ModelResult.Layer l : r.layers()) {
            h.append("<tr><td>").append(l.index()).append("</td><td class=\"l\">").append(esc(l.name())).append("</td><td class=\"l\">")
                    .append(esc(l.ops())).append("</td><td class=\"l\">").append(esc(l.shape())).append("</td><td>").append(HtmlPage.num(l.macs())).append("</td>");
            for (ModelResult.CoreLayer c : List.of(l.systolic(), l.simt()))
                h.append("<td>").append(esc(c.placement() + (c.hostRequant() ? " + host requant" : ""))).append(Boolean.FALSE.equals(c.verified())
                        ? " <span class=\"bad\">MISMATCH</span>" : "").append("</td><td>").append(HtmlPage.num(c.cycles())).append("</td><td>")
                        .append(c.energyPj() == null ? "-" : HtmlPage.num(c.energyPj())).append("</td>");
            h.append("<td class=\"why\">").append(esc(l.note())).append("</td></tr>\n");
        }
        return h.append("</table>\n</body>\n</html>\n").toString();
    }

    private static void row(StringBuilder h, String label, String sys, String simt) {
        h.append("<tr><td class=\"l\">").append(esc(label)).append("</td><td>").append(esc(sys)).append("</td><td>").append(esc(simt)).append("</td></tr>\n");
    }

    private static double share(Double part, double total) { return part == null || total <= 0 ? 0 : part / total; }

    private static String pct(double v) { return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v); }
}
