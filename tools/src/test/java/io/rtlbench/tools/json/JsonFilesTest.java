package io.rtlbench.tools.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.tools.cli.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records to JSON and back: snake_case keys in declaration order, NaN as null, required fields, errors with paths. */
class JsonFilesTest {
    @TempDir Path tmp;

    record Inner(Long totalCycles, @OptionalField Double ipc) {}

    record Outer(String name, List<Inner> runs, Map<String, Double> breakdown) {}

    @Test void writesSnakeCaseInOrderAndReadsBack() throws Exception {
        Path f = tmp.resolve("o.json");
        Outer o = new Outer("a\"b\n", List.of(new Inner(7L, 0.5), new Inner(9L, null)), Map.of("compute", 1.5));
        JsonFiles.write(f, o);
        String text = Files.readString(f);
        assertTrue(text.indexOf("\"name\"") < text.indexOf("\"runs\"") && text.contains("\"total_cycles\": 7")
                && text.contains("\"a\\\"b\\n\""), text);
        assertTrue(!text.contains("\"ipc\": null"), "null components are left out: " + text);
        assertEquals(o, JsonFiles.read(f, Outer.class, "test"));
    }

    @Test void nanAndInfinityAreWrittenAsNull() {
        assertTrue(JsonFiles.write(new Inner(1L, Double.NaN)).contains("\"ipc\": null"));
    }

    @Test void missingWrongTypeAndMalformedNameThePath() throws Exception {
        Path f = tmp.resolve("bad.json");
        Files.writeString(f, "{\"name\": \"x\", \"runs\": [{\"total_cycles\": 1}, {\"ipc\": 2}], \"breakdown\": {}}");
        assertEquals("test " + f + ": runs[1].total_cycles is missing", assertThrows(UserError.class, () -> JsonFiles.read(f, Outer.class, "test")).getMessage());
        Files.writeString(f, "{\"name\": \"x\", \"runs\": [{\"total_cycles\": \"lots\"}], \"breakdown\": {}}");
        String msg = assertThrows(UserError.class, () -> JsonFiles.read(f, Outer.class, "test")).getMessage();
        assertTrue(msg.contains("runs[0].total_cycles has the wrong type"), msg);
        Files.writeString(f, "{\"name\": ");
        assertTrue(assertThrows(UserError.class, () -> JsonFiles.read(f, Outer.class, "test")).getMessage().contains("not valid JSON"));
        assertTrue(assertThrows(UserError.class, () -> JsonFiles.read(tmp.resolve("none.json"), Outer.class, "test")).getMessage()
                .contains("no such test file"));
    }

    @Test void everyKindOfMistakeNamesItsPlace() throws Exception {
        Path f = tmp.resolve("m.json");
        Files.writeString(f, "{\"name\": \"x\", \"runs\": [{\"total_cycles\": 1}, null], \"breakdown\": {}}");
        assertEquals("test " + f + ": runs[1] is null", assertThrows(UserError.class, () -> JsonFiles.read(f, Outer.class, "test")).getMessage());
        Files.writeString(f, "{\"name\": \"x\", \"runs\": [], \"breakdown\": {\"compute\": null}}");
        assertEquals("test " + f + ": breakdown.compute is null", assertThrows(UserError.class, () -> JsonFiles.read(f, Outer.class, "test")).getMessage());
        Files.writeString(f, "[1, 2]");
        String whole = assertThrows(UserError.class, () -> JsonFiles.read(f, Outer.class, "test")).getMessage();
        assertTrue(whole.startsWith("test " + f + ": the document has the wrong type"), whole);
        Files.writeString(f, "{\"name\": \"x\", \"runs\": [{\"total_cycles\": 7.5e99}], \"breakdown\": {}}");
        String big = assertThrows(UserError.class, () -> JsonFiles.read(f, Outer.class, "test")).getMessage();
        assertTrue(big.contains("runs[0].total_cycles") && !big.contains("\n"), big);
        Files.writeString(f, "null");
        assertEquals("test " + f + " is empty", assertThrows(UserError.class, () -> JsonFiles.read(f, Outer.class, "test")).getMessage());
        Files.writeString(f, "{\n\"a\": \n");
        String bad = assertThrows(UserError.class, () -> JsonFiles.read(f, Outer.class, "test")).getMessage();
        assertTrue(bad.startsWith("test " + f + " is not valid JSON: ") && !bad.contains("\n"), bad);
    }

    @Test void namedEntriesReadIntoAnOrderedMap() throws Exception {
        Path f = tmp.resolve("map.json");
        Files.writeString(f, "{\"b\": {\"total_cycles\": 2}, \"a\": {\"total_cycles\": 1, \"ipc\": 0.5}}");
        var m = JsonFiles.readMap(f, Inner.class, "baselines");
        assertEquals(List.of("b", "a"), List.copyOf(m.keySet()));
        assertEquals(new Inner(1L, 0.5), m.get("a"));
        Files.writeString(f, "{\"a\": {\"ipc\": 0.5}}");
        assertEquals("baselines " + f + ": a.total_cycles is missing",
                assertThrows(UserError.class, () -> JsonFiles.readMap(f, Inner.class, "baselines")).getMessage());
        assertEquals(new Inner(3L, null), JsonFiles.mapper().convertValue(Map.of("total_cycles", 3), Inner.class));
    }

    @Test void aFolderIsNotAFileToWrite() throws Exception {
        JsonFiles.checkTarget(null);
        JsonFiles.checkTarget(tmp.resolve("new/sub/ok.json"));
        Path file = Files.writeString(tmp.resolve("f"), "x");
        assertEquals("cannot write " + file.resolve("a/b.json") + ": " + file + " is a file, not a folder",
                assertThrows(UserError.class, () -> JsonFiles.checkTarget(file.resolve("a/b.json"))).getMessage());
        JsonFiles.write(tmp.resolve("deep/er/x.json"), new Inner(1L, 1.0));
        assertEquals(new Inner(1L, 1.0), JsonFiles.read(tmp.resolve("deep/er/x.json"), Inner.class, "test"));
        assertTrue(assertThrows(UserError.class, () -> JsonFiles.write(tmp, new Inner(1L, 1.0))).getMessage().contains("is a directory"));
        assertThrows(UserError.class, () -> JsonFiles.checkTarget(tmp));
    }
}
