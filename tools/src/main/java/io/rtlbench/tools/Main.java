package io.rtlbench.tools;

import io.rtlbench.common.ToolException;
import io.rtlbench.testbenches.bench.CoreHangException;
import io.rtlbench.tools.cli.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The rtlbench command line. Each sub-command is one class, registered in {@link #SUBCOMMANDS};
 * every command has --help. Errors the user can act on (bad options, bad files, a missing tool, a
 * hung core) print one line {@code rtlbench: ...} (a hung core adds its details below) and exit 2;
 * anything else is a bug: one line naming the file that holds the stack trace, exit 1
 * ({@code RTLBENCH_DEBUG=1} prints the trace instead).
 */
@Command(name = "rtlbench", mixinStandardHelpOptions = true, version = "rtlbench 0.1.0",
        description = "RTL-level testbed: a systolic ASIC vs a SIMT GPU, generated from Java, run on Verilator.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main {
    /** Every sub-command; add new ones here (classes: each command line gets fresh option objects). */
    static final Class<?>[] SUBCOMMANDS = {DemoCommand.class, BenchCommand.class, RunCommand.class, io.rtlbench.tools.wave.WaveCommand.class,
        io.rtlbench.tools.report.ReportCommand.class, io.rtlbench.tools.compare.CompareCommand.class,
        io.rtlbench.tools.regress.RegressCommand.class, io.rtlbench.tools.sweep.SweepCommand.class,
        io.rtlbench.tools.model.ModelCommand.class};

    private Main() {}

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> sub : SUBCOMMANDS) cl.addSubcommand(sub);
        return withHandlers(cl);
    }

    /** Main's error handling on any command line (tests build sub-commands alone). */
    public static CommandLine withHandlers(CommandLine cl) {
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("rtlbench: " + oneLine(ex.getMessage()) + " (see: rtlbench " + cmd.getCommandSpec().qualifiedName(" ")
                    .replaceFirst("^rtlbench ?", "") + " --help)");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (isUserError(ex)) {
                cmd.getErr().println("rtlbench: " + ex.getMessage().strip());
                return 2;
            }
            cmd.getErr().println("rtlbench: internal error: " + ex + " (" + stackTraceNote(ex) + ")");
            return 1;
        });
        return cl;
    }

    /** Errors caused by input or environment the user can fix. */
    public static boolean isUserError(Throwable ex) {
        return ex instanceof UserError || ex instanceof IllegalArgumentException || ex instanceof ToolException
                || ex instanceof CoreHangException || ex instanceof UncheckedIOException;
    }

    private static String oneLine(String s) { return s == null ? "" : s.strip().replace('\n', ' '); }

    /** Writes the stack trace to a file (or prints it with RTLBENCH_DEBUG=1) and says where. */
    private static String stackTraceNote(Throwable ex) {
        StringWriter w = new StringWriter();
        ex.printStackTrace(new PrintWriter(w));
        if (System.getenv("RTLBENCH_DEBUG") != null) return "stack trace:\n" + w;
        try {
            Path f = Files.createTempFile("rtlbench-error-", ".txt");
            Files.writeString(f, w.toString());
            return "stack trace in " + f + "; please report it";
        } catch (IOException e) {
            return "run with RTLBENCH_DEBUG=1 for the stack trace";
        }
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
