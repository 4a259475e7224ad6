package io.rtlbench.tools.report;

import static io.rtlbench.tools.report.SvgChart.esc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The report's sections from newer compare results (each only when its JSON is present): GPU
 * variants side by side with the systolic core, the silicon view (area, TOPS, TOPS/W, TOPS/mm^2,
 * iso-area and iso-power), "held against silicon" (emulated vs published figures, ratio), and the
 * memory preset with its source.
 */
final class SiliconSection {
    private SiliconSection() {}

    static final List<String> CATEGORIES = ReportData.CATEGORIES;

    static void render(StringBuilder h, ReportData.Extras x) {
        if (x == null) return;
        if (x.gpuVariants() != null) variants(h, x.gpuVariants());
        if (x.area() != null) silicon(h, x.area());
        if (x.memoryPreset() != null) {
            JsonNode m = x.memoryPreset();
            h.append("<p class=\"cfg\">").append(esc(String.format("Memory preset %s (%s): %d bytes/cycle per core (share %s), %d cycles latency, "
                    + "%s pJ/byte. Source: %s", m.path("memory").asText(), m.path("reference").asText(), m.path("bytes_per_cycle").asInt(),
                    HtmlPage.num(m.path("share_bytes_per_cycle").asDouble()), m.path("latency_cycles").asInt(),
                    HtmlPage.num(m.path("pj_per_byte").asDouble()), m.path("source").asText()))).append("</p>\n");
        }
    }

    private static void variants(StringBuilder h, JsonNode variants) {
        h.append("<h2>GPU variants</h2>\n<table>\n<tr><th class=\"l\">SIMT</th><th>cycles</th><th>MACs/cycle</th><th>utilization</th>"
                + "<th>pJ/MAC</th><th>speed-up of systolic</th><th>energy ratio</th>");
        for (String c : CATEGORIES) h.append("<th>").append(esc(c)).append(" pJ/MAC</th>");
        h.append("</tr>\n");
        for (JsonNode v : variants) {
            JsonNode t = v.path("totals");
            double macs = t.path("macs").asDouble();
            h.append("<tr><td class=\"l\">").append(esc(v.path("simt").asText())).append(t.path("verified").asBoolean() ? "" : " <span class=\"bad\">NOT VERIFIED</span>")
                    .append("</td><td>").append(HtmlPage.num(t.path("total_cycles").asDouble())).append("</td><td>")
                    .append(HtmlPage.num(t.path("macs_per_cycle").asDouble())).append("</td><td>")
                    .append(HtmlPage.num(100 * t.path("utilization").asDouble())).append("%</td><td>")
                    .append(HtmlPage.num(t.path("pj_per_mac").asDouble())).append("</td><td>")
                    .append(HtmlPage.num(v.path("ratios").path("speedup").asDouble())).append("x</td><td>")
                    .append(HtmlPage.num(v.path("ratios").path("energy_ratio").asDouble())).append("x</td>");
            for (String c : CATEGORIES) h.append("<td>").append(HtmlPage.num(t.path("breakdown").path(c).asDouble() / macs)).append("</td>");
            h.append("</tr>\n");
        }
        h.append("</table>\n<p class=\"cfg\">Further SIMT configurations on the same layers at the main off-chip bandwidth; "
                + "ratios are against the systolic core's totals (the main SIMT core is in the tables above).</p>\n");
    }

    private static void silicon(StringBuilder h, JsonNode a) {
        JsonNode s = a.path("systolic"), g = a.path("simt"), iso = a.path("iso");
        h.append("<h2>Silicon: area, TOPS/W, TOPS/mm&#178; (").append(esc(a.path("tech").asText())).append(")</h2>\n<table>\n")
                .append("<tr><th class=\"l\">metric</th><th class=\"sys\">systolic</th><th class=\"simt\">SIMT</th></tr>\n");
        for (String[] k : new String[][] {{"area (mm^2)", "area_mm2"}, {"TOPS achieved", "tops"}, {"TOPS peak", "peak_tops"}, {"power (W)", "watts"},
                {"TOPS/W", "tops_per_w"}, {"TOPS/mm^2", "tops_per_mm2"}, {"peak TOPS/mm^2", "peak_tops_per_mm2"}})
            h.append("<tr><td class=\"l\">").append(esc(k[0])).append("</td><td>").append(HtmlPage.num(s.path(k[1]).asDouble())).append("</td><td>")
                    .append(HtmlPage.num(g.path(k[1]).asDouble())).append("</td></tr>\n");
        h.append("</table>\n<p>").append(esc(String.format(
                "Iso-area: %s SIMT cores fit in the systolic core's area and would do %s MACs/cycle together (%s-bound, sharing %s bytes/cycle "
                        + "off chip): the systolic core is %sx faster. Iso-power: %s SIMT cores, %s MACs/cycle (%s-bound): %sx.",
                HtmlPage.num(iso.path("simt_cores_in_systolic_area").asDouble()), HtmlPage.num(iso.path("iso_area_simt_macs_per_cycle").asDouble()),
                iso.path("iso_area_bound_by").asText(), HtmlPage.num(iso.path("shared_offchip_bytes_per_cycle").asDouble()),
                HtmlPage.num(iso.path("iso_area_speedup").asDouble()), HtmlPage.num(iso.path("simt_cores_in_systolic_power").asDouble()),
                HtmlPage.num(iso.path("iso_power_simt_macs_per_cycle").asDouble()), iso.path("iso_power_bound_by").asText(),
                HtmlPage.num(iso.path("iso_power_speedup").asDouble())))).append("</p>\n");
        JsonNode held = a.path("held_against_silicon");
        if (!held.isArray()) return;
        h.append("<h2>Held against silicon</h2>\n<table>\n<tr><th class=\"l\">quantity</th><th>emulated</th><th>silicon</th><th>ratio</th>"
                + "<th class=\"l\">unit</th><th class=\"l\">anchor</th></tr>\n");
        for (JsonNode r : held)
            h.append("<tr><td class=\"l\">").append(esc(r.path("quantity").asText())).append("</td><td>").append(HtmlPage.num(r.path("emulated").asDouble()))
                    .append("</td><td>").append(esc(r.path("silicon_text").asText())).append("</td><td>").append(HtmlPage.num(r.path("ratio").asDouble()))
                    .append("</td><td class=\"l\">").append(esc(r.path("unit").asText())).append("</td><td class=\"l\">")
                    .append(esc(r.path("anchor_id").asText())).append("</td></tr>\n");
        h.append("</table>\n<p class=\"cfg\">Silicon anchors and their conditions: tools/src/main/resources/.../energy (SOURCES.md, silicon-anchors); "
                + "they were measured on large GEMMs on modern nodes with HBM, so compare under --tech 7nm --memory hbm3 and a large workload. "
                + "Ratio = emulated / silicon.</p>\n");
    }
}
