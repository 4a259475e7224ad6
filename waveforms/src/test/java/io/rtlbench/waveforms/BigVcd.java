package io.rtlbench.waveforms;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Test helper: streams a large synthetic VCD to disk (never held in memory) and remembers the
 * facts the reader must find: toggles of signal s0 and s63, the value of {@code wide} at the last
 * cycle (written by the edge before it), and the single cycle where {@code marker == 0xdeadbeef && flag}. 64 signals of 1..64 bits
 * under TOP.blk_k (8 per block), plus {@code flag}, {@code marker} and {@code wide}; about half the
 * signals change each cycle (at 10c+5).
 */
final class BigVcd {
    record Facts(long cycles, long bytes, long togglesS0, long togglesS63, long wideAtLast, long markerCycle) {}

    static Facts write(Path p, long targetBytes, long seed) throws IOException {
        Files.createDirectories(p.toAbsolutePath().getParent());
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 64;
        int[] width = new int[n];
        long[] prev = new long[n];
        long t0 = 0, t63 = 0, wide = 0, wideSeen = 0, markerCycle = -1;
        try (OutputStream raw = Files.newOutputStream(p); BufferedOutputStream out = new BufferedOutputStream(raw, 1 << 20)) {
            StringBuilder h = new StringBuilder("$timescale 1ps $end\n$scope module TOP $end\n");
            for (int i = 0; i < n; i++) {
                if (i % 8 == 0) h.append(" $scope module blk_").append(i / 8).append(" $end\n");
                width[i] = 1 + i;
                h.append("  $var wire ").append(width[i]).append(' ').append(code(i)).append(" s").append(i)
                        .append(width[i] > 1 ? " [" + (width[i] - 1) + ":0]" : "").append(" $end\n");
                if (i % 8 == 7) h.append(" $upscope $end\n");
            }
            h.append(" $var wire 1 ").append(code(64)).append(" flag $end\n $var wire 32 ").append(code(65)).append(" marker [31:0] $end\n");
            h.append(" $var wire 64 ").append(code(66)).append(" wide [63:0] $end\n$upscope $end\n$enddefinitions $end\n");
            out.write(h.toString().getBytes(StandardCharsets.US_ASCII));
            long bytes = h.length(), c = 0;
            long plant = -1;
            byte[] line = new byte[128];
            for (; bytes < targetBytes; c++) {
                bytes += writeLine(out, line, "#" + (10 * c + 5));
                for (int i = 0; i < n; i++) {
                    if (c > 0 && rnd.nextInt(2) == 0) continue;
                    long mask = width[i] == 64 ? -1L : (1L << width[i]) - 1;
                    long v = rnd.nextLong() & mask;
                    if (c > 0) {
                        if (i == 0) t0 += Long.bitCount(prev[i] ^ v);
                        if (i == 63) t63 += Long.bitCount(prev[i] ^ v);
                    }
                    prev[i] = v;
                    bytes += change(out, line, v, width[i], code(i));
                }
                wideSeen = wide;  // at cycle c, what the edge of cycle c-1 wrote
                wide = rnd.nextLong();
                bytes += change(out, line, wide, 64, code(66));
                if (plant < 0 && bytes > targetBytes * 9 / 10) plant = c;
                boolean hit = c == plant;
                if (hit) markerCycle = c + 1;  // an edge change at 10c+5 is first seen at cycle c+1
                if (c == 0 || hit || c == plant + 1) bytes += change(out, line, hit ? 1 : 0, 1, code(64));
                if (c % 1000 == 0 || hit || c == plant + 1) bytes += change(out, line, c == plant || c % 3000 == 0 ? 0xdeadbeefL : c, 32, code(65));
            }
            return new Facts(c, bytes, t0, t63, wideSeen, markerCycle);
        }
    }

    static String code(int i) { return i < 94 ? String.valueOf((char) ('!' + i)) : "" + (char) ('!' + i % 94) + (char) ('!' + i / 94); }

    private static int change(OutputStream out, byte[] line, long v, int width, String code) throws IOException {
        int k = 0;
        if (width == 1) line[k++] = (byte) ('0' + (v & 1));
        else {
            line[k++] = 'b';
            int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(v));
            for (int b = bits - 1; b >= 0; b--) line[k++] = (byte) ('0' + ((v >>> b) & 1));
            line[k++] = ' ';
        }
        for (int j = 0; j < code.length(); j++) line[k++] = (byte) code.charAt(j);
        line[k++] = '\n';
        out.write(line, 0, k);
        return k;
    }

    private static int writeLine(OutputStream out, byte[] line, String s) throws IOException {
        for (int j = 0; j < s.length(); j++) line[j] = (byte) s.charAt(j);
        line[s.length()] = '\n';
        out.write(line, 0, s.length() + 1);
        return s.length() + 1;
    }
}
