package io.rtlbench.waveforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Header, values at cycles, transitions and samples on the counter fixture, checked against its arrays. */
class WaveformQueryTest {
    static final int CYCLES = 200;
    static Path file = Path.of("target/test-vcd/counter.vcd");
    static SyntheticVcd.Counter want;
    static Waveform w;

    @BeforeAll static void write() {
        want = SyntheticVcd.counter(file, CYCLES, 7);
        w = Waveform.open(file);
    }

    @Test void headerListsScopesVarsAndAliases() {
        VcdHeader h = w.header();
        assertEquals("1ps", h.timescale());
        assertEquals(List.of("TOP.clock", "TOP.valid", "TOP.data", "TOP.core.state", "TOP.core.count", "TOP.core.data_in"),
                h.vars().stream().map(VcdVar::path).toList());
        assertEquals("core", h.root().children().get(0).children().get(0).name());
        assertEquals(5, h.slots());
        VcdVar alias = h.find("data_in"), data = h.find("TOP.data");
        assertEquals(data.slot(), alias.slot());
        assertEquals("[7:0]", data.range());
        assertEquals(16, h.find("count").width());
    }

    @Test void valueAtEveryCycleMatchesTheModel() {
        for (int c : new int[] {0, 1, 2, 3, 10, 57, CYCLES - 1}) {
            assertEquals(want.count()[c], w.valueAt("count", c).unsigned().intValue(), "count at cycle " + c);
            assertEquals(want.data()[c], w.valueAt("TOP.data", c).unsigned().intValue(), "data at cycle " + c);
            assertEquals(want.state()[c], w.valueAt("core.state", c).unsigned().intValue(), "state at cycle " + c);
        }
    }

    @Test void cyclesOutsideTheDumpAreAnError() {
        var e = assertThrows(VcdException.class, () -> w.valueAt("count", CYCLES + 5));
        assertTrue(e.getMessage().contains("covers cycles 0.." + (CYCLES - 1)), e.getMessage());
    }

    @Test void samplesAndTransitionsAgree() {
        VcdVar count = w.header().find("count");
        Samples s = w.sample(List.of(count), 5, 60, 1000);
        assertEquals(55, s.size());
        for (int i = 0; i < s.size(); i++) assertEquals(want.count()[5 + i], s.get(i, 0).unsigned().intValue());
        List<Waveform.Transition> tr = w.transitions("count", 5, 60);
        int expected = 0;
        for (int c = 5; c < 60; c++) if (want.count()[c] != want.count()[c - 1]) expected++;
        assertEquals(expected, tr.size());
        for (Waveform.Transition t : tr) {
            assertEquals(5, t.time() % 10, "registers change at the edge");
            assertEquals(want.count()[(int) t.cycle()], t.value().unsigned().intValue());
        }
    }

    @Test void findsTheFirstCycleWhereAConditionHolds() {
        Condition c = Condition.parse("valid && data == 0x2a", w.header());
        int expected = -1;
        for (int i = 0; i < CYCLES && expected < 0; i++) if (want.valid()[i] == 1 && want.data()[i] == 0x2a) expected = i;
        assertTrue(expected > 0, "fixture must contain a match");
        assertEquals(expected, w.firstCycle(c, 0, Long.MAX_VALUE).orElse(-1));
        int later = -1;
        for (int i = expected + 1; i < CYCLES && later < 0; i++) if (want.valid()[i] == 1 && want.data()[i] == 0x2a) later = i;
        assertEquals(later, w.firstCycle(c, expected + 1, Long.MAX_VALUE).orElse(-1));
        assertTrue(w.firstCycle(Condition.parse("count > 60000", w.header()), 0, Long.MAX_VALUE).isEmpty());
    }

    @Test void gzippedFilesReadTheSame() throws Exception {
        Path gz = Path.of("target/test-vcd/counter.vcd.gz");
        try (var out = new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(gz))) {
            java.nio.file.Files.copy(file, out);
        }
        assertEquals(want.count()[57], Waveform.open(gz).valueAt("count", 57).unsigned().intValue());
    }

    @Test void extentCoversTheWholeFile() {
        Waveform.Extent e = w.extent();
        assertEquals(0, e.firstCycle());
        assertEquals(CYCLES - 1, e.lastCycle());
        assertEquals(10L * (CYCLES - 1) + 5, e.lastTime());
    }
}
