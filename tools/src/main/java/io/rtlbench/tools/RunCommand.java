package io.rtlbench.tools;

import io.rtlbench.tools.cli.DataOptions;
import io.rtlbench.tools.cli.OffChipOptions;
import io.rtlbench.tools.cli.TechOption;
import io.rtlbench.tools.run.CoreRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rtlbench run --core systolic|simt ...}: runs one workload on one core, verifies it against
 * the golden model, prints cycles and writes the run's JSON. The work is in {@link CoreRunner}; this
 * class only holds the options.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one workload on one core, verify it bit-exactly, report cycles (and JSON).")
public final class RunCommand implements Callable<Integer> {
    @Option(names = "--core", required = true, description = "systolic or simt")
    public String core;

    @Option(names = "--workload", description = "gemm:M,K,N (both cores) or conv:H,W,CIN,COUT,K,STRIDE,PAD (systolic) (default ${DEFAULT-VALUE})", defaultValue = "gemm:64,64,64")
    public String workload;

    @Mixin public DataOptions data;
    @Option(names = "--format", defaultValue = "int8",
            description = "number format of a gemm workload: int8, fp8e4m3, fp8e5m2, mxfp4 (floating point: weight-stationary systolic array, "
                    + "soft-float SIMT kernels, FP32 outputs; default ${DEFAULT-VALUE})")
    public String format;
    @Option(names = "--sample", defaultValue = "off",
            description = "sampled emulation of a workload: off (every tile: run emulates the whole layer you asked for), N (N tiles), auto "
                    + "(tiles until the 95%% interval of cycles is within 1%%, or the whole layer when that is cheaper); every emulated tile is "
                    + "verified; adds sampled, tiles_total, tiles_emulated, cycles_ci to the JSON (int8 only; default ${DEFAULT-VALUE})")
    public String sample;

    @Option(names = "--json", description = "write the run's results as JSON to this file")
    public Path json;

    // systolic
    @Option(names = "--rows", description = "systolic array rows, 2..64 (default ${DEFAULT-VALUE})", defaultValue = "16")
    public int rows;
    @Option(names = "--cols", description = "systolic array columns, 2..64 (default ${DEFAULT-VALUE})", defaultValue = "16")
    public int cols;
    @Option(names = "--dataflow", description = "ws (weight-stationary) or os (output-stationary) (default ${DEFAULT-VALUE})", defaultValue = "ws")
    public String dataflow;

    // simt
    @Option(names = "--simt", paramLabel = "SPEC",
            description = "the SIMT GPU as [CORESx]WARPSxTHREADS[,scalar|dp4a|tensor] (e.g. 4x8, 4x8,tensor, 2x4x8,dp4a), instead of --warps/--threads")
    public String simt;
    @Option(names = "--warps", description = "SIMT warps, 1..32 (default ${DEFAULT-VALUE})", defaultValue = "4")
    public int warps;
    @Option(names = "--threads", description = "SIMT threads per warp, 1..32 (default ${DEFAULT-VALUE})", defaultValue = "8")
    public int threads;
    @Option(names = "--elf", description = "run this bare-metal RV32IM ELF on the SIMT core instead of a workload")
    public Path elf;
    @Option(names = "--model", paramLabel = "FILE.onnx", description = "run an ONNX model end to end on the core instead of a workload (see also --input, --shape, --calibrate)")
    public Path model;
    @Mixin public io.rtlbench.tools.model.ModelOptions modelOptions;

    // both
    @Option(names = "--max-cycles", description = "cycle limit before the run is declared hung (default ${DEFAULT-VALUE})", defaultValue = "50000000")
    public long maxCycles;
    @Option(names = "--offchip-bw", description = "off-chip bandwidth in bytes/cycle, 1..16 (default: 16, the bus width)")
    public Integer offchipBandwidth;
    @Mixin public OffChipOptions offchip;

    // energy and waveforms
    @Option(names = "--energy", description = "estimate energy from toggle counts (adds energy_pj, pj_per_mac, breakdown, modules)")
    public boolean energy;
    @Mixin public TechOption tech;
    @Option(names = "--vcd", description = "dump a VCD of cycles [--from, --to) to this file")
    public Path vcd;
    @Option(names = "--scope", arity = "1..*", description = "dump only these instance paths (and everything below), e.g. core.executeUnit.mesh")
    public List<String> scopes;
    @Option(names = "--from", description = "first cycle of the VCD window (default ${DEFAULT-VALUE})", defaultValue = "0")
    public long vcdFrom;
    @Option(names = "--to", description = "end cycle (exclusive) of the VCD window (default ${DEFAULT-VALUE})", defaultValue = "2000")
    public long vcdTo;

    @Spec CommandSpec spec;

    /** True when the user gave {@code option} on the command line (not its default). */
    public boolean given(String option) {
        return spec != null && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    @Override public Integer call() throws Exception { return new CoreRunner(this).run(); }
}
