package io.rtlbench.tools.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.tools.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small sweep writes one verified row per (point, layer), resumes only points run with the same
 * settings, repairs a line cut by an interrupted run, and refuses a second sweep on the same CSV.
 */
class SweepTest {
    @TempDir Path tmp;

    String[] args(Path csv, String... more) { return sweep(csv, "2x4", "4,16", more); }

    String[] sweep(Path csv, String simt, String bws, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("sweep", "--workload", "gemm:8,12,8", "--systolic", "4x4,ws", "--simt", simt,
                "--offchip-bw", bws, "--jobs", "2", "--out", csv.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    static int verifiedColumn() { return SweepRow.COLUMNS.indexOf("verified"); }

    @Test void sweepWritesRowsAndResumesOnlyTheSameSettings() throws Exception {
        Path csv = tmp.resolve("s.csv");
        assertEquals(0, Main.commandLine().execute(args(csv)));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", SweepRow.COLUMNS), lines.get(0));
        assertEquals(1 + 4, lines.size(), String.join("\n", lines));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.split(",")[verifiedColumn()].equals("true")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("systolic,4x4;ws,4,")), String.join("\n", lines));
        long before = Files.getLastModifiedTime(csv).toMillis();
        assertEquals(0, Main.commandLine().execute(args(csv)));
        assertEquals(lines, Files.readAllLines(csv), "a finished sweep is not run again");
        assertEquals(before, Files.getLastModifiedTime(csv).toMillis());
        // another seed changes every number: the points run again and their rows say which seed they used
        assertEquals(0, Main.commandLine().execute(args(csv, "--seed", "2")));
        List<String> after = Files.readAllLines(csv);
        assertEquals(1 + 8, after.size(), String.join("\n", after));
        int seed = SweepRow.COLUMNS.indexOf("seed");
        assertEquals(4, after.stream().skip(1).filter(l -> l.split(",")[seed].equals("2")).count());
    }

    @Test void formatAndSampleModeAreColumnsAndPartOfTheResumeKey() throws Exception {
        Path csv = tmp.resolve("f.csv");
        int format = SweepRow.COLUMNS.indexOf("format"), sample = SweepRow.COLUMNS.indexOf("sample");
        assertEquals(0, Main.commandLine().execute(sweep(csv, "", "16", "--format", "fp8e4m3")));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(2, lines.size(), String.join("\n", lines));
        String[] fp8 = lines.get(1).split(",", -1);
        assertEquals(List.of("fp8e4m3", "off", "true"), List.of(fp8[format], fp8[sample], fp8[verifiedColumn()]),
                "a floating-point format runs whole layers: " + lines.get(1));
        assertEquals(0, Main.commandLine().execute(sweep(csv, "", "16", "--sample", "off")));
        assertEquals(0, Main.commandLine().execute(sweep(csv, "", "16", "--sample", "off")));
        List<String> after = Files.readAllLines(csv);
        assertEquals(3, after.size(), "int8 is another point; run once, then resumed: " + String.join("\n", after));
        String[] int8 = after.get(2).split(",", -1);
        assertEquals(List.of("int8", "off", "false"), List.of(int8[format], int8[sample], int8[SweepRow.COLUMNS.indexOf("sampled")]));
    }

    @Test void aLineCutByAnInterruptedRunIsRemoved() throws Exception {
        Path csv = tmp.resolve("cut.csv");
        assertEquals(0, Main.commandLine().execute(sweep(csv, "", "16")));
        List<String> whole = Files.readAllLines(csv);
        String text = Files.readString(csv);
        Files.writeString(csv, text + "systolic,4x4;ws,4,gemm:8;12");  // a row cut short, no newline
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(0, cl.execute(sweep(csv, "", "16")));
        assertEquals(whole, Files.readAllLines(csv), "the partial line is gone and nothing is glued onto it");
    }

    @Test void aSecondSweepOnTheSameCsvIsRefused() throws Exception {
        Path csv = tmp.resolve("busy.csv");
        try (FileChannel ch = FileChannel.open(tmp.resolve("busy.csv.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = ch.lock()) {
            StringWriter err = new StringWriter();
            var cl = Main.commandLine();
            cl.setErr(new PrintWriter(err, true));
            assertEquals(2, cl.execute(args(csv)));
            assertTrue(err.toString().startsWith("rtlbench: another sweep is writing"), err.toString());
        }
    }
}
