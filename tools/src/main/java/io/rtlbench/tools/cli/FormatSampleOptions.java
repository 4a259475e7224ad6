package io.rtlbench.tools.cli;

import io.rtlbench.testbenches.sampling.SampleMode;
import io.rtlbench.testbenches.workloads.LayerTensors;

/**
 * The parsing and checks of {@code --format} and {@code --sample} that run, compare and sweep
 * share, each failure a one-line {@link UserError}: the canonical format name, the sample mode, and
 * the rule that sampled emulation covers int8 only (floating-point formats run whole layers).
 */
public final class FormatSampleOptions {
    private FormatSampleOptions() {}

    /** The canonical format name of {@code --format}. */
    public static String format(String value) {
        try {
            return LayerTensors.formatName(value);
        } catch (IllegalArgumentException e) {
            throw new UserError("--format: " + e.getMessage());
        }
    }

    /**
     * The sample mode of {@code --sample} for {@code format}: as given for int8; for a floating-point
     * format off, refused when {@code given} (the user asked for a sample).
     */
    public static SampleMode sample(String value, String format, boolean given, String what) {
        SampleMode m;
        try {
            m = SampleMode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (format.equals("int8") || m.kind() == SampleMode.Kind.OFF) return m;
        if (given) throw new UserError("--sample " + m + " covers int8 " + what + "; the floating-point formats run whole layers (--sample off)");
        return SampleMode.OFF;
    }
}
