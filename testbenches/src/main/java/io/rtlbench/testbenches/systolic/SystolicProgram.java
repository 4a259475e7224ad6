package io.rtlbench.testbenches.systolic;

import io.rtlbench.rtl.systolic.Cmd;
import io.rtlbench.rtl.systolic.SystolicConfig;
import java.util.List;

/**
 * A compiled GEMM (or a range of its output tiles): the command stream, the initial off-chip image,
 * and where each output block lands off-chip (row stride {@code rowBytes}; INT8 or raw little-endian
 * INT32 lanes). {@code mapping} describes the tiling; the program holds tiles [firstTile, firstTile +
 * tileEnds.size()) of {@code tilesTotal}, and tile firstTile + i is complete once COMPUTE number
 * tileEnds[i] (counted from 1) has completed.
 */
public record SystolicProgram(SystolicConfig config, GemmJob job, List<Cmd.Builder> commands, OffChipImage image,
                              List<OutTile> outTiles, int rowBytes, String mapping, int tilesTotal, int firstTile,
                              List<Integer> tileEnds) {
    /** Output block: rows x cols values of C starting at (m0, n0) of schedule tile {@code tile}, stored from byte address addr. */
    public record OutTile(int addr, int m0, int n0, int rows, int cols, int tile) {}

    /** Whether the program computes every tile of the GEMM. */
    public boolean complete() { return firstTile == 0 && tileEnds.size() == tilesTotal; }

    public boolean raw() { return job.requant() == null; }

    /** All commands as 64-bit words, two per command, low word first. */
    public long[] commandWords() {
        long[] w = new long[2 * commands.size()];
        for (int i = 0; i < commands.size(); i++) System.arraycopy(commands.get(i).words(), 0, w, 2 * i, 2);
        return w;
    }

    /** The command stream as text, one numbered command a line. */
    public String listing() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < commands.size(); i++) b.append(String.format("%5d  %s%n", i, Cmd.describe(commands.get(i).bits())));
        return b.toString();
    }

    /** Extracts C (M x N) from the final off-chip memory bytes. */
    public int[][] unpack(byte[] mem) {
        int[][] c = new int[job.m()][job.n()];
        for (OutTile t : outTiles)
            for (int r = 0; r < t.rows(); r++)
                for (int j = 0; j < t.cols(); j++) {
                    int at = t.addr() + r * rowBytes;
                    c[t.m0() + r][t.n0() + j] = raw() ? OffChipImage.get32(mem, at + 4 * j) : mem[at + j];
                }
        return c;
    }
}
