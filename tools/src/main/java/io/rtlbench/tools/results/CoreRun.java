package io.rtlbench.tools.results;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.rtlbench.testbenches.bench.CoreBench;
import io.rtlbench.testbenches.bench.GemmRun;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.tools.energy.EnergyRun;
import io.rtlbench.tools.energy.TechTable;
import java.util.Map;

/**
 * One core's run of one layer (or of a layer's repeats) as reported: verification, cycles, rates,
 * off-chip bytes, energy when it was counted, and the core's own extras (IPC, stall causes). Its
 * JSON is the object under {@code layers[i].systolic} / {@code .simt} of a comparison.
 *
 * @param cycles same as totalCycles (kept for readers of older results)
 * @param utilization macs / (peak MACs per cycle x totalCycles)
 */
public record CoreRun(boolean verified, String firstMismatch, long macs, long totalCycles, long cycles, long computeCycles,
                      double macsPerCycle, double utilization, long offchipBytes, @JsonUnwrapped Energy energy, Double ipc,
                      Map<String, Long> stallCycles, @JsonUnwrapped Sampling sampling) {
    /**
     * How the run was emulated: {@code sampled} false for every tile emulated; else {@code tiles_total},
     * {@code tiles_emulated} and {@code cycles_ci} (relative half-width of the 95% interval of the cycle
     * estimate; the counts and energy are estimates too, each with its own interval, the largest in
     * {@code energy_ci}).
     */
    public record Sampling(boolean sampled, Integer tilesTotal, Integer tilesEmulated, Double cyclesCi, Double energyCi) {
        public static final Sampling FULL = new Sampling(false, null, null, null, null);
    }

    /** Runs {@code job} on {@code bench} as its setup's sample mode says (full: {@link #measure}). */
    public static CoreRun measure(CoreBench bench, GemmJob job, long maxCycles, TechTable tech, boolean sampled, long seed) {
        return sampled ? SampledRun.measure(bench, job, maxCycles, tech, seed) : measure(bench, job, maxCycles, tech);
    }


    /** Runs {@code job} on {@code bench}; energy from the activity counters when the bench counts them. */
    public static CoreRun measure(CoreBench bench, GemmJob job, long maxCycles, TechTable tech) {
        GemmRun r = bench.run(job, maxCycles);
        return of(r, bench.peakMacsPerCycle(), energy(bench, r, tech));
    }

    /** The energy of a run just done on {@code bench}, from its activity counters (null when it did not count). */
    public static Energy energy(CoreBench bench, GemmRun r, TechTable tech) {
        return r.countedCycles() > 0
                ? Energy.of(EnergyRun.estimate(bench.simulator(), r.countedCycles(), r.offchipBytes(), r.macs(), tech), Energy.TOP_MODULES)
                : null;
    }

    public static CoreRun of(GemmRun r, double peakMacsPerCycle, Energy energy) {
        return new CoreRun(r.verified(), r.firstMismatch(), r.macs(), r.totalCycles(), r.totalCycles(), r.computeCycles(),
                (double) r.macs() / r.totalCycles(), r.macs() / (peakMacsPerCycle * r.totalCycles()), r.offchipBytes(), energy, r.ipc(),
                r.stallCycles(), Sampling.FULL);
    }

    /** {@code n} identical copies (depthwise channels, attention heads): counts times n, rates unchanged. */
    public CoreRun times(int n) {
        if (n == 1) return this;
        return new CoreRun(verified, firstMismatch, macs * n, totalCycles * n, cycles * n, computeCycles * n, macsPerCycle, utilization,
                offchipBytes * n, energy == null ? null : energy.times(n), ipc, stallCycles, sampling);
    }

    public double energyPj() { return energy == null ? Double.NaN : energy.energyPj(); }
    public double pjPerMac() { return energy == null ? Double.NaN : energy.pjPerMac(); }
}
