package io.rtlbench.testbenches.bench;

import io.rtlbench.emulator.CycleLimitException;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.testbenches.sampling.Estimate;
import io.rtlbench.testbenches.sampling.MetricProbe;
import io.rtlbench.testbenches.sampling.SampleMode;
import io.rtlbench.testbenches.sampling.Sampler;
import io.rtlbench.testbenches.systolic.SystolicSizing;
import io.rtlbench.testbenches.systolic.SystolicTiledLayer;
import io.rtlbench.testbenches.systolic.WeightStructure;
import io.rtlbench.testbenches.systolic.GemmGolden;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.systolic.SystolicCompiler;
import io.rtlbench.testbenches.systolic.SystolicDriver;
import io.rtlbench.testbenches.systolic.SystolicProgram;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The systolic core as a {@link CoreBench}: what every layer needs (commands, off-chip bytes) comes
 * from a dry compile ({@link SystolicSizing}, no tensors), then the SoC is built once with the
 * command memory and off-chip store sized to the largest layer (powers of two, at least 4,096
 * commands and 1 MiB) and in the layers' number format ({@code GemmJob.format()}: INT8, or FP8 /
 * MXFP4 PEs, weight-stationary only); floating-point results are checked at the array's K tile (R).
 */
public final class SystolicBench implements CoreBench {
    private final SystolicSpec spec;
    private final SystolicConfig cfg;
    private final SystolicDriver driver;
    private int bandwidth = BenchSetup.BUS_BYTES;
    private SampleMode sampleMode;

    SystolicBench(SystolicSpec spec, BenchSetup setup, List<GemmJob> jobs) {
        this.spec = spec;
        NumberFormat format = jobs.isEmpty() ? NumberFormat.INT8 : jobs.get(0).format();
        for (GemmJob j : jobs)
            if (j.format() != format) throw new IllegalArgumentException("all layers of a run must share one number format; got " + format + " and " + j.format());
        SystolicConfig base = SystolicConfig.of(spec.rows(), spec.cols(), SystolicConfig.Dataflow.valueOf(spec.dataflow().name()))
                .withFormat(format).withOffChip(OffChipConfig.defaults().withLatency(setup.offchipLatency()));
        SystolicSizing.Requirements need = new SystolicSizing.Requirements(4096, 1 << 20);
        for (GemmJob job : jobs) {
            SystolicSizing.Requirements full = SystolicSizing.requirements(base, job, WeightStructure.DENSE);
            boolean fits = full.commands() <= SystolicConfig.MAX_CMD_DEPTH && full.offchipBytes() <= 1L << 30;
            if (setup.sample().kind() != SampleMode.Kind.OFF) {
                need = need.max(SystolicSizing.sampleRequirements(base, job.m(), job.k(), job.n(), job.bias() != null, job.requant() != null,
                        WeightStructure.DENSE, SystolicTiledLayer.SPAN));
                if (fits) need = need.max(full);  // a sampled run may still emulate a layer whole when that is cheaper
            } else {
                need = need.max(full);
            }
        }
        cfg = need.applyTo(base);
        this.sampleMode = setup.sample();
        driver = new SystolicDriver(cfg, setup.build());
    }

    @Override public SystolicSpec spec() { return spec; }
    @Override public Simulator simulator() { return driver.simulator(); }
    @Override public int offchipBandwidth() { return bandwidth; }

    @Override public void offchipBandwidth(int bytesPerCycle) {
        bandwidth = BenchSetup.checkBandwidth(bytesPerCycle, "--offchip-bw");
    }

    /** The configuration the emulator was built with (sizes included). */
    public SystolicConfig config() { return cfg; }

    @Override public GemmRun run(GemmJob job, long maxCycles) {
        CoreBench.checkMaxCycles(maxCycles);
        SystolicProgram p = SystolicCompiler.compile(cfg, job);
        Simulator sim = driver.simulator();
        if (sim.cycle() > 0) sim.restart();  // every run starts from power-on: results do not depend on run order
        sim.poke("io_offchipBandwidth", bandwidth);
        boolean counting = sim.options().toggles();
        if (counting) {
            sim.enableToggles(true);
            sim.clearToggles();
        }
        long c0 = sim.cycle();
        SystolicDriver.Result r;
        try {
            r = driver.run(p, maxCycles);
        } catch (CycleLimitException e) {
            throw new CoreHangException(String.format("systolic %s did not finish within %,d cycles (--max-cycles): %d of %d commands"
                    + " retired", spec.label(), maxCycles, sim.peek("io_commands"), p.commands().size()), e);
        }
        long counted = counting ? sim.cycle() - c0 : 0;
        String mismatch = GemmGolden.firstMismatch(job.expected(cfg.rows()), r.c());
        Map<String, Long> stalls = new LinkedHashMap<>();
        stalls.put("dma_wait", r.get("stall_dma_wait_cycles"));
        stalls.put("compute_wait", r.get("stall_compute_wait_cycles"));
        stalls.put("buffer", r.get("stall_buffer_cycles"));
        stalls.put("other", r.get("stall_other_cycles"));
        return new GemmRun(mismatch == null, mismatch, r.c(), job.macs(), r.get("total_cycles"), r.get("compute_cycles"),
                r.get("offchip_bytes_read"), r.get("offchip_bytes_written"), counted, stalls, r.counters(), null);
    }

    @Override public Estimate sample(GemmJob job, long maxCycles, MetricProbe probe, long seed) {
        CoreBench.checkMaxCycles(maxCycles);
        Simulator sim = driver.simulator();
        if (sim.cycle() > 0) sim.restart();
        sim.poke("io_offchipBandwidth", bandwidth);
        try {
            return Sampler.run(new SystolicTiledLayer(driver, job, WeightStructure.DENSE, maxCycles), sampleMode, probe, seed);
        } catch (CycleLimitException e) {
            throw new CoreHangException("systolic " + spec.label() + " did not finish a sampled interval within " + maxCycles
                    + " cycles (--max-cycles): " + e.getMessage(), e);
        }
    }

    @Override public void close() { driver.close(); }
}
