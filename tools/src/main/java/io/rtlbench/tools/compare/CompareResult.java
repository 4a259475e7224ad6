package io.rtlbench.tools.compare;

import io.rtlbench.tools.results.CoreTotals;
import io.rtlbench.tools.results.Ratios;
import java.util.List;

/**
 * A comparison as written by {@code compare --json} (and read back by {@code report}): the
 * configuration, every layer on both cores, each core's totals, the ratios (SIMT over systolic), the
 * off-chip bandwidth sweep (when more than one bandwidth ran) and, for a chained model, the end-to-end run.
 */
public record CompareResult(String workload, double scale, CompareConfig config, List<LayerResult> layers, CoreTotals systolic,
                            CoreTotals simt, Ratios ratios, List<BandwidthPoint> bandwidthSweep, EndToEnd endToEnd) {
    public boolean verified() {
        return systolic.verified() && simt.verified() && (endToEnd == null || endToEnd.verified());
    }

    public CompareResult withEndToEnd(EndToEnd e) {
        return new CompareResult(workload, scale, config, layers, systolic, simt, ratios, bandwidthSweep, e);
    }

    /**
     * The run's settings. Peaks are MACs per cycle at 100% utilization; bandwidths in bytes/cycle;
     * latency in cycles; the clock (GHz) is the technology table's.
     */
    public record CompareConfig(String systolic, String simt, int offchipBw, int offchipBusBytes, int offchipLatency, String tech,
                                double clockGhz, double systolicPeakMacsPerCycle, double simtPeakMacsPerCycle, String data, long seed) {}

    /** One point of the memory wall: whole-workload figures of both cores at one off-chip bandwidth. */
    public record BandwidthPoint(int offchipBw, long systolicCycles, long simtCycles, double systolicPjPerMac, double simtPjPerMac,
                                 double systolicUtilization, double simtUtilization) {}

    /** A chained model run end to end on both cores (INT8 requantized between layers). */
    public record EndToEnd(String model, boolean verified, List<Layer> layers, long systolicCycles, long simtCycles, double speedup) {
        public record Layer(String name, long systolicCycles, long simtCycles, boolean systolicVerified, boolean simtVerified,
                            String systolicFirstMismatch, String simtFirstMismatch) {}
    }
}
