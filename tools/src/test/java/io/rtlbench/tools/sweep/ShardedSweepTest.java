package io.rtlbench.tools.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.tools.Main;
import io.rtlbench.tools.sweep.ShardMergeTest.Out;
import io.rtlbench.tools.sweep.ShardPlan.Shard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real sharded sweeps (a tiny GEMM on 4x4,ws and 2x4 at three bandwidths: six points): the shards
 * of a split, merged, give exactly the rows of the same sweep run whole; a shard killed midway (a
 * real process, SIGKILL) keeps its finished points, runs again alone and the merge is then complete
 * and identical.
 */
class ShardedSweepTest {
    static final List<String> SWEEP = List.of("sweep", "--workload", "gemm:8,12,8", "--systolic", "4x4,ws", "--simt", "2x4", "--offchip-bw", "4,8,16");
    @TempDir static Path tmp;
    static List<String> whole;

    static String[] sweep(String... more) {
        List<String> a = new ArrayList<>(SWEEP);
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** The data lines of a sweep CSV, sorted (an unsharded run appends in finishing order). */
    static List<String> sortedRows(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", SweepRow.COLUMNS), lines.get(0));
        return lines.subList(1, lines.size()).stream().sorted().toList();
    }

    @BeforeAll static void runWhole() throws Exception {
        Path csv = tmp.resolve("whole.csv");
        Out o = ShardMergeTest.cli(sweep("--jobs", "2", "--out", csv.toString()));
        assertEquals(0, o.code(), o.err());
        whole = sortedRows(csv);
        assertEquals(6, whole.size(), String.join("\n", whole));
    }

    @Test void shardsMergedAreTheWholeSweep() throws Exception {
        Path dir = tmp.resolve("three");
        for (int i = 0; i < 3; i++) assertEquals(0, ShardMergeTest.cli(sweep("--shard", i + "/3", "--out", dir.toString(), "--jobs", "2")).code());
        Path merged = tmp.resolve("merged3.csv");
        assertEquals(0, ShardMergeTest.cli("sweep", "merge", dir.toString(), "--out", merged.toString()).code());
        assertEquals(whole, sortedRows(merged));
        byte[] first = Files.readAllBytes(merged);
        assertEquals(0, ShardMergeTest.cli("sweep", "merge", dir.toString(), "--out", merged.toString()).code());
        assertArrayEquals(first, Files.readAllBytes(merged));
        assertTrue(Files.readString(dir.resolve("shard-2-of-3.json")).contains("\"rows\""), "each shard writes its JSON");
    }

    @Test void aKilledShardRunsAgainAloneAndTheMergeIsComplete() throws Exception {
        Path dir = tmp.resolve("two");
        Path csv = dir.resolve("shard-0-of-2.csv");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss16m", "-cp",
                System.getProperty("java.class.path"), Main.class.getName());
        pb.command().addAll(List.of(sweep("--shard", "0/2", "--out", dir.toString(), "--jobs", "1")));
        Process p = pb.redirectErrorStream(true).redirectOutput(tmp.resolve("killed.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (rows(csv) < 1 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(p.isAlive(), "the shard was still running when its first point was done: " + Files.readString(tmp.resolve("killed.log")));
        p.destroyForcibly();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        SweepDescription d = ShardFolder.read(dir).description();
        int points = ShardPlan.pointsOf(d, new Shard(0, 2)).size();
        int kept = rows(csv);
        assertTrue(kept >= 1 && kept < points, kept + " of " + points + " points done when killed");
        String firstRow = Files.readAllLines(csv).get(1);
        Files.writeString(csv, "simt,2x4,16,gemm:8;12", java.nio.file.StandardOpenOption.APPEND);  // a row cut short as the kill would

        Out status = ShardMergeTest.cli("sweep", "status", dir.toString());
        assertEquals(SweepStatus.NOT_DONE, status.code());
        assertTrue(status.out().contains("shard 0/2: " + kept + "/" + points + " points done, incomplete"), status.out());
        ShardMergeTest.refused(ShardMergeTest.cli("sweep", "merge", dir.toString(), "--out", tmp.resolve("m2.csv").toString()), "missing shard(s) 1/2");

        Out again = ShardMergeTest.cli(sweep("--shard", "0/2", "--out", dir.toString(), "--jobs", "1"));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains(kept + " already in"), again.out());
        assertEquals(firstRow, Files.readAllLines(csv).get(1), "finished points are kept, not run again");
        assertEquals(0, ShardMergeTest.cli(sweep("--shard", "1/2", "--out", dir.toString(), "--jobs", "2")).code());
        Path merged = tmp.resolve("merged2.csv");
        Out m = ShardMergeTest.cli("sweep", "merge", dir.toString(), "--out", merged.toString());
        assertEquals(0, m.code(), m.err());
        assertEquals(whole, sortedRows(merged));
    }

    /** Complete data lines in a shard CSV (0 while it does not exist). */
    static int rows(Path csv) throws Exception {
        if (!Files.exists(csv)) return 0;
        String text = Files.readString(csv);
        return (int) Math.max(0, text.chars().filter(c -> c == '\n').count() - 1);
    }
}
