package io.rtlbench.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtlbench.tools.Main;
import io.rtlbench.tools.json.JsonFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code bench emulator --core simt|systolic} end to end on small cores (the configurations other
 * fast tests build, so the emulators come from the cache) with tiny cycle counts: the JSON has every
 * figure, positive and consistent; bad input is refused before any build.
 */
class CoreSpeedTest {
    @TempDir Path tmp;

    record Out(int code, String err) {}

    static Out cli(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return new Out(cl.execute(args), err.toString());
    }

    @ParameterizedTest
    @CsvSource({"simt, --simt, 2x4, 'gemm:16,16,16'", "systolic, --systolic, '4x4,ws', 'gemm:32,32,32'"})
    void writesEveryFigure(String core, String specOption, String spec, String workload) throws Exception {
        Path json = tmp.resolve(core + ".json");
        Out o = cli("bench", "emulator", "--core", core, specOption, spec, "--workload", workload, "--cycles", "1500", "--rounds", "2",
                "--chunk", "500", "--json", json.toString());
        assertEquals(0, o.code(), o.err());
        JsonNode r = JsonFiles.mapper().readTree(Files.readString(json));
        assertEquals(core, r.get("core").asText());
        assertEquals(spec, r.get("spec").asText());
        assertEquals(workload, r.get("workload").asText());
        assertTrue(r.get("verified").asBoolean());
        assertTrue(r.get("workload_cycles").asLong() > 1500, r.toString());
        assertEquals(2 * 1500, r.get("measured_cycles").asLong(), "rounds x cycles");
        for (String key : List.of("cycles_per_s_plain", "cycles_per_s_toggles", "cycles_per_s_native", "jna_native_ratio",
                "toggle_slowdown", "run_seconds_plain", "run_seconds_toggles", "build_seconds_plain", "build_seconds_toggles"))
            assertTrue(r.has(key) && r.get(key).asDouble() > 0, key + " in " + r);
        // At 500 cycles a call the JNA overhead is a few percent at most; the wide band is for a busy machine.
        double ratio = r.get("jna_native_ratio").asDouble();
        assertTrue(ratio > 0.2 && ratio < 5, "JNA/native ratio " + ratio);
        assertEquals(r.get("cycles_per_s_plain").asDouble() / r.get("cycles_per_s_native").asDouble(), ratio, 1e-9);
    }

    @Test void badInputIsRefusedBeforeAnyBuild() {
        long t0 = System.nanoTime();
        refused(cli("bench", "emulator", "--core", "tpu"), "unknown --core 'tpu': use grid, simt or systolic");
        refused(cli("bench", "emulator", "--core", "simt", "--rows", "8"), "--rows does not apply to --core simt");
        refused(cli("bench", "emulator", "--core", "grid", "--workload", "gemm:8,8,8"), "--workload does not apply to --core grid");
        refused(cli("bench", "emulator", "--core", "systolic", "--simt", "2x4"), "--simt does not apply to --core systolic");
        refused(cli("bench", "emulator", "--core", "simt", "--simt", "0x4"), "--simt", "warps must be 1..32");
        refused(cli("bench", "emulator", "--core", "simt", "--workload", "conv:8,8,2,2,3,1,1"), "SIMT core runs gemm:M,K,N");
        refused(cli("bench", "emulator", "--core", "systolic", "--rounds", "0"), "--rounds >= 1");
        refused(cli("bench", "emulator", "--core", "simt", "--json", tmp.toString()), "is a directory");
        assertTrue((System.nanoTime() - t0) / 1e9 < 10, "refused before any build");
    }

    private static void refused(Out o, String... expected) {
        assertEquals(2, o.code(), "exit code; stderr: " + o.err());
        String first = o.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("rtlbench: "), "one rtlbench: line, got: " + o.err());
        for (String e : expected) assertTrue(first.contains(e), "'" + e + "' missing in: " + first);
        assertFalse(o.err().contains("\tat ") || o.err().contains("Exception"), "no stack trace: " + o.err());
    }
}
