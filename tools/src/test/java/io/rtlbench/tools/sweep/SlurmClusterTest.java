package io.rtlbench.tools.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.common.FileCache;
import io.rtlbench.tools.Main;
import io.rtlbench.tools.sweep.ShardMergeTest.Out;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on a real (single-node, throw-away) Slurm cluster: {@code sweep --slurm DIR --tasks 4
 * --submit} submits a 4-task job array, the test waits for it, merges the shards and finds exactly
 * the rows of the same sweep run locally without shards. Skips with a message where Slurm cannot be
 * started (no munge/slurm packages, not root, daemons that do not come up); stops every daemon it
 * started, also on failure.
 */
@Tag("slow")
class SlurmClusterTest {
    @TempDir Path tmp;

    @Test void aSweepRunAsASlurmJobArrayMergesToTheLocalRows() throws Exception {
        String why = LocalSlurm.unavailable();
        Assumptions.assumeTrue(why == null, "no local Slurm: " + why);
        long t0 = System.nanoTime();
        LocalSlurm started;
        try {
            started = LocalSlurm.start(tmp.resolve("cluster"));
        } catch (IllegalStateException e) {
            Assumptions.abort("Slurm could not be started here: " + e.getMessage());
            return;
        }
        try (LocalSlurm slurm = started) {
            Path dir = tmp.resolve("job");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss16m", "-cp",
                    System.getProperty("java.class.path"), Main.class.getName());
            pb.command().addAll(List.of(ShardedSweepTest.sweep("--slurm", dir.toString(), "--tasks", "4", "--submit", "--time", "20",
                    "--cache", FileCache.root().toString())));
            pb.environment().putAll(slurm.env());
            Process p = pb.redirectErrorStream(true).start();
            p.getOutputStream().close();
            String said = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), said);
            Matcher m = Pattern.compile("submitted Slurm job (\\d+) \\(4 array tasks\\)").matcher(said);
            assertTrue(m.find(), said);
            slurm.awaitJob(m.group(1), 600);

            Out status = ShardMergeTest.cli("sweep", "status", dir.toString());
            assertEquals(0, status.code(), status.out() + logs(dir) + slurm.logs());
            Path merged = tmp.resolve("merged.csv");
            Out merge = ShardMergeTest.cli("sweep", "merge", dir.toString(), "--out", merged.toString());
            assertEquals(0, merge.code(), merge.err());
            System.out.printf("SlurmClusterTest: job %s (4 tasks) submitted, run and merged in %.1f s%n", m.group(1), (System.nanoTime() - t0) / 1e9);

            Path local = tmp.resolve("local.csv");
            assertEquals(0, ShardMergeTest.cli(ShardedSweepTest.sweep("--jobs", "2", "--out", local.toString())).code());
            assertEquals(ShardedSweepTest.sortedRows(local), ShardedSweepTest.sortedRows(merged));
        }
    }

    private static String logs(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(dir.resolve("logs"))) {
            for (Path f : files.sorted().toList()) out.add("== " + f.getFileName() + "\n" + Files.readString(f));
        }
        return String.join("\n", out);
    }
}
