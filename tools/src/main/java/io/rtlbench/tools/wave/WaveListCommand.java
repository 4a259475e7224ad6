package io.rtlbench.tools.wave;

import io.rtlbench.waveforms.VcdHeader;
import io.rtlbench.waveforms.VcdScope;
import io.rtlbench.waveforms.VcdVar;
import io.rtlbench.waveforms.Waveform;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wave list FILE [PATTERN...]}: the scope tree with each signal's width (or flat paths). */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the scopes and signals of a VCD (reads only its header; --extent reads it all).",
                "Example: rtlbench wave list run.vcd --flat '*.acc'"})
public final class WaveListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WaveCommand.Cycles cycles;
    @Parameters(index = "0", paramLabel = "FILE", description = "VCD file (.vcd or .vcd.gz)") Path file;
    @Parameters(index = "1..*", paramLabel = "PATTERN", description = "only signals matching these names/globs (implies --flat)") List<String> patterns;
    @Option(names = "--flat", description = "one full path per line instead of a tree") boolean flat;
    @Option(names = "--extent", description = "also read the whole file and print the cycles it covers") boolean extent;

    @Override public Integer call() throws Exception {
        return WaveCommand.userErrors(spec, () -> {
            PrintWriter out = spec.commandLine().getOut();
            Waveform w = cycles.open(file);
            VcdHeader h = w.header();
            out.printf("%s: %d signals (%d distinct), timescale %s%n", file, h.vars().size(), h.slots(), h.timescale().isEmpty() ? "unset" : h.timescale());
            if (patterns != null && !patterns.isEmpty()) h.select(patterns).forEach(v -> out.println(line(v, v.path())));
            else if (flat) h.vars().forEach(v -> out.println(line(v, v.path())));
            else for (VcdScope s : h.root().children()) tree(out, s, "");
            if (extent) {
                Waveform.Extent e = w.extent();
                out.printf("cycles %d..%d (times %d..%d), %d value changes%n", e.firstCycle(), e.lastCycle(), e.firstTime(), e.lastTime(), e.changes());
            }
            return 0;
        });
    }

    private static void tree(PrintWriter out, VcdScope s, String indent) {
        out.println(indent + s.name() + "/" + (s.kind().equals("module") ? "" : " (" + s.kind() + ")"));
        for (VcdVar v : s.vars()) out.println(line(v, indent + "  " + v.name()));
        for (VcdScope c : s.children()) tree(out, c, indent + "  ");
    }

    private static String line(VcdVar v, String label) {
        return label + (v.width() > 1 ? " " + v.range() + " " + v.width() + " bits" : "") + (v.type().equals("wire") ? "" : " " + v.type());
    }
}
