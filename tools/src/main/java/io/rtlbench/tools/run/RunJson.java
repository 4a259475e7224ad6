package io.rtlbench.tools.run;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.rtlbench.tools.results.Energy;
import java.util.Map;

/** The JSON of {@code run}, one record per core (keys as documented in the README). */
final class RunJson {
    private RunJson() {}

    /** Systolic: the core's counters are flattened into the object (total_cycles, commands, stall_*_cycles, ...). */
    record Systolic(String core, String workload, long seed, SystolicConfigJson config, boolean verified, String firstMismatch, int m,
                    int k, int n, long expectedMacs, @JsonAnyGetter Map<String, Long> counters, double utilization,
                    double computeUtilization, long offchipBytes, double emulatorSeconds, String vcd, String data,
                    @JsonUnwrapped Energy energy) {}

    record SystolicConfigJson(int rows, int cols, String dataflow, int spadRows, int accRows, int offchipBusBytes, int offchipBytesPerCycle,
                              int offchipLatencyCycles) {}

    /** SIMT, a workload or an ELF (then workload, seed, macs and rates are absent, elf and tohost present). */
    record Simt(String core, int warps, int threads, long totalCycles, long computeCycles, long offchipBytes, long offchipBytesRead,
                long offchipBytesWritten, double ipc, double threadIpc, long warpInstructions, long threadInstructions,
                Map<String, Long> stallCycles, long divergentBranches, OffChip offchip, String elf, Long tohost, String workload, Long seed,
                boolean verified, String firstMismatch, Long macs, Double utilization, Double macsPerCycle, String vcd, String data,
                @JsonUnwrapped Energy energy) {}

    record OffChip(int busBytes, int bytesPerCycle, int latencyCycles) {}
}
