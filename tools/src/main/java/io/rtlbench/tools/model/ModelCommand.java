package io.rtlbench.tools.model;

import io.rtlbench.testbenches.onnx.ModelPlan;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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

    /** The options every model sub-command takes: the file, the seed and the import options ({@link ModelOptions}). */
    static final class Import {
        @Parameters(index = "0", paramLabel = "FILE.onnx", description = "ONNX model file") Path file;
        @Option(names = "--seed", defaultValue = "1", description = "seed of the calibration and input data (default: ${DEFAULT-VALUE})") long seed;
        @Mixin ModelOptions options;

        ModelPlan load() { return options.load(file, seed); }
    }
}
