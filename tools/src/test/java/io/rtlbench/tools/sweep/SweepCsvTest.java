package io.rtlbench.tools.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.tools.cli.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep CSV without emulation: rows round-trip exactly, resume keys, tail repair, malformed lines, locking. */
class SweepCsvTest {
    @TempDir Path tmp;

    static SweepRow row(String config, int bw, String layer, long seed, double energy) {
        return new SweepRow("systolic", config, bw, layer, 3, 4096, 1913, 896, 2.1411395713538943, 0.1338212232096184, 2112, energy,
                energy / 4096, true, "small_mlp", 0.25, seed, "sparse:0.5", "45nm", 20, "int8", "auto", true, 64, 12, 0.0042);
    }

    @Test void rowsRoundTripExactlyAndCommasBecomeSemicolons() throws Exception {
        Path f = tmp.resolve("s.csv");
        List<SweepRow> rows = List.of(row("16x16,ws", 16, "gemm:4,16,64", 1, 408552.6463974564), row("8x8,os", 2, "small_mlp.fc2", 2, 0.1));
        try (SweepCsv c = SweepCsv.open(f)) {
            c.append(rows);
            assertEquals(rows, c.rows());
        }
        List<String> lines = Files.readAllLines(f);
        assertEquals(String.join(",", SweepRow.COLUMNS), lines.get(0));
        assertTrue(lines.get(1).startsWith("systolic,16x16;ws,16,gemm:4;16;64,3,4096,1913,896,2.1411395713538943,"), lines.get(1));
        assertEquals(SweepRow.COLUMNS.size(), lines.get(1).split(",", -1).length, "plain comma-splitting works");
        try (SweepCsv c = SweepCsv.open(f)) {
            assertEquals(rows, c.rows(), "read back equal, values with commas restored");
        }
        assertEquals(rows, SweepCsv.read(f));
        SweepCsv.write(tmp.resolve("w.csv"), rows);
        assertEquals(Files.readString(f), Files.readString(tmp.resolve("w.csv")), "append and write give the same bytes");
    }

    @Test void aPointIsDoneOnlyWithAllItsLayersAndTheSameSettings() {
        try (SweepCsv c = SweepCsv.open(tmp.resolve("k.csv"))) {
            SweepRow a = row("4x4,ws", 16, "l1", 1, 5), b = row("4x4,ws", 16, "l2", 1, 5);
            c.append(List.of(a));
            assertTrue(c.has(a.pointKey(), List.of("l1")));
            assertFalse(c.has(a.pointKey(), List.of("l1", "l2")), "a layer missing");
            c.append(List.of(b));
            assertTrue(c.has(a.pointKey(), List.of("l1", "l2")));
            assertFalse(c.has(row("4x4,ws", 16, "l1", 2, 5).pointKey(), List.of("l1")), "another seed is another point");
            assertFalse(c.has(row("4x4,ws", 4, "l1", 1, 5).pointKey(), List.of("l1")), "another bandwidth is another point");
            c.dropPartial(a.pointKey());
            assertEquals(List.of(), c.rows());
        }
        assertEquals(List.of(), SweepCsv.read(tmp.resolve("k.csv")), "the drop reached the file");
    }

    /** A CSV written before format and sampling existed: its rows are int8, every tile emulated; a sweep rewrites it with the new columns. */
    @Test void aVersion1CsvIsReadAsInt8FullEmulationAndUpgraded() throws Exception {
        Path f = tmp.resolve("v1.csv");
        String v1Row = "systolic,4x4;ws,16,gemm:8;12;8,1,768,1234,96,0.622,0.0389,448,33333.3,43.4,true,gemm:8;12;8,1.0,1,random,45nm,20";
        Files.writeString(f, String.join(",", SweepRow.V1_COLUMNS) + "\n" + v1Row + "\n");
        SweepRow old = SweepCsv.read(f).get(0);
        assertEquals(List.of("int8", "off", false), List.of(old.format(), old.sample(), old.sampled()));
        assertEquals(1234, old.totalCycles());
        var fullInt8 = new SweepDescription.Settings("gemm:8,12,8", 1.0, 1, "random", "45nm", 20, "int8", "off");
        var sampled = new SweepDescription.Settings("gemm:8,12,8", 1.0, 1, "random", "45nm", 20, "int8", "auto");
        var point = new SweepDescription.Point("systolic", "4x4,ws", 16);
        try (SweepCsv c = SweepCsv.open(f)) {
            assertTrue(c.has(SweepDescription.key(point, fullInt8), List.of("gemm:8,12,8")), "an int8 --sample off sweep resumes it");
            assertFalse(c.has(SweepDescription.key(point, sampled), List.of("gemm:8,12,8")), "a sampled sweep runs the point again");
        }
        List<String> lines = Files.readAllLines(f);
        assertEquals(String.join(",", SweepRow.COLUMNS), lines.get(0), "rewritten with the current header");
        assertEquals(v1Row + ",int8,off,false,,,0.0", lines.get(1));
        assertEquals(List.of(old), SweepCsv.read(f));
    }

    @Test void aCutLastLineIsRemovedAndMalformedLinesAreNamed() throws Exception {
        Path f = tmp.resolve("c.csv");
        try (SweepCsv c = SweepCsv.open(f)) {
            c.append(List.of(row("4x4,ws", 16, "l1", 1, 5)));
        }
        String whole = Files.readString(f);
        Files.writeString(f, whole + "systolic,4x4;ws,16,l2,3,40");
        assertEquals(1, SweepCsv.read(f).size(), "a reader leaves an unfinished line out");
        try (SweepCsv c = SweepCsv.open(f)) {
            assertEquals(1, c.rows().size());
        }
        assertEquals(whole, Files.readString(f), "the cut line is gone");
        Files.writeString(f, whole + "systolic,4x4;ws,16,l2\n");
        String m3 = assertThrows(UserError.class, () -> SweepCsv.open(f)).getMessage();
        assertTrue(m3.contains("line 3 has 4 fields, not 26"), m3);
        Files.writeString(f, whole.replace("1913", "lots"));
        String m2 = assertThrows(UserError.class, () -> SweepCsv.open(f)).getMessage();
        assertTrue(m2.contains("line 2: a value is not a number"), m2);
        Files.writeString(f, "core,config\n");
        assertTrue(assertThrows(UserError.class, () -> SweepCsv.open(f)).getMessage().contains("header differs"));
        assertTrue(assertThrows(UserError.class, () -> SweepCsv.open(tmp)).getMessage().contains("is a directory"));
    }

    @Test void oneWriterAtATime() {
        Path f = tmp.resolve("l.csv");
        try (SweepCsv first = SweepCsv.open(f)) {
            assertTrue(assertThrows(UserError.class, () -> SweepCsv.open(f)).getMessage().startsWith("another sweep is writing"));
        }
        try (SweepCsv again = SweepCsv.open(f)) {
            assertEquals(List.of(), again.rows(), "free again once the first closed");
        }
    }
}
