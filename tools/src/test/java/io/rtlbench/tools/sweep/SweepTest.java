package io.rtlbench.tools.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.tools.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small sweep writes one verified row per (point, layer) and a second run resumes (runs nothing). */
class SweepTest {
    @TempDir Path tmp;

    @Test void sweepWritesRowsAndResumes() throws Exception {
        Path csv = tmp.resolve("s.csv");
        String[] args = {"sweep", "--workload", "gemm:8,12,8", "--systolic", "4x4,ws", "--simt", "2x4", "--offchip-bw", "4,16",
                "--jobs", "2", "--out", csv.toString()};
        assertEquals(0, Main.commandLine().execute(args));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 4, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.endsWith(",true")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("systolic,4x4;ws,4,")), String.join("\n", lines));
        long before = Files.getLastModifiedTime(csv).toMillis();
        assertEquals(0, Main.commandLine().execute(args));
        assertEquals(lines, Files.readAllLines(csv), "a finished sweep is not run again");
        assertEquals(before, Files.getLastModifiedTime(csv).toMillis());
    }
}
