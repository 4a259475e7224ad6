package io.rtlbench.tools.model;

import io.rtlbench.testbenches.onnx.ModelPlan;
import io.rtlbench.testbenches.onnx.ModelReport;
import io.rtlbench.testbenches.onnx.ModelRun;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code model inspect FILE.onnx}: every layer with its operators, shape, MACs and where it runs on each core; no emulation. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show the model as the engine sees it: each layer (after folding and quantization), its operators, shape and MACs, "
                + "and where it runs: on the systolic array, a SIMT kernel or the host (+hq: the host requantizes the array's INT32 "
                + "output, per-channel scales); then each core's share of MACs and operators and the host work left over.",
                "Example: rtlbench model inspect ch_ppocr_mobile_v2.0_cls_infer.onnx --shape x=1,3,48,192"})
public final class ModelInspectCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ModelCommand.Import model;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ModelPlan plan = model.load();
        ModelReport r = ModelRun.inspect(plan, ModelRun.Config.defaults());
        out.printf("%s: %s model, %d ONNX nodes -> %d layers%s%n", model.file, plan.fp32Model() ? "FP32 (quantized here: INT8 per-tensor activations, "
                + (model.options.perTensor ? "per-tensor" : "per-channel") + " weights)" : "quantized", plan.source().graph().nodes().size(),
                plan.steps().size(), model.options.saveQuantized == null ? "" : "; quantized model written to " + model.options.saveQuantized);
        out.print(r.table());
        out.flush();
        return 0;
    }
}
