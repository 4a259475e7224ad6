package io.rtlbench.tools.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.tools.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON reader reads back what the project's Json writer writes, and reports errors with a position. */
class JsonReaderTest {
    @Test void roundTripsTheWriter() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\n\t\u0001é");
        m.put("i", 42L);
        m.put("neg", -7L);
        m.put("d", 2.5e-7);
        m.put("t", true);
        m.put("n", null);
        m.put("list", new ArrayList<>(List.of(1L, 2.25, "x", new LinkedHashMap<>(Map.of("k", false)))));
        m.put("empty", new LinkedHashMap<>());
        m.put("none", new ArrayList<>());
        assertEquals(m, JsonReader.parse(Json.write(m)));
        assertEquals(List.of("s", "i", "neg", "d", "t", "n", "list", "empty", "none"),
                new ArrayList<>(((Map<?, ?>) JsonReader.parse(Json.write(m))).keySet()), "key order kept");
    }

    @Test void errorsGiveLineAndColumn() {
        var e = assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\n  \"a\": 1,\n  \"b\" 2\n}", "r.json"));
        assertEquals("r.json line 3 column 7: expected ':'", e.getMessage());
        for (String bad : Arrays.asList("", "[1,", "{\"a\":tru}", "\"abc", "1 2", "{\"a\":1,}", "-"))
            assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(bad), bad);
    }

    @Test void axisTicksAndLabels() {
        Axis log = Axis.log(3, 4000, 300, 0);
        assertEquals(List.of(1.0, 10.0, 100.0, 1000.0, 10000.0), log.ticks());
        assertEquals(300, log.px(1), 1e-9);
        assertEquals(0, log.px(10000), 1e-9);
        assertTrue(Axis.log(2, 32, 0, 100).ticks().containsAll(List.of(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0)));
        Axis lin = Axis.linear(0, 87, 100, 0);
        assertEquals(List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0), lin.ticks());
        assertEquals(List.of("15k", "20M", "0.05", "12.5", "3G", "0"),
                List.of(Axis.fmt(15000), Axis.fmt(2e7), Axis.fmt(0.05), Axis.fmt(12.5), Axis.fmt(3e9), Axis.fmt(0)));
    }
}
