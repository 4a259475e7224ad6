package io.rtlbench.tools.wave;

import io.rtlbench.waveforms.HtmlOptions;
import io.rtlbench.waveforms.HtmlRenderer;
import io.rtlbench.waveforms.VcdVar;
import io.rtlbench.waveforms.Waveform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wave html FILE -o page.html}: a self-contained viewer page (tree, search, zoom, cursor). */
@Command(name = "html", mixinStandardHelpOptions = true,
        description = {"Write a self-contained HTML viewer (no network): hierarchy tree, signal search, zoom, cursor with values.",
                "Example: rtlbench wave html run.vcd -o run.html --from 100 --to 400 '*.acc'",
                "The page also takes run.html#cursor=CYCLE&radix=dec in its address."})
public final class WaveHtmlCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WaveCommand.Cycles cycles;
    @Parameters(index = "0", paramLabel = "FILE", description = "VCD file") Path file;
    @Parameters(index = "1..*", paramLabel = "PATTERN", description = "signals to include (default: all)") List<String> patterns;
    @Option(names = {"-o", "--output"}, required = true, description = "HTML file to write") Path output;
    @Option(names = "--from", defaultValue = "0", description = "first cycle (default: the dump's first)") long from;
    @Option(names = "--to", description = "end cycle, exclusive (default: the end of the dump)") Long to;
    @Option(names = "--max-changes", defaultValue = "2000000", description = "refuse bigger pages (default ${DEFAULT-VALUE})") int maxChanges;
    @Option(names = "--show", defaultValue = "24", description = "signals displayed at first; the rest are in the tree (default ${DEFAULT-VALUE})") int show;

    @Override public Integer call() throws Exception {
        io.rtlbench.tools.json.JsonFiles.checkTarget(output);
        return WaveCommand.userErrors(spec, () -> {
            Waveform w = cycles.open(file);
            List<VcdVar> vars = patterns == null || patterns.isEmpty() ? w.header().vars() : w.header().select(patterns);
            long hi = to != null ? to : Long.MAX_VALUE / Math.max(1, 2 * w.cycles().period());
            HtmlRenderer.write(w, vars, new HtmlOptions(file.getFileName().toString(), from, hi, maxChanges, show), output);
            spec.commandLine().getOut().printf("wrote %s (%d signals, %d KB); open it in a browser%n", output, vars.size(), Files.size(output) / 1024);
            return 0;
        });
    }
}
