package io.rtlbench.tools.wave;

import io.rtlbench.waveforms.Condition;
import io.rtlbench.waveforms.Radix;
import io.rtlbench.waveforms.TextRenderer;
import io.rtlbench.waveforms.TextStyle;
import io.rtlbench.waveforms.Waveform;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wave find FILE EXPR}: the first cycle where a condition holds, with the values around it. */
@Command(name = "find", mixinStandardHelpOptions = true,
        description = {"Print the first cycle where a condition holds, and the condition's signals around it.",
                "Operators: == != < > <= >= (unsigned) && || ! ( ); literals 42, 0x2a, 0b101010.",
                "signed(NAME) reads a signal as two's complement.",
                "Example: rtlbench wave find run.vcd 'valid && data == 0x2a' --from 100",
                "Exit code 1 when the condition never holds in the range."})
public final class WaveFindCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WaveCommand.Cycles cycles;
    @Parameters(index = "0", paramLabel = "FILE", description = "VCD file") Path file;
    @Parameters(index = "1", paramLabel = "EXPR", description = "condition, quoted") String expr;
    @Option(names = "--from", defaultValue = "0", description = "first cycle to test (default ${DEFAULT-VALUE})") long from;
    @Option(names = "--to", description = "end cycle, exclusive (default: the end of the dump)") Long to;
    @Option(names = "--context", defaultValue = "2", description = "cycles shown before and after (default ${DEFAULT-VALUE})") int context;
    @Option(names = "--radix", defaultValue = "hex", description = "hex, dec, signed or bin (default: ${DEFAULT-VALUE})") String radix;

    @Override public Integer call() throws Exception {
        return WaveCommand.userErrors(spec, () -> {
            PrintWriter out = spec.commandLine().getOut();
            Waveform w = cycles.open(file);
            Condition c = Condition.parse(expr, w.header());
            long hi = to != null ? to : Long.MAX_VALUE / Math.max(1, 2 * w.cycles().period());
            OptionalLong hit = w.firstCycle(c, from, hi);
            if (hit.isEmpty()) {
                out.println("'" + expr + "' never holds in cycles " + from + ".." + (to != null ? String.valueOf(to - 1) : "end"));
                return 1;
            }
            long at = hit.getAsLong();
            out.println("'" + expr + "' first holds at cycle " + at + " (time " + w.cycles().sampleTime(at) + ")");
            if (!c.signals().isEmpty())
                out.print(TextRenderer.render(w.sample(c.signals(), Math.max(from, at - context), at + context + 1, 10_000),
                        new TextStyle(Radix.parse(radix), Map.of(), 120, false)));
            return 0;
        });
    }
}
