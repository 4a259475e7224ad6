package io.rtlbench.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The rtlbench command line. Each sub-command is one class in this package (or a sub-package),
 * registered in {@link #SUBCOMMANDS}; every command has --help.
 */
@Command(name = "rtlbench", mixinStandardHelpOptions = true, version = "rtlbench 0.1.0",
        description = "RTL-level testbed: a systolic ASIC vs a SIMT GPU, generated from Java, run on Verilator.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main {
    /** Every sub-command; add new ones here (classes: each command line gets fresh option objects). */
    static final Class<?>[] SUBCOMMANDS = {DemoCommand.class, BenchCommand.class, RunCommand.class, io.rtlbench.tools.wave.WaveCommand.class, io.rtlbench.tools.report.ReportCommand.class, io.rtlbench.tools.compare.CompareCommand.class, io.rtlbench.tools.regress.RegressCommand.class, io.rtlbench.tools.sweep.SweepCommand.class, io.rtlbench.tools.model.ModelCommand.class};

    private Main() {}

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> sub : SUBCOMMANDS) cl.addSubcommand(sub);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // Errors the user can act on are printed as one message; bugs keep their stack trace.
            if (ex instanceof IllegalArgumentException || ex instanceof io.rtlbench.emulator.EmulatorException
                    || ex instanceof UserError) {
                cmd.getErr().println("rtlbench: " + ex.getMessage());
                return 2;
            }
            throw ex;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** An error caused by the user's input: printed without a stack trace, exit code 2. */
    public static final class UserError extends RuntimeException {
        public UserError(String message) { super(message); }
    }
}
