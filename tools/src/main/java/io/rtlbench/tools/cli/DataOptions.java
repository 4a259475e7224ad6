package io.rtlbench.tools.cli;

import io.rtlbench.testbenches.data.DataPattern;
import picocli.CommandLine.Option;

/** What the generated tensors hold: {@code --data} and {@code --seed} (shared by run, compare, sweep). */
public final class DataOptions {
    @Option(names = "--data", defaultValue = "random", converter = SpecConverters.Data.class,
            description = "tensor contents: random, zeros or sparse:P (default ${DEFAULT-VALUE})")
    public DataPattern data;

    @Option(names = "--seed", defaultValue = "1", description = "random seed for the tensors (default ${DEFAULT-VALUE})")
    public long seed;
}
