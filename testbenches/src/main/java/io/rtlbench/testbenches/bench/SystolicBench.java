package io.rtlbench.testbenches.bench;

import io.rtlbench.emulator.CycleLimitException;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.mem.OffChipConfig;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.testbenches.systolic.GemmGolden;
import io.rtlbench.testbenches.systolic.GemmJob;
import io.rtlbench.testbenches.systolic.SystolicCompiler;
import io.rtlbench.testbenches.systolic.SystolicDriver;
import io.rtlbench.testbenches.systolic.SystolicProgram;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The systolic core as a {@link CoreBench}: every layer is compiled once against the largest
 * command memory (65,536 commands) and a 1 GiB off-chip image to learn what it needs, then the SoC
 * is built with the command memory and off-chip store sized to the largest layer (powers of two,
 * at least 4,096 commands and 1 MiB) and each run recompiles for that configuration.
 */
public final class SystolicBench implements CoreBench {
    static final int MAX_COMMANDS = 65536;
    private final SystolicSpec spec;
    private final SystolicConfig cfg;
    private final SystolicDriver driver;
    private int bandwidth = BenchSetup.BUS_BYTES;

    SystolicBench(SystolicSpec spec, BenchSetup setup, List<GemmJob> jobs) {
        this.spec = spec;
        SystolicConfig base = SystolicConfig.of(spec.rows(), spec.cols(), SystolicConfig.Dataflow.valueOf(spec.dataflow().name()))
                .withOffChip(OffChipConfig.defaults().withLatency(setup.offchipLatency()));
        SystolicConfig probe = new SystolicConfig(base.array(), base.memories(), base.offchip().withSize(1L << 30), MAX_COMMANDS);
        long bytes = 1 << 20;
        int cmds = 4096;
        for (GemmJob job : jobs) {
            SystolicProgram p = SystolicCompiler.compile(probe, job);
            bytes = Math.max(bytes, Long.highestOneBit(Math.max(1, p.image().size() - 1)) << 1);
            cmds = Math.max(cmds, Integer.highestOneBit(Math.max(1, p.commands().size() - 1)) << 1);
        }
        cfg = new SystolicConfig(base.array(), base.memories(), base.offchip().withSize(bytes), cmds);
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
        String mismatch = GemmGolden.firstMismatch(job.expected(), r.c());
        Map<String, Long> stalls = new LinkedHashMap<>();
        stalls.put("dma_wait", r.get("stall_dma_wait_cycles"));
        stalls.put("compute_wait", r.get("stall_compute_wait_cycles"));
        stalls.put("buffer", r.get("stall_buffer_cycles"));
        stalls.put("other", r.get("stall_other_cycles"));
        return new GemmRun(mismatch == null, mismatch, r.c(), job.macs(), r.get("total_cycles"), r.get("compute_cycles"),
                r.get("offchip_bytes_read"), r.get("offchip_bytes_written"), counted, stalls, r.counters(), null);
    }

    @Override public void close() { driver.close(); }
}
