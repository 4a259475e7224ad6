package io.rtlbench.tools.run;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.tools.RunCommand;
import io.rtlbench.tools.energy.EnergyReport;
import io.rtlbench.tools.energy.EnergyRun;
import io.rtlbench.tools.energy.TechTable;
import java.util.Map;

/**
 * What {@code run --energy} and {@code run --vcd} add to either core's run: the emulator variant to
 * build, the counted/traced window around the run, and the energy fields of the JSON
 * ({@code energy_pj}, {@code pj_per_mac}, {@code breakdown}, {@code modules}).
 */
final class RunExtras {
    private final RunCommand o;
    private final Simulator sim;
    private long start;

    private RunExtras(RunCommand o, Simulator sim) {
        this.o = o;
        this.sim = sim;
    }

    /** Trace build with --vcd, toggle-counting build with --energy. */
    static BuildOptions options(RunCommand o) {
        if (o.vcd != null && o.vcdTo <= o.vcdFrom) throw new IllegalArgumentException("--to must be greater than --from");
        return new BuildOptions(o.vcd != null, o.energy);
    }

    /** Call just before the run: opens the VCD window (absolute cycles) and starts counting. */
    static RunExtras begin(RunCommand o, Simulator sim) {
        RunExtras x = new RunExtras(o, sim);
        if (o.vcd != null && o.scopes != null) sim.traceScopes(o.scopes);
        if (o.vcd != null) sim.traceWindow(o.vcd, o.vcdFrom, o.vcdTo);
        if (o.energy) {
            TechTable.of(o.tech);  // a bad --tech fails before the run
            sim.enableToggles(true);
            sim.clearToggles();
        }
        x.start = sim.cycle();
        return x;
    }

    /** Call after the run: closes the VCD, adds the energy fields to {@code json} and prints the table. */
    void finish(Map<String, Object> json, long offchipBytes, long macs) {
        if (o.vcd != null) {
            sim.traceClose();
            System.out.printf("VCD of cycles [%d, %d): %s%n", o.vcdFrom, Math.min(o.vcdTo, sim.cycle()), o.vcd);
            json.put("vcd", o.vcd.toString());
        }
        if (!o.energy) return;
        EnergyReport e = EnergyRun.estimate(sim, sim.cycle() - start, offchipBytes, macs, TechTable.of(o.tech));
        System.out.print(e.table(8));
        json.put("data", o.data);
        json.putAll(e.toJson(16));
    }
}
