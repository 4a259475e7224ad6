package io.rtlbench.tools.compare;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.testbenches.systolic.GemmGolden;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.systolic.SystolicCompiler;
import io.rtlbench.testbenches.systolic.SystolicDriver;
import io.rtlbench.testbenches.systolic.SystolicProgram;
import io.rtlbench.tools.energy.TechTable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The systolic core in a comparison: parses "RxC,ws|os", sizes the off-chip memory and command
 * memory once for every layer of the run (so one emulator build serves them all), and runs each
 * GEMM through the tiling compiler and {@link SystolicDriver}.
 */
public final class SystolicRunner extends CoreRunner {
    private final SystolicConfig cfg;
    private final SystolicDriver driver;
    private final String label;

    public SystolicRunner(String spec, OffChipConfig offchip, List<LayerTensors> layers, TechTable tech) {
        super(tech);
        String[] parts = spec.toLowerCase(Locale.ROOT).split(",");
        String[] rc = parts[0].split("x");
        if (rc.length != 2 || parts.length > 2)
            throw new IllegalArgumentException("--systolic takes RxC[,ws|os] (e.g. 16x16,ws); got '" + spec + "'");
        SystolicConfig.Dataflow df = parts.length < 2 || parts[1].equals("ws") ? SystolicConfig.Dataflow.WS
                : parts[1].equals("os") ? SystolicConfig.Dataflow.OS : null;
        if (df == null) throw new IllegalArgumentException("systolic dataflow must be ws or os; got '" + parts[1] + "'");
        SystolicConfig base;
        try {
            base = SystolicConfig.of(Integer.parseInt(rc[0]), Integer.parseInt(rc[1]), df).withOffChip(offchip);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--systolic takes RxC[,ws|os]; got '" + spec + "'");
        }
        long bytes = 1 << 20;
        int cmds = 4096;
        for (LayerTensors t : layers) {
            SystolicProgram p = SystolicCompiler.compile(base, new GemmJob(t.a(), t.b(), null, null));
            bytes = Math.max(bytes, Long.highestOneBit(Math.max(1, p.image().size() - 1)) << 1);
            cmds = Math.max(cmds, Integer.highestOneBit(Math.max(1, p.commands().size() - 1)) << 1);
        }
        if (cmds > 65536) throw new IllegalArgumentException("a layer needs more than 65536 systolic commands; use a smaller --scale");
        cfg = new SystolicConfig(base.array(), base.memories(), offchip.withSize(bytes), cmds);
        label = cfg.rows() + "x" + cfg.cols() + "," + df.name().toLowerCase(Locale.ROOT);
        driver = new SystolicDriver(cfg, new BuildOptions(false, true));
    }

    @Override public String core() { return "systolic"; }
    @Override public String label() { return label; }
    @Override public double peakMacsPerCycle() { return (double) cfg.rows() * cfg.cols(); }
    @Override protected Simulator simulator() { return driver.simulator(); }

    @Override public Map<String, Object> run(LayerTensors t, int bandwidth, long maxCycles) {
        GemmJob job = new GemmJob(t.a(), t.b(), null, null);
        driver.simulator().poke("io_offchipBandwidth", bandwidth);
        long c0 = startCounting();
        SystolicDriver.Result r = driver.run(SystolicCompiler.compile(cfg, job), maxCycles);
        long counted = driver.simulator().cycle() - c0;
        String mismatch = GemmGolden.firstMismatch(job.expected(), r.c());
        Map<String, Object> f = fields(mismatch == null, mismatch, job.macs(), r.get("total_cycles"), r.get("compute_cycles"),
                r.get("offchip_bytes_read") + r.get("offchip_bytes_written"), counted);
        f.put("stall_cycles", Map.of("dma_wait", r.get("stall_dma_wait_cycles"), "compute_wait", r.get("stall_compute_wait_cycles"),
                "buffer", r.get("stall_buffer_cycles"), "other", r.get("stall_other_cycles")));
        return f;
    }

    @Override public void close() { driver.close(); }
}
