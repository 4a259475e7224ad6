package io.rtlbench.waveforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bit toggles per signal equal an independent popcount(prev ^ next) made while writing the file. */
class TogglesTest {
    @Test void randomSignalsMatchTheWritersCount() {
        int n = 12, cycles = 500;
        long seed = 99;
        Random rnd = new Random(seed);
        int[] width = new int[n];
        long[] prev = new long[n], total = new long[n], window = new long[n];
        String[] code = new String[n];
        Path p = Path.of("target/test-vcd/toggles.vcd");
        try (SyntheticVcd v = SyntheticVcd.create(p)) {
            v.line("$scope module TOP $end");
            for (int i = 0; i < n; i++) code[i] = v.var("s" + i, width[i] = 1 + rnd.nextInt(40));
            v.line("$upscope $end").line("$enddefinitions $end");
            for (int c = 0; c < cycles; c++) {
                v.line("#" + (10L * c + 5));
                for (int i = 0; i < n; i++) {
                    long mask = (1L << width[i]) - 1;
                    long val = c == 0 || rnd.nextInt(3) == 0 ? rnd.nextLong() & mask : prev[i];
                    if (c > 0 && val == prev[i]) continue;
                    v.change(code[i], val, width[i]);
                    if (c > 0) {
                        long t = Long.bitCount(prev[i] ^ val);
                        total[i] += t;
                        if (c >= 100 && c < 300) window[i] += t;  // change at 10c+5 is first seen at cycle c+1
                    }
                    prev[i] = val;
                }
            }
        }
        Waveform w = Waveform.open(p);
        Map<VcdVar, Long> all = w.toggles(List.of(), 0, Long.MAX_VALUE / 20);
        Map<VcdVar, Long> win = w.toggles(List.of(), 101, 301);
        for (int i = 0; i < n; i++) {
            VcdVar var = w.header().find("TOP.s" + i);
            assertEquals(total[i], all.get(var), "seed " + seed + ", signal s" + i + " (" + width[i] + " bits), whole file");
            assertEquals(window[i], win.get(var), "seed " + seed + ", signal s" + i + ", cycles [101, 301)");
        }
        // one change per cycle at most: sampled toggles over samples 100..301 see the same changes
        Map<VcdVar, Long> sampled = SampledToggles.count(w, List.of(), 100, 301);
        for (int i = 0; i < n; i++) assertEquals(window[i], sampled.get(w.header().find("TOP.s" + i)), "sampled, signal s" + i);
    }

    @Test void sampledTogglesIgnoreChangesBetweenSamples() {
        Path p = Path.of("target/test-vcd/glitch.vcd");
        try (SyntheticVcd v = SyntheticVcd.create(p)) {
            v.line("$scope module TOP $end");
            String clk = v.var("clk", 1), d = v.var("d", 4);
            v.line("$upscope $end").line("$enddefinitions $end");
            for (int c = 0; c < 10; c++) {
                v.line("#" + 10 * c);
                v.change(clk, 0, 1);
                v.change(d, 0b0101, 4);
                v.line("#" + (10 * c + 5));
                v.change(clk, 1, 1);
                v.change(d, 0b1010, 4);  // a glitch between samples
            }
        }
        Waveform w = Waveform.open(p);
        assertEquals(76L, w.toggles(List.of(w.header().find("d")), 0, 100).values().iterator().next(), "19 changes x 4 bits");
        assertEquals(0L, SampledToggles.count(w, List.of(w.header().find("d")), 0, 10).values().iterator().next());
        assertEquals(0L, SampledToggles.count(w, List.of(w.header().find("clk")), 0, 10).values().iterator().next());
    }
}
