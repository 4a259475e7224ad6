package io.rtlbench.tools.compare;

import io.rtlbench.tools.results.CoreTotals;
import io.rtlbench.tools.results.Ratios;
import io.rtlbench.tools.area.AreaReport;
import io.rtlbench.tools.area.CoreFigures;
import io.rtlbench.tools.area.IsoView;
import io.rtlbench.tools.energy.MemoryPreset;
import io.rtlbench.tools.energy.SiliconComparison;
import io.rtlbench.tools.results.CoreRun;
import java.util.List;
import java.util.Map;

/**
 * A comparison as written by {@code compare --json} (and read back by {@code report}): the
 * configuration, every layer on both cores, each core's totals, the ratios (SIMT over systolic), the
 * off-chip bandwidth sweep (when more than one bandwidth ran) and, for a chained model, the end-to-end run.
 */
public record CompareResult(String workload, double scale, CompareConfig config, List<LayerResult> layers, CoreTotals systolic,
                            CoreTotals simt, Ratios ratios, List<BandwidthPoint> bandwidthSweep, EndToEnd endToEnd,
                            MemoryPreset.OffChip memoryPreset, Silicon area, List<GpuVariant> gpuVariants) {
    public boolean verified() {
        return systolic.verified() && simt.verified() && (endToEnd == null || endToEnd.verified());
    }

    public CompareResult withEndToEnd(EndToEnd e) {
        return new CompareResult(workload, scale, config, layers, systolic, simt, ratios, bandwidthSweep, e, memoryPreset, area, gpuVariants);
    }

    public CompareResult withExtras(MemoryPreset.OffChip memory, Silicon silicon, List<GpuVariant> variants) {
        return new CompareResult(workload, scale, config, layers, systolic, simt, ratios, bandwidthSweep, endToEnd, memory, silicon, variants);
    }

    /**
     * Area and throughput per area and per watt at the tech table's clock ({@code systolic}, {@code simt}: each
     * core's {@code area_mm2}, breakdown, TOPS, TOPS/W, TOPS/mm^2), and the comparison at equal area and equal
     * power ({@code iso}), and the emulated figures next to published silicon ({@code held_against_silicon}: ratio =
     * emulated / silicon; the conditions of the anchors are a large GEMM, a modern node and HBM, so read the ratios
     * under matching options). Totals of the whole workload at the main bandwidth.
     */
    public record Silicon(String tech, CoreSilicon systolic, CoreSilicon simt, IsoView.Summary iso,
                          List<SiliconComparison.Row> heldAgainstSilicon) {}

    public record CoreSilicon(String spec, double areaMm2, Map<String, Double> areaBreakdownMm2, double tops, double peakTops,
                              double watts, double topsPerW, double topsPerMm2, double peakTopsPerMm2) {
        public static CoreSilicon of(String spec, AreaReport area, CoreFigures f) {
            return new CoreSilicon(spec, area.areaMm2(), area.summary(0).breakdownMm2(), f.tops(), f.peakTops(), f.watts(), f.topsPerWatt(),
                    f.topsPerMm2(), f.peakTopsPerMm2());
        }
    }

    /** A further SIMT configuration (another datapath, core count or size) on the same workload, against the same systolic run. */
    public record GpuVariant(String simt, double peakMacsPerCycle, CoreTotals totals, Ratios ratios, List<CoreRun> layers) {}

    /**
     * The run's settings. Peaks are MACs per cycle at 100% utilization; bandwidths in bytes/cycle;
     * latency in cycles; the clock (GHz) is the technology table's.
     */
    public record CompareConfig(String systolic, String simt, int offchipBw, int offchipBusBytes, int offchipLatency, String tech,
                                double clockGhz, double systolicPeakMacsPerCycle, double simtPeakMacsPerCycle, String data, long seed,
                                String format, String memory) {}

    /** One point of the memory wall: whole-workload figures of both cores at one off-chip bandwidth. */
    public record BandwidthPoint(int offchipBw, long systolicCycles, long simtCycles, double systolicPjPerMac, double simtPjPerMac,
                                 double systolicUtilization, double simtUtilization) {}

    /** A chained model run end to end on both cores (INT8 requantized between layers). */
    public record EndToEnd(String model, boolean verified, List<Layer> layers, long systolicCycles, long simtCycles, double speedup) {
        public record Layer(String name, long systolicCycles, long simtCycles, boolean systolicVerified, boolean simtVerified,
                            String systolicFirstMismatch, String simtFirstMismatch) {}
    }
}
