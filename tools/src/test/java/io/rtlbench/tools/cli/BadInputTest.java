package io.rtlbench.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.tools.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every bad input a user can give the command line ends in one line {@code rtlbench: ...} naming the
 * option or field, exit code 2, and no stack trace (issue 10's list, found by probing the CLI).
 * Cheap checks come before any emulator build, so most cases here take milliseconds.
 */
class BadInputTest {
    @TempDir Path tmp;

    record Out(int code, String out, String err) {}

    static Out cli(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Out(cl.execute(args), out.toString(), err.toString());
    }

    /** Exit 2, a first line starting "rtlbench: " that contains every {@code expected} piece, no stack trace. */
    static void refused(Out o, String... expected) {
        assertEquals(2, o.code(), "exit code; stderr: " + o.err());
        String first = o.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("rtlbench: "), "one rtlbench: line, got: " + o.err());
        for (String e : expected) assertTrue(first.contains(e), "'" + e + "' missing in: " + first);
        assertFalse(o.err().contains("\tat ") || o.err().contains("Exception"), "no stack trace: " + o.err());
    }

    @Test void workloadShapesAreBoundedAndNameTheField() {
        long t0 = System.nanoTime();
        refused(cli("run", "--core", "systolic", "--workload", "conv:4,4,1024,1024,100,1,50"), "too large", "K = CIN x K x K");
        refused(cli("compare", "--workload", "conv:4,4,1024,1024,100,1,50"), "too large");
        assertTrue((System.nanoTime() - t0) / 1e9 < 10, "refused before any work");
        refused(cli("run", "--core", "systolic", "--workload", "gemm:99999999999,4,4"), "M = 99999999999 is out of range");
        refused(cli("run", "--core", "systolic", "--workload", "gemm:4,x,4"), "K 'x' is not an integer");
        refused(cli("run", "--core", "systolic", "--workload", "conv:4,4,1,1,9,1,0"), "kernel 9");
        refused(cli("run", "--core", "systolic", "--workload", "conv:4,4,0,1,3,1,0"), "CIN = 0");
        refused(cli("run", "--core", "simt", "--workload", "conv:8,8,2,2,3,1,1"), "SIMT core runs gemm");
    }

    @Test void optionsThatWouldBeIgnoredAreRefused() throws Exception {
        Path elf = Files.writeString(tmp.resolve("x.elf"), "not an elf");
        refused(cli("run", "--core", "systolic", "--elf", elf.toString()), "--elf", "--core simt");
        refused(cli("run", "--core", "simt", "--elf", elf.toString(), "--workload", "gemm:4,4,4"), "--elf and --workload");
        refused(cli("run", "--core", "systolic", "--tech", "7nm"), "--tech", "--energy");
        refused(cli("run", "--core", "systolic", "--from", "5"), "--vcd");
        refused(cli("run", "--core", "systolic", "--max-cycles", "0"), "--max-cycles must be >= 1");
        refused(cli("run", "--core", "simt", "--max-cycles", "0"), "--max-cycles must be >= 1");
        refused(cli("run", "--core", "systolic", "--offchip-bw", "64"), "--offchip-bw must be 1..16");
        Path tech = Files.writeString(tmp.resolve("t.properties"), String.join("\n", Files.readAllLines(Path.of(
                BadInputTest.class.getResource("/io/rtlbench/tools/energy/tech-45nm.properties").toURI()))).replace("clock.ghz = 1.0", "clock.ghz = 0"));
        refused(cli("run", "--core", "systolic", "--energy", "--tech", tech.toString()), "clock.ghz", "> 0");
    }

    @Test void specsOfCompareAndSweepNameTheirOption() {
        refused(cli("compare", "--systolic", "16x"), "--systolic", "RxC");
        refused(cli("compare", "--systolic", "16x16,xs"), "dataflow must be ws or os");
        refused(cli("compare", "--simt", "0x8"), "warps must be 1..32");
        refused(cli("compare", "--sweep-bw", "2,x"), "--sweep-bw", "'x'");
        refused(cli("compare", "--sweep-bw", "2,32"), "--sweep-bw values must be 1..16");
        refused(cli("sweep", "--systolic", "4x4,zz", "--out", tmp.resolve("s.csv").toString()), "dataflow must be ws or os");
        refused(cli("sweep", "--simt", "4x99", "--out", tmp.resolve("s.csv").toString()), "threads must be 1..32");
        refused(cli("sweep", "--systolic", "", "--simt", "", "--out", tmp.resolve("s.csv").toString()), "nothing to sweep");
        refused(cli("sweep", "--offchip-bw", "0", "--out", tmp.resolve("s.csv").toString()), "--offchip-bw values must be 1..16");
        assertTrue(io.rtlbench.tools.compare.CompareCommand.sweepBandwidths("").isEmpty(), "--sweep-bw '' skips the sweep");
    }

    @Test void outputsThatAreFoldersAreRefusedBeforeAnyWork() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        refused(cli("compare", "--workload", "gemm:4,4,4", "--json", dir.toString()), "is a directory");
        refused(cli("compare", "--workload", "gemm:4,4,4", "--html", dir.toString()), "is a directory");
        refused(cli("run", "--core", "systolic", "--json", dir.toString()), "is a directory");
        refused(cli("run", "--core", "systolic", "--vcd", dir.toString()), "is a directory");
        refused(cli("sweep", "--out", dir.toString()), "is a directory");
        Path vcd = Files.writeString(tmp.resolve("w.vcd"), "$timescale 1ns $end\n$scope module TOP $end\n$var wire 1 ! clock $end\n"
                + "$upscope $end\n$enddefinitions $end\n#0\n0!\n#5\n1!\n#10\n0!\n");
        refused(cli("wave", "html", vcd.toString(), "-o", dir.toString()), "is a directory");
        refused(cli("wave", "gtkw", vcd.toString(), "-o", dir.toString(), "--core", "systolic"), "is a directory");
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        refused(cli("run", "--core", "systolic", "--json", file.resolve("sub.json").toString()), "is a file, not a folder");
    }

    @Test void aCycleLimitInsideCompareOrSweepIsOneLine() {
        refused(cli("compare", "--workload", "gemm:8,8,8", "--systolic", "4x4,ws", "--simt", "2x4", "--sweep-bw", "", "--max-cycles", "50"),
                "did not finish within 50 cycles", "--max-cycles");
        refused(cli("sweep", "--workload", "gemm:8,8,8", "--systolic", "4x4,ws", "--simt", "", "--offchip-bw", "16", "--max-cycles", "50",
                "--out", tmp.resolve("hang.csv").toString()), "1 point(s) failed", "systolic 4x4,ws @ 16 B/cycle", "--max-cycles");
    }

    @Test void vcdScopesAndWindowsAreChecked() {
        String vcd = tmp.resolve("r.vcd").toString();
        refused(cli("run", "--core", "systolic", "--rows", "4", "--cols", "4", "--workload", "gemm:4,4,4", "--vcd", vcd, "--scope", "core.nosuch"),
                "scope 'core.nosuch' is not an instance", "instances in core:");
        refused(cli("run", "--core", "systolic", "--rows", "4", "--cols", "4", "--workload", "gemm:4,4,4", "--vcd", vcd, "--from", "100000",
                "--to", "100010"), "the run ended at cycle", "before the VCD window");
        assertFalse(Files.exists(tmp.resolve("r.vcd")), "no file claimed that was never written");
    }

    @Test void corruptElfFilesAreNamed() throws Exception {
        byte[] header = new byte[64];
        header[0] = 0x7F; header[1] = 'E'; header[2] = 'L'; header[3] = 'F'; header[4] = 1; header[5] = 1;
        header[18] = (byte) 243;
        header[28] = (byte) 200;  // program headers at byte 200 of a 64-byte file
        header[44] = 1;
        header[42] = 32;
        Path truncated = Files.write(tmp.resolve("t.elf"), header);
        refused(cli("run", "--core", "simt", "--elf", truncated.toString()), "truncated or corrupt", "program header table");
        refused(cli("run", "--core", "simt", "--elf", Files.write(tmp.resolve("s.elf"), new byte[] {0x7F, 'E'}).toString()), "not an ELF");
        refused(cli("run", "--core", "simt", "--elf", tmp.resolve("none.elf").toString()), "no such ELF");
    }

    @Test void badBaselinesAreRefusedBeforeTheSuiteRuns() throws Exception {
        long t0 = System.nanoTime();
        Path bad = Files.writeString(tmp.resolve("b.json"), "{\"a\": {\"total_cycles\": \"many\", \"compute_cycles\": 1, \"offchip_bytes\": 1,"
                + " \"macs\": 1, \"energy_pj\": 1.0, \"pj_per_mac\": 1.0}}");
        refused(cli("regress", "--baselines", bad.toString()), "a.total_cycles has the wrong type");
        Path missing = Files.writeString(tmp.resolve("m.json"), "{\"a\": {\"total_cycles\": 5}}");
        refused(cli("regress", "--baselines", missing.toString()), "a.compute_cycles is missing");
        refused(cli("regress", "--baselines", tmp.resolve("nope.json").toString()), "no baselines at");
        assertTrue((System.nanoTime() - t0) / 1e9 < 10, "no suite ran");
    }

    @Test void regressFromAnotherFolderRefusesFirst() throws Exception {
        Process p = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "regress")
                .directory(tmp.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "refused at once");
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.startsWith("rtlbench: no baselines at") && out.contains("--baselines"), out);
    }

    @Test void missingToolsAreOneLineWithTheInstallCommand() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        try (var tools = Files.list(Path.of("/usr/bin"))) {
            for (Path t : tools.toList())
                if (!t.getFileName().toString().startsWith("yosys")) Files.createSymbolicLink(bin.resolve(t.getFileName()), t);
        }
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "bench", "energy",
                "--rows", "2", "--cols", "2", "--cycles", "4096", "--rounds", "1").redirectErrorStream(true);
        pb.environment().put("PATH", bin.toString());
        Process p = pb.start();
        assertTrue(p.waitFor(10, TimeUnit.MINUTES));
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(2, p.exitValue(), out);
        String last = out.lines().filter(l -> l.startsWith("rtlbench: ")).findFirst().orElse(out);
        assertTrue(last.contains("yosys not found") && last.contains("apt-get install -y yosys"), out);
        assertFalse(out.contains("\tat "), out);
    }

    @Test void helpHasNoPicocliWarnings() {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            List<CommandLine> all = new java.util.ArrayList<>(List.of(Main.commandLine()));
            for (int i = 0; i < all.size(); i++) {
                all.get(i).getUsageMessage();
                all.addAll(all.get(i).getSubcommands().values());
            }
        } finally {
            System.setErr(saved);
        }
        assertEquals("", err.toString(), "picocli printed warnings");
    }

    static String javaBin() { return Path.of(System.getProperty("java.home"), "bin", "java").toString(); }
}
