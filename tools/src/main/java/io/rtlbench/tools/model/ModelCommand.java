package io.rtlbench.tools.model;

import io.rtlbench.testbenches.onnx.ModelPlan;
import io.rtlbench.testbenches.onnx.OnnxFile;
import io.rtlbench.testbenches.onnx.Quantizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rtlbench model ...}: bring your own ONNX model. The parent only groups the sub-commands;
 * {@link Import} holds the options they share (file, input shapes, quantization) and loads the
 * model through the testbenches' ONNX engine ({@link ModelPlan}).
 */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = {"Import an ONNX model (FP32: quantized post-training; QDQ / QLinear INT8: as given), see where each layer runs "
                + "(systolic array, SIMT kernel, host) and run it on both cores against ONNX Runtime."},
        subcommands = {ModelInspectCommand.class, ModelRunCommand.class})
public final class ModelCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** The options every model sub-command takes. */
    static final class Import {
        @Parameters(index = "0", paramLabel = "FILE.onnx", description = "ONNX model file") Path file;
        @Option(names = "--shape", paramLabel = "INPUT=D1,D2,...", description = "static shape of an input with dynamic dimensions (repeatable); "
                + "a dynamic leading (batch) dimension is 1 otherwise") List<String> shapes = new ArrayList<>();
        @Option(names = "--calibrate", defaultValue = "4", paramLabel = "N", description = "FP32 models: calibrate activations on N random inputs (default: ${DEFAULT-VALUE})")
        int calibrate;
        @Option(names = "--per-tensor", description = "FP32 models: one weight scale per layer instead of per output channel "
                + "(the systolic core's requantization is per layer)") boolean perTensor;
        @Option(names = "--uint8", description = "FP32 models: UINT8 activations (ONNX Runtime's default form) instead of INT8") boolean uint8;
        @Option(names = "--seed", defaultValue = "1", description = "seed of the calibration and input data (default: ${DEFAULT-VALUE})") long seed;
        @Option(names = "--save-quantized", paramLabel = "FILE", description = "write the quantized model as a QDQ ONNX file") Path saveQuantized;

        ModelPlan load() {
            if (calibrate < 1) throw new IllegalArgumentException("--calibrate must be at least 1; got " + calibrate);
            Quantizer.Options q = new Quantizer.Options(calibrate, seed, !perTensor, uint8);
            ModelPlan plan = ModelPlan.load(file, parseShapes(shapes), q, null);
            if (saveQuantized != null) OnnxFile.write(plan.qdq().graph(), saveQuantized);
            return plan;
        }
    }

    static Map<String, int[]> parseShapes(List<String> specs) {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (String s : specs) {
            int eq = s.lastIndexOf('=');
            if (eq < 1) throw new IllegalArgumentException("--shape takes INPUT=D1,D2,... (e.g. x=1,3,48,192); got '" + s + "'");
            try {
                m.put(s.substring(0, eq), java.util.Arrays.stream(s.substring(eq + 1).split(",")).mapToInt(d -> Integer.parseInt(d.trim())).toArray());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--shape takes INPUT=D1,D2,... with integer sizes; got '" + s + "'");
            }
            for (int d : m.get(s.substring(0, eq))) if (d < 1) throw new IllegalArgumentException("--shape sizes must be >= 1; got '" + s + "'");
        }
        return m;
    }
}
