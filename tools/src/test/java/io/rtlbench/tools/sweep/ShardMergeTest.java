package io.rtlbench.tools.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.tools.Main;
import io.rtlbench.tools.sweep.ShardPlan.Shard;
import io.rtlbench.tools.sweep.SweepDescription.Point;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Shard folders, merge and status without emulation: {@code --slurm} writes a folder (it runs
 * nothing), the test writes shard CSVs of made-up rows, and merge must be exact (description order,
 * the same bytes every time) and refuse, in one line each, missing shards and points, duplicates,
 * rows of other sweeps and folders of different sweeps. Also every bad sharding option.
 */
class ShardMergeTest {
    @TempDir Path tmp;

    record Out(int code, String out, String err) {}

    static Out cli(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true));
        try {
            return new Out(cl.execute(args), out + printed.toString(), err.toString());
        } finally {
            System.setOut(saved);
        }
    }

    /** Exit 2 and one line "rtlbench: ..." holding every piece, no stack trace. */
    static void refused(Out o, String... pieces) {
        assertEquals(2, o.code(), "exit code; stderr: " + o.err());
        assertEquals(1, o.err().lines().count(), "one line: " + o.err());
        assertTrue(o.err().startsWith("rtlbench: "), o.err());
        for (String p : pieces) assertTrue(o.err().contains(p), "'" + p + "' missing in: " + o.err());
        assertFalse(o.err().contains("Exception"), o.err());
    }

    static String[] sweep(String... more) {
        List<String> a = new ArrayList<>(List.of("sweep", "--workload", "gemm:8,12,8", "--systolic", "4x4,ws;8x8,os", "--simt", "2x4",
                "--offchip-bw", "4,16"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** A folder of a 6-point sweep split into {@code n}, as --slurm writes it, with made-up rows for {@code shards}. */
    Path folder(String name, int n, int... shards) throws Exception {
        Path dir = tmp.resolve(name);
        Out o = cli(sweep("--slurm", dir.toString(), "--tasks", String.valueOf(n)));
        assertEquals(0, o.code(), o.err());
        SweepDescription d = ShardFolder.read(dir).description();
        for (int s : shards) SweepCsv.write(ShardFolder.csv(dir, new Shard(s, n)), rows(d, ShardPlan.pointsOf(d, new Shard(s, n))));
        return dir;
    }

    static List<SweepRow> rows(SweepDescription d, List<Point> points) {
        List<SweepRow> rows = new ArrayList<>();
        var s = d.settings();
        for (Point p : points)
            for (String layer : d.layerNames())
                rows.add(new SweepRow(p.core(), p.config(), p.offchipBw(), layer, 1, 768, 1000 + p.offchipBw(), 100, 0.768, 0.1, 448, 1e5 / 3, 0.1 + p.offchipBw(),
                        true, s.workload(), s.scale(), s.seed(), s.data(), s.tech(), s.offchipLatency(), s.format(), s.sample(), false, 4, 4, 0.0));
        return rows;
    }

    /** A folder written before format and sample were settings (description version 1) is refused in one line by status, merge and shards. */
    @Test void aVersion1FolderIsRefused() throws Exception {
        Path dir = folder("v1", 2, 0, 1);
        Path file = dir.resolve(ShardFolder.DESCRIPTION_FILE);
        String v1 = Files.readString(file).replace("\"version\": 2", "\"version\": 1").replaceAll(",\\s*\"format\": \"int8\"", "")
                .replaceAll(",\\s*\"sample\": \"auto\"", "");
        assertFalse(v1.contains("\"format\"") || v1.contains("\"sample\""), v1);
        Files.writeString(file, v1);
        refused(cli("sweep", "status", dir.toString()), "version 1 sweep description", "reads version 2", "new folder");
        refused(cli("sweep", "merge", dir.toString(), "--out", tmp.resolve("m.csv").toString()), "version 1 sweep description");
        refused(cli(sweep("--shard", "0/2", "--out", dir.toString())), "version 1 sweep description");
    }

    @Test void slurmWritesAScriptThatRunsEveryShardWithTheSameOptions() throws Exception {
        Path dir = folder("job", 3);
        String script = Files.readString(dir.resolve("sweep.sbatch"));
        assertTrue(script.contains("#SBATCH --array=0-2\n"), script);
        assertTrue(script.lines().anyMatch(l -> l.startsWith("rtlbench sweep --workload gemm:8,12,8 --systolic '4x4,ws;8x8,os' --simt 2x4 --offchip-bw 4,16 ")
                && l.endsWith(" --out " + dir + " --shard \"$SLURM_ARRAY_TASK_ID/3\"")), script);
        assertTrue(Files.readString(dir.resolve("README.md")).contains("rtlbench sweep merge " + dir), "README has the merge step");
        Process bash = new ProcessBuilder("bash", "-n", dir.resolve("sweep.sbatch").toString()).redirectErrorStream(true).start();
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS) && bash.exitValue() == 0, new String(bash.getInputStream().readAllBytes()));
        Out status = cli("sweep", "status", dir.toString());
        assertEquals(SweepStatus.NOT_DONE, status.code(), status.err());
        int inLast = ShardPlan.pointsOf(ShardFolder.read(dir).description(), new Shard(2, 3)).size();
        assertTrue(status.out().contains("shard 2/3: 0/" + inLast + " points done, not started; missing: systolic 4x4,ws @ 4 B/cycle"), status.out());
        assertTrue(status.out().contains("sbatch --array=0,1,2 " + dir.resolve("sweep.sbatch")), status.out());
    }

    @Test void mergeIsExactInOrderAndRepeatable() throws Exception {
        Path a = folder("a", 3, 0, 2);
        Path b = tmp.resolve("b");
        Files.createDirectories(b);
        Files.copy(a.resolve("sweep.json"), b.resolve("sweep.json"));
        SweepDescription d = ShardFolder.read(a).description();
        SweepCsv.write(ShardFolder.csv(b, new Shard(1, 3)), rows(d, ShardPlan.pointsOf(d, new Shard(1, 3))));
        Path merged = tmp.resolve("out/m.csv"), json = tmp.resolve("out/m.json");
        Out o = cli("sweep", "merge", a.toString(), b.toString(), "--out", merged.toString(), "--json", json.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals(rows(d, d.points()), SweepCsv.read(merged), "every point once, in the description's order");
        byte[] csv1 = Files.readAllBytes(merged), json1 = Files.readAllBytes(json);
        assertEquals(0, cli("sweep", "merge", b.toString(), a.toString(), "--out", merged.toString(), "--json", json.toString()).code());
        assertArrayEquals(csv1, Files.readAllBytes(merged), "merging again gives the same bytes");
        assertArrayEquals(json1, Files.readAllBytes(json));
        assertTrue(new String(json1).contains("\"sweep_id\": \"" + d.id() + "\""));
        Out status = cli("sweep", "status", a.toString(), b.toString());
        assertEquals(0, status.code(), status.out());
        assertTrue(status.out().contains("total: 6/6 points done"), status.out());
    }

    @Test void mergeRefusesMissingDuplicatedAndForeignRows() throws Exception {
        Path dir = folder("m", 2, 0);
        String out = tmp.resolve("m.csv").toString();
        refused(cli("sweep", "merge", dir.toString(), "--out", out), "missing shard(s) 1/2", "sbatch --array=1 ");
        SweepDescription d = ShardFolder.read(dir).description();
        Path csv1 = ShardFolder.csv(dir, new Shard(1, 2));
        List<Point> mine = ShardPlan.pointsOf(d, new Shard(1, 2));
        SweepCsv.write(csv1, rows(d, mine.subList(1, mine.size())));
        refused(cli("sweep", "merge", dir.toString(), "--out", out), "1 point(s) of sweep " + d.id() + " have no rows yet: " + mine.get(0).label()
                + " (shard 1/2)", "sbatch --array=1 ");
        Out status = cli("sweep", "status", dir.toString());
        assertTrue(status.out().contains("shard 1/2: " + (mine.size() - 1) + "/" + mine.size() + " points done, incomplete; missing: "
                + mine.get(0).label()), status.out());
        List<SweepRow> twice = new ArrayList<>(rows(d, mine));
        twice.add(twice.get(0));
        SweepCsv.write(csv1, twice);
        refused(cli("sweep", "merge", dir.toString(), "--out", out), "1 (point, layer) row(s) are duplicated: " + mine.get(0).label().replace(" @", " @"));
        List<SweepRow> foreign = new ArrayList<>(rows(d, mine));
        SweepRow r = foreign.get(0);
        foreign.add(new SweepRow(r.core(), r.config(), 3, r.layer(), 1, 1, 1, 1, 1, 1, 1, 1, 1, true, r.workload(), r.scale(), r.seed(), r.data(),
                r.tech(), r.offchipLatency(), r.format(), r.sample(), r.sampled(), r.tilesTotal(), r.tilesEmulated(), r.cyclesCi()));
        SweepCsv.write(csv1, foreign);
        refused(cli("sweep", "merge", dir.toString(), "--out", out), "1 row(s) are not of sweep " + d.id(), "@ 3 B/cycle");
        assertFalse(Files.exists(Path.of(out)), "nothing written while refusing");
    }

    @Test void foldersOfDifferentSweepsOrSplitsAreRefused() throws Exception {
        Path a = folder("one", 2, 0, 1);
        Path b = tmp.resolve("two");
        assertEquals(0, cli(sweep("--slurm", b.toString(), "--tasks", "2", "--seed", "2")).code());
        String out = tmp.resolve("m.csv").toString();
        refused(cli("sweep", "merge", a.toString(), b.toString(), "--out", out), "belong to different sweeps", a + " holds sweep ", b + " holds sweep ");
        refused(cli(sweep("--slurm", a.toString(), "--tasks", "2", "--seed", "2")), a + " holds shards of sweep", "the options differ");
        refused(cli(sweep("--shard", "0/3", "--out", a.toString())), "split into 2 shards, not 3", "--shard I/2");
        Files.writeString(a.resolve("sweep.json"), Files.readString(a.resolve("sweep.json")).replace("\"offchip_bw\": 16", "\"offchip_bw\": 15"));
        refused(cli("sweep", "merge", a.toString(), "--out", out), "was edited");
        refused(cli("sweep", "merge", tmp.toString(), "--out", out), "has no sweep.json");
        refused(cli("sweep", "merge", a.toString()), "--out");
    }

    @Test void badShardingOptionsAreOneLine() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        String d = tmp.resolve("d").toString();
        refused(cli(sweep("--shard", "5/4")), "--shard 5/4", "0-based", "0..3");
        refused(cli(sweep("--shard", "0/0")), "--shard 0/0", "N must be >= 1");
        refused(cli(sweep("--shard", "x")), "--shard takes I/N");
        refused(cli(sweep("--shard", "0/2", "--out", file.toString())), "is a file", "names a folder");
        refused(cli(sweep("--slurm", file.toString())), "--slurm " + file + " is a file");
        refused(cli(sweep("--slurm", d, "--tasks", "0")), "--tasks must be >= 1");
        refused(cli(sweep("--slurm", d, "--cpus", "0")), "--cpus must be >= 1");
        refused(cli(sweep("--slurm", d, "--time", "1h")), "--time takes");
        refused(cli(sweep("--slurm", d, "--partition", "a b")), "--partition takes");
        refused(cli(sweep("--tasks", "3")), "--tasks needs --slurm");
        refused(cli(sweep("--submit")), "--submit needs --slurm");
        refused(cli(sweep("--slurm", d, "--shard", "0/2")), "do not go together");
        refused(cli(sweep("--slurm", d, "--out", "x.csv")), "--out is not used with --slurm");
        assertFalse(Files.exists(Path.of(d)), "nothing written while refusing");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "sweep", "--workload", "gemm:8,12,8", "--slurm", d, "--submit");
        pb.environment().put("PATH", Files.createDirectories(tmp.resolve("no-slurm-here")).toString());
        Process p = pb.redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String text = new String(p.getInputStream().readAllBytes());
        assertEquals(2, p.exitValue(), text);
        assertTrue(text.contains("rtlbench: sbatch not found on PATH") && text.contains("sbatch " + Path.of(d).resolve("sweep.sbatch")), text);
    }
}
