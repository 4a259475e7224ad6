package io.rtlbench.testbenches.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.emulator.BuildOptions;
import io.rtlbench.emulator.Simulator;
import io.rtlbench.rtl.demo.MacGrid;
import io.rtlbench.rtl.demo.MacGridConfig;
import io.rtlbench.testbenches.Designs;
import io.rtlbench.testbenches.demo.MacGridDriver;
import io.rtlbench.testbenches.demo.MatMulGolden;
import io.rtlbench.testbenches.demo.MacGridWaveGroups;
import io.rtlbench.waveforms.Condition;
import io.rtlbench.waveforms.GtkwSaveFile;
import io.rtlbench.waveforms.Radix;
import io.rtlbench.waveforms.SampledToggles;
import io.rtlbench.waveforms.Samples;
import io.rtlbench.waveforms.TextRenderer;
import io.rtlbench.waveforms.TextStyle;
import io.rtlbench.waveforms.VcdVar;
import io.rtlbench.waveforms.Waveform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end: a traced (and toggle-counted) 4x4 MacGrid multiply; the VCD must use the Java names,
 * hold every partial sum of the golden C = A x B at the cycle the dataflow predicts, render those
 * values in the text table, and give the same register toggles as the emulator's own counters.
 */
class MacGridWaveTest {
    static final long SEED = Long.getLong("rtlbench.seed", 20261127L);
    static final MacGridConfig CFG = new MacGridConfig(4, 4);
    static final int K = 6, START = 2;  // the batch starts after 2 reset cycles
    static final Path VCD = Path.of("target/wave-test/macgrid.vcd");
    static byte[][] a, b;
    static int cycles;
    static Map<String, Long> emulatorToggles;
    static Waveform w;

    @BeforeAll static void run() {
        Random rnd = new Random(SEED);
        a = MatMulGolden.random(rnd, CFG.rows(), K);
        b = MatMulGolden.random(rnd, K, CFG.cols());
        try (Simulator sim = Simulator.create(Designs.elaborate(() -> new MacGrid(CFG)), new BuildOptions(true, true))) {
            sim.traceWindow(VCD, 0, 40);
            sim.reset(START);
            sim.enableToggles(true);
            sim.clearToggles();
            MacGridDriver d = new MacGridDriver(sim, CFG);
            int[][] c = d.multiply(a, b);
            assertNull(MatMulGolden.firstMismatch(MatMulGolden.multiply(a, b), c), "seed " + SEED);
            cycles = d.lastCycles;
            emulatorToggles = sim.toggles();
            sim.step(2);
            sim.traceClose();
        }
        w = Waveform.open(VCD);
    }

    @Test void signalNamesAreTheJavaNames() {
        for (int i = 0; i < CFG.rows(); i++)
            for (int j = 0; j < CFG.cols(); j++)
                for (String reg : List.of("acc", "aReg", "bReg", "product", "sum"))
                    assertTrue(w.header().byPath().containsKey("TOP.MacGrid.pe_" + i + "_" + j + "." + reg), "pe_" + i + "_" + j + "." + reg);
        assertTrue(w.header().byPath().containsKey("TOP.io_clear"));
        assertEquals(32, w.header().find("pe_2_3.acc").width());
    }

    /** PE(i, j) adds a[i][t] * b[t][j] at the edge of batch cycle t + i + j + 1; it shows from the next cycle. */
    @Test void everyPartialSumAppearsWhenTheDataflowSaysSo() {
        List<VcdVar> accs = new ArrayList<>();
        for (int i = 0; i < CFG.rows(); i++)
            for (int j = 0; j < CFG.cols(); j++) accs.add(w.header().find("TOP.MacGrid.pe_" + i + "_" + j + ".acc"));
        Samples s = w.sample(accs, START, START + cycles, 1000);
        assertEquals(cycles, s.size());
        for (int i = 0; i < CFG.rows(); i++)
            for (int j = 0; j < CFG.cols(); j++) {
                int partial = 0;
                for (int t = 0; t < K; t++) {
                    partial += a[i][t] * b[t][j];
                    long cycle = START + t + i + j + 2;
                    if (cycle >= START + cycles) continue;
                    long actual = s.get((int) (cycle - START), i * CFG.cols() + j).signed().longValue();
                    assertEquals(partial, actual, "seed " + SEED + ": acc of PE(" + i + "," + j + ") after k=" + t + " at cycle " + cycle);
                }
            }
        int[][] c = MatMulGolden.multiply(a, b);
        assertEquals(c[3][3], w.valueAt("pe_3_3.acc", START + cycles - 1).signed().intValue());
        assertEquals(0, w.valueAt("pe_3_3.acc", START + 1).signed().intValue(), "cleared");
    }

    @Test void textTableShowsTheGoldenResultInSignedDecimal() {
        int[][] c = MatMulGolden.multiply(a, b);
        List<VcdVar> row0 = w.header().select(List.of("TOP.MacGrid.pe_0_*.acc"));
        assertEquals(4, row0.size());
        String text = TextRenderer.render(w.sample(row0, START + cycles - 1, START + cycles, 10), new TextStyle(Radix.SIGNED, Map.of(), 0, false));
        for (int j = 0; j < 4; j++) {
            String line = text.lines().filter(l -> l.startsWith("TOP.MacGrid.pe_0_")).toList().get(j);
            assertTrue(line.trim().endsWith(" " + c[0][j]), line + " should end with " + c[0][j]);
        }
    }

    @Test void togglesMatchTheEmulatorsCounters() {
        // The emulator samples its counters once per cycle before the edge. Enabling (after reset) snapshots the state,
        // which here equals the sample at START - 1 (reset inputs, zero registers); each batch cycle c in
        // [START, START + cycles) counts against the previous sample; reading counts once more at the state after
        // the last edge, the sample at START + cycles. So: consecutive samples START - 1 .. START + cycles.
        List<VcdVar> vars = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String name : emulatorToggles.keySet()) {
            names.add(name);
            // firtool's port copies (io_a_0 = io_a) are counted under their own name but traced once, as the port
            boolean copy = name.endsWith("_0") && w.header().vars().stream().noneMatch(v -> v.path().equals("TOP.MacGrid." + name));
            vars.add(w.header().find("TOP.MacGrid." + (copy ? name.substring(0, name.length() - 2) : name)));
        }
        Map<VcdVar, Long> vcd = SampledToggles.count(w, vars, START - 1, START + cycles + 1);
        long total = 0;
        for (int i = 0; i < names.size(); i++) {
            assertEquals(emulatorToggles.get(names.get(i)), vcd.get(vars.get(i)), names.get(i));
            total += emulatorToggles.get(names.get(i));
        }
        assertTrue(total > 100, "a real multiply toggles bits: " + total);
    }

    @Test void gtkwaveSaveFileGroupsTheGridEdgesAndAccumulators() {
        String g = GtkwSaveFile.render(w.header(), VCD, MacGridWaveGroups.groups(CFG));
        assertTrue(g.contains("-left edge (A rows in)\n@424\nTOP.MacGrid.pe_0_0.io_a[7:0]\nTOP.MacGrid.pe_1_0.io_a[7:0]"), g);
        assertTrue(g.contains("-accumulators row 3\n@424\nTOP.MacGrid.pe_3_0.acc[31:0]"), g);
        assertEquals(CFG.rows() * CFG.cols(), g.lines().filter(l -> l.matches("TOP\\.MacGrid\\.pe_\\d_\\d\\.acc\\[31:0\\]")).count());
    }

    @Test void aMismatchDumpsTheWindowAroundIt() {
        // pretend the checker expected C[2][1] + 1: the mismatch shows at the last cycle of the multiply
        long cycle = START + cycles - 1;
        int[][] c = MatMulGolden.multiply(a, b);
        var elaborated = Designs.elaborate(() -> new MacGrid(CFG));
        FailureDump.Dump d = FailureDump.around(elaborated, cycle, 5, 2, Path.of("target/wave-test/mismatch.vcd"), sim -> {
            sim.reset(START);
            new MacGridDriver(sim, CFG).multiply(a, b);
        });
        Waveform dump = Waveform.open(d.vcd());
        assertEquals(cycle - 5, dump.firstDumpCycle());
        assertEquals(c[2][1], dump.valueAt("pe_2_1.acc", cycle).signed().intValue());
        assertEquals(cycle + 2, dump.extent().lastCycle());
        assertTrue(d.message().contains("around the mismatch at cycle " + cycle) && d.message().contains("--from " + (cycle - 5)), d.message());
    }

    /** GTKWave's own parser (vcd2fst) accepts the dump, and the FST it writes reads back the same values. */
    @Test void gtkwaveReadsTheDump() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/usr/bin/vcd2fst").canExecute(),
                "GTKWave's vcd2fst not found: install it with apt-get install -y gtkwave; skipping the GTKWave check");
        Path fst = Path.of("target/wave-test/macgrid.fst");
        Process p = new ProcessBuilder("vcd2fst", VCD.toString(), fst.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "vcd2fst rejected " + VCD + ":\n" + log);
        Waveform viaFst = Waveform.open(fst);
        assertEquals(w.header().vars().size(), viaFst.header().vars().size());
        long last = START + cycles - 1;
        for (int i = 0; i < CFG.rows(); i++)
            for (int j = 0; j < CFG.cols(); j++) {
                String acc = "TOP.MacGrid.pe_" + i + "_" + j + ".acc";
                assertEquals(w.valueAt(acc, last), viaFst.valueAt(acc, last), acc);
            }
    }

    @Test void conditionFindsTheClearCycle() {
        assertEquals(START, w.firstCycle(Condition.parse("io_clear && !reset", w.header()), 0, 1000).orElse(-1));
        int[][] c = MatMulGolden.multiply(a, b);
        long want = START + cycles - 1;
        String cond = "pe_0_0.acc == " + Integer.toUnsignedString(c[0][0]) + " && pe_3_3.acc == " + Integer.toUnsignedString(c[3][3]);
        assertTrue(w.firstCycle(Condition.parse(cond, w.header()), 0, 1000).orElse(-1) <= want);
    }
}
