package io.rtlbench.testbenches.bench;

import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.testbenches.simt.Elf;
import io.rtlbench.testbenches.sampling.Estimate;
import io.rtlbench.testbenches.sampling.MetricProbe;
import io.rtlbench.testbenches.sampling.SampleMode;
import io.rtlbench.testbenches.sampling.Sampler;
import io.rtlbench.testbenches.simt.SimtFormatKernels;
import io.rtlbench.testbenches.simt.SimtTiledLayer;
import io.rtlbench.testbenches.simt.SimtKernels;
import io.rtlbench.testbenches.simt.SimtMachine;
import io.rtlbench.testbenches.systolic.GemmGolden;
import io.rtlbench.testbenches.systolic.GemmJob;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SIMT core as a {@link CoreBench}: global memory (the off-chip store) is sized once for the
 * largest layer (A, B, INT32 C and 64 KiB for the program, a power of two of at least 1 MiB); a
 * layer runs the tiled INT8 GEMM kernel of the spec's datapath ({@link SimtKernels#gemm}: scalar, dp4a or
 * tensor; work-groups spread over the cores) and, when it is requantized, the requantization kernel
 * after it (their counts are summed). A floating-point layer ({@code job.format()} FP8 or MXFP4) runs
 * the soft-float kernels ({@link SimtFormatKernels}, K tile {@link #FORMAT_K_TILE}) and is checked
 * against the golden model at that tile. Bias is not supported on this core.
 * Also runs any bare-metal ELF ({@link #runElf}).
 */
public final class SimtBench implements CoreBench {
    private final SimtSpec spec;
    private final SimtConfig cfg;
    private final SimtMachine machine;
    private int bandwidth = BenchSetup.BUS_BYTES;
    private final SampleMode mode;
    /** K tile of exact accumulation for the floating-point formats (the SIMT kernels' fastest, 1..32). */
    public static final int FORMAT_K_TILE = 32;

    SimtBench(SimtSpec spec, BenchSetup setup, List<GemmJob> jobs) {
        this.spec = spec;
        this.mode = setup.sample();
        long bytes = 1 << 20;
        for (GemmJob j : jobs) bytes = Math.max(bytes, globalBytes(j.m(), j.k(), j.n()));
        cfg = spec.config().withOffchip(OffChipConfig.defaults().withLatency(setup.offchipLatency()).withSize(bytes));
        SimtKernels.checkFits(cfg);  // before the (slow) emulator build
        machine = new SimtMachine(cfg, setup.build());
    }

    /** Global memory for one GEMM: the tensors and 64 KiB for the program, rounded up to a power of two. */
    static long globalBytes(int m, int k, int n) {
        long need = (long) m * k + (long) k * n + 4L * m * n + (1 << 16);
        if (need > (1L << 30)) throw new IllegalArgumentException(String.format("a %dx%dx%d GEMM needs %,d bytes of SIMT global memory;"
                + " at most 1 GiB fits", m, k, n, need));
        return Long.highestOneBit(need) << 1;
    }

    @Override public SimtSpec spec() { return spec; }
    @Override public Simulator simulator() { return machine.simulator(); }
    @Override public int offchipBandwidth() { return bandwidth; }

    @Override public void offchipBandwidth(int bytesPerCycle) {
        bandwidth = BenchSetup.checkBandwidth(bytesPerCycle, "--offchip-bw");
    }

    public SimtConfig config() { return cfg; }
    public SimtMachine machine() { return machine; }

    @Override public GemmRun run(GemmJob job, long maxCycles) {
        CoreBench.checkMaxCycles(maxCycles);
        if (job.bias() != null) throw new IllegalArgumentException("the SIMT kernels run GEMMs without bias; fold the bias on the host");
        long c0 = begin();
        if (job.format().isFloat()) {
            SimtKernels.Run<int[][]> fp = guard(() -> SimtFormatKernels.gemm(machine, job, FORMAT_K_TILE, maxCycles));
            SimtMachine.Result r = fp.counters();
            long counted = simulator().options().toggles() ? simulator().cycle() - c0 : 0;
            String mismatch = GemmGolden.firstMismatch(job.expected(FORMAT_K_TILE), fp.output());
            return new GemmRun(mismatch == null, mismatch, fp.output(), job.macs(), r.cycles(), r.mulCycles(), r.bytesRead(), r.bytesWritten(),
                    counted, stallsOf(r), counters(r), r.ipc());
        }
        SimtKernels.Run<int[][]> mm = guard(() -> SimtKernels.gemm(machine, job.a(), job.b(), maxCycles));
        SimtMachine.Result r = mm.counters();
        int[][] out = mm.output();
        if (job.requant() != null) {
            int n = job.n();
            int[] flat = new int[job.m() * n];
            for (int i = 0; i < job.m(); i++) System.arraycopy(out[i], 0, flat, i * n, n);
            var q = guard(() -> SimtKernels.requant(machine, flat, job.requant().scale(), job.requant().shift(), job.requant().relu(), maxCycles));
            out = new int[job.m()][n];
            for (int i = 0; i < flat.length; i++) out[i / n][i % n] = q.output()[i];
            r = sum(r, q.counters());
        }
        long counted = simulator().options().toggles() ? simulator().cycle() - c0 : 0;
        String mismatch = GemmGolden.firstMismatch(job.expected(), out);
        return new GemmRun(mismatch == null, mismatch, out, job.macs(), r.cycles(), r.mulCycles(), r.bytesRead(), r.bytesWritten(),
                counted, stallsOf(r), counters(r), r.ipc());
    }

    /** Runs a bare-metal RV32IM ELF to completion (tohost written, or every warp stopped). */
    public SimtMachine.Result runElf(Path elf, long maxCycles) {
        CoreBench.checkMaxCycles(maxCycles);
        machine.load(Elf.read(elf));
        simulator().poke("io_offchipBandwidth", bandwidth);
        return guard(() -> machine.run(maxCycles));
    }

    private long begin() {
        Simulator sim = simulator();
        if (sim.cycle() > 0) sim.restart();  // every run starts from power-on: results do not depend on run order
        sim.poke("io_offchipBandwidth", bandwidth);
        if (sim.options().toggles()) {
            sim.enableToggles(true);
            sim.clearToggles();
        }
        return sim.cycle();
    }

    private <T> T guard(java.util.function.Supplier<T> run) {
        try {
            return run.get();
        } catch (SimtMachine.SimtHangException e) {
            throw new CoreHangException("SIMT " + spec.label() + ": " + e.getMessage(), e);
        }
    }

    public static Map<String, Long> stallsOf(SimtMachine.Result r) {
        Map<String, Long> s = new LinkedHashMap<>();
        s.put("scoreboard", r.stallScoreboard());
        s.put("memory", r.stallMemory());
        s.put("barrier", r.stallBarrier());
        s.put("divergence", r.stallDivergence());
        return s;
    }

    static Map<String, Long> counters(SimtMachine.Result r) {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("total_cycles", r.cycles());
        c.put("compute_cycles", r.mulCycles());
        c.put("offchip_bytes_read", r.bytesRead());
        c.put("offchip_bytes_written", r.bytesWritten());
        c.put("warp_instructions", r.warpInstrs());
        c.put("thread_instructions", r.threadInstrs());
        c.put("mul_lanes", r.mulLanes());
        c.put("divergent_branches", r.divergentBranches());
        return c;
    }

    static SimtMachine.Result sum(SimtMachine.Result a, SimtMachine.Result b) {
        return new SimtMachine.Result(b.tohost(), a.cycles() + b.cycles(), a.warpInstrs() + b.warpInstrs(), a.threadInstrs() + b.threadInstrs(),
                a.mulCycles() + b.mulCycles(), a.mulLanes() + b.mulLanes(), a.stallScoreboard() + b.stallScoreboard(),
                a.stallMemory() + b.stallMemory(), a.stallBarrier() + b.stallBarrier(), a.stallDivergence() + b.stallDivergence(),
                a.divergentBranches() + b.divergentBranches(), a.bytesRead() + b.bytesRead(), a.bytesWritten() + b.bytesWritten());
    }

    @Override public Estimate sample(GemmJob job, long maxCycles, MetricProbe probe, long seed) {
        CoreBench.checkMaxCycles(maxCycles);
        if (job.bias() != null || job.requant() != null || job.format().isFloat())
            throw new IllegalArgumentException("sampled SIMT runs cover raw INT8 GEMMs (no bias, requantization or floating-point format); use --sample off");
        begin();
        // Several cores: one work-group's launch leaves the other cores idle, so a tile measured alone does not
        // stand for a tile in the full run (a 2-core 256^3 GEMM estimated 33,555 cycles): emulate those whole.
        SampleMode m = cfg.cores() > 1 ? SampleMode.OFF : mode;
        return guard(() -> Sampler.run(new SimtTiledLayer(machine, job.a(), job.b(), maxCycles), m, probe, seed));
    }

    @Override public void close() { machine.close(); }
}
