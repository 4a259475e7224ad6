package io.rtlbench.testbenches.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.demo.MacGrid;
import io.rtlbench.rtl.demo.MacGridConfig;
import io.rtlbench.testbenches.Designs;
import io.rtlbench.testbenches.demo.MacGridDriver;
import io.rtlbench.testbenches.demo.MacGridWaveGroups;
import io.rtlbench.testbenches.demo.MatMulGolden;
import io.rtlbench.waveforms.GtkwSaveFile;
import io.rtlbench.waveforms.Waveform;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real GTKWave, headless under Xvfb, opens a MacGrid dump through the generated .gtkw and a Tcl
 * probe lists the signals on screen: they must be exactly the groups' signals, in order.
 * Skipped with a message when gtkwave or xvfb-run is missing (apt-get install -y gtkwave xvfb xauth).
 */
@Tag("slow")
class GtkwaveOpensSaveFileTest {
    @Test void displayedSignalsAreTheGroups() throws Exception {
        assumeTrue(new File("/usr/bin/gtkwave").canExecute() && new File("/usr/bin/xvfb-run").canExecute(),
                "gtkwave or xvfb-run not found: apt-get install -y gtkwave xvfb xauth; skipping the GTKWave check");
        MacGridConfig cfg = new MacGridConfig(3, 2);
        Path dir = Path.of("target/wave-test/gtkwave").toAbsolutePath();
        Files.createDirectories(dir);
        Path vcd = dir.resolve("grid.vcd"), gtkw = dir.resolve("grid.gtkw"), tcl = dir.resolve("probe.tcl");
        try (Simulator sim = Simulator.create(Designs.elaborate(() -> new MacGrid(cfg)), new BuildOptions(true, false))) {
            sim.traceWindow(vcd, 0, 30);
            sim.reset(2);
            Random rnd = new Random(5);
            new MacGridDriver(sim, cfg).multiply(MatMulGolden.random(rnd, 3, 4), MatMulGolden.random(rnd, 4, 2));
            sim.traceClose();
        }
        Files.writeString(gtkw, GtkwSaveFile.render(Waveform.open(vcd).header(), vcd, MacGridWaveGroups.groups(cfg)));
        Files.writeString(tcl, "puts \"DISPLAYED: [gtkwave::getDisplayedSignals]\"\ngtkwave::/File/Quit\n");
        Process p = new ProcessBuilder("xvfb-run", "-a", "gtkwave", "-S", tcl.toString(), gtkw.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "gtkwave did not exit");
        String line = out.lines().filter(l -> l.startsWith("DISPLAYED: ")).findFirst().orElse(null);
        assertTrue(line != null, "no probe output from gtkwave:\n" + out);
        List<String> shown = Arrays.asList(line.substring("DISPLAYED: ".length()).trim().split("\\s+"));
        List<String> expected = List.of("TOP.clock", "TOP.reset", "TOP.io_clear",
                "TOP.MacGrid.pe_0_0.io_a[7:0]", "TOP.MacGrid.pe_1_0.io_a[7:0]", "TOP.MacGrid.pe_2_0.io_a[7:0]",
                "TOP.MacGrid.pe_0_0.io_b[7:0]", "TOP.MacGrid.pe_0_1.io_b[7:0]",
                "TOP.MacGrid.pe_0_0.acc[31:0]", "TOP.MacGrid.pe_0_1.acc[31:0]", "TOP.MacGrid.pe_1_0.acc[31:0]",
                "TOP.MacGrid.pe_1_1.acc[31:0]", "TOP.MacGrid.pe_2_0.acc[31:0]", "TOP.MacGrid.pe_2_1.acc[31:0]");
        assertEquals(expected, shown, out);
    }
}
