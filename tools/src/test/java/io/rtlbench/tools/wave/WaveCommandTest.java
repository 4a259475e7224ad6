package io.rtlbench.tools.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.tools.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The wave commands through the real command line, on a small hand-written VCD with known values. */
class WaveCommandTest {
    // cycles 0..5: state 0,1,2,2,0,0 (changes at edges 10c+5); data 0,7,0x2a,0x2a,3,3 with valid 0,1,0,1,1,0 (at 10c)
    static final String VCD = """
            $timescale 1ps $end
            $scope module TOP $end
            $var wire 1 ! clock $end
            $var wire 1 " valid $end
            $var wire 8 # data [7:0] $end
            $scope module fsm $end
            $var reg 2 $ state [1:0] $end
            $upscope $end
            $upscope $end
            $enddefinitions $end
            #0
            0!
            0"
            b0 #
            b0 $
            #5
            1!
            b1 $
            #10
            0!
            1"
            b111 #
            #15
            1!
            b10 $
            #20
            0!
            0"
            b101010 #
            #30
            1"
            #35
            b0 $
            #40
            b11 #
            #50
            0"
            #55
            """;
    static Path file, dir;

    @BeforeAll static void write() throws Exception {
        dir = Path.of("target/wave-cli").toAbsolutePath();
        Files.createDirectories(dir);
        file = dir.resolve("small.vcd");
        Files.writeString(file, VCD);
    }

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test void listShowsTheTree() {
        Run r = run("wave", "list", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("4 signals (4 distinct), timescale 1ps"), r.out());
        assertTrue(r.out().contains("TOP/\n  clock\n  valid\n  data [7:0] 8 bits\n  fsm/\n    state [1:0] 2 bits reg\n"), r.out());
        Run e = run("wave", "list", file.toString(), "--extent");
        assertTrue(e.out().contains("cycles 0..5 (times 0..55), 18 value changes"), e.out());
    }

    @Test void showPrintsValuesPerCycleWithEnumNames() {
        Run r = run("wave", "show", file.toString(), "data", "state", "--from", "0", "--to", "6", "--enum", "state=0:IDLE,1:LOAD,2:RUN");
        assertEquals(0, r.code(), r.err());
        String[] l = r.out().split("\n");
        assertEquals("cycle 0 1 2 3 4 5", l[0].replaceAll("\\s+", " "));
        assertEquals("TOP.data 0 7 2a 2a 3 3", l[1].replaceAll("\\s+", " "));
        assertEquals("TOP.fsm.state IDLE LOAD RUN RUN IDLE IDLE", l[2].replaceAll("\\s+", " "));
        Run at = run("wave", "show", file.toString(), "data", "--at", "2", "--radix", "dec");
        assertEquals("TOP.data 42", at.out().split("\n")[1].replaceAll("\\s+", " "));
    }

    @Test void findReportsTheFirstCycleOrExitCodeOne() {
        Run r = run("wave", "find", file.toString(), "valid && data == 0x2a");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("'valid && data == 0x2a' first holds at cycle 3 (time 30)"), r.out());
        Run none = run("wave", "find", file.toString(), "state == 3");
        assertEquals(1, none.code());
        assertTrue(none.out().contains("never holds"), none.out());
    }

    @Test void togglesCountBits() {
        // data 0->7 (3), 7->2a (4), 2a->3 (3): 10; state 0->1 (1), 1->2 (2), 2->0 (1): 4; valid 4; clock 4 (it stops at 20)
        Run r = run("wave", "toggles", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*\\s10\\s+8\\s+TOP\\.data\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*\\s4\\s+2\\s+TOP\\.fsm\\.state\n.*"), r.out());
        assertTrue(r.out().contains("22         total over 4 signals"), r.out());
        // sampled once per cycle (at 10c) the clock is always 0: no toggles; the others change once per cycle at most
        Run pc = run("wave", "toggles", file.toString(), "--per-cycle");
        assertTrue(pc.out().matches("(?s).*\\s0\\s+1\\s+TOP\\.clock\n.*"), pc.out());
        assertTrue(pc.out().contains("18         total over 4 signals"), pc.out());
    }

    @Test void userErrorsAreOneLineWithHints() {
        Run r = run("wave", "show", file.toString(), "stat");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("rtlbench: no signal 'stat'") && r.err().contains("did you mean: TOP.fsm.state"), r.err());
        Path bad = dir.resolve("bad.vcd");
        try {
            Files.writeString(bad, VCD.replace("b111 #", "b111 %"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Run m = run("wave", "show", bad.toString(), "data", "--at", "3");
        assertEquals(2, m.code());
        assertTrue(m.err().contains("bad.vcd:22: value change for undeclared identifier code '%'"), m.err());
    }

    @Test void htmlAndGtkwWriteFiles() throws Exception {
        Path html = dir.resolve("small.html"), gtkw = dir.resolve("small.gtkw");
        Run h = run("wave", "html", file.toString(), "-o", html.toString());
        assertEquals(0, h.code(), h.err());
        assertTrue(Files.readString(html).contains("\"p\":\"TOP.fsm.state\""));
        Run g = run("wave", "gtkw", file.toString(), "-o", gtkw.toString(), "--group", "fsm=state,valid");
        assertEquals(0, g.code(), g.err());
        assertTrue(Files.readString(gtkw).contains("-fsm\n@22\nTOP.fsm.state[1:0]\n@28\nTOP.valid\n"), Files.readString(gtkw));
    }

    /** demo --vcd, then wave show: the accumulators hold the golden product at the last cycle of the multiply. */
    @Test void demoDumpShowsTheGoldenProduct() {
        Path vcd = dir.resolve("demo.vcd");
        Run d = run("demo", "--rows", "2", "--cols", "3", "--k", "5", "--count", "1", "--seed", "7", "--vcd", vcd.toString(), "--to", "40");
        assertEquals(0, d.code(), d.err());
        java.util.Random rnd = new java.util.Random(7);
        byte[][] a = io.rtlbench.testbenches.demo.MatMulGolden.random(rnd, 2, 5), b = io.rtlbench.testbenches.demo.MatMulGolden.random(rnd, 5, 3);
        int[][] c = io.rtlbench.testbenches.demo.MatMulGolden.multiply(a, b);
        long last = 2 + (1 + new io.rtlbench.rtl.demo.MacGridConfig(2, 3).cyclesFor(5) + 1) - 1;  // after 2 reset cycles
        Run s = run("wave", "show", vcd.toString(), "TOP.MacGrid.pe_*.acc", "--at", String.valueOf(last), "--radix", "signed");
        assertEquals(0, s.code(), s.err());
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++) {
                String name = "TOP.MacGrid.pe_" + i + "_" + j + ".acc";
                String row = s.out().lines().filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow(() -> new AssertionError(s.out()));
                assertEquals(name + " " + c[i][j], row.replaceAll("\\s+", " ").trim(), "seed 7, C[" + i + "][" + j + "]");
            }
    }

    @Test void everyCommandHasHelp() {
        for (String c : new String[] {"list", "show", "find", "toggles", "html", "gtkw"}) {
            Run r = run("wave", c, "--help");
            assertEquals(0, r.code(), c);
            assertTrue(r.out().contains("Usage: rtlbench wave " + c), r.out());
        }
    }
}
