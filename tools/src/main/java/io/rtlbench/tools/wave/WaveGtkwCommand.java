package io.rtlbench.tools.wave;

import io.rtlbench.waveforms.GtkwGroup;
import io.rtlbench.waveforms.GtkwSaveFile;
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

/** {@code wave gtkw FILE -o view.gtkw --group NAME=PATTERN,...}: a GTKWave save file with signal groups. */
@Command(name = "gtkw", mixinStandardHelpOptions = true,
        description = {"Write a GTKWave save file that opens FILE with the given groups of signals (checked against FILE).",
                "Example:",
                "  rtlbench wave gtkw run.vcd -o run.gtkw --group 'inputs=TOP.io_*' \\",
                "      --group 'row 0=pe_0_*.acc'",
                "then: gtkwave run.gtkw"})
public final class WaveGtkwCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin WaveCommand.Cycles cycles;
    @Parameters(index = "0", paramLabel = "FILE", description = "VCD file") Path file;
    @Option(names = {"-o", "--output"}, required = true, description = ".gtkw file to write") Path output;
    @Option(names = "--group", paramLabel = "NAME=PATTERN[,PATTERN...]", description = "a group of signals (repeatable)")
    List<String> groups;
    @Option(names = "--core", description = "the preset groups of a core's run: systolic (command queue, DMA, PE grid edges) or simt (warp scheduler, divergence stack, LSU)")
    String core;

    @Override public Integer call() throws Exception {
        io.rtlbench.tools.json.JsonFiles.checkTarget(output);
        return WaveCommand.userErrors(spec, () -> {
            Waveform w = cycles.open(file);
            List<GtkwGroup> g = new java.util.ArrayList<>();
            if (core != null) g.addAll(switch (core) {
                case "systolic" -> io.rtlbench.testbenches.wave.CoreWaveGroups.systolic();
                case "simt" -> io.rtlbench.testbenches.wave.CoreWaveGroups.simt();
                default -> throw new IllegalArgumentException("--core must be systolic or simt; got '" + core + "'");
            });
            if (groups != null) groups.stream().map(GtkwGroup::parse).forEach(g::add);
            if (g.isEmpty()) throw new IllegalArgumentException("give --core systolic|simt or at least one --group");
            Files.writeString(output, GtkwSaveFile.render(w.header(), file, g));
            spec.commandLine().getOut().printf("wrote %s (%d groups)%n", output, g.size());
            return 0;
        });
    }
}
