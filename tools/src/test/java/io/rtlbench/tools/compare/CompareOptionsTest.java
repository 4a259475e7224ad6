package io.rtlbench.tools.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.tools.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The options this round added to {@code compare} (--format, --simt variants, --memory, --sample,
 * the 7 nm default): each bad value is refused in one line before any emulator is built.
 */
class CompareOptionsTest {
    record Out(int code, String err) {}

    static Out cli(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Out(cl.execute(args), err.toString());
    }

    static void refused(Out o, String... expected) {
        assertEquals(2, o.code(), "exit code; stderr: " + o.err());
        String first = o.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("rtlbench: "), "one rtlbench: line, got: " + o.err());
        for (String e : expected) assertTrue(first.contains(e), "'" + e + "' missing in: " + first);
        assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
    }

    @Test void badValuesAreRefusedBeforeAnyBuild() {
        long t0 = System.nanoTime();
        refused(cli("compare", "--workload", "gemm:8,8,8", "--format", "fp16"), "--format", "unknown number format 'fp16'", "mxfp4");
        refused(cli("compare", "--workload", "gemm:8,8,8", "--format", "fp8e4m3", "--systolic", "16x16,os"), "weight-stationary", "16x16,ws");
        refused(cli("compare", "--workload", "gemm:8,8,8", "--memory", "gddr9"), "--memory", "unknown memory preset 'gddr9'", "hbm3");
        refused(cli("compare", "--workload", "gemm:8,8,8", "--sample", "some"), "--sample takes auto, off or a positive number");
        refused(cli("compare", "--workload", "gemm:8,8,8", "--sample", "0"), "--sample");
        refused(cli("compare", "--workload", "gemm:8,8,8", "--format", "mxfp4", "--sample", "4"), "--sample 4 covers int8");
        refused(cli("compare", "--workload", "gemm:8,8,8", "--simt", "4x8,fp64"), "--simt", "scalar, dp4a or tensor");
        refused(cli("compare", "--workload", "gemm:8,8,8", "--simt", "4x3,tensor"), "--simt", "tensor datapath needs 2, 8 or 32 threads");
        refused(cli("compare", "--workload", "gemm:8,8,8", "--simt", "17x4x8"), "cores must be 1..16");
        refused(cli("compare", "--workload", "gemm:8,8,8", "--tech", "3nm"), "--tech");
        refused(cli("compare", "--model", "x.onnx", "--simt", "4x8,tensor"), "--model runs one single-core scalar SIMT");
        assertTrue((System.nanoTime() - t0) / 1e9 < 20, "refused before any emulation");
    }

    @Test void helpNamesTheNewOptionsAndTheModernDefault() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("compare", "--help"));
        String h = out.toString();
        for (String s : new String[] {"--format", "--memory", "--sample", "dp4a", "7nm (the modern default)"})
            assertTrue(h.contains(s), s + " missing in compare --help:\n" + h);
    }
}
