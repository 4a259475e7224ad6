package io.rtlbench.waveforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** .gtkw files: groups with begin/end markers, GTKWave names with bit ranges, radix flags, checked patterns. */
class GtkwSaveFileTest {
    @Test void groupsSignalsWithRangesAndFlags() {
        Path p = Path.of("target/test-vcd/gtkw.vcd");
        SyntheticVcd.counter(p, 5, 1);
        VcdHeader h = Waveform.open(p).header();
        String g = GtkwSaveFile.render(h, p, List.of(GtkwGroup.parse("inputs=TOP.valid,TOP.data"),
                new GtkwGroup("core", List.of("TOP.core.*"), Radix.SIGNED)));
        String expected = String.join("\n", "@800200", "-inputs", "@28", "TOP.valid", "@22", "TOP.data[7:0]", "@1000200", "-inputs",
                "@800200", "-core", "@424", "TOP.core.state[1:0]", "TOP.core.count[15:0]", "TOP.core.data_in[7:0]", "@1000200", "-core", "");
        assertTrue(g.contains(expected), g);
        assertTrue(g.contains("[dumpfile] \"" + p.toAbsolutePath() + "\""), g);
        var e = assertThrows(UnknownSignalException.class, () -> GtkwSaveFile.render(h, p, List.of(GtkwGroup.parse("x=TOP.vald"))));
        assertEquals("TOP.valid", e.suggestions().get(0));
        assertThrows(IllegalArgumentException.class, () -> GtkwGroup.parse("no-equals-sign"));
    }
}
