package io.rtlbench.testbenches.systolic;

import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.rtl.systolic.SystolicCounter;
import io.rtlbench.rtl.systolic.SystolicSoc;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs compiled programs on one emulated {@link SystolicSoc} (built once per config): loads the
 * command memory {@code core.cmds} and the off-chip image {@code offchip.store} through the
 * backdoor, releases reset, runs until {@code io_done} in one native call, then reads the results
 * and the counters back. A run may stop on the way at COMPUTE completion counts ({@link Breakpoints},
 * used by sampled emulation to measure single tiles) without changing its timing.
 */
public final class SystolicDriver implements AutoCloseable {
    public static final String CMD_MEM = "core.cmds", OFFCHIP_MEM = "offchip.store";
    private final SystolicConfig cfg;
    private final Simulator sim;

    public SystolicDriver(SystolicConfig cfg) { this(cfg, io.rtlbench.emulator.BuildOptions.PLAIN); }

    /** With a trace and/or toggle-counting build of the emulator. */
    public SystolicDriver(SystolicConfig cfg, io.rtlbench.emulator.BuildOptions options) {
        this.cfg = cfg;
        this.sim = Simulator.create(io.rtlbench.testbenches.Designs.elaborate(() -> new SystolicSoc(cfg)), options);
    }

    public SystolicConfig config() { return cfg; }
    public Simulator simulator() { return sim; }

    /** Result of one run: C as the core computed it and the counters. */
    public record Result(int[][] c, Map<String, Long> counters) {
        public long get(String name) {
            Long v = counters.get(name);
            if (v == null) throw new IllegalArgumentException("no counter " + name + "; have " + counters.keySet());
            return v;
        }
    }

    public Result run(GemmJob job, long maxCycles) { return run(SystolicCompiler.compile(cfg, job), maxCycles); }

    public Result run(SystolicProgram p, long maxCycles) { return run(p, maxCycles, null); }

    /** Called when the run reaches each breakpoint: the emulator stands at the cycle the COMPUTE count was reached. */
    public interface Breakpoints {
        /** COMPUTE completion counts to stop at, ascending (from 1). */
        long[] computes();
        /** The emulator reached breakpoint i; {@code cycles} since reset was released. */
        void reached(int i, long cycles, Simulator sim);
    }

    /** Runs p, stopping at the breakpoints (null: none) on the way to {@code io_done}. */
    public Result run(SystolicProgram p, long maxCycles, Breakpoints stops) {
        if (!p.config().array().equals(cfg.array()) || !p.config().memories().equals(cfg.memories())
                || p.config().offchip().busBytes() != cfg.busBytes())
            throw new IllegalArgumentException("program compiled for another array, memories or bus");
        if (p.image().size() > cfg.offchip().sizeBytes())
            throw new IllegalArgumentException("the program needs " + p.image().size() + " bytes of off-chip memory; the model has "
                    + cfg.offchip().sizeBytes() + " (size it with SystolicSizing.requirements before building the emulator)");
        if (p.commands().size() > cfg.cmdDepth())
            throw new IllegalArgumentException("the program has " + p.commands().size() + " commands; the command memory holds "
                    + cfg.cmdDepth() + " (size it with SystolicSizing.requirements before building the emulator)");
        sim.poke("reset", 1);
        sim.poke("io_stopAfterComputes", 0);
        sim.writeMemory(CMD_MEM, 0, p.commandWords());
        long[] img = p.image().words();
        sim.writeMemory(OFFCHIP_MEM, 0, img);
        sim.reset(2);
        long used = 0;
        if (stops != null) {
            long[] at = stops.computes();
            for (int i = 0; i < at.length; i++) {
                sim.poke("io_stopAfterComputes", at[i]);
                used += sim.runUntil("io_stopHit", maxCycles - used);
                stops.reached(i, used, sim);
            }
            sim.poke("io_stopAfterComputes", 0);
        }
        sim.runUntil("io_done", maxCycles - used);
        byte[] mem = OffChipImage.toBytes(sim.readMemory(OFFCHIP_MEM, 0, p.image().size() / cfg.busBytes()), cfg.busBytes());
        return new Result(p.unpack(mem), counters());
    }

    /** The SoC's counters now (also mid-run, at a breakpoint). */
    public Map<String, Long> counters() {
        Map<String, Long> counters = new LinkedHashMap<>();
        // In SystolicCounter's order. The stall_*_wait/buffer/other counters split the array's idle cycles by
        // cause (total = compute + those four); stall_offchip counts cycles the DMA wanted to issue a request but
        // the bandwidth limit held it off (the DMA's view, may overlap compute).
        for (SystolicCounter c : SystolicCounter.values()) counters.put(c.json(), sim.peek("io_" + c.portName()));
        return counters;
    }

    @Override public void close() { sim.close(); }
}
