package io.rtlbench.testbenches.bench;

/**
 * Which core to build, parsed once from the text users write: {@code 16x16,ws} (systolic rows x
 * columns, dataflow) or {@code 4x8} (SIMT warps x threads). {@link #label()} gives the canonical text
 * back; every malformed spec fails with one message naming the option and the expected form.
 */
public sealed interface CoreSpec permits SystolicSpec, SimtSpec {
    /** "systolic" or "simt". */
    String core();

    /** The canonical text, e.g. {@code 16x16,ws} or {@code 4x8}. */
    String label();

    /** MACs per cycle at 100% utilization. */
    double peakMacsPerCycle();

    /** Parses a spec of {@code core} ("systolic" or "simt"); {@code option} names the flag in errors. */
    static CoreSpec parse(String core, String text, String option) {
        return switch (core) {
            case "systolic" -> SystolicSpec.parse(text, option);
            case "simt" -> SimtSpec.parse(text, option);
            default -> throw new IllegalArgumentException("unknown core '" + core + "': use systolic or simt");
        };
    }

    /** An integer field of a spec, with a message naming the option, the field and its range. */
    static int field(String text, String option, String form, String name, String value, int lo, int hi) {
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes " + form + "; " + name + " '" + value + "' is not a number (in '" + text + "')");
        }
        if (v < lo || v > hi) throw new IllegalArgumentException(option + ": " + name + " must be " + lo + ".." + hi + ", got " + v + " (in '" + text + "')");
        return v;
    }
}
