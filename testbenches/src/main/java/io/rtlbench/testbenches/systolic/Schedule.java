package io.rtlbench.testbenches.systolic;

import io.rtlbench.rtl.systolic.SystolicConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The loop nest of one GEMM on the array for a {@link Mapping}, as index arithmetic only (no data).
 * Output tiles (tileM x tileN, reduced over all of K, so tiles are independent) in the mapping's
 * order; within a tile, for each K step, every (M sub-block, N sub-block) pair is one fold:
 * <ul>
 *   <li>WS: a fold is an R x C weight tile (K step = R) streaming the M block's rows (M step = the block);</li>
 *   <li>OS: a fold is an R x C output tile streaming the K step's rows of A and B (K step = the block).</li>
 * </ul>
 * Weight blocks that the {@link WeightStructure} says are all zero are skipped; on OS a fold's K
 * range is split where the number of structural non-zeros per row changes (MACS is per streamed row).
 */
final class Schedule {
    /** Output tile: C rows [m0, m0 + mLen) x columns [n0, n0 + nLen). */
    record Tile(int index, int m0, int mLen, int n0, int nLen) {}

    /**
     * One fold of tile {@code tile}. Operands: A block (mSub's rows, K step at stepK0), B block (K step,
     * nSub's columns); rows [k0, k0 + kLen) of the step are used. {@code sub} = accumulator region
     * (mSub * nSubs + nSub) of the tile; {@code first}: the region's first fold (overwrite or bias);
     * {@code last}: the tile's last fold. {@code macs}: real MACs per streamed row.
     */
    record Fold(int tile, int sub, int m0, int mLen, int stepK0, int stepLen, int k0, int kLen, int n0, int nLen,
                boolean first, boolean last, int macs) {}

    final Mapping map;
    final int m, k, n, R, C;
    final List<Tile> tiles = new ArrayList<>();
    private final WeightStructure structure;
    /** K steps {start, end}: kStep rows at a time; WS steps also end at MX block boundaries (one scale per row and column). */
    private final List<int[]> kSteps;

    Schedule(SystolicConfig cfg, Mapping map, int m, int k, int n, WeightStructure structure) {
        this.map = map;
        this.m = m;
        this.k = k;
        this.n = n;
        this.structure = structure;
        R = cfg.rows();
        C = cfg.cols();
        kSteps = map.dataflow() == SystolicConfig.Dataflow.WS
                ? io.rtlbench.testbenches.formats.KTiles.of(cfg.format(), map.kStep(), k)
                : io.rtlbench.testbenches.formats.KTiles.of(io.rtlbench.rtl.formats.NumberFormat.INT8, map.kStep(), k);
        int tileM = map.mStep() * map.mSubs(), tileN = C * map.nSubs();
        int mTiles = ceil(m, tileM), nTiles = ceil(n, tileN);
        boolean mMajor = map.order() == Mapping.Order.M_MAJOR;
        for (int outer = 0; outer < (mMajor ? mTiles : nTiles); outer++)
            for (int inner = 0; inner < (mMajor ? nTiles : mTiles); inner++) {
                int m0 = (mMajor ? outer : inner) * tileM, n0 = (mMajor ? inner : outer) * tileN;
                tiles.add(new Tile(tiles.size(), m0, Math.min(tileM, m - m0), n0, Math.min(tileN, n - n0)));
            }
    }

    static int ceil(int a, int b) { return (a + b - 1) / b; }

    /** The folds of one tile, in execution order. */
    List<Fold> folds(Tile t) {
        List<Fold> out = new ArrayList<>();
        boolean ws = map.dataflow() == SystolicConfig.Dataflow.WS;
        int subs = map.mSubs() * map.nSubs();
        boolean[] started = new boolean[subs];
        for (int[] step : kSteps) {
            int s0 = step[0], sLen = step[1] - step[0];
            for (int i = 0; i * map.mStep() < t.mLen(); i++) {
                int sm0 = t.m0() + i * map.mStep(), smLen = Math.min(map.mStep(), t.mLen() - i * map.mStep());
                for (int j = 0; j * C < t.nLen(); j++) {
                    int sn0 = t.n0() + j * C, snLen = Math.min(C, t.nLen() - j * C), sub = i * map.nSubs() + j;
                    if (ws) {
                        long macs = structure.blockCount(s0, sLen, sn0, snLen);
                        if (macs > 0) out.add(fold(t, sub, started, sm0, smLen, s0, sLen, s0, sLen, sn0, snLen, (int) macs));
                        continue;
                    }
                    for (int r0 = s0; r0 < s0 + sLen; ) {  // OS: runs of rows with equal non-zeros per row
                        int per = structure.rowCount(r0, sn0, snLen), r1 = r0 + 1;
                        while (r1 < s0 + sLen && structure.rowCount(r1, sn0, snLen) == per) r1++;
                        if (per > 0) out.add(fold(t, sub, started, sm0, smLen, s0, sLen, r0, r1 - r0, sn0, snLen, per * smLen));
                        r0 = r1;
                    }
                }
            }
        }
        for (int s = 0; s < subs; s++)
            if (!started[s] && s / map.nSubs() * map.mStep() < t.mLen() && s % map.nSubs() * C < t.nLen())
                throw new IllegalArgumentException("the weight structure leaves output columns from " + (t.n0() + s % map.nSubs() * C)
                        + " without any weight");
        if (out.isEmpty()) throw new IllegalArgumentException("tile " + t + " has no work");
        Fold l = out.get(out.size() - 1);
        out.set(out.size() - 1, new Fold(l.tile(), l.sub(), l.m0(), l.mLen(), l.stepK0(), l.stepLen(), l.k0(), l.kLen(), l.n0(),
                l.nLen(), l.first(), true, l.macs()));
        return out;
    }

    private Fold fold(Tile t, int sub, boolean[] started, int m0, int mLen, int s0, int sLen, int k0, int kLen, int n0, int nLen, int macs) {
        boolean first = !started[sub];
        started[sub] = true;
        return new Fold(t.index(), sub, m0, mLen, s0, sLen, k0, kLen, n0, nLen, first, false, macs);
    }

    /** Every fold of every tile, in execution order. */
    List<Fold> allFolds() {
        List<Fold> out = new ArrayList<>();
        for (Tile t : tiles) out.addAll(folds(t));
        return out;
    }

    /** Real MACs of the whole GEMM (structural non-zeros of B times M). */
    long macs() { return structure.blockCount(0, k, 0, n) * m; }
}
