package io.rtlbench.tools.results;

import io.rtlbench.emulator.Simulator;
import io.rtlbench.testbenches.bench.CoreBench;
import io.rtlbench.testbenches.sampling.Estimate;
import io.rtlbench.testbenches.sampling.MetricProbe;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.tools.energy.Category;
import io.rtlbench.tools.energy.EnergyReport;
import io.rtlbench.tools.energy.EnergyRun;
import io.rtlbench.tools.energy.TechTable;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A layer run by sampled emulation ({@code --sample auto|N}): the core bench emulates a sample of
 * independent tiles, each verified; the energy of each emulated interval comes from its toggle
 * counters through the energy model (on-chip categories, probe {@code energy.<category>}), the
 * off-chip energy from the estimated bytes; totals are the sampler's estimates. Simplification:
 * no per-instance energy list ({@code modules}) for sampled runs. {@code energy_ci}: the 95% interval of
 * the total energy (on-chip energy's own interval and the off-chip bytes', weighted by their shares).
 */
public final class SampledRun {
    private SampledRun() {}

    static CoreRun measure(CoreBench bench, GemmJob job, long maxCycles, TechTable tech, long seed) {
        boolean counting = bench.simulator().options().toggles();
        MetricProbe probe = counting ? energyProbe(tech) : MetricProbe.NONE;
        Estimate e = bench.sample(job, maxCycles, probe, seed);
        boolean systolic = bench.core().equals("systolic");
        long cycles = Math.round(e.cycles());
        long compute = Math.round(e.metric(systolic ? "compute_cycles" : "mul_cycles"));
        long bytes = Math.round(e.metric("offchip_bytes_read") + e.metric("offchip_bytes_written"));
        Energy energy = null;
        double energyCi = 0;
        if (counting) {
            EnergyReport r = energy(e, bytes, cycles, job.macs(), tech);
            energy = Energy.of(r, 0);
            energyCi = energyCi(e, r);
        }
        Map<String, Long> stalls = stalls(e, systolic);
        Double ipc = systolic ? null : e.metric("warp_instrs") / Math.max(1, cycles);
        return new CoreRun(e.verified(), e.firstMismatch(), job.macs(), cycles, cycles, compute, (double) job.macs() / cycles,
                job.macs() / (bench.peakMacsPerCycle() * cycles), bytes, energy, ipc, stalls,
                new CoreRun.Sampling(e.sampled(), e.tilesTotal(), e.tilesEmulated(), e.cyclesCi(), e.sampled() ? energyCi : 0.0));
    }

    /** The estimated stall cycles by cause, named as a full run's ({@code dma_wait}, ... / {@code scoreboard}, ...). */
    public static Map<String, Long> stalls(Estimate e, boolean systolic) {
        Map<String, Long> stalls = new LinkedHashMap<>();
        if (systolic) {
            for (String k : new String[] {"dma_wait", "compute_wait", "buffer", "other"}) stalls.put(k, Math.round(e.metric("stall_" + k + "_cycles")));
        } else {
            for (String k : new String[] {"scoreboard", "memory", "barrier", "divergence"}) stalls.put(k, Math.round(e.metric("stall_" + k)));
        }
        return stalls;
    }

    /** The estimated energy of a sampled layer: on-chip categories from {@link #energyProbe}'s metrics, off-chip from the bytes. */
    public static EnergyReport energy(Estimate e, long offchipBytes, long cycles, long macs, TechTable tech) {
        EnumMap<Category, Double> by = new EnumMap<>(Category.class);
        for (Category c : Category.values()) if (c != Category.OFFCHIP) by.put(c, e.metric("energy." + c.key()));
        by.put(Category.OFFCHIP, offchipBytes * tech.offchipPjPerByte());
        return new EnergyReport(tech.name(), tech.clockGhz(), cycles, macs, by, new LinkedHashMap<>());
    }

    /** The 95% interval of the total energy: on-chip energy's own interval and the off-chip bytes', weighted by their shares. */
    public static double energyCi(Estimate e, EnergyReport r) {
        double offchip = r.breakdown().get(Category.OFFCHIP), onchip = r.totalPj() - offchip;
        double bytesCi = Math.max(e.metricsCi().getOrDefault("offchip_bytes_read", 0.0), e.metricsCi().getOrDefault("offchip_bytes_written", 0.0));
        return (onchip * e.metricsCi().getOrDefault("energy.onchip", 0.0) + offchip * bytesCi) / Math.max(1e-30, onchip + offchip);
    }

    /** Energy per emulated interval from the toggle counters, on-chip categories only (off-chip comes from the bytes). */
    public static MetricProbe energyProbe(TechTable tech) { return new EnergyProbe(tech); }

    private static final class EnergyProbe implements MetricProbe {
        private final TechTable tech;

        EnergyProbe(TechTable tech) { this.tech = tech; }

        @Override public void begin(Simulator sim) {
            sim.enableToggles(true);
            sim.clearToggles();
        }

        @Override public Map<String, Double> end(Simulator sim, long cycles) {
            EnergyReport r = EnergyRun.estimate(sim, cycles, 0, 1, tech);
            Map<String, Double> m = new LinkedHashMap<>();
            double onchip = 0;
            for (Category c : Category.values())
                if (c != Category.OFFCHIP) {
                    m.put("energy." + c.key(), r.breakdown().getOrDefault(c, 0.0));
                    onchip += r.breakdown().getOrDefault(c, 0.0);
                }
            m.put("energy.onchip", onchip);
            return m;
        }
    }
}
