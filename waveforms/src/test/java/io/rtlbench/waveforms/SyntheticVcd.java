package io.rtlbench.waveforms;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Test helper: writes VCD text the way Verilator does (scopes, vars with a separate bit range,
 * {@code #time} lines, {@code b... code} changes) and also the "counter design" fixture, whose
 * expected values per cycle are kept in arrays so tests can check the reader against them.
 */
final class SyntheticVcd implements AutoCloseable {
    private final Writer w;
    private int next;

    SyntheticVcd(Writer w) { this.w = w; }

    static SyntheticVcd create(Path p) {
        try {
            Files.createDirectories(p.toAbsolutePath().getParent());
            return new SyntheticVcd(new BufferedWriter(Files.newBufferedWriter(p), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SyntheticVcd line(String s) {
        try {
            w.write(s);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Verilator-style code: printable characters from '!' in base 94. */
    String newCode() {
        int n = next++;
        StringBuilder sb = new StringBuilder();
        do { sb.append((char) ('!' + n % 94)); n /= 94; } while (n > 0);
        return sb.toString();
    }

    String var(String name, int width) {
        String code = newCode();
        line(" $var wire " + width + " " + code + " " + name + (width > 1 ? " [" + (width - 1) + ":0]" : "") + " $end");
        return code;
    }

    void change(String code, long value, int width) {
        if (width == 1) line((value & 1) + code);
        else line("b" + Long.toBinaryString(value) + " " + code);
    }

    @Override public void close() {
        try {
            w.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Expected values of the counter fixture at each cycle (what "value at cycle c" must return). */
    record Counter(int[] valid, int[] data, int[] state, int[] count) {}

    /**
     * TOP.clock, TOP.valid, TOP.data[7:0], TOP.core.state[1:0], TOP.core.count[15:0] and the alias
     * TOP.core.data_in (same code as TOP.data). Inputs change at 10c, registers at the edge 10c+5:
     * count += valid; state = (state + valid) % 3 (0 IDLE, 1 LOAD, 2 RUN).
     */
    static Counter counter(Path p, int cycles, long seed) {
        Random rnd = new Random(seed);
        int[] valid = new int[cycles], data = new int[cycles], state = new int[cycles], count = new int[cycles];
        try (SyntheticVcd v = create(p)) {
            v.line("$date today $end").line("$timescale 1ps $end").line(" $scope module TOP $end");
            String clk = v.var("clock", 1), vl = v.var("valid", 1), d = v.var("data", 8);
            v.line("  $scope module core $end");
            String st = v.var("state", 2), cnt = v.var("count", 16);
            v.line("   $var wire 8 " + d + " data_in [7:0] $end");
            v.line("  $upscope $end").line(" $upscope $end").line("$enddefinitions $end");
            int s = 0, c16 = 0;
            for (int c = 0; c < cycles; c++) {
                valid[c] = rnd.nextInt(2);
                data[c] = c % 7 == 3 ? 0x2a : rnd.nextInt(256);
                state[c] = s;
                count[c] = c16;
                v.line("#" + (10L * c));
                if (c == 0) { v.change(st, s, 2); v.change(cnt, c16, 16); }
                v.change(clk, 0, 1);
                if (c == 0 || valid[c] != valid[c - 1]) v.change(vl, valid[c], 1);
                if (c == 0 || data[c] != data[c - 1]) v.change(d, data[c], 8);
                v.line("#" + (10L * c + 5));
                v.change(clk, 1, 1);
                int ns = (s + valid[c]) % 3, nc = (c16 + valid[c]) & 0xffff;
                if (ns != s) v.change(st, ns, 2);
                if (nc != c16) v.change(cnt, nc, 16);
                s = ns;
                c16 = nc;
            }
        }
        return new Counter(valid, data, state, count);
    }
}
