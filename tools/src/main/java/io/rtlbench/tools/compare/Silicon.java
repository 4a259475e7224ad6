package io.rtlbench.tools.compare;

import io.rtlbench.testbenches.bench.BenchSetup;
import io.rtlbench.testbenches.bench.CoreBench;
import io.rtlbench.testbenches.bench.CoreSpec;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.tools.area.AreaReport;
import io.rtlbench.tools.area.AreaRun;
import io.rtlbench.tools.area.CoreFigures;
import io.rtlbench.tools.area.IsoView;
import io.rtlbench.tools.energy.SiliconComparison;
import io.rtlbench.tools.energy.TechTable;
import io.rtlbench.tools.results.CoreTotals;
import java.util.List;

/**
 * The silicon view of a comparison: each core's area (the same emulators the runs used, so the
 * memories are sized as they ran; Yosys gate counts are cached), its TOPS, TOPS/W and TOPS/mm^2 at
 * the tech table's clock from the whole-workload totals, and the iso-area / iso-power restatement
 * ({@link IsoView}) with the SIMT cores sharing the systolic core's off-chip bandwidth.
 */
final class Silicon {
    private Silicon() {}

    static CompareResult.Silicon estimate(CoreSpec sys, CoreSpec gpu, BenchSetup setup, List<GemmJob> jobs, TechTable tech,
                                          CompareResult r, int offchipBw, List<CompareResult.GpuVariant> variants) {
        AreaReport sa = area(sys, setup, jobs, tech), ga = area(gpu, setup, jobs, tech);
        CoreFigures sf = figures(sys, r.systolic(), sa, tech), gf = figures(gpu, r.simt(), ga, tech);
        // The silicon SIMT anchor is INT8 dp4a: hold a dp4a GPU variant against it when one ran, else the main SIMT core.
        CompareResult.GpuVariant dp4a = variants.stream().filter(v -> v.simt().endsWith(",dp4a")).findFirst().orElse(null);
        double simtPj = dp4a != null ? dp4a.totals().pjPerMac() : gf.pjPerMac();
        String simtLabel = dp4a != null ? dp4a.simt() : gpu.label();
        var held = SiliconComparison.rows(new SiliconComparison.Emulated(sf.pjPerMac(), simtPj, sf.topsPerWatt(), gf.topsPerWatt(), Double.NaN,
                simtLabel, gpu.label()));
        return new CompareResult.Silicon(tech.name(), CompareResult.CoreSilicon.of(sys.label(), sa, sf),
                CompareResult.CoreSilicon.of(gpu.label(), ga, gf), IsoView.of(sf, gf, offchipBw).summary(), held);
    }

    private static AreaReport area(CoreSpec spec, BenchSetup setup, List<GemmJob> jobs, TechTable tech) {
        try (CoreBench b = CoreBench.open(spec, setup, jobs)) {
            return AreaRun.estimate(b.simulator(), tech);
        }
    }

    private static CoreFigures figures(CoreSpec spec, CoreTotals t, AreaReport a, TechTable tech) {
        return new CoreFigures(spec.core(), t.macs(), t.totalCycles(), t.energyPj(), a.areaMm2(), t.offchipBytes(), tech.clockGhz(),
                spec.peakMacsPerCycle());
    }
}
