package io.rtlbench.testbenches.bench;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.testbenches.sampling.SampleMode;

/**
 * How a core is built for a session, apart from its spec: the off-chip latency (cycles from an
 * accepted read request to its data, 1..4096; compile-time), and the emulator variant (plain,
 * toggle-counting for energy, tracing for VCD windows). The off-chip bus is 16 bytes per beat;
 * its bandwidth is set per run ({@link CoreBench#offchipBandwidth}). {@code sample}: how
 * {@link CoreBench#sample} emulates a layer (off: every tile; auto/N: a sample of tiles, see
 * {@link io.rtlbench.testbenches.sampling.Sampler}); the systolic memories are sized for it.
 */
public record BenchSetup(int offchipLatency, BuildOptions build, SampleMode sample) {
    public static final int BUS_BYTES = 16;
    public static final int DEFAULT_LATENCY = 20;

    public BenchSetup {
        if (offchipLatency < 1 || offchipLatency > 4096)
            throw new IllegalArgumentException("--offchip-latency must be 1..4096 cycles, got " + offchipLatency);
        if (build == null) build = BuildOptions.PLAIN;
        if (sample == null) sample = SampleMode.OFF;
    }

    /** Full emulation. */
    public BenchSetup(int offchipLatency, BuildOptions build) { this(offchipLatency, build, SampleMode.OFF); }

    public static BenchSetup defaults() { return new BenchSetup(DEFAULT_LATENCY, BuildOptions.PLAIN); }

    public BenchSetup withBuild(BuildOptions b) { return new BenchSetup(offchipLatency, b, sample); }

    public BenchSetup withSample(SampleMode m) { return new BenchSetup(offchipLatency, build, m); }

    /** Checks an off-chip bandwidth in bytes/cycle (1..bus width); {@code option} names the flag. */
    public static int checkBandwidth(int bytesPerCycle, String option) {
        if (bytesPerCycle < 1 || bytesPerCycle > BUS_BYTES)
            throw new IllegalArgumentException(option + " must be 1.." + BUS_BYTES + " bytes/cycle (the bus width), got " + bytesPerCycle);
        return bytesPerCycle;
    }
}
