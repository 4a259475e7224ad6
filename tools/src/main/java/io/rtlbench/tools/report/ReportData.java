package io.rtlbench.tools.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtlbench.tools.compare.CompareResult;
import io.rtlbench.tools.json.JsonFiles;
import io.rtlbench.tools.json.OptionalField;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the report needs of a compare result, read from its JSON (or converted from the result in
 * memory) by Jackson into the {@link Json} records below: missing or mistyped keys fail with the
 * JSON path, e.g. "compare result F: layers[2].simt.energy_pj is missing". Optional: {@code ipc},
 * {@code bandwidth_sweep}, the peak keys of {@code config} (without them the roofline has no compute roof).
 */
public record ReportData(String workload, double scale, Map<String, String> config, List<LayerRow> layers,
                         Run systolic, Run simt, double speedup, double energyRatio, List<SweepPoint> sweep, Extras extras) {
    /** Optional parts of newer results, kept as JSON for {@link SiliconSection}: null when absent. */
    public record Extras(JsonNode area, JsonNode gpuVariants, JsonNode memoryPreset) {}

    /** Energy breakdown categories, in stacking order (pJ each). */
    public static final List<String> CATEGORIES =
            List.of("compute", "sram", "regfile", "control", "instruction", "clock", "leakage", "offchip");

    /** One core's run (a layer or the totals). ipc is NaN when absent (the systolic core has none). */
    public record Run(boolean verified, double totalCycles, double computeCycles, double macsPerCycle, double utilization,
                      double offchipBytes, double energyPj, double pjPerMac, double ipc, Map<String, Double> breakdown, double cyclesCi) {
        /** Sampled emulation: the 95% interval of cycles (relative half-width); NaN for a full emulation. */
        public boolean sampled() { return !Double.isNaN(cyclesCi); }
        /** Share (0..1) of this run's energy in a breakdown category. */
        public double share(String category) {
            double sum = breakdown.values().stream().mapToDouble(Double::doubleValue).sum();
            return sum > 0 ? breakdown.getOrDefault(category, 0.0) / sum : 0;
        }
    }

    /** One layer: shape, both runs and the ratios (speedup = SIMT cycles / systolic cycles, energy_ratio likewise). */
    public record LayerRow(String name, String spec, double macs, double intensity, Run systolic, Run simt,
                           double speedup, double energyRatio) {}

    /** One point of the off-chip bandwidth sweep (bytes/cycle). */
    public record SweepPoint(double offchipBw, double systolicCycles, double simtCycles, double systolicPjPerMac, double simtPjPerMac) {}

    /** The JSON as written by {@code compare --json}: only what the report reads; boxed values are required unless marked. */
    public record Json(String workload, Double scale, Map<String, JsonNode> config, List<JsonLayer> layers, JsonRun systolic,
                       JsonRun simt, JsonRatios ratios, @OptionalField List<JsonSweep> bandwidthSweep,
                       @OptionalField JsonNode area, @OptionalField JsonNode gpuVariants, @OptionalField JsonNode memoryPreset) {}

    public record JsonLayer(String name, String spec, Double macs, Double arithmeticIntensity, JsonRun systolic, JsonRun simt,
                            JsonRatios ratios) {}

    public record JsonRun(Boolean verified, Double totalCycles, Double computeCycles, Double macsPerCycle, Double utilization,
                          Double offchipBytes, Double energyPj, Double pjPerMac, @OptionalField Double ipc, JsonBreakdown breakdown,
                          @OptionalField Boolean sampled, @OptionalField Double cyclesCi) {}

    public record JsonBreakdown(Double compute, Double sram, Double regfile, Double control, Double instruction, Double clock,
                                Double leakage, Double offchip) {}

    public record JsonRatios(Double speedup, Double energyRatio) {}

    public record JsonSweep(Double offchipBw, Double systolicCycles, Double simtCycles, Double systolicPjPerMac, Double simtPjPerMac) {}

    /** Reads a compare result file (as written by {@code compare --json}). */
    public static ReportData read(Path file) { return of(JsonFiles.read(file, Json.class, "compare result")); }

    /** The same view of a result still in memory. */
    public static ReportData of(CompareResult r) { return of(JsonFiles.mapper().convertValue(r, Json.class)); }

    static ReportData of(Json j) {
        if (j.layers().isEmpty()) throw new IllegalArgumentException("compare result: no layers");
        List<LayerRow> layers = new ArrayList<>();
        for (JsonLayer l : j.layers())
            layers.add(new LayerRow(l.name(), l.spec(), l.macs(), l.arithmeticIntensity(), run(l.systolic()), run(l.simt()),
                    l.ratios().speedup(), l.ratios().energyRatio()));
        List<SweepPoint> sweep = new ArrayList<>();
        if (j.bandwidthSweep() != null)
            for (JsonSweep p : j.bandwidthSweep())
                sweep.add(new SweepPoint(p.offchipBw(), p.systolicCycles(), p.simtCycles(), p.systolicPjPerMac(), p.simtPjPerMac()));
        Map<String, String> config = new LinkedHashMap<>();
        j.config().forEach((k, v) -> config.put(k, v.isValueNode() ? v.asText() : v.toString()));
        return new ReportData(j.workload(), j.scale(), config, layers, run(j.systolic()), run(j.simt()), j.ratios().speedup(),
                j.ratios().energyRatio(), sweep, new Extras(j.area(), j.gpuVariants(), j.memoryPreset()));
    }

    /** A number from config, or NaN when absent or not a number. */
    public double configNum(String key) {
        try {
            return config.containsKey(key) ? Double.parseDouble(config.get(key)) : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Run run(JsonRun r) {
        JsonBreakdown b = r.breakdown();
        Map<String, Double> breakdown = new LinkedHashMap<>();
        double[] v = {b.compute(), b.sram(), b.regfile(), b.control(), b.instruction(), b.clock(), b.leakage(), b.offchip()};
        for (int i = 0; i < CATEGORIES.size(); i++) breakdown.put(CATEGORIES.get(i), v[i]);
        return new Run(r.verified(), r.totalCycles(), r.computeCycles(), r.macsPerCycle(), r.utilization(), r.offchipBytes(),
                r.energyPj(), r.pjPerMac(), r.ipc() == null ? Double.NaN : r.ipc(), breakdown,
                Boolean.TRUE.equals(r.sampled()) && r.cyclesCi() != null ? r.cyclesCi() : Double.NaN);
    }
}
