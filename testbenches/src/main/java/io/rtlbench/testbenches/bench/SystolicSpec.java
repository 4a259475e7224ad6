package io.rtlbench.testbenches.bench;

import java.util.Locale;

/**
 * A systolic array: rows x cols INT8 MAC PEs (2..64 each) and its dataflow. Text form
 * {@code RxC[,ws|os]} (weight-stationary by default), case-insensitive.
 */
public record SystolicSpec(int rows, int cols, Dataflow dataflow) implements CoreSpec {
    /** Weight-stationary (weights preloaded, double-buffered) or output-stationary. */
    public enum Dataflow { WS, OS }

    static final String FORM = "RxC[,ws|os] (e.g. 16x16,ws)";

    public SystolicSpec {
        if (rows < 2 || rows > 64 || cols < 2 || cols > 64)
            throw new IllegalArgumentException("systolic array must be 2..64 x 2..64 PEs; got " + rows + "x" + cols);
        if (dataflow == null) throw new IllegalArgumentException("systolic dataflow must be ws or os");
    }

    public static SystolicSpec parse(String text, String option) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException(option + " takes " + FORM + "; got an empty value");
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split(",", -1);
        String[] rc = parts[0].split("x", -1);
        if (rc.length != 2 || parts.length > 2) throw new IllegalArgumentException(option + " takes " + FORM + "; got '" + text + "'");
        int rows = CoreSpec.field(text, option, FORM, "rows", rc[0], 2, 64), cols = CoreSpec.field(text, option, FORM, "columns", rc[1], 2, 64);
        return new SystolicSpec(rows, cols, parts.length < 2 ? Dataflow.WS : dataflow(parts[1].trim(), option, text));
    }

    static Dataflow dataflow(String s, String option, String text) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "ws" -> Dataflow.WS;
            case "os" -> Dataflow.OS;
            default -> throw new IllegalArgumentException(option + ": dataflow must be ws or os, got '" + s + "' (in '" + text + "')");
        };
    }

    /** From {@code run}'s separate flags. */
    public static SystolicSpec of(int rows, int cols, String dataflow) {
        if (rows < 2 || rows > 64) throw new IllegalArgumentException("--rows must be 2..64, got " + rows);
        if (cols < 2 || cols > 64) throw new IllegalArgumentException("--cols must be 2..64, got " + cols);
        return new SystolicSpec(rows, cols, dataflow(dataflow, "--dataflow", dataflow));
    }

    @Override public String core() { return "systolic"; }
    @Override public String label() { return rows + "x" + cols + "," + dataflow.name().toLowerCase(Locale.ROOT); }
    @Override public double peakMacsPerCycle() { return (double) rows * cols; }
    @Override public String toString() { return label(); }
}
