package io.rtlbench.tools.wave;

import io.rtlbench.waveforms.Radix;
import io.rtlbench.waveforms.TextRenderer;
import io.rtlbench.waveforms.TextStyle;
import io.rtlbench.waveforms.VcdVar;
import io.rtlbench.waveforms.Waveform;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wave show FILE SIGNAL... [--from C --to C | --at C]}: values per cycle as a table, or the transitions. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Print signal values per cycle: one row per signal, cycles across (wrapped to --width).",
                "Examples:",
                "  rtlbench wave show run.vcd 'pe_0_*.acc' --from 2 --to 12 --radix signed",
                "  rtlbench wave show run.vcd state --enum state=0:IDLE,1:RUN --changes"})
public final class WaveShowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WaveCommand.Cycles cycles;
    @Parameters(index = "0", paramLabel = "FILE", description = "VCD file") Path file;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SIGNAL", description = "signal names or globs") List<String> signals;
    @Option(names = "--from", description = "first cycle (default: the dump's first)") Long from;
    @Option(names = "--to", description = "end cycle, exclusive (default: from + 16)") Long to;
    @Option(names = "--at", description = "just this cycle") Long at;
    @Option(names = "--radix", defaultValue = "hex", description = "hex, dec, signed or bin (default: ${DEFAULT-VALUE})") String radix;
    @Option(names = "--enum", paramLabel = "SIGNAL=V:NAME,...", description = "print names for a state signal's values, e.g. state=0:IDLE,1:RUN")
    List<String> enums = List.of();
    @Option(names = "--width", defaultValue = "120", description = "terminal columns before wrapping (0: never; default ${DEFAULT-VALUE})") int width;
    @Option(names = "--changes", description = "print '.' where a value repeats") boolean changes;
    @Option(names = "--transitions", description = "list each change (time, cycle, value) instead of the table") boolean transitions;
    @Option(names = "--max-cycles", defaultValue = "10000", description = "refuse wider tables (default ${DEFAULT-VALUE})") int maxCycles;

    @Override public Integer call() throws Exception {
        return WaveCommand.userErrors(spec, () -> {
            PrintWriter out = spec.commandLine().getOut();
            Waveform w = cycles.open(file);
            List<VcdVar> vars = w.header().select(signals);
            long lo = at != null ? at : from != null ? from : Math.max(0, w.firstDumpCycle());
            long hi = at != null ? at + 1 : to != null ? to : lo + 16;
            if (hi <= lo) throw new IllegalArgumentException("--to (" + hi + ") must be greater than --from (" + lo + ")");
            Map<String, Map<Integer, String>> names = new HashMap<>();
            for (String e : enums) names.put(w.header().find(e.substring(0, Math.max(0, e.indexOf('=')))).path(), parseEnum(e));
            TextStyle style = new TextStyle(Radix.parse(radix), names, width, changes);
            if (transitions) {
                for (VcdVar v : vars) {
                    out.println(v.path() + ":");
                    for (Waveform.Transition t : w.transitions(v.path(), lo, hi))
                        out.printf("  time %d  cycle %d  %s%n", t.time(), t.cycle(), t.value().format(style.radix(), names.getOrDefault(v.path(), Map.of())));
                }
            } else {
                out.print(TextRenderer.render(w.sample(vars, lo, hi, maxCycles), style));
            }
            return 0;
        });
    }

    /** {@code SIGNAL=0:IDLE,1:RUN} to {0: IDLE, 1: RUN}. */
    static Map<Integer, String> parseEnum(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("--enum '" + spec + "' must look like SIGNAL=VALUE:NAME,VALUE:NAME");
        Map<Integer, String> m = new HashMap<>();
        for (String pair : spec.substring(eq + 1).split(",")) {
            String[] kv = pair.split(":", 2);
            try {
                if (kv.length != 2 || kv[1].isBlank()) throw new NumberFormatException();
                m.put(Integer.decode(kv[0].trim()), kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--enum entry '" + pair + "' must be VALUE:NAME, e.g. 2:RUN or 0x2:RUN");
            }
        }
        return m;
    }
}
