package io.rtlbench.testbenches.sampling;

import java.util.Locale;

/**
 * How much of a layer the emulator runs: {@code off} every tile (exact), {@code N} N sampled tiles
 * (at least two per stratum, the first and last tile always), {@code auto} as many as the
 * confidence target needs ({@link Sampler}), or every tile when that is cheaper.
 *
 * @param units sampled tiles for FIXED; 0 otherwise
 */
public record SampleMode(Kind kind, int units) {
    public enum Kind { AUTO, FIXED, OFF }

    public static final SampleMode AUTO = new SampleMode(Kind.AUTO, 0), OFF = new SampleMode(Kind.OFF, 0);

    public SampleMode {
        if (kind == null) throw new IllegalArgumentException("sample mode needs a kind");
        if (kind == Kind.FIXED && units < 1) throw new IllegalArgumentException("a fixed sample needs at least 1 tile; got " + units);
    }

    public static SampleMode fixed(int units) { return new SampleMode(Kind.FIXED, units); }

    /** {@code auto}, {@code off} or a positive tile count. */
    public static SampleMode parse(String s) {
        String v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        if (v.equals("auto")) return AUTO;
        if (v.equals("off")) return OFF;
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) return fixed(n);
        } catch (NumberFormatException ignored) {
            // fall through to the error
        }
        throw new IllegalArgumentException("--sample takes auto, off or a positive number of tiles; got '" + s + "'");
    }

    @Override public String toString() { return kind == Kind.FIXED ? String.valueOf(units) : kind.name().toLowerCase(Locale.ROOT); }
}
