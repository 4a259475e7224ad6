package io.rtlbench.tools.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a sweep: a layer run on one core configuration at one off-chip bandwidth (counts for
 * one copy of the layer; its repeat is a column), with every option that changes the result, so a
 * resumed sweep only skips points run with the same settings. A sampled run ({@code --sample auto|N})
 * gives estimates: {@code sampled} true, {@code tiles_total}, {@code tiles_emulated} and
 * {@code cycles_ci} (relative half-width of the 95% interval of total_cycles); a full run has
 * {@code sampled} false and {@code cycles_ci} 0 (tiles empty for {@code --sample off}).
 */
public record SweepRow(String core, String config, int offchipBw, String layer, int repeat, long macs, long totalCycles, long computeCycles,
                       double macsPerCycle, double utilization, long offchipBytes, double energyPj, double pjPerMac, boolean verified,
                       String workload, double scale, long seed, String data, String tech, int offchipLatency, String format, String sample,
                       boolean sampled, Integer tilesTotal, Integer tilesEmulated, double cyclesCi) {
    /** The columns of version 1 CSVs (before format and sampling): their rows were int8, every tile emulated. */
    static final List<String> V1_COLUMNS = List.of("core", "config", "offchip_bw", "layer", "repeat", "macs", "total_cycles", "compute_cycles",
            "macs_per_cycle", "utilization", "offchip_bytes", "energy_pj", "pj_per_mac", "verified", "workload", "scale", "seed", "data", "tech",
            "offchip_latency");
    /** CSV columns, in order (version 1's first). */
    static final List<String> COLUMNS = concat(V1_COLUMNS, List.of("format", "sample", "sampled", "tiles_total", "tiles_emulated", "cycles_ci"));

    /** The point this row was measured at. */
    SweepDescription.Point point() { return new SweepDescription.Point(core, config, offchipBw); }

    /** The settings it was measured with. */
    SweepDescription.Settings settings() {
        return new SweepDescription.Settings(workload, scale, seed, data, tech, offchipLatency, format, sample);
    }

    /** What identifies a point's rows: the point and every setting that changes its numbers. */
    String pointKey() { return SweepDescription.key(point(), settings()); }

    /** The row as CSV fields ({@code ,} inside a value written as {@code ;}, so plain comma-splitting works). */
    List<String> fields() {
        return List.of(core, c(config), String.valueOf(offchipBw), c(layer), String.valueOf(repeat), String.valueOf(macs),
                String.valueOf(totalCycles), String.valueOf(computeCycles), String.valueOf(macsPerCycle), String.valueOf(utilization),
                String.valueOf(offchipBytes), String.valueOf(energyPj), String.valueOf(pjPerMac), String.valueOf(verified), c(workload),
                String.valueOf(scale), String.valueOf(seed), c(data), c(tech), String.valueOf(offchipLatency), format, sample,
                String.valueOf(sampled), tilesTotal == null ? "" : String.valueOf(tilesTotal), tilesEmulated == null ? "" : String.valueOf(tilesEmulated),
                String.valueOf(cyclesCi));
    }

    /** Reads a row from CSV fields (a version 1 row, 20 fields, as int8 with every tile emulated); a malformed value names its column. */
    static SweepRow parse(List<String> f) {
        if (f.size() == V1_COLUMNS.size()) f = concat(f, List.of("int8", "off", "false", "", "", "0.0"));
        try {
            return new SweepRow(f.get(0), u(f.get(1)), Integer.parseInt(f.get(2)), u(f.get(3)), Integer.parseInt(f.get(4)), Long.parseLong(f.get(5)),
                    Long.parseLong(f.get(6)), Long.parseLong(f.get(7)), Double.parseDouble(f.get(8)), Double.parseDouble(f.get(9)),
                    Long.parseLong(f.get(10)), Double.parseDouble(f.get(11)), Double.parseDouble(f.get(12)), Boolean.parseBoolean(f.get(13)),
                    u(f.get(14)), Double.parseDouble(f.get(15)), Long.parseLong(f.get(16)), u(f.get(17)), u(f.get(18)), Integer.parseInt(f.get(19)),
                    f.get(20), f.get(21), Boolean.parseBoolean(f.get(22)), optionalInt(f.get(23)), optionalInt(f.get(24)),
                    Double.parseDouble(f.get(25)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a value is not a number (" + e.getMessage() + ")");
        }
    }

    private static Integer optionalInt(String s) { return s.isEmpty() ? null : Integer.valueOf(s); }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private static String c(String s) { return s.replace(',', ';'); }
    private static String u(String s) { return s.replace(';', ','); }
}
