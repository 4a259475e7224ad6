package io.rtlbench.testbenches.formats;

import io.rtlbench.rtl.formats.NumberFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The K tiles of a floating-point GEMM: the unit of exact accumulation. Tiles are {@code tile}
 * elements long from k = 0 (the systolic core's tile is its row count R: one fold, one pass down a
 * PE column); for a block-scaled format (MXFP4) a tile also ends at every 32-element block
 * boundary, so each tile has one scale per row of A and column of B. The last tile may be short.
 */
public final class KTiles {
    private KTiles() {}

    /** Each tile as {start, end} (end exclusive), in ascending K. */
    public static List<int[]> of(NumberFormat f, int tile, int k) {
        if (tile < 1) throw new IllegalArgumentException("K tile must be >= 1, got " + tile);
        List<int[]> tiles = new ArrayList<>();
        for (int k0 = 0; k0 < k; ) {
            int k1 = Math.min(k, k0 + tile);
            if (f.isBlockScaled()) k1 = Math.min(k1, (k0 / f.blockSize + 1) * f.blockSize);
            tiles.add(new int[] {k0, k1});
            k0 = k1;
        }
        return tiles;
    }
}
