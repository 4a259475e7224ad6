package io.rtlbench.tools.cli;

import io.rtlbench.tools.cli.UserError;
import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.testbenches.bench.BenchSetup;
import picocli.CommandLine.Option;

/** The off-chip latency both cores are built with ({@code --offchip-latency}, cycles). */
public final class OffChipOptions {
    @Option(names = "--offchip-latency", defaultValue = "20", description = "off-chip latency in cycles, 1..4096 (default ${DEFAULT-VALUE})")
    public int latency;

    /** The build setup of a session with this latency and emulator variant. */
    public BenchSetup setup(BuildOptions build) {
        try {
            return new BenchSetup(latency, build);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
