package io.rtlbench.tools.compare;

import io.rtlbench.emulator.Simulator;
import io.rtlbench.tools.energy.EnergyReport;
import io.rtlbench.tools.energy.EnergyRun;
import io.rtlbench.tools.energy.TechTable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One core, built once (toggle-counting emulator), running raw INT32 GEMMs C = A x B at a given
 * off-chip bandwidth and returning the run's fields: verified, macs, total_cycles, compute_cycles,
 * macs_per_cycle, utilization, offchip_bytes and the energy fields (energy_pj, pj_per_mac,
 * breakdown, modules). Implementations say how they drive their core.
 */
public abstract class CoreRunner implements AutoCloseable {
    protected final TechTable tech;

    protected CoreRunner(TechTable tech) { this.tech = tech; }

    /** "systolic" or "simt". */
    public abstract String core();

    /** The configuration, e.g. "16x16,ws" or "4x8". */
    public abstract String label();

    /** MACs per cycle at 100% utilization. */
    public abstract double peakMacsPerCycle();

    protected abstract Simulator simulator();

    /** Runs one GEMM on the core; {@code bandwidth} in bytes/cycle (0 = configured). */
    public abstract Map<String, Object> run(LayerTensors t, int bandwidth, long maxCycles);

    /** Common fields plus energy, from the counted window. */
    protected Map<String, Object> fields(boolean verified, String mismatch, long macs, long cycles, long computeCycles,
                                         long offchipBytes, long countedCycles) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("verified", verified);
        if (mismatch != null) r.put("first_mismatch", mismatch);
        r.put("macs", macs);
        r.put("total_cycles", cycles);
        r.put("cycles", cycles);
        r.put("compute_cycles", computeCycles);
        r.put("macs_per_cycle", (double) macs / cycles);
        r.put("utilization", (double) macs / (peakMacsPerCycle() * cycles));
        r.put("offchip_bytes", offchipBytes);
        EnergyReport e = EnergyRun.estimate(simulator(), countedCycles, offchipBytes, macs, tech);
        r.putAll(e.toJson(8));
        return r;
    }

    @Override public abstract void close();

    /** Starts a counted window: clears the toggle counters and returns the current cycle. */
    protected long startCounting() {
        Simulator sim = simulator();
        sim.enableToggles(true);
        sim.clearToggles();
        return sim.cycle();
    }
}
