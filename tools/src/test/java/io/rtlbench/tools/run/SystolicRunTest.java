package io.rtlbench.tools.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.tools.Main;
import io.rtlbench.tools.RunCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rtlbench run --core systolic}: verified run with the required JSON keys, and clear errors. */
class SystolicRunTest {
    /** A run command with fresh option values (Main's sub-command instances keep the last values), Main's error handling. */
    static CommandLine fresh() {
        return Main.withHandlers(new CommandLine(new RunCommand()));
    }

    @Test void runsVerifiesAndWritesJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("run.json");
        int code = fresh().execute("--core", "systolic", "--rows", "8", "--cols", "8", "--dataflow", "os",
                "--workload", "gemm:7,11,5", "--seed", "3", "--json", json.toString());
        assertEquals(0, code);
        String text = Files.readString(json);
        for (String key : new String[] {"verified", "macs", "total_cycles", "compute_cycles", "utilization", "offchip_bytes"})
            assertTrue(text.contains("\"" + key + "\""), "JSON lacks " + key + ":\n" + text);
        assertTrue(text.contains("\"verified\": true"), text);
        assertTrue(text.contains("\"macs\": 385"), text);
    }

    @Test void badShapesAndConfigsGetAClearError() {
        for (String[] args : new String[][] {
                {"--rows", "1"}, {"--cols", "65"}, {"--dataflow", "xs"}, {"--workload", "gemm:4,4"},
                {"--workload", "gemm:0,4,4"}, {"--offchip-bw", "0"}}) {
            StringWriter err = new StringWriter();
            CommandLine cl = fresh();
            cl.setErr(new PrintWriter(err));
            String[] full = new String[args.length + 1];
            full[0] = "--core=systolic";
            System.arraycopy(args, 0, full, 1, args.length);
            assertEquals(2, cl.execute(full), String.join(" ", args) + ": " + err);
            assertTrue(err.toString().startsWith("rtlbench: "), err.toString());
        }
    }
}
