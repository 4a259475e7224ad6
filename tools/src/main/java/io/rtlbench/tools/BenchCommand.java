package io.rtlbench.tools;

import picocli.CommandLine.Command;

/** {@code rtlbench bench ...}: benchmarks of the tool itself (they measure; tests assert). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks of rtlbench itself.",
        subcommands = {EmulatorBench.class, EnergyBench.class})
public final class BenchCommand {}
