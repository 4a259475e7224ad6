package io.rtlbench.testbenches.bench;

/**
 * A SIMT core: warps x threads per warp (1..32 each). Text form {@code WxT} (e.g. {@code 4x8}).
 * Peak: one MAC per lane per cycle (one warp issues per cycle).
 */
public record SimtSpec(int warps, int threads) implements CoreSpec {
    static final String FORM = "WARPSxTHREADS (e.g. 4x8)";

    public SimtSpec {
        if (warps < 1 || warps > 32 || threads < 1 || threads > 32)
            throw new IllegalArgumentException("SIMT core must have 1..32 warps of 1..32 threads; got " + warps + "x" + threads);
    }

    public static SimtSpec parse(String text, String option) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException(option + " takes " + FORM + "; got an empty value");
        String[] wt = text.trim().toLowerCase(java.util.Locale.ROOT).split("x", -1);
        if (wt.length != 2) throw new IllegalArgumentException(option + " takes " + FORM + "; got '" + text + "'");
        return new SimtSpec(CoreSpec.field(text, option, FORM, "warps", wt[0], 1, 32), CoreSpec.field(text, option, FORM, "threads", wt[1], 1, 32));
    }

    /** From {@code run}'s separate flags. */
    public static SimtSpec of(int warps, int threads) {
        if (warps < 1 || warps > 32) throw new IllegalArgumentException("--warps must be 1..32, got " + warps);
        if (threads < 1 || threads > 32) throw new IllegalArgumentException("--threads must be 1..32, got " + threads);
        return new SimtSpec(warps, threads);
    }

    @Override public String core() { return "simt"; }
    @Override public String label() { return warps + "x" + threads; }
    @Override public double peakMacsPerCycle() { return threads; }
    @Override public String toString() { return label(); }
}
