package io.rtlbench.waveforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Icarus/GTKWave-style syntax: $dumpvars blocks, comments, joined bit ranges, x/z extension, reals, upper case. */
class OtherWritersTest {
    static final String VCD = """
            $date
              Fri Nov 27 2026
            $end
            $version Icarus Verilog $end
            $timescale
              1 ns
            $end
            $comment a comment with $dollar words $end
            $scope module tb $end
            $var reg 8 !a bus[7:0] $end
            $var wire 1 "b en $end
            $var real 64 #c temp $end
            $scope begin blk $end
            $var integer 32 $d n $end
            $upscope $end
            $upscope $end
            $enddefinitions $end
            $comment data starts $end
            #0
            $dumpvars
            bx1 !a
            z"b
            r0.5 #c
            b0 $d
            $end
            #10
            b1 !a
            1"b
            r2.25 #c
            B101 $d
            #20
            bZ !a
            X"b
            #30
            """;

    @Test void readsThemAll() throws Exception {
        Path p = Path.of("target/test-vcd/icarus.vcd");
        Files.createDirectories(p.getParent());
        Files.writeString(p, VCD);
        Waveform w = Waveform.open(p, new CycleMap(10, 0));
        VcdHeader h = w.header();
        assertEquals("1ns", h.timescale());
        assertEquals(List.of("tb.bus", "tb.en", "tb.temp", "tb.blk.n"), h.vars().stream().map(VcdVar::path).toList());
        assertEquals("[7:0]", h.find("bus").range());
        assertEquals("begin", h.root().children().get(0).children().get(0).kind());
        assertEquals("xxxxxxx1", w.valueAt("bus", 0).bits(), "x extends to the left");
        assertFalse(w.valueAt("bus", 0).isKnown());
        assertEquals("z", w.valueAt("en", 0).format(Radix.HEX));
        assertEquals("0.5", w.valueAt("temp", 0).format(Radix.HEX));
        assertEquals("2.25", w.valueAt("temp", 1).format(Radix.HEX));
        assertEquals(1, w.valueAt("bus", 1).unsigned().intValue(), "0 extends to the left");
        assertEquals(5, w.valueAt("n", 1).unsigned().intValue());
        assertEquals("zzzzzzzz", w.valueAt("bus", 2).bits());
        assertEquals("x", w.valueAt("en", 2).bits());
        assertTrue(w.firstCycle(Condition.parse("en && n == 5", h), 0, 100).getAsLong() == 1);
    }
}
