package io.rtlbench.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trace+toggle build of the Gadget: VCD windows with Java names, exact per-register toggle counts. */
class TraceAndToggleTest {
    @TempDir Path tmp;

    @Test void toggleCountsAreExactAndVcdWindowHoldsOnlyTheRequestedCycles() throws Exception {
        try (Simulator sim = Simulator.create(TestDesigns.gadget(), new BuildOptions(true, true))) {
            Map<String, java.util.Set<ActivityClass>> cls = new java.util.HashMap<>();
            sim.counters().forEach(c -> cls.put(c.name(), c.classes()));
            assertEquals(java.util.Set.of(ActivityClass.REG, ActivityClass.ADD_IN), cls.get("count"), "count feeds its incrementer");
            assertEquals(java.util.Set.of(ActivityClass.REG), cls.get("wide"));
            assertEquals(java.util.Set.of(ActivityClass.MEM_WRITE), cls.get("table_ext.W0_en"), "memory write enable counted: " + cls);
            assertEquals(java.util.Set.of(ActivityClass.MEM_WDATA), cls.get("table_ext.W0_data"));
            sim.reset(1);
            sim.enableToggles(true);
            Path vcd = tmp.resolve("gadget.vcd");
            long start = sim.cycle();
            sim.traceWindow(vcd, start + 5, start + 8);
            sim.poke("io_wideIn", 0b1011);
            sim.step(20);
            // count went 0 -> 20: toggles = sum of popcount(i ^ (i + 1)); wide went 0 -> 0b1011 once.
            long expected = 0;
            for (int i = 0; i < 20; i++) expected += Integer.bitCount(i ^ (i + 1));
            Map<String, Long> t = sim.toggles();
            assertEquals(expected, t.get("count"));
            assertEquals(3, t.get("wide"));
            assertEquals(0, t.get("table_ext.W0_en"), "no writes yet");
            sim.poke("io_we", 1);
            sim.poke("io_wdata", 0xFFF);
            sim.step(3);
            sim.poke("io_we", 0);
            sim.step(2);
            assertEquals(3, sim.toggles().get("table_ext.W0_en"), "three write accesses");
            assertEquals(12, sim.toggles().get("table_ext.W0_data"), "write data went 0 -> 0xFFF once");
            sim.clearToggles();
            assertEquals(0, sim.toggles().get("count"));

            String text = Files.readString(vcd);
            assertTrue(text.contains("$var wire 16") && text.contains(" count "), "count register traced by its Java name");
            assertTrue(text.contains("$scope module Gadget $end"), "module scope named after the Java class");
            List<Long> times = text.lines().filter(l -> l.startsWith("#")).map(l -> Long.parseLong(l.substring(1))).toList();
            assertEquals(10 * (start + 5), times.get(0));
            assertEquals(10 * (start + 7) + 5, times.get(times.size() - 1));
        }
    }
}
