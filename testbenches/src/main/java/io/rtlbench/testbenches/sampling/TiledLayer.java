package io.rtlbench.testbenches.sampling;

import java.util.Map;

/**
 * One layer on one core, split into independent tiles (output tiles of the systolic core,
 * work-groups of the SIMT core) that can be emulated alone. Contract: the full run's total equals
 * {@link #fixed()} plus the sum over tiles of {@link #measure}, for cycles and every metric, up to the
 * interaction between neighbouring tiles that each measurement's warm-up reproduces.
 */
public interface TiledLayer {
    /** An emulated interval: its cycles, its additive metrics (core counters and the probe's), and
     *  the first wrong output of the tiles it ran (null: all bit-exact). */
    record Measurement(long cycles, Map<String, Double> metrics, String mismatch) {}

    int tiles();

    /** Tiles that should cost alike share a stratum (e.g. the same tile shape). */
    String stratum(int tile);

    /** Emulates tile {@code tile} in context (with the warm-up it needs), verifies it, returns its share of the run. */
    Measurement measure(int tile, MetricProbe probe);

    /**
     * As {@link #measure} with a longer warm-up: the sampler compares the two on a few tiles and adds
     * the difference to its interval as the bound on what the warm-up misses (SMARTS reports this
     * state-initialization error separately, ~2% in its study). Default: the same measurement.
     */
    default Measurement measureLongWarmup(int tile, MetricProbe probe) { return measure(tile, probe); }

    /** The part of a run outside the tiles (e.g. a kernel launch); measured once. */
    default Measurement fixed(MetricProbe probe) { return new Measurement(0, Map.of(), null); }

    /** Emulates the whole layer, verifies every output. */
    Measurement full(MetricProbe probe);

    /** Tiles emulated per {@link #measure} (warm-up included), to weigh sampling against a full run. */
    double tilesPerMeasurement();
}
