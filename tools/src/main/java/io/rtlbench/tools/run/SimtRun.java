package io.rtlbench.tools.run;

import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.testbenches.demo.MatMulGolden;
import io.rtlbench.testbenches.simt.Elf;
import io.rtlbench.testbenches.simt.SimtKernels;
import io.rtlbench.testbenches.simt.SimtMachine;
import io.rtlbench.testbenches.data.DataPattern;
import io.rtlbench.tools.Json;
import io.rtlbench.tools.Main;
import io.rtlbench.tools.RunCommand;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * {@code rtlbench run --core simt}: either a workload ({@code gemm:M,K,N}, random INT8 tensors from
 * the seed, the C GEMM kernel, verified against the same golden model as the systolic core) or any
 * bare-metal RV32IM ELF ({@code --elf}: prints the tohost value, exit 0 only when it is 1).
 * Metrics: total_cycles = cycles from reset to completion; compute_cycles = cycles in which the
 * execute stage ran a multiply (the MAC instruction of the kernels) with at least one active lane;
 * utilization = MACs / (total_cycles x threads per warp), i.e. the fraction of the lanes' peak of
 * one MAC per lane per cycle (one warp issues per cycle); ipc = warp instructions per cycle;
 * offchip_bytes = bytes read + written on the off-chip port (whole beats); stall_cycles: cycles
 * without issue while a ready warp waited on the scoreboard (loads, divider), on the LSU (memory) or
 * at a barrier, and (divergence) execute cycles whose thread mask was not full.
 */
public final class SimtRun {
    private SimtRun() {}

    public static int run(RunCommand o) {
        OffChipConfig oc = OffChipConfig.defaults().withLatency(o.offchipLatency);
        if (o.offchipBandwidth != null) oc = oc.withBandwidth(o.offchipBandwidth);
        SimtConfig cfg = SimtConfig.of(o.warps, o.threads).withOffchip(oc);
        if (o.maxCycles < 1) throw new Main.UserError("--max-cycles must be >= 1");
        return o.elf != null ? runElf(o, cfg) : runWorkload(o, cfg);
    }

    private static int runElf(RunCommand o, SimtConfig cfg) {
        if (!Files.isRegularFile(o.elf)) throw new Main.UserError("no such ELF file: " + o.elf);
        Elf elf = Elf.read(o.elf);
        if (!elf.symbols().containsKey("tohost"))
            System.err.println("rtlbench: warning: " + o.elf + " has no 'tohost' symbol; the run ends when every warp stops");
        try (SimtMachine m = new SimtMachine(cfg)) {
            m.load(elf);
            SimtMachine.Result r = run(m, o.maxCycles);
            String verdict = r.tohost() == 1 ? "PASS" : r.tohost() == 0 ? "no tohost write"
                    : (r.tohost() & 1) == 1 ? "FAIL: test " + (r.tohost() >> 1) : "FAIL";
            System.out.printf("tohost = %d (%s); %d cycles, %d warp instructions, IPC %.3f on %dx%d%n", r.tohost(), verdict,
                    r.cycles(), r.warpInstrs(), r.ipc(), cfg.warps(), cfg.threads());
            if (o.json != null) {
                Map<String, Object> j = base(cfg, r);
                j.put("elf", o.elf.toString());
                j.put("tohost", r.tohost());
                j.put("verified", r.tohost() == 1);
                Json.writeFile(o.json, j);
            }
            return r.tohost() == 1 ? 0 : 1;
        }
    }

    private static int runWorkload(RunCommand o, SimtConfig cfg) {
        int[] dims = parseGemm(o.workload);
        int mm = dims[0], k = dims[1], n = dims[2];
        Random rnd = new Random(o.seed);
        DataPattern data = DataPattern.parse(o.data);
        byte[][] a = data.matrix(rnd, mm, k), b = data.matrix(rnd, k, n);
        SimtKernels.checkFits(cfg);  // before the (slow) emulator build
        try (SimtMachine m = new SimtMachine(cfg, RunExtras.options(o))) {
            SimtKernels.Run<int[][]> run;
            Map<String, Object> extra = new LinkedHashMap<>();
            try {
                RunExtras x = RunExtras.begin(o, m.simulator());
                run = SimtKernels.gemm(m, a, b, o.maxCycles);
                x.finish(extra, run.counters().bytesRead() + run.counters().bytesWritten(), (long) mm * k * n);
            } catch (SimtMachine.SimtHangException e) {
                throw new Main.UserError(e.getMessage());
            }
            String mismatch = MatMulGolden.firstMismatch(MatMulGolden.multiply(a, b), run.output());
            SimtMachine.Result r = run.counters();
            long macs = (long) mm * k * n;
            double util = (double) macs / ((double) r.cycles() * cfg.threads());
            System.out.printf("SIMT %dx%d gemm %dx%dx%d (seed %d): %s, %d cycles, %d compute cycles, IPC %.3f, "
                            + "%.3f MACs/cycle, utilization %.1f%%, off-chip %d B%n", cfg.warps(), cfg.threads(), mm, k, n, o.seed,
                    mismatch == null ? "verified bit-exactly" : "MISMATCH: " + mismatch, r.cycles(), r.mulCycles(), r.ipc(),
                    (double) macs / r.cycles(), 100 * util, r.bytesRead() + r.bytesWritten());
            if (o.json != null) {
                Map<String, Object> j = base(cfg, r);
                j.put("workload", o.workload);
                j.put("seed", o.seed);
                j.put("verified", mismatch == null);
                j.put("macs", macs);
                j.put("utilization", util);
                j.put("macs_per_cycle", (double) macs / r.cycles());
                j.putAll(extra);
                Json.writeFile(o.json, j);
            }
            return mismatch == null ? 0 : 1;
        }
    }

    private static SimtMachine.Result run(SimtMachine m, long maxCycles) {
        try {
            return m.run(maxCycles);
        } catch (SimtMachine.SimtHangException e) {
            throw new Main.UserError(e.getMessage());
        }
    }

    private static Map<String, Object> base(SimtConfig cfg, SimtMachine.Result r) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("core", "simt");
        j.put("warps", cfg.warps());
        j.put("threads", cfg.threads());
        j.put("total_cycles", r.cycles());
        j.put("compute_cycles", r.mulCycles());
        j.put("offchip_bytes", r.bytesRead() + r.bytesWritten());
        j.put("offchip_bytes_read", r.bytesRead());
        j.put("offchip_bytes_written", r.bytesWritten());
        j.put("ipc", r.ipc());
        j.put("thread_ipc", r.threadIpc());
        j.put("warp_instructions", r.warpInstrs());
        j.put("thread_instructions", r.threadInstrs());
        Map<String, Object> stalls = new LinkedHashMap<>();
        stalls.put("scoreboard", r.stallScoreboard());
        stalls.put("memory", r.stallMemory());
        stalls.put("barrier", r.stallBarrier());
        stalls.put("divergence", r.stallDivergence());
        j.put("stall_cycles", stalls);
        j.put("divergent_branches", r.divergentBranches());
        j.put("offchip", Map.of("bus_bytes", cfg.offchip().busBytes(), "bytes_per_cycle", cfg.offchip().bytesPerCycle(),
                "latency_cycles", cfg.offchip().latencyCycles()));
        return j;
    }

    static int[] parseGemm(String w) {
        if (w == null || !w.startsWith("gemm:")) throw new Main.UserError("unknown workload '" + w + "': use gemm:M,K,N");
        String[] p = w.substring(5).split(",");
        if (p.length != 3) throw new Main.UserError("workload '" + w + "' must be gemm:M,K,N");
        int[] d = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                d[i] = Integer.parseInt(p[i].trim());
            } catch (NumberFormatException e) {
                throw new Main.UserError("workload '" + w + "': '" + p[i] + "' is not a number");
            }
            if (d[i] < 1 || d[i] > 4096) throw new Main.UserError("workload '" + w + "': dimensions must be 1..4096");
        }
        return d;
    }
}
