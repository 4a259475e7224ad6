package io.rtlbench.tools.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.rtlbench.tools.json.JsonFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --sample N}: a GEMM on the SIMT core as a sample of its work-groups, every emulated one
 * verified; the JSON says how it was sampled, and the estimate is close to the full run's cycles.
 */
class RunSampleTest {
    @Test void sampledSimtGemmReportsTilesAndInterval(@TempDir Path dir) throws Exception {
        Path sampled = dir.resolve("sampled.json"), full = dir.resolve("full.json");
        String[] common = {"run", "--core", "simt", "--simt", "4x8", "--workload", "gemm:64,64,64", "--seed", "5"};
        SimtRunTest.Out o = SimtRunTest.run(concat(common, "--sample", "2", "--json", sampled.toString()));
        assertEquals(0, o.code(), o.err());
        JsonNode s = JsonFiles.mapper().readTree(sampled.toFile());
        assertTrue(s.get("verified").asBoolean(), s.toString());
        assertTrue(s.get("sampled").asBoolean(), s.toString());
        assertEquals(16, s.get("tiles_total").asInt(), "64x64 outputs in 16x16 work-groups");
        int emulated = s.get("tiles_emulated").asInt();
        assertTrue(emulated >= 2 && emulated <= 16, "tiles_emulated " + emulated);
        assertTrue(s.get("cycles_ci").asDouble() >= 0 && s.get("cycles_ci").asDouble() < 0.05, s.toString());
        assertEquals("int8", s.get("format").asText());
        assertEquals("4x8", s.get("spec").asText());
        assertEquals(4, s.get("warps").asInt());
        assertEquals("scalar", s.get("datapath").asText());

        assertEquals(0, SimtRunTest.run(concat(common, "--json", full.toString())).code());
        JsonNode f = JsonFiles.mapper().readTree(full.toFile());
        assertTrue(!f.get("sampled").asBoolean() && !f.has("tiles_total"), "a full run says sampled false: " + f);
        double exact = f.get("total_cycles").asDouble(), estimate = s.get("total_cycles").asDouble();
        double ci = s.get("cycles_ci").asDouble();
        assertTrue(Math.abs(estimate - exact) <= Math.max(0.02 * exact, ci * estimate),
                "estimate " + estimate + " vs full " + exact + " (interval +-" + ci + ")");
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
