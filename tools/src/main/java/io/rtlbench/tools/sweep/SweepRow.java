package io.rtlbench.tools.sweep;

import java.util.List;

/**
 * One row of a sweep: a layer run on one core configuration at one off-chip bandwidth (counts for
 * one copy of the layer; its repeat is a column), with every option that changes the result, so a
 * resumed sweep only skips points run with the same settings.
 */
public record SweepRow(String core, String config, int offchipBw, String layer, int repeat, long macs, long totalCycles, long computeCycles,
                       double macsPerCycle, double utilization, long offchipBytes, double energyPj, double pjPerMac, boolean verified,
                       String workload, double scale, long seed, String data, String tech, int offchipLatency) {
    /** CSV columns, in order (the first fourteen as in earlier versions). */
    static final List<String> COLUMNS = List.of("core", "config", "offchip_bw", "layer", "repeat", "macs", "total_cycles", "compute_cycles",
            "macs_per_cycle", "utilization", "offchip_bytes", "energy_pj", "pj_per_mac", "verified", "workload", "scale", "seed", "data", "tech",
            "offchip_latency");

    /** The point this row was measured at. */
    SweepDescription.Point point() { return new SweepDescription.Point(core, config, offchipBw); }

    /** The settings it was measured with. */
    SweepDescription.Settings settings() { return new SweepDescription.Settings(workload, scale, seed, data, tech, offchipLatency); }

    /** What identifies a point's rows: the point and every setting that changes its numbers. */
    String pointKey() { return SweepDescription.key(point(), settings()); }

    /** The row as CSV fields ({@code ,} inside a value written as {@code ;}, so plain comma-splitting works). */
    List<String> fields() {
        return List.of(core, c(config), String.valueOf(offchipBw), c(layer), String.valueOf(repeat), String.valueOf(macs),
                String.valueOf(totalCycles), String.valueOf(computeCycles), String.valueOf(macsPerCycle), String.valueOf(utilization),
                String.valueOf(offchipBytes), String.valueOf(energyPj), String.valueOf(pjPerMac), String.valueOf(verified), c(workload),
                String.valueOf(scale), String.valueOf(seed), c(data), c(tech), String.valueOf(offchipLatency));
    }

    /** Reads a row from CSV fields; a malformed value names its column. */
    static SweepRow parse(List<String> f) {
        try {
            return new SweepRow(f.get(0), u(f.get(1)), Integer.parseInt(f.get(2)), u(f.get(3)), Integer.parseInt(f.get(4)), Long.parseLong(f.get(5)),
                    Long.parseLong(f.get(6)), Long.parseLong(f.get(7)), Double.parseDouble(f.get(8)), Double.parseDouble(f.get(9)),
                    Long.parseLong(f.get(10)), Double.parseDouble(f.get(11)), Double.parseDouble(f.get(12)), Boolean.parseBoolean(f.get(13)),
                    u(f.get(14)), Double.parseDouble(f.get(15)), Long.parseLong(f.get(16)), u(f.get(17)), u(f.get(18)), Integer.parseInt(f.get(19)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a value is not a number (" + e.getMessage() + ")");
        }
    }

    private static String c(String s) { return s.replace(',', ';'); }
    private static String u(String s) { return s.replace(';', ','); }
}
