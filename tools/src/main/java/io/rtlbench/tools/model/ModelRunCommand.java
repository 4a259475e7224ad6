package io.rtlbench.tools.model;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.testbenches.bench.SimtSpec;
import io.rtlbench.testbenches.bench.SystolicSpec;
import io.rtlbench.tools.cli.SpecConverters;
import io.rtlbench.testbenches.onnx.ModelPlan;
import io.rtlbench.testbenches.onnx.ModelReport;
import io.rtlbench.testbenches.onnx.ModelRun;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code model run FILE.onnx}: the model end to end on both cores, verified per layer, with the per-layer table. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the model layer by layer on both cores (INT8 activations between layers), each layer bit-exact against the golden "
                + "model and checked against ONNX Runtime (INT32 accumulators identical, INT8 outputs within 1 LSB); prints cycles per layer "
                + "and core, the flexibility figures and, for FP32 models, the quantization error.",
                "Example: rtlbench model run embedding_model.onnx --systolic 16x16 --simt 4x8"})
public final class ModelRunCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ModelCommand.Import model;
    @Option(names = "--systolic", defaultValue = "16x16,ws", converter = SpecConverters.Systolic.class,
            description = "systolic array RxC[,ws|os] (default: ${DEFAULT-VALUE})") SystolicSpec systolic;
    @Option(names = "--simt", defaultValue = "4x8", converter = SpecConverters.Simt.class, description = "SIMT core WARPSxTHREADS (default: ${DEFAULT-VALUE})")
    SimtSpec simt;
    @Option(names = "--no-ort", description = "skip the per-layer ONNX Runtime checks") boolean noOrt;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ModelRun.Config d = ModelRun.Config.defaults();
        ModelRun.Config cfg = new ModelRun.Config(systolic.rows(), systolic.cols(), systolic.dataflow() == SystolicSpec.Dataflow.OS,
                simt.warps(), simt.threads(), d.offchipBytesPerCycle(), BuildOptions.PLAIN, d.maxCycles(), !noOrt);
        ModelPlan plan = model.load();
        out.printf("%s: %s model, %d layers; running on a %s systolic core and a %s SIMT core...%n", model.file, plan.fp32Model() ? "FP32" : "quantized",
                plan.steps().size(), cfg.rows() + "x" + cfg.cols(), cfg.warps() + "x" + cfg.threads());
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        ModelReport r = ModelRun.run(plan, model.options.inputs(plan, model.seed), cfg, ModelRun.LayerWindow.NONE,
                line -> { err.println(line); err.flush(); });
        out.print(r.table());
        out.flush();
        return r.verified() ? 0 : 1;
    }
}
