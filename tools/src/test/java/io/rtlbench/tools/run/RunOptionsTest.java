package io.rtlbench.tools.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.tools.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The bad inputs of {@code run --format/--sample/--simt} and {@code sweep --format/--sample}: one line
 * {@code rtlbench: ...} naming the option, exit 2, before any emulator is built (milliseconds).
 */
class RunOptionsTest {
    @TempDir Path tmp;

    /** Exit 2 and a first stderr line starting "rtlbench: " containing every {@code expected} piece, no stack trace. */
    static void refused(String[] args, String... expected) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        assertEquals(2, code, "exit code; stderr: " + err);
        String first = err.toString().lines().findFirst().orElse("");
        assertTrue(first.startsWith("rtlbench: "), "one rtlbench: line, got: " + err);
        for (String e : expected) assertTrue(first.contains(e), "'" + e + "' missing in: " + first);
        assertFalse(err.toString().contains("\tat ") || err.toString().contains("Exception"), "no stack trace: " + err);
    }

    static String[] a(String... args) { return args; }

    @Test void runRefusesFormatSampleAndSimtMisuse() throws Exception {
        long t0 = System.nanoTime();
        Path elf = Files.writeString(tmp.resolve("x.elf"), "not an elf");
        refused(a("run", "--core", "simt", "--sample", "sometimes"), "--sample takes auto, off or a positive number");
        refused(a("run", "--core", "simt", "--sample", "0"), "--sample takes auto, off");
        refused(a("run", "--core", "simt", "--elf", elf.toString(), "--sample", "4"), "--sample applies to a workload", "--elf");
        refused(a("run", "--core", "systolic", "--model", tmp.resolve("m.onnx").toString(), "--format", "mxfp4"), "--format applies to a workload",
                "--model");
        refused(a("run", "--core", "systolic", "--sample", "auto", "--vcd", tmp.resolve("w.vcd").toString()), "--sample auto", "--sample off with --vcd");
        refused(a("run", "--core", "systolic", "--format", "fp16"), "--format", "fp16");
        refused(a("run", "--core", "systolic", "--format", "fp8e4m3", "--dataflow", "os"), "weight-stationary", "--dataflow ws");
        refused(a("run", "--core", "systolic", "--format", "mxfp4", "--workload", "conv:8,8,2,2,3,1,1"), "--format mxfp4 runs gemm");
        refused(a("run", "--core", "simt", "--format", "fp8e5m2", "--sample", "4"), "--sample 4 covers int8", "--sample off");
        refused(a("run", "--core", "simt", "--simt", "4x8", "--warps", "2"), "--simt and --warps/--threads exclude each other");
        refused(a("run", "--core", "simt", "--simt", "4x8,fast"), "--simt", "scalar, dp4a or tensor");
        refused(a("run", "--core", "simt", "--simt", "4x"), "--simt");
        refused(a("run", "--core", "systolic", "--simt", "4x8"), "--simt describes the SIMT core");
        assertTrue((System.nanoTime() - t0) / 1e9 < 20, "refused before any build");
    }

    @Test void sweepRefusesFormatAndSampleMisuse() {
        String out = tmp.resolve("s.csv").toString();
        refused(a("sweep", "--sample", "-3", "--out", out), "--sample takes auto, off");
        refused(a("sweep", "--format", "int4", "--out", out), "--format", "int4");
        refused(a("sweep", "--format", "fp8e4m3", "--systolic", "4x4,ws;4x4,os", "--out", out), "weight-stationary", "4x4,os");
        refused(a("sweep", "--format", "mxfp4", "--systolic", "4x4,ws", "--sample", "8", "--out", out), "--sample 8 covers int8");
        refused(a("sweep", "--simt", "tensor,4x8", "--out", out), "--simt", "needs a config before it");
        assertFalse(Files.exists(tmp.resolve("s.csv")), "nothing written");
    }
}
