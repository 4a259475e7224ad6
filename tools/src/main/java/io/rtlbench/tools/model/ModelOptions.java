package io.rtlbench.tools.model;

import io.rtlbench.testbenches.onnx.Graph;
import io.rtlbench.testbenches.onnx.ModelPlan;
import io.rtlbench.testbenches.onnx.OnnxFile;
import io.rtlbench.testbenches.onnx.Quantizer;
import io.rtlbench.testbenches.onnx.Tensor;
import io.rtlbench.tools.cli.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How an ONNX model is imported and fed (shared by {@code model ...}, {@code compare --model} and
 * {@code run --model}): static input shapes, post-training quantization of FP32 models, the quantized
 * model written back as QDQ, and the input: {@code random} (seeded) or ONNX TensorProto files
 * ({@code --input x.pb}, or {@code --input NAME=FILE.pb} per input of a multi-input model).
 */
public final class ModelOptions {
    @Option(names = "--shape", paramLabel = "INPUT=D1,D2,...", description = "static shape of an input with dynamic dimensions (repeatable); "
            + "a dynamic leading (batch) dimension is 1 otherwise") List<String> shapes = new ArrayList<>();
    @Option(names = "--calibrate", defaultValue = "4", paramLabel = "N",
            description = "FP32 models: calibrate activations on N random inputs (default: ${DEFAULT-VALUE})") int calibrate;
    @Option(names = "--per-tensor", description = "FP32 models: one weight scale per layer instead of per output channel "
            + "(the systolic core's requantization is per layer)") boolean perTensor;
    @Option(names = "--uint8", description = "FP32 models: UINT8 activations (ONNX Runtime's default form) instead of INT8") boolean uint8;
    @Option(names = "--save-quantized", paramLabel = "FILE", description = "write the quantized model as a QDQ ONNX file") Path saveQuantized;
    @Option(names = "--input", paramLabel = "random|FILE.pb|NAME=FILE.pb", defaultValue = "random",
            description = "the model's input: random (from the seed; default) or ONNX TensorProto files (one per input: NAME=FILE.pb)")
    List<String> inputs = new ArrayList<>();

    /** Imports (and for FP32 models quantizes) {@code file}; writes the QDQ model when asked. */
    public ModelPlan load(Path file, long seed) {
        if (!Files.isRegularFile(file)) throw new UserError("no such ONNX model file: " + file);
        if (calibrate < 1) throw new UserError("--calibrate must be at least 1; got " + calibrate);
        if (saveQuantized != null) io.rtlbench.tools.json.JsonFiles.checkTarget(saveQuantized);
        ModelPlan plan = ModelPlan.load(file, parseShapes(shapes), new Quantizer.Options(calibrate, seed, !perTensor, uint8), null);
        if (saveQuantized != null) OnnxFile.write(plan.qdq().graph(), saveQuantized);
        return plan;
    }

    /** What {@code --input} said, for the report. */
    public List<String> inputLabel() { return inputs.isEmpty() ? List.of("random") : inputs; }

    /** The inputs to run: random ones from the seed, or the tensors in the files. */
    public Map<String, Tensor> inputs(ModelPlan plan, long seed) {
        if (inputs.isEmpty() || inputs.equals(List.of("random"))) return Quantizer.randomInputs(plan.source().graph(), seed + 1000);
        List<Graph.ValueInfo> declared = plan.qdq().graph().inputs();
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String spec : inputs) {
            int eq = spec.indexOf('=');
            String name = eq > 0 ? spec.substring(0, eq) : declared.size() == 1 ? declared.get(0).name() : null;
            if (name == null) throw new UserError("the model has " + declared.size() + " inputs: give --input NAME=FILE.pb for each");
            Path f = Path.of(eq > 0 ? spec.substring(eq + 1) : spec);
            if (!Files.isRegularFile(f)) throw new UserError("--input " + spec + ": no such file " + f);
            out.put(name, OnnxFile.readTensor(f));
        }
        return out;
    }

    static Map<String, int[]> parseShapes(List<String> specs) {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (String s : specs) {
            int eq = s.lastIndexOf('=');
            if (eq < 1) throw new UserError("--shape takes INPUT=D1,D2,... (e.g. x=1,3,48,192); got '" + s + "'");
            try {
                m.put(s.substring(0, eq), java.util.Arrays.stream(s.substring(eq + 1).split(",")).mapToInt(d -> Integer.parseInt(d.trim())).toArray());
            } catch (NumberFormatException e) {
                throw new UserError("--shape takes INPUT=D1,D2,... with integer sizes; got '" + s + "'");
            }
            for (int d : m.get(s.substring(0, eq))) if (d < 1) throw new UserError("--shape sizes must be >= 1; got '" + s + "'");
        }
        return m;
    }
}
