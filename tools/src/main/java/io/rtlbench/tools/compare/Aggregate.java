package io.rtlbench.tools.compare;

import io.rtlbench.testbenches.bench.BenchSetup;
import io.rtlbench.testbenches.bench.CoreSpec;
import io.rtlbench.testbenches.workloads.LayerTensors;
import io.rtlbench.testbenches.workloads.WorkloadSet;
import io.rtlbench.tools.cli.DataOptions;
import io.rtlbench.tools.energy.TechTable;
import io.rtlbench.tools.results.CoreRun;
import io.rtlbench.tools.results.CoreTotals;
import io.rtlbench.tools.results.Ratios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a comparison's runs into its result: per-layer entries (counts times the layer's repeat),
 * totals per core, ratios, and the memory-wall sweep (whole-workload totals at each bandwidth).
 */
final class Aggregate {
    private Aggregate() {}

    static CompareResult build(String workload, double scale, List<WorkloadSet.Entry> entries, List<LayerTensors> tensors,
                               CoreSpec sys, CoreSpec gpu, int bw, BenchSetup setup, TechTable tech,
                               Map<Integer, List<CoreRun>> sysRuns, Map<Integer, List<CoreRun>> gpuRuns, DataOptions data,
                               String format, String memory) {
        var config = new CompareResult.CompareConfig(sys.label(), gpu.label(), bw, BenchSetup.BUS_BYTES, setup.offchipLatency(),
                tech.name(), tech.clockGhz(), sys.peakMacsPerCycle(), gpu.peakMacsPerCycle(), data.data.toString(), data.seed, format, memory);
        List<LayerResult> layers = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            var e = entries.get(i);
            int repeat = e.layer().repeat();
            CoreRun s = sysRuns.get(bw).get(i).times(repeat), g = gpuRuns.get(bw).get(i).times(repeat);
            LayerTensors t = tensors.get(i);
            layers.add(new LayerResult(e.name(), e.layer().spec(), t.m() + "x" + t.k() + "x" + t.n(), repeat, t.macs() * repeat,
                    e.layer().arithmeticIntensity(), s, g, Ratios.of(s, g)));
        }
        CoreTotals st = CoreTotals.of(layers.stream().map(LayerResult::systolic).toList(), sys.peakMacsPerCycle());
        CoreTotals gt = CoreTotals.of(layers.stream().map(LayerResult::simt).toList(), gpu.peakMacsPerCycle());
        List<CompareResult.BandwidthPoint> sweep = new ArrayList<>();
        for (int b : sysRuns.keySet().stream().sorted().toList()) {
            CoreTotals s = CoreTotals.of(repeated(sysRuns.get(b), entries), sys.peakMacsPerCycle());
            CoreTotals g = CoreTotals.of(repeated(gpuRuns.get(b), entries), gpu.peakMacsPerCycle());
            sweep.add(new CompareResult.BandwidthPoint(b, s.totalCycles(), g.totalCycles(), s.pjPerMac(), g.pjPerMac(), s.utilization(),
                    g.utilization()));
        }
        return new CompareResult(workload, scale, config, layers, st, gt, Ratios.of(st, gt), sweep.size() > 1 ? sweep : null, null,
                null, null, null);
    }

    /** A further SIMT configuration's totals over the same layers, against the systolic totals. */
    static CompareResult.GpuVariant variant(CoreSpec spec, List<CoreRun> runs, List<WorkloadSet.Entry> entries, CoreTotals systolic) {
        List<CoreRun> layers = repeated(runs, entries);
        CoreTotals t = CoreTotals.of(layers, spec.peakMacsPerCycle());
        return new CompareResult.GpuVariant(spec.label(), spec.peakMacsPerCycle(), t, Ratios.of(systolic, t), layers);
    }

    private static List<CoreRun> repeated(List<CoreRun> runs, List<WorkloadSet.Entry> entries) {
        List<CoreRun> out = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) out.add(runs.get(i).times(entries.get(i).layer().repeat()));
        return out;
    }
}
