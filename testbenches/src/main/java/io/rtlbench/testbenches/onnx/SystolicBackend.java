package io.rtlbench.testbenches.onnx;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.systolic.SystolicDriver;

/**
 * The systolic core running ONNX GEMM jobs through the tiling compiler and {@link SystolicDriver}:
 * the bias is preloaded into the accumulator and the requantization is fused into the move-out when
 * one (scale, shift) serves every output channel. The core's requantization is per layer, so a job
 * with per-channel multipliers (per-channel weight scales) moves its INT32 accumulators out and the
 * host requantizes them (counted as host work).
 */
public final class SystolicBackend implements AutoCloseable {
    private final SystolicDriver driver;

    public SystolicBackend(SystolicConfig cfg, BuildOptions options) { driver = new SystolicDriver(cfg, options); }

    public SystolicDriver driver() { return driver; }

    public CoreRun gemm(GemmJobs.Job job, long maxCycles) {
        boolean fused = job.rq() != null && job.rq().uniform();
        SystolicDriver.Result r = driver.run(new GemmJob(job.a(), job.b(), job.bias(), fused ? job.rq().channel(0) : null), maxCycles);
        long bytes = r.get("offchip_bytes_read") + r.get("offchip_bytes_written");
        int[][] c = r.c();
        if (fused || job.rq() == null) return new CoreRun(c, r.get("total_cycles"), bytes, 0);
        for (int[] row : c) for (int j = 0; j < row.length; j++) row[j] = job.rq().channel(j).apply(row[j]);
        return new CoreRun(c, r.get("total_cycles"), bytes, (long) c.length * c[0].length);
    }

    @Override public void close() { driver.close(); }
}
