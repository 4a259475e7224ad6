package io.rtlbench.tools.run;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.rtlbench.tools.results.CoreRun;
import io.rtlbench.tools.results.Energy;
import java.util.Map;

/**
 * The JSON of {@code run}, one record per core (keys as documented in the README). {@code sampling}
 * adds {@code sampled} (false for a full run) and, for {@code --sample auto|N}, {@code tiles_total},
 * {@code tiles_emulated}, {@code cycles_ci} (relative half-width of the 95% interval) and, with
 * energy, {@code energy_ci}; a sampled run's counts are estimates.
 */
final class RunJson {
    private RunJson() {}

    /** Systolic: the core's counters are flattened into the object (total_cycles, commands, stall_*_cycles, ...). */
    record Systolic(String core, String workload, String format, long seed, SystolicConfigJson config, boolean verified, String firstMismatch,
                    @JsonUnwrapped CoreRun.Sampling sampling, int m, int k, int n, long expectedMacs, @JsonAnyGetter Map<String, Long> counters,
                    double utilization, double computeUtilization, long offchipBytes, double emulatorSeconds, String vcd, String data,
                    @JsonUnwrapped Energy energy) {}

    record SystolicConfigJson(int rows, int cols, String dataflow, int spadRows, int accRows, int offchipBusBytes, int offchipBytesPerCycle,
                              int offchipLatencyCycles) {}

    /**
     * SIMT, a workload or an ELF (then workload, format, seed, macs, rates and sampling are absent, elf
     * and tohost present). {@code spec}: the GPU as {@code --simt} writes it; divergent_branches is
     * absent for a sampled run (the sampler does not estimate it).
     */
    record Simt(String core, int warps, int threads, String spec, int cores, String datapath, long totalCycles, long computeCycles,
                long offchipBytes, long offchipBytesRead, long offchipBytesWritten, double ipc, double threadIpc, long warpInstructions,
                long threadInstructions, Map<String, Long> stallCycles, Long divergentBranches, OffChip offchip, String elf, Long tohost,
                String workload, String format, Long seed, boolean verified, String firstMismatch, @JsonUnwrapped CoreRun.Sampling sampling,
                Long macs, Double utilization, Double macsPerCycle, String vcd, String data, @JsonUnwrapped Energy energy) {}

    record OffChip(int busBytes, int bytesPerCycle, int latencyCycles) {}
}
