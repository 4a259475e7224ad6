package io.rtlbench.tools.wave;

import io.rtlbench.waveforms.SampledToggles;
import io.rtlbench.waveforms.VcdVar;
import io.rtlbench.waveforms.Waveform;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wave toggles FILE [PATTERN...]}: bit toggles per signal (or per scope), most active first. */
@Command(name = "toggles", mixinStandardHelpOptions = true,
        description = {"Count bit toggles per signal (changes first seen in [--from, --to)); the first value is not a toggle.",
                "Aliases (one net under several names) are listed once, under their first name.",
                "Examples:",
                "  rtlbench wave toggles run.vcd '*.acc' --top 10",
                "  rtlbench wave toggles run.vcd --by-scope"})
public final class WaveTogglesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WaveCommand.Cycles cycles;
    @Parameters(index = "0", paramLabel = "FILE", description = "VCD file") Path file;
    @Parameters(index = "1..*", paramLabel = "PATTERN", description = "signals to count (default: all)") List<String> patterns;
    @Option(names = "--from", defaultValue = "0", description = "first cycle (default ${DEFAULT-VALUE})") long from;
    @Option(names = "--to", description = "end cycle, exclusive (default: the end of the dump)") Long to;
    @Option(names = "--top", defaultValue = "0", description = "print only the N most active (0: all)") int top;
    @Option(names = "--by-scope", description = "sum per scope (module instance) instead of per signal") boolean byScope;
    @Option(names = "--per-cycle", description = "count only net changes between consecutive cycle samples "
            + "(as the emulator's activity counters do), not every change in the file") boolean perCycle;

    @Override public Integer call() throws Exception {
        return WaveCommand.userErrors(spec, () -> {
            PrintWriter out = spec.commandLine().getOut();
            Waveform w = cycles.open(file);
            List<VcdVar> vars = new ArrayList<>();
            java.util.Set<Integer> slots = new java.util.HashSet<>();
            for (VcdVar v : patterns == null || patterns.isEmpty() ? w.header().vars() : w.header().select(patterns))
                if (slots.add(v.slot())) vars.add(v);
            long hi = to != null ? to : Long.MAX_VALUE / Math.max(1, 2 * w.cycles().period());
            Map<VcdVar, Long> t = perCycle ? SampledToggles.count(w, vars, from, hi) : w.toggles(vars, from, hi);
            Map<String, Long> rows = new LinkedHashMap<>();
            Map<String, Integer> bits = new LinkedHashMap<>();
            long total = 0;
            for (VcdVar v : vars) {
                String key = byScope ? v.scope() : v.path();
                rows.merge(key, t.get(v), Long::sum);
                bits.merge(key, v.width(), Integer::sum);
                total += t.get(v);
            }
            List<Map.Entry<String, Long>> sorted = new ArrayList<>(rows.entrySet());
            sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
            if (top > 0 && sorted.size() > top) sorted = sorted.subList(0, top);
            out.printf("%14s %6s  %s%n", "toggles", "bits", byScope ? "scope" : "signal");
            for (var e : sorted) out.printf("%14d %6d  %s%n", e.getValue(), bits.get(e.getKey()), e.getKey());
            out.printf("%14d %6s  total over %d %s%n", total, "", rows.size(), byScope ? "scopes" : "signals");
            return 0;
        });
    }
}
