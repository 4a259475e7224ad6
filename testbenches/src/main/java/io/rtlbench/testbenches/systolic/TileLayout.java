package io.rtlbench.testbenches.systolic;

import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.testbenches.formats.KTiles;
import java.util.List;

/**
 * How the weight-stationary compiler lays out a tile of each format in the scratchpads (and so
 * off-chip, where a tile is a copy of its scratchpad rows). INT8 and FP8: an A tile is one row of
 * R element bytes per row of A, a B tile R rows of C bytes. MXFP4 (the layout the hardware's
 * {@code MxLanes} reads): two E2M1 elements a byte, two element rows per scratchpad row (A: rows
 * 2p and 2p+1 of A in the low and high half; B: K rows 2p and 2p+1), then the E8M0 scales: an A
 * tile of T rows has ceil(T/2) element rows and ceil(T/R) scale rows (R scales a row), a B tile R/2
 * element rows and one scale row (one scale per column). So MXFP4 tiles take (T/2 + T/R) / T and
 * (R/2 + 1) / R of the INT8 bytes. K tiles never cross an MX block ({@link KTiles}).
 */
final class TileLayout {
    private final NumberFormat format;
    private final int R, C;
    private final boolean mx;

    TileLayout(SystolicConfig cfg) {
        format = cfg.format();
        R = cfg.rows();
        C = cfg.cols();
        mx = format == NumberFormat.MXFP4;
    }

    /** The K tiles of a K-long reduction, {start, end}: R at a time, cut at MX block boundaries. */
    List<int[]> kTiles(int k) { return KTiles.of(format, R, k); }

    /** Scratchpad rows of an A tile of {@code rows} rows of A. */
    int aRows(int rows) { return mx ? (rows + 1) / 2 + (rows + R - 1) / R : rows; }

    /** Scratchpad rows of a B tile. */
    int bRows() { return mx ? R / 2 + 1 : R; }

    /** Byte l of scratchpad row r of the A tile at (m0, k0), mLen x kLen real elements. */
    OperandImage.Lane aLane(GemmJob job, int m0, int k0, int mLen, int kLen) {
        if (!mx) return (r, i) -> i < kLen ? job.a()[m0 + r][k0 + i] : 0;
        int elementRows = (mLen + 1) / 2;
        return (r, l) -> {
            if (l >= R) return 0;
            if (r >= elementRows) {
                int row = (r - elementRows) * R + l;
                return row < mLen ? job.aScales()[m0 + row][k0 / job.format().blockSize] : 0;
            }
            int m = 2 * r + l / (R / 2), i = 2 * (l % (R / 2));
            return m >= mLen ? 0 : pack(i < kLen ? job.a()[m0 + m][k0 + i] : 0, i + 1 < kLen ? job.a()[m0 + m][k0 + i + 1] : 0);
        };
    }

    /** Byte l of scratchpad row r of the B tile at (k0, n0), kLen x nLen real elements. */
    OperandImage.Lane bLane(GemmJob job, int k0, int n0, int kLen, int nLen) {
        if (!mx) return (r, j) -> r < kLen && j < nLen ? job.b()[k0 + r][n0 + j] : 0;
        return (r, l) -> {
            if (l >= C) return 0;
            if (r == R / 2) return l < nLen ? job.bScales()[k0 / job.format().blockSize][n0 + l] : 0;
            int k = 2 * r + l / (C / 2), j = 2 * (l % (C / 2));
            if (k >= kLen) return 0;
            return pack(j < nLen ? job.b()[k0 + k][n0 + j] : 0, j + 1 < nLen ? job.b()[k0 + k][n0 + j + 1] : 0);
        };
    }

    private static int pack(int low, int high) { return (low & 0xF) | (high & 0xF) << 4; }
}
