package io.rtlbench.tools.run;

import io.rtlbench.tools.cli.UserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.testbenches.simt.KernelBuild;
import io.rtlbench.tools.Main;
import io.rtlbench.tools.RunCommand;
import picocli.CommandLine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rtlbench run --core simt}: workload JSON, ELF exit codes, cycle-limit report, user errors. */
class SimtRunTest {
    record Out(int code, String err) {}

    /** Runs {@code rtlbench run ...} on a fresh RunCommand (Main's sub-command objects keep option values). */
    static Out run(String... args) {
        var cl = Main.withHandlers(new CommandLine(new RunCommand()));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(java.util.Arrays.copyOfRange(args, 1, args.length));
        return new Out(code, err.toString());
    }

    @Test void gemmWorkloadWritesVerifiedJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("simt.json");
        Out o = run("run", "--core", "simt", "--warps", "4", "--threads", "8", "--workload", "gemm:8,20,9", "--seed", "3",
                "--json", json.toString());
        assertEquals(0, o.code(), o.err());
        String j = Files.readString(json);
        for (String key : new String[] {"\"verified\": true", "\"macs\": 1440", "\"total_cycles\"", "\"compute_cycles\"",
                "\"utilization\"", "\"offchip_bytes\"", "\"ipc\""})
            assertTrue(j.contains(key), key + " missing in " + j);
    }

    @Test void elfExitCodeFollowsTohost() {
        assertEquals(0, run("run", "--core", "simt", "--elf", KernelBuild.asmTest("isa_alu").toString()).code());
        // A C kernel stops its warps without writing tohost: not a pass.
        assertEquals(1, run("run", "--core", "simt", "--elf", KernelBuild.kernel("vecadd").toString()).code());
    }

    @Test void cycleLimitListsTheWarps() {
        Out o = run("run", "--core", "simt", "--elf", KernelBuild.asmTest("hang").toString(), "--max-cycles", "2000");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("2000 cycles") && o.err().contains("warp 3: active") && o.err().contains("mask=0xff"), o.err());
    }

    @Test void badInputsAreUserErrors() {
        assertTrue(run("run", "--core", "simt", "--workload", "gemm:4,4").err().contains("gemm:M,K,N"));
        assertTrue(run("run", "--core", "simt", "--warps", "0").err().contains("warps must be 1..32"));
        assertTrue(run("run", "--core", "simt", "--elf", "/nonexistent.elf").err().contains("no such ELF"));
    }
}
