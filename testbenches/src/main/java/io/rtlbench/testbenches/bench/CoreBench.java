package io.rtlbench.testbenches.bench;

import io.rtlbench.emulator.Simulator;
import io.rtlbench.testbenches.sampling.Estimate;
import io.rtlbench.testbenches.sampling.MetricProbe;
import io.rtlbench.testbenches.sampling.Sampler;
import io.rtlbench.testbenches.systolic.GemmJob;
import java.util.List;

/**
 * The one typed way to run a core: built once from a {@link CoreSpec}, sized once for every layer
 * it will run (command memory, scratchpads, off-chip image, SIMT global memory), then any number of
 * verified GEMM runs at a run-time off-chip bandwidth. Used by {@code run}, {@code compare},
 * {@code sweep}, {@code regress} and model runs alike.
 */
public sealed interface CoreBench extends AutoCloseable permits SystolicBench, SimtBench {
    /** Builds (or takes from the cache) the emulator of {@code spec}, sized for all of {@code jobs}. */
    static CoreBench open(CoreSpec spec, BenchSetup setup, List<GemmJob> jobs) {
        if (jobs.isEmpty()) throw new IllegalArgumentException("a core bench needs at least one layer to size its memories");
        if (spec instanceof SystolicSpec s) return new SystolicBench(s, setup, jobs);
        return new SimtBench((SimtSpec) spec, setup, jobs);
    }

    CoreSpec spec();

    /** "systolic" or "simt". */
    default String core() { return spec().core(); }

    default String label() { return spec().label(); }

    default double peakMacsPerCycle() { return spec().peakMacsPerCycle(); }

    /** Sets the off-chip bandwidth for the following runs, bytes/cycle (1..bus width, 16). */
    void offchipBandwidth(int bytesPerCycle);

    /** The bandwidth in force, bytes/cycle. */
    int offchipBandwidth();

    /**
     * Runs one layer and verifies it. Each run starts from the emulator's power-on state (registers
     * and memories zero), so its cycles and energy do not depend on what ran before or on which
     * thread's emulator runs it. With a toggle-counting build the activity counters cover exactly
     * this run ({@link GemmRun#countedCycles()}).
     * @throws CoreHangException when the core does not finish within {@code maxCycles}
     */
    GemmRun run(GemmJob job, long maxCycles);

    /**
     * Runs one layer as the setup's {@link BenchSetup#sample} mode says: every tile ({@code off}), or
     * a stratified sample of independent tiles (output tiles / work-groups), each emulated after a
     * warm-up and verified, with totals and their 95% interval ({@link Sampler}). {@code probe} adds
     * metrics per emulated interval (e.g. energy from the toggle counters). The metrics always
     * include the core's counters as the sampler names them.
     */
    Estimate sample(GemmJob job, long maxCycles, MetricProbe probe, long seed);

    /** The emulator (activity counters, VCD windows). */
    Simulator simulator();

    @Override void close();

    /** Checks a cycle limit option. */
    static long checkMaxCycles(long maxCycles) {
        if (maxCycles < 1) throw new IllegalArgumentException("--max-cycles must be >= 1, got " + maxCycles);
        return maxCycles;
    }
}
