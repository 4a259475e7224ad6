package io.rtlbench.tools.report;

import io.rtlbench.tools.compare.CompareResult;
import io.rtlbench.tools.json.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the HTML report of a compare result: {@code page.html} (self-contained: inline CSS and SVG)
 * and each chart alone next to it as {@code page-<chart>.svg} (cycles, energy, breakdown, roofline,
 * memwall, memwall-energy; the memory-wall charts only when the result has a bandwidth sweep).
 */
public final class ReportWriter {
    static final Map<String, String> CAPTIONS = Map.of(
            "cycles", "Total cycles of each layer on both cores (lower is better).",
            "energy", "Estimated energy of each layer in pJ (lower is better).",
            "breakdown", "Where the energy goes: each bar is one run's energy split by category (100% stacked); the numbers on top are pJ/MAC.",
            "roofline", "Achieved MACs/cycle vs the layer's compulsory arithmetic intensity; each core's roof is min(peak, bandwidth x intensity). "
                    + "Points far below the roof are limited by neither compute nor compulsory traffic (re-reads, control, stalls).",
            "memwall", "Whole-workload cycles as the off-chip bandwidth changes: a flat line is compute-bound, a falling one memory-bound.",
            "memwall-energy", "Whole-workload pJ/MAC as the off-chip bandwidth changes (slower runs pay more leakage and clock energy).");

    private ReportWriter() {}

    /** Fails early when the page cannot be written (a folder, or a file where a folder should be). */
    public static void checkTarget(Path html) {
        if (html != null) JsonFiles.checkTarget(html);
    }

    /** Writes the page of a comparison still in memory. */
    public static List<Path> write(CompareResult result, Path html) { return write(ReportData.of(result), html); }

    /** Writes the page and its SVG charts; returns every file written (the page first). */
    public static List<Path> write(ReportData data, Path html) {
        checkTarget(html);
        Map<String, String> charts = Charts.all(data);
        List<Path> written = new ArrayList<>();
        try {
            Path dir = html.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            String stem = html.getFileName().toString().replaceFirst("\\.x?html?$", "");
            Files.writeString(html, HtmlPage.render(data, charts, CAPTIONS));
            written.add(html);
            for (var e : charts.entrySet()) {
                Path svg = dir.resolve(stem + "-" + e.getKey() + ".svg");
                Files.writeString(svg, e.getValue());
                written.add(svg);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + html + ": " + e.getMessage(), e);
        }
        return written;
    }

    /** Reads a compare result JSON file (as written by {@code compare --json}) and writes its report. */
    public static List<Path> write(Path resultJson, Path html) {
        return write(ReportData.read(resultJson), html);
    }
}
