package io.rtlbench.testbenches.sampling;

import io.rtlbench.emulator.Simulator;
import java.util.Map;

/**
 * Additive metrics of an emulated interval that the caller computes from the emulator, e.g. energy
 * from the toggle counters (clear them in {@link #begin}, turn them into picojoules in {@link #end}).
 * The sampler adds them up over tiles and estimates their totals like the cycle count. Intervals
 * never nest; {@code cycles} is the interval's length.
 */
public interface MetricProbe {
    void begin(Simulator sim);

    Map<String, Double> end(Simulator sim, long cycles);

    /** No metrics beyond the core's own counters. */
    MetricProbe NONE = new MetricProbe() {
        @Override public void begin(Simulator sim) {}
        @Override public Map<String, Double> end(Simulator sim, long cycles) { return Map.of(); }
    };
}
