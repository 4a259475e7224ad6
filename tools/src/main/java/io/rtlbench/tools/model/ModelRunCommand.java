package io.rtlbench.tools.model;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.testbenches.onnx.ModelPlan;
import io.rtlbench.testbenches.onnx.ModelReport;
import io.rtlbench.testbenches.onnx.ModelRun;
import io.rtlbench.testbenches.onnx.Quantizer;
import java.io.PrintWriter;
import java.util.Locale;
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
    @Option(names = "--systolic", defaultValue = "16x16,ws", description = "systolic array RxC[,ws|os] (default: ${DEFAULT-VALUE})") String systolic;
    @Option(names = "--simt", defaultValue = "4x8", description = "SIMT core WARPSxTHREADS (default: ${DEFAULT-VALUE})") String simt;
    @Option(names = "--no-ort", description = "skip the per-layer ONNX Runtime checks") boolean noOrt;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String[] sp = systolic.toLowerCase(Locale.ROOT).split(","), rc = sp[0].split("x"), wt = simt.toLowerCase(Locale.ROOT).split("x");
        if (rc.length != 2 || sp.length > 2 || sp.length == 2 && !sp[1].matches("ws|os"))
            throw new IllegalArgumentException("--systolic takes RxC[,ws|os] (e.g. 16x16,ws); got '" + systolic + "'");
        if (wt.length != 2) throw new IllegalArgumentException("--simt takes WARPSxTHREADS (e.g. 4x8); got '" + simt + "'");
        ModelRun.Config d = ModelRun.Config.defaults();
        ModelRun.Config cfg;
        try {
            cfg = new ModelRun.Config(Integer.parseInt(rc[0]), Integer.parseInt(rc[1]), sp.length == 2 && sp[1].equals("os"),
                    Integer.parseInt(wt[0]), Integer.parseInt(wt[1]), d.offchipBytesPerCycle(), BuildOptions.PLAIN, d.maxCycles(), !noOrt);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--systolic takes RxC[,ws|os] and --simt WARPSxTHREADS with integers; got '" + systolic + "', '" + simt + "'");
        }
        ModelPlan plan = model.load();
        out.printf("%s: %s model, %d layers; running on a %s systolic core and a %s SIMT core...%n", model.file, plan.fp32Model() ? "FP32" : "quantized",
                plan.steps().size(), cfg.rows() + "x" + cfg.cols(), cfg.warps() + "x" + cfg.threads());
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        ModelReport r = ModelRun.run(plan, Quantizer.randomInputs(plan.source().graph(), model.seed + 1000), cfg, ModelRun.LayerWindow.NONE,
                line -> { err.println(line); err.flush(); });
        out.print(r.table());
        out.flush();
        return r.verified() ? 0 : 1;
    }
}
