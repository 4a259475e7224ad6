package io.rtlbench.tools.run;

import io.rtlbench.testbenches.bench.CoreSpec;
import io.rtlbench.testbenches.bench.SimtSpec;
import io.rtlbench.testbenches.bench.SystolicSpec;
import io.rtlbench.testbenches.sampling.SampleMode;
import io.rtlbench.testbenches.workloads.Layer;
import io.rtlbench.testbenches.workloads.LayerSpec;
import io.rtlbench.tools.RunCommand;
import io.rtlbench.tools.cli.FormatSampleOptions;
import io.rtlbench.tools.cli.UserError;

/**
 * The checks of {@code run}'s workload options, each a one-line error before any build:
 * {@code --simt SPEC} against {@code --warps/--threads}, {@code --format} (floating point: gemm
 * workloads on the weight-stationary array or the SIMT core), {@code --sample} (workloads only, int8,
 * not with a VCD window).
 */
final class RunOptions {
    private RunOptions() {}

    /** {@code --sample} and {@code --format} shape a workload run: refused with {@code --elf} or {@code --model}. */
    static void checkWorkloadOnly(RunCommand o) {
        String other = o.elf != null ? "--elf" : o.model != null ? "--model" : null;
        for (String opt : new String[] {"--sample", "--format"})
            if (other != null && o.given(opt))
                throw new UserError(opt + " applies to a workload (--workload gemm:... or conv:...); it does not combine with " + other);
    }

    /** The SIMT core of {@code --simt SPEC}, or of {@code --warps} and {@code --threads}. */
    static SimtSpec simtSpec(RunCommand o) {
        if (o.simt == null) return SimtSpec.of(o.warps, o.threads);
        if (o.given("--warps") || o.given("--threads"))
            throw new UserError("--simt and --warps/--threads exclude each other (--simt 4x8 is --warps 4 --threads 8); give one");
        return SimtSpec.parse(o.simt, "--simt");
    }

    /** The canonical format name; a floating-point format needs a gemm workload and, on the systolic core, the WS dataflow. */
    static String format(RunCommand o, CoreSpec spec) {
        String f = FormatSampleOptions.format(o.format);
        if (f.equals("int8")) return f;
        if (!(LayerSpec.parse(o.workload).shape() instanceof Layer.Gemm))
            throw new UserError("--format " + f + " runs gemm:M,K,N workloads (FP32 outputs); conv layers are int8 (requantized outputs)");
        if (spec instanceof SystolicSpec s && s.dataflow() == SystolicSpec.Dataflow.OS)
            throw new UserError("--format " + f + " runs on the weight-stationary array only: use --dataflow ws (output-stationary is int8 only)");
        return f;
    }

    /** The sample mode: int8 only, and one whole run when a VCD window is asked for. */
    static SampleMode sample(RunCommand o, String format) {
        SampleMode m = FormatSampleOptions.sample(o.sample, format, true, "workloads");  // run's default is off: any other value was asked for
        if (m.kind() == SampleMode.Kind.OFF) return m;
        if (o.vcd != null)
            throw new UserError("--sample " + m + " emulates tiles in separate intervals; a VCD window needs the whole run: use --sample off with --vcd");
        return m;
    }
}
