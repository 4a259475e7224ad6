package io.rtlbench.testbenches.bench;

import java.util.Map;

/**
 * One GEMM layer run on a core and checked against the golden model.
 *
 * @param verified            every output element equals the golden model's
 * @param firstMismatch       where it first differs (null when verified)
 * @param output              the core's result (M x N; INT32, or INT8 values when requantized)
 * @param macs                multiply-accumulates of the layer (M x K x N)
 * @param totalCycles         cycles from start to completion
 * @param computeCycles       cycles the datapath did MACs (systolic: array busy; SIMT: multiply issued)
 * @param offchipBytesRead    bytes read on the off-chip port (whole beats)
 * @param offchipBytesWritten bytes written on the off-chip port
 * @param countedCycles       cycles the activity counters covered (for energy; 0 without counting)
 * @param stallCycles         cycles without MACs by cause, in report order (JSON keys)
 * @param counters            every counter of the core by its JSON name, in report order
 * @param ipc                 warp instructions per cycle (SIMT), else null
 */
public record GemmRun(boolean verified, String firstMismatch, int[][] output, long macs, long totalCycles, long computeCycles,
                      long offchipBytesRead, long offchipBytesWritten, long countedCycles, Map<String, Long> stallCycles,
                      Map<String, Long> counters, Double ipc) {
    public long offchipBytes() { return offchipBytesRead + offchipBytesWritten; }
    public double macsPerCycle() { return totalCycles == 0 ? 0 : (double) macs / totalCycles; }
}
