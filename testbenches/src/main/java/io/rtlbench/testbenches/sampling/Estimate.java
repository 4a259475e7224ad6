package io.rtlbench.testbenches.sampling;

import java.util.Map;

/**
 * A layer's totals, from a full or a sampled emulation. {@code cyclesCi}: relative half-width of the
 * 95% confidence interval of {@code cycles} (0 when every tile was emulated); the same for each
 * metric in {@code metricsCi}. {@code verified}: every emulated tile was bit-exact
 * ({@code firstMismatch} names the first that was not).
 */
public record Estimate(boolean sampled, int tilesTotal, int tilesEmulated, double cycles, double cyclesCi,
                       Map<String, Double> metrics, Map<String, Double> metricsCi, boolean verified, String firstMismatch) {
    /** Lower and upper bound of the 95% interval of cycles. */
    public double cyclesLow() { return cycles * (1 - cyclesCi); }
    public double cyclesHigh() { return cycles * (1 + cyclesCi); }

    /** A metric's estimate, or an error naming the metrics there are. */
    public double metric(String name) {
        Double v = metrics.get(name);
        if (v == null) throw new IllegalArgumentException("no metric " + name + "; have " + metrics.keySet());
        return v;
    }
}
