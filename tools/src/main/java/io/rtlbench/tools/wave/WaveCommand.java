package io.rtlbench.tools.wave;

import io.rtlbench.tools.cli.UserError;
import io.rtlbench.tools.Main;
import io.rtlbench.waveforms.CycleMap;
import io.rtlbench.waveforms.UnknownSignalException;
import io.rtlbench.waveforms.VcdException;
import io.rtlbench.waveforms.Waveform;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rtlbench wave ...}: inspect VCD files from the terminal or a browser. The parent command
 * only groups the sub-commands; {@link Cycles} holds the options they share, and {@link #userErrors}
 * flushes the output and turns reader errors (bad file, unknown signal) into one-line messages.
 */
@Command(name = "wave", mixinStandardHelpOptions = true,
        description = {"Inspect VCD waveforms: list signals, show values per cycle, find a condition, count toggles, "
                + "write an HTML viewer or a GTKWave save file.",
                "Cycle c reads values at VCD time c*period + offset (the emulator's dumps: period 10, offset 0).",
                "Signals are named by full path (TOP.MacGrid.pe_0_0.acc), a unique suffix (pe_0_0.acc) or a glob (*.acc)."},
        subcommands = {WaveListCommand.class, WaveShowCommand.class, WaveFindCommand.class, WaveTogglesCommand.class,
                WaveHtmlCommand.class, WaveGtkwCommand.class})
public final class WaveCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** Options every sub-command takes: how VCD time maps to cycles. */
    static final class Cycles {
        @Option(names = "--period", defaultValue = "10", description = "VCD time units per clock cycle (default: ${DEFAULT-VALUE})")
        long period;
        @Option(names = "--sample-offset", defaultValue = "0", description = "time within a cycle at which values are read (default: ${DEFAULT-VALUE})")
        long offset;

        Waveform open(Path file) { return Waveform.open(file, new CycleMap(period, offset)); }
    }

    /** Runs {@code body}, reporting VCD and signal-name errors as user errors (no stack trace, exit code 2). */
    static Integer userErrors(CommandSpec spec, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (VcdException | UnknownSignalException e) {
            throw new UserError(e.getMessage());
        } catch (java.io.IOException e) {
            throw new UserError("cannot read or write a file: " + e.getMessage());
        } finally {
            spec.commandLine().getOut().flush();
        }
    }
}
