package io.rtlbench.tools;

import io.rtlbench.tools.run.SimtRun;
import io.rtlbench.tools.run.SystolicRun;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rtlbench run --core systolic|simt ...}: runs one workload on one core, verifies it against
 * the golden model, prints cycles and writes the run's JSON. Core-specific work lives in
 * {@link SystolicRun} and {@link SimtRun}; this class only holds the options.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one workload on one core, verify it bit-exactly, report cycles (and JSON).")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--core", required = true, description = "systolic or simt")
    public String core;

    @Option(names = "--workload", description = "gemm:M,K,N (both cores) or conv:H,W,CIN,COUT,K,STRIDE,PAD (systolic) (default ${DEFAULT-VALUE})", defaultValue = "gemm:64,64,64")
    public String workload;

    @Option(names = "--seed", description = "random seed for the tensors (default ${DEFAULT-VALUE})", defaultValue = "1")
    public long seed;

    @Option(names = "--json", description = "write the run's results as JSON to this file")
    public Path json;

    // systolic
    @Option(names = "--rows", description = "systolic array rows (default ${DEFAULT-VALUE})", defaultValue = "16")
    public int rows;
    @Option(names = "--cols", description = "systolic array columns (default ${DEFAULT-VALUE})", defaultValue = "16")
    public int cols;
    @Option(names = "--dataflow", description = "ws (weight-stationary) or os (output-stationary) (default ${DEFAULT-VALUE})", defaultValue = "ws")
    public String dataflow;

    // simt
    @Option(names = "--warps", description = "SIMT warps (default ${DEFAULT-VALUE})", defaultValue = "4")
    public int warps;
    @Option(names = "--threads", description = "SIMT threads per warp (default ${DEFAULT-VALUE})", defaultValue = "8")
    public int threads;
    @Option(names = "--elf", description = "run this bare-metal RV32IM ELF on the SIMT core instead of a workload")
    public Path elf;

    // both
    @Option(names = "--max-cycles", description = "cycle limit before the run is declared hung (default ${DEFAULT-VALUE})", defaultValue = "50000000")
    public long maxCycles;
    @Option(names = "--offchip-bw", description = "off-chip bandwidth in bytes/cycle (default: the bus width, full rate)")
    public Integer offchipBandwidth;
    @Option(names = "--offchip-latency", description = "off-chip latency in cycles (default ${DEFAULT-VALUE})", defaultValue = "20")
    public int offchipLatency;

    // energy (issue 5) and waveforms (issue 6)
    @Option(names = "--energy", description = "estimate energy from toggle counts (adds energy_pj, pj_per_mac, breakdown, modules)")
    public boolean energy;
    @Option(names = "--tech", description = "technology table: 45nm (default), 7nm, or a properties FILE", defaultValue = "45nm")
    public String tech;
    @Option(names = "--data", description = "tensor contents: random, zeros or sparse:P (default ${DEFAULT-VALUE})", defaultValue = "random")
    public String data;
    @Option(names = "--vcd", description = "dump a VCD of cycles [--from, --to) to this file")
    public Path vcd;
    @Option(names = "--scope", arity = "1..*", description = "dump only these instance paths (and everything below), e.g. core.exec.mesh")
    public java.util.List<String> scopes;
    @Option(names = "--from", description = "first cycle of the VCD window (default ${DEFAULT-VALUE})", defaultValue = "0")
    public long vcdFrom;
    @Option(names = "--to", description = "end cycle (exclusive) of the VCD window (default ${DEFAULT-VALUE})", defaultValue = "2000")
    public long vcdTo;

    @Override public Integer call() throws Exception {
        return switch (core) {
            case "systolic" -> SystolicRun.run(this);
            case "simt" -> SimtRun.run(this);
            default -> throw new Main.UserError("unknown core '" + core + "': use --core systolic or --core simt");
        };
    }
}
