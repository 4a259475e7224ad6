package io.rtlbench.tools.compare;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.testbenches.demo.MatMulGolden;
import io.rtlbench.testbenches.simt.SimtKernels;
import io.rtlbench.testbenches.simt.SimtMachine;
import io.rtlbench.tools.energy.TechTable;
import java.util.List;
import java.util.Map;

/**
 * The SIMT core in a comparison: parses "WxT" (warps x threads), sizes off-chip memory for the
 * largest layer, and runs each GEMM with the tiled INT8 GEMM kernel ({@link SimtKernels#gemm}).
 * Peak: one MAC per lane per cycle (threads per warp), since one warp issues per cycle.
 */
public final class SimtRunner extends CoreRunner {
    private final SimtConfig cfg;
    private final SimtMachine machine;

    public SimtRunner(String spec, OffChipConfig offchip, List<LayerTensors> layers, TechTable tech) {
        super(tech);
        String[] wt = spec.toLowerCase(java.util.Locale.ROOT).split("x");
        if (wt.length != 2) throw new IllegalArgumentException("--simt takes WARPSxTHREADS (e.g. 4x8); got '" + spec + "'");
        long bytes = 1 << 20;
        for (LayerTensors t : layers)
            bytes = Math.max(bytes, Long.highestOneBit((long) t.m() * t.k() + (long) t.k() * t.n() + 4L * t.m() * t.n() + (1 << 16)) << 1);
        try {
            cfg = SimtConfig.of(Integer.parseInt(wt[0]), Integer.parseInt(wt[1])).withOffchip(offchip.withSize(bytes));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--simt takes WARPSxTHREADS (e.g. 4x8); got '" + spec + "'");
        }
        machine = new SimtMachine(cfg, new BuildOptions(false, true));
    }

    @Override public String core() { return "simt"; }
    @Override public String label() { return cfg.warps() + "x" + cfg.threads(); }
    @Override public double peakMacsPerCycle() { return cfg.threads(); }
    @Override protected Simulator simulator() { return machine.simulator(); }

    @Override public Map<String, Object> run(LayerTensors t, int bandwidth, long maxCycles) {
        machine.simulator().poke("io_offchipBandwidth", bandwidth);
        long c0 = startCounting();
        SimtKernels.Run<int[][]> run = SimtKernels.gemm(machine, t.a(), t.b(), maxCycles);
        long counted = machine.simulator().cycle() - c0;
        String mismatch = MatMulGolden.firstMismatch(MatMulGolden.multiply(t.a(), t.b()), run.output());
        SimtMachine.Result r = run.counters();
        Map<String, Object> f = fields(mismatch == null, mismatch, t.macs(), r.cycles(), r.mulCycles(),
                r.bytesRead() + r.bytesWritten(), counted);
        f.put("ipc", r.ipc());
        f.put("stall_cycles", Map.of("scoreboard", r.stallScoreboard(), "memory", r.stallMemory(),
                "barrier", r.stallBarrier(), "divergence", r.stallDivergence()));
        return f;
    }

    @Override public void close() { machine.close(); }
}
