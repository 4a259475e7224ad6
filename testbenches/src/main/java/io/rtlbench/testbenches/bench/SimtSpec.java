package io.rtlbench.testbenches.bench;

import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.rtl.simt.SimtConfig.Datapath;
import java.util.Locale;

/**
 * A SIMT GPU: {@code cores} cores (1..16) of {@code warps} warps x {@code threads} threads per warp
 * (1..32 each), with the lanes' {@code datapath} (scalar RV32IM, dp4a, or a warp matrix unit: see
 * {@link SimtConfig.Datapath}). Text form {@code [C x]W x T[,scalar|dp4a|tensor]} (e.g. {@code 4x8},
 * {@code 4x8,tensor}, {@code 4x4x8,dp4a}); the label omits one core and the scalar datapath, so the
 * first round's {@code 4x8} reads as before. Peak MACs/cycle as {@link SimtConfig#peakMacsPerCycle}.
 */
public record SimtSpec(int cores, int warps, int threads, Datapath datapath) implements CoreSpec {
    static final String FORM = "[CORESx]WARPSxTHREADS[,scalar|dp4a|tensor] (e.g. 4x8, 4x8,tensor, 2x4x8,dp4a)";

    public SimtSpec {
        if (warps < 1 || warps > 32 || threads < 1 || threads > 32)
            throw new IllegalArgumentException("SIMT core must have 1..32 warps of 1..32 threads; got " + warps + "x" + threads);
        if (cores < 1 || cores > 16) throw new IllegalArgumentException("a SIMT GPU has 1..16 cores; got " + cores);
        if (datapath == null) throw new IllegalArgumentException("SIMT datapath must be scalar, dp4a or tensor");
        SimtConfig.of(warps, threads).withCores(cores).withDatapath(datapath);  // the hardware's own checks (e.g. the tensor unit's thread counts)
    }

    /** One scalar core. */
    public SimtSpec(int warps, int threads) { this(1, warps, threads, Datapath.SCALAR); }

    public static SimtSpec parse(String text, String option) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException(option + " takes " + FORM + "; got an empty value");
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split(",", -1);
        String[] d = parts[0].split("x", -1);
        if (parts.length > 2 || d.length < 2 || d.length > 3) throw new IllegalArgumentException(option + " takes " + FORM + "; got '" + text + "'");
        int cores = d.length == 3 ? CoreSpec.field(text, option, FORM, "cores", d[0], 1, 16) : 1;
        int warps = CoreSpec.field(text, option, FORM, "warps", d[d.length - 2], 1, 32);
        int threads = CoreSpec.field(text, option, FORM, "threads", d[d.length - 1], 1, 32);
        Datapath dp;
        try {
            dp = parts.length == 2 ? Datapath.parse(parts[1]) : Datapath.SCALAR;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage() + " (in '" + text + "')");
        }
        try {
            return new SimtSpec(cores, warps, threads, dp);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " '" + text + "': " + e.getMessage());
        }
    }

    /** From {@code run}'s separate flags. */
    public static SimtSpec of(int warps, int threads) {
        if (warps < 1 || warps > 32) throw new IllegalArgumentException("--warps must be 1..32, got " + warps);
        if (threads < 1 || threads > 32) throw new IllegalArgumentException("--threads must be 1..32, got " + threads);
        return new SimtSpec(warps, threads);
    }

    /** The hardware configuration (default memories; the bench sizes the off-chip memory). */
    public SimtConfig config() { return SimtConfig.of(warps, threads).withCores(cores).withDatapath(datapath); }

    /** One core with scalar lanes (the first round's SIMT core). */
    public boolean singleScalarCore() { return cores == 1 && datapath == Datapath.SCALAR; }

    @Override public String core() { return "simt"; }
    @Override public String label() { return config().spec(); }
    @Override public double peakMacsPerCycle() { return config().peakMacsPerCycle(); }
    @Override public String toString() { return label(); }
}
