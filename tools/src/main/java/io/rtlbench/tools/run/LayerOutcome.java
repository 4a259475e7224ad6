package io.rtlbench.tools.run;

import io.rtlbench.testbenches.bench.CoreBench;
import io.rtlbench.testbenches.bench.GemmRun;
import io.rtlbench.testbenches.sampling.Estimate;
import io.rtlbench.testbenches.sampling.MetricProbe;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.tools.energy.EnergyReport;
import io.rtlbench.tools.energy.EnergyRun;
import io.rtlbench.tools.energy.TechTable;
import io.rtlbench.tools.results.SampledRun;
import io.rtlbench.tools.results.CoreRun;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workload run by {@code run} as it reports it, from a full emulation ({@link GemmRun}) or a
 * sampled one ({@link CoreBench#sample}, {@code --sample auto|N}). Counters use the full run's JSON
 * names (systolic: SystolicCounter's; SIMT: total_cycles, warp_instructions, ...); a sampled run's
 * are the sampler's estimates, rounded, and lack what the sampler does not measure (SIMT
 * divergent_branches, mul_lanes). Energy of a sampled run: each emulated interval's toggle counters
 * through the energy model, as {@code results/SampledRun} does for compare (on-chip categories
 * estimated like cycles; off-chip from the estimated bytes); no per-instance list.
 */
record LayerOutcome(boolean verified, String firstMismatch, long macs, long totalCycles, long computeCycles, long bytesRead,
                    long bytesWritten, Map<String, Long> counters, Map<String, Long> stalls, Double ipc, EnergyReport energy,
                    CoreRun.Sampling sampling) {
    long offchipBytes() { return bytesRead + bytesWritten; }

    /** Every tile emulated; energy from the run's counters when {@code tech} is given. */
    static LayerOutcome full(CoreBench bench, GemmJob job, long maxCycles, TechTable tech) {
        GemmRun r = bench.run(job, maxCycles);
        EnergyReport e = tech == null ? null : EnergyRun.estimate(bench.simulator(), r.countedCycles(), r.offchipBytes(), r.macs(), tech);
        return new LayerOutcome(r.verified(), r.firstMismatch(), r.macs(), r.totalCycles(), r.computeCycles(), r.offchipBytesRead(),
                r.offchipBytesWritten(), r.counters(), r.stallCycles(), r.ipc(), e, CoreRun.Sampling.FULL);
    }

    /** A sample of tiles as the bench's setup says, each verified; energy per emulated interval when {@code tech} is given. */
    static LayerOutcome sampled(CoreBench bench, GemmJob job, long maxCycles, TechTable tech, long seed) {
        Estimate e = bench.sample(job, maxCycles, tech == null ? MetricProbe.NONE : SampledRun.energyProbe(tech), seed);
        boolean systolic = bench.core().equals("systolic");
        long cycles = Math.round(e.cycles());
        long read = Math.round(e.metric("offchip_bytes_read")), written = Math.round(e.metric("offchip_bytes_written"));
        Map<String, Long> counters = new LinkedHashMap<>(), stalls = SampledRun.stalls(e, systolic);
        Double ipc = null;
        if (systolic) {
            e.metrics().forEach((k, v) -> { if (!k.startsWith("energy.")) counters.put(k, Math.round(v)); });
            counters.put("total_cycles", cycles);
        } else {
            counters.put("total_cycles", cycles);
            counters.put("compute_cycles", Math.round(e.metric("mul_cycles")));
            counters.put("offchip_bytes_read", read);
            counters.put("offchip_bytes_written", written);
            counters.put("warp_instructions", Math.round(e.metric("warp_instrs")));
            counters.put("thread_instructions", Math.round(e.metric("thread_instrs")));
            ipc = e.metric("warp_instrs") / Math.max(1, cycles);
        }
        long compute = counters.get("compute_cycles");
        EnergyReport energy = null;
        double energyCi = 0;
        if (tech != null) {
            energy = SampledRun.energy(e, read + written, cycles, job.macs(), tech);
            energyCi = SampledRun.energyCi(e, energy);
        }
        return new LayerOutcome(e.verified(), e.firstMismatch(), job.macs(), cycles, compute, read, written, counters, stalls, ipc, energy,
                new CoreRun.Sampling(e.sampled(), e.tilesTotal(), e.tilesEmulated(), e.cyclesCi(), tech == null ? null : energyCi));
    }

    /** The line {@code run} prints about how the layer was emulated (null for a full run the user asked for). */
    String samplingLine() {
        if (sampling.tilesTotal() == null) return null;
        if (!sampling.sampled())
            return String.format("sampled emulation: all %d tiles emulated (a sample would not have been cheaper); exact, verified",
                    sampling.tilesTotal());
        double ci = sampling.cyclesCi();
        return String.format("sampled emulation: %d of %d tiles emulated, each %s; total cycles %,d +- %.2f%% (95%% interval %,d .. %,d)",
                sampling.tilesEmulated(), sampling.tilesTotal(), verified ? "verified bit-exactly" : "checked (MISMATCH)", totalCycles,
                100 * ci, Math.round(totalCycles * (1 - ci)), Math.round(totalCycles * (1 + ci)));
    }
}
