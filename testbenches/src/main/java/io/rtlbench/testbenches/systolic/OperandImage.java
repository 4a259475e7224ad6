package io.rtlbench.testbenches.systolic;

import io.rtlbench.rtl.systolic.Cmd;
import io.rtlbench.rtl.systolic.Cmd.Field;
import io.rtlbench.rtl.systolic.Cmd.Op;
import io.rtlbench.rtl.systolic.SystolicConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * The off-chip layout of a GEMM's operand blocks, placed in the image the first time a block is
 * moved in (so a sampled program's image holds only what its tiles use) and the MVINs that load
 * them. A blocks: WS rows = M rows (lanes = the K step's R columns), OS rows = K rows (lanes = R
 * rows of M). B blocks: rows = K rows, lanes = C columns. Rows of R or C elements of
 * {@link Mapping#ELEM_BYTES} bytes, packed several to a beat when their width divides the bus, else
 * padded to whole beats; lanes past the GEMM's edge are zero. A dry image (no job) only allocates.
 */
final class OperandImage {
    private final SystolicConfig cfg;
    private final GemmJob job;
    private final OffChipImage image;
    private final TileLayout layout;
    private final Map<Object, Integer> addr = new HashMap<>();

    OperandImage(SystolicConfig cfg, GemmJob job, OffChipImage image) {
        if (job != null && job.format() != cfg.format())
            throw new IllegalArgumentException("the job is " + job.format() + " but the systolic core was built for " + cfg.format());
        this.cfg = cfg;
        this.job = job;
        this.image = image;
        this.layout = new TileLayout(cfg);
    }

    OffChipImage image() { return image; }

    /** MVIN of the A block {@code key} into scratchpad row {@code local}: rows x R lanes, lane l valid for l < lanes. */
    Cmd.Builder aBlock(Object key, int local, int m0, int rows, int k0, int lanes, boolean ws) {
        if (ws) {  // in the format's tile layout (INT8/FP8: one M row a scratchpad row; MXFP4: packed, then scales)
            int at = place(key, layout.aRows(rows), cfg.rows(), cfg.packA(), job == null ? null : layout.aLane(job, m0, k0, rows, lanes));
            return mvin(Cmd.Target.SPAD_A, at, local, layout.aRows(rows), false);
        }
        int at = place(key, rows, cfg.rows(), cfg.packA(), (r, l) -> l >= lanes ? 0 : job.a()[m0 + l][k0 + r]);
        return mvin(Cmd.Target.SPAD_A, at, local, rows, false);
    }

    /** MVIN of the B block {@code key}: rows x C lanes from B[k0 + r][n0 + j], zero for r >= kLen or j >= nLen. */
    Cmd.Builder bBlock(Object key, int local, int k0, int rows, int kLen, int n0, int nLen, boolean ws) {
        if (ws) {  // an R x C weight tile in the format's layout
            int at = place(key, layout.bRows(), cfg.cols(), cfg.packB(), job == null ? null : layout.bLane(job, k0, n0, kLen, nLen));
            return mvin(Cmd.Target.SPAD_B, at, local, layout.bRows(), false);
        }
        int at = place(key, rows, cfg.cols(), cfg.packB(), (r, j) -> r >= kLen || j >= nLen ? 0 : job.b()[k0 + r][n0 + j]);
        return mvin(Cmd.Target.SPAD_B, at, local, rows, false);
    }

    /** Scratchpad rows of a weight-stationary A block of {@code rows} rows of A, and of a B block. */
    int aRows(int rows) { return layout.aRows(rows); }
    int bRows() { return layout.bRows(); }

    /** Address of the accumulator-wide bias row for columns n0.. (one beat-aligned INT32 row). */
    int biasRow(int n0) {
        return addr.computeIfAbsent(java.util.List.of("bias", n0), k -> {
            int at = image.alloc(cfg.beatsAcc());
            if (!image.dry()) for (int j = 0; j < cfg.cols() && n0 + j < job.n(); j++) image.put32(at + 4 * j, job.bias()[n0 + j]);
            return at;
        });
    }

    Cmd.Builder mvin(Cmd.Target t, int at, int row, int rows, boolean repeat) {
        return new Cmd.Builder(Op.MVIN).set(Field.TARGET, t.ordinal()).set(Field.DRAM_ADDR, at)
                .set(Field.LOCAL_ROW, row).set(Field.ROWS, rows).set(Field.REPEAT, repeat ? 1 : 0);
    }

    interface Lane { int at(int row, int lane); }

    private int place(Object key, int rows, int lanes, int pack, Lane lane) {
        Integer at = addr.get(key);
        if (at != null) return at;
        int bus = cfg.busBytes(), rowBytes = lanes * Mapping.ELEM_BYTES, stride = pack > 1 ? rowBytes : (rowBytes + bus - 1) / bus * bus;
        int a = image.alloc(pack > 1 ? (rows + pack - 1) / pack : (long) rows * stride / bus);
        if (!image.dry())
            for (int r = 0; r < rows; r++)
                for (int l = 0; l < lanes; l++) image.put8(a + r * stride + l, (byte) lane.at(r, l));
        addr.put(key, a);
        return a;
    }
}
