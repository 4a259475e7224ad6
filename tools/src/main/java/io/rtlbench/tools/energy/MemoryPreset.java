package io.rtlbench.tools.energy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * An off-chip memory preset ({@code --memory ddr4|lpddr5|hbm2e|hbm3|hbm3e}): energy per byte, latency
 * and a chip-level configuration from which one core's share of the bandwidth follows, as data in
 * {@code memory-presets.properties} (sources there and in SOURCES.md). {@link #at} maps it onto the
 * RTL's off-chip model: a run-time bandwidth of 1..busBytes bytes/cycle and a latency in cycles.
 *
 * @param devices         memory devices (stacks, channels) of the reference chip
 * @param gbPerSecond     bandwidth of one device, GB/s
 * @param cores           cores sharing the devices
 * @param pjPerBit        energy per bit moved off chip
 * @param latencyNs       load-to-use latency of one access, ns
 */
public record MemoryPreset(String name, String reference, int devices, double gbPerSecond, int cores, double pjPerBit,
                           double latencyNs, String source) {

    /** The preset's values in the RTL's terms at one clock and bus width, with where they come from (a JSON-ready record). */
    public record OffChip(String memory, int bytesPerCycle, int latencyCycles, double pjPerByte, double shareBytesPerCycle,
                          boolean cappedByBus, int busBytesForShare, String reference, String source) {}

    public static List<String> names() { return Arrays.asList(props().getProperty("names").split(",")); }

    /** The preset called {@code name}; a clear error lists the valid names. */
    public static MemoryPreset of(String name) {
        Properties p = props();
        if (name == null || !names().contains(name))
            throw new IllegalArgumentException("unknown memory preset '" + name + "'; use one of " + String.join(", ", names()));
        return new MemoryPreset(name, p.getProperty(name + ".reference"), (int) num(p, name, "devices"),
                num(p, name, "gb_per_s_per_device"), (int) num(p, name, "cores"), num(p, name, "pj_per_bit"),
                num(p, name, "latency_ns"), p.getProperty(name + ".source"));
    }

    public double chipGbPerSecond() { return devices * gbPerSecond; }

    public double pjPerByte() { return pjPerBit * 8; }

    /** One core's share of the chip's bandwidth at {@code clockGhz}: GB/s / cores / (G cycles/s) = bytes/cycle. */
    public double shareBytesPerCycle(double clockGhz) { return chipGbPerSecond() / cores / clockGhz; }

    /**
     * The RTL setting at {@code clockGhz} for an off-chip port {@code busBytes} wide: bandwidth = the
     * core's share rounded down, at least 1, at most the bus (then {@code cappedByBus}, and
     * {@code busBytesForShare} is the power-of-two bus that would carry the whole share); latency =
     * ceil(ns x GHz) cycles, at least 1.
     */
    public OffChip at(double clockGhz, int busBytes) {
        double share = shareBytesPerCycle(clockGhz);
        int bw = (int) Math.max(1, Math.min(busBytes, Math.floor(share)));
        int bus = 4;
        while (bus < share && bus < 64) bus *= 2;
        return new OffChip(name, bw, (int) Math.max(1, Math.ceil(latencyNs * clockGhz)), pjPerByte(), share, share > busBytes, bus,
                reference, source);
    }

    /** {@link #at(double, int)} at the table's clock. */
    public OffChip at(TechTable tech, int busBytes) { return at(tech.clockGhz(), busBytes); }

    private static double num(Properties p, String preset, String key) {
        String v = p.getProperty(preset + "." + key);
        if (v == null) throw new IllegalStateException("memory preset " + preset + " lacks " + key);
        return Double.parseDouble(v.trim());
    }

    private static Properties props() {
        try (InputStream in = MemoryPreset.class.getResourceAsStream("memory-presets.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing resource memory-presets.properties", e);
        }
    }
}
