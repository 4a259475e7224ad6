package io.rtlbench.testbenches.systolic;

import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.rtl.systolic.SystolicConfig.Dataflow;

/**
 * How one GEMM is tiled onto the array, chosen per layer from its shape and the memory sizes by a
 * small analytical mapper in the style of Timeloop (enumerate tilings and loop orders, estimate
 * each, keep the best) and Gemmini's {@code tiled_matmul_auto} (grow tiles while they fit the
 * scratchpad and the double-buffered accumulator).
 *
 * <p>A fold covers mStep x kStep x C of the GEMM (WS: an M block streams past an R x C weight tile,
 * kStep = R; OS: an R x C output tile streams a K block, mStep = R). An output tile is mSubs x nSubs
 * folds' outputs, reduced over all of K, so tiles are independent (the sampled emulation's units).
 * {@code order}: M_MAJOR walks the N tiles of one M row of tiles first (A of that row can stay
 * resident), N_MAJOR the M tiles of one N column first (its weights can stay resident). The
 * estimate walks the tiles: each costs the larger of its compute (per fold max(T, (T + 2R + C + 1) /
 * 2) cycles: T streamed rows; a weight or output buffer is refilled only after the fold two back has
 * drained) and its DMA (blocks not yet resident, bias, the previous tile's stores, at the off-chip
 * bandwidth); plus the first load and the last store. Estimates within 0.1% tie; ties go to less
 * traffic, then fewer folds (fewer commands).
 *
 * @param lookahead folds whose loads are emitted ahead of the fold being computed
 */
record Mapping(Dataflow dataflow, int mStep, int kStep, int mSubs, int nSubs, Order order, int lookahead,
               double estimatedCycles, long trafficBytes, long folds) {
    enum Order { M_MAJOR, N_MAJOR }

    /** Bytes per A and B element (INT8); a packed format would change this and the row layouts. */
    static final int ELEM_BYTES = 1;

    /** The best mapping for an M x K x N GEMM with {@code outBytes} bytes per output element (4 raw, 1 requantized). */
    static Mapping choose(SystolicConfig cfg, int m, int k, int n, WeightStructure structure, boolean bias, int outBytes) {
        java.util.List<Mapping> all = new java.util.ArrayList<>();
        int R = cfg.rows(), C = cfg.cols(), spad = cfg.memories().spadRows(), acc = cfg.memories().accRows();
        boolean ws = cfg.array().dataflow() == Dataflow.WS;
        java.util.Map<Integer, double[][]> blocks = new java.util.HashMap<>();
        for (int nSubs : powersUpTo(Schedule.ceil(n, C))) {
            for (int mSubs : ws ? new int[] {1} : powersUpTo(Math.min(64, Schedule.ceil(m, R)))) {
                int accRows = acc / 2 / (mSubs * nSubs);              // per sub-region, double-buffered tiles
                if (accRows < (ws ? 1 : R) || ws && spad / R < 2 * nSubs + 2) continue;
                for (int shrink = 1; shrink <= 4; shrink *= 2) {
                    int step;
                    if (ws) step = SystolicCompiler.balanced(m, Math.max(1, Math.min(Math.min(accRows, spad / 4), 65535) / shrink));
                    else step = SystolicCompiler.balanced(k, Math.max(1, Math.min(spad / (2 * Math.max(mSubs, nSubs) + 2), 65535) / shrink));
                    if (!ws && spad / step < 2 * Math.max(mSubs, nSubs) + 2) continue;
                    int kStep = ws ? R : step;
                    double[][] b = blocks.computeIfAbsent(kStep, ks -> blockStats(cfg, k, n, structure, ks));
                    for (Order order : Order.values()) {
                        all.add(estimate(cfg, m, k, n, bias, outBytes, ws ? step : R, kStep, mSubs, nSubs, order, b));
                    }
                }
            }
        }
        double fastest = all.stream().mapToDouble(Mapping::estimatedCycles).min().orElse(Double.NaN);
        Mapping best = all.stream().filter(c -> c.estimatedCycles <= fastest * (1 + TIE))
                .min(java.util.Comparator.comparingLong(Mapping::trafficBytes).thenComparingLong(Mapping::folds)
                        .thenComparingDouble(Mapping::estimatedCycles)).orElse(null);
        if (best == null)
            throw new IllegalArgumentException(String.format("no tiling of %dx%dx%d fits %d-row scratchpads and a %d-row accumulator on a %dx%d array",
                    m, k, n, spad, acc, R, C));
        return best;
    }

    /** 1, 2, 4, ... below max, and max. */
    private static int[] powersUpTo(int max) {
        java.util.List<Integer> v = new java.util.ArrayList<>();
        for (int p = 1; p < max; p *= 2) v.add(p);
        v.add(max);
        return v.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Per N tile of C columns (index j), for K steps of kStep rows: [0][j] weight blocks with any
     * structural non-zero, [1][j] sum over them of the OS fold period (streamed rows = rows with non-zeros).
     */
    private static double[][] blockStats(SystolicConfig cfg, int k, int n, WeightStructure st, int kStep) {
        int R = cfg.rows(), C = cfg.cols(), nTiles = Schedule.ceil(n, C);
        double[][] out = new double[2][nTiles];
        for (int j = 0; j < nTiles; j++)
            for (int s0 = 0; s0 < k; s0 += kStep) {
                int sLen = Math.min(kStep, k - s0), n0 = j * C, nLen = Math.min(C, n - n0);
                int rows = st == WeightStructure.DENSE ? sLen : nonZeroRows(st, s0, sLen, n0, nLen);
                if (rows == 0) continue;
                out[0][j]++;
                out[1][j] += period(rows, R, C);
            }
        return out;
    }

    /**
     * Walks the tiles in order: each costs max(its folds' compute, its DMA: the A and weight blocks it
     * must move in (unless resident from an earlier tile), its bias, and the previous tile's output).
     */
    private static Mapping estimate(SystolicConfig cfg, int m, int k, int n, boolean bias, int outBytes,
                                    int mStep, int kStep, int mSubs, int nSubs, Order order, double[][] blockStats) {
        int R = cfg.rows(), C = cfg.cols(), bus = cfg.busBytes(), spad = cfg.memories().spadRows();
        boolean ws = cfg.array().dataflow() == Dataflow.WS, mMajor = order == Order.M_MAJOR;
        int kSteps = Schedule.ceil(k, kStep), nTilesC = Schedule.ceil(n, C), mSubsAll = Schedule.ceil(m, mStep);
        int tileM = mStep * mSubs, mTiles = Schedule.ceil(m, tileM), nTiles = Schedule.ceil(n, C * nSubs);
        double aRow = cfg.packA() > 1 ? R * ELEM_BYTES : cfg.beatsA() * bus, bRow = cfg.packB() > 1 ? C * ELEM_BYTES : cfg.beatsB() * bus;
        int outRow = outBytes == 4 ? cfg.beatsAcc() * bus : cfg.packOut() > 1 ? C : cfg.beatsOut8() * bus;
        double bw = Math.min(cfg.offchip().bytesPerCycle(), bus);
        long blocks = 0;
        for (double b : blockStats[0]) blocks += (long) b;
        int margin = 3;  // slots the loads in flight ahead of the computing fold may occupy
        int aSlots = spad / (ws ? mStep : kStep), bSlots = spad / (ws ? R : kStep);
        boolean aKeep = mMajor ? (long) mSubs * kSteps <= aSlots - 2L * mSubs - margin : (long) mSubsAll * kSteps <= aSlots - 2L * mSubs - margin;
        boolean bKeep = mMajor ? blocks <= bSlots - 2L * nSubs - margin : (long) kSteps * nSubs <= bSlots - 2L * nSubs - margin;
        boolean[] seenM = new boolean[mTiles], seenN = new boolean[nTiles];
        double total = 0, prevOut = 0, traffic = 0;
        for (int outer = 0; outer < (mMajor ? mTiles : nTiles); outer++)
            for (int inner = 0; inner < (mMajor ? nTiles : mTiles); inner++) {
                int mt = mMajor ? outer : inner, nt = mMajor ? inner : outer;
                int rows = Math.min(tileM, m - mt * tileM), subsM = Schedule.ceil(rows, mStep);
                double compute = 0, wBlocks = 0;
                for (int j = nt * nSubs; j < Math.min(nTilesC, (nt + 1) * nSubs); j++) {
                    wBlocks += blockStats[0][j];
                    compute += ws ? blockStats[0][j] * period(rows, R, C) : subsM * blockStats[1][j];
                }
                int cols = Math.min(nSubs, nTilesC - nt * nSubs);
                double usedSteps = Math.min(kSteps, wBlocks);  // K steps with any weight in these columns
                double a = seenM[mt] && aKeep ? 0 : ws ? rows * usedSteps * aRow : subsM * Math.min(k, usedSteps * kStep) * aRow;
                double b = seenN[nt] && bKeep ? 0 : wBlocks * (ws ? R : kStep) * bRow;
                double out = (double) rows * cols * outRow, biasBytes = bias ? (double) rows * cols * cfg.beatsAcc() * bus : 0;
                seenM[mt] = seenN[nt] = true;
                total += Math.max(compute, (a + b + biasBytes + prevOut) / bw);
                traffic += a + b + biasBytes + out;
                prevOut = out;
            }
        double first = cfg.offchip().latencyCycles() + ((ws ? mStep : kStep) * aRow + (ws ? R : kStep) * bRow) / bw;
        double est = total + first + prevOut / bw + R + C;
        double minPeriod = period(ws ? Math.min(mStep, m) : Math.min(kStep, k), R, C);
        int blockBeats = (int) Math.ceil(Math.max((ws ? mStep : kStep) * aRow, (ws ? R : kStep) * bRow) / bus);
        int lookahead = (int) Math.max(2, Math.min(8, Math.ceil((cfg.offchip().latencyCycles() + blockBeats) / minPeriod) + 1));
        return new Mapping(cfg.array().dataflow(), mStep, kStep, mSubs, nSubs, order, lookahead, est, (long) traffic, blocks * mSubsAll);
    }

    /** Estimates within this fraction of the fastest tie (then less traffic, then fewer folds: fewer commands). */
    static final double TIE = 1e-3;

    /** Cycles per fold of T streamed rows when folds follow back to back (see the class comment). */
    static double period(int t, int R, int C) { return Math.max(t, (t + 2.0 * R + C + 1) / 2); }

    private static int nonZeroRows(WeightStructure st, int k0, int kLen, int n0, int nLen) {
        int rows = 0;
        for (int r = k0; r < k0 + kLen; r++) if (st.rowCount(r, n0, nLen) > 0) rows++;
        return rows;
    }

    @Override public String toString() {
        return String.format("%s %s mStep=%d kStep=%d subs=%dx%d lookahead=%d est=%.0f cycles traffic=%d B folds=%d", dataflow, order,
                mStep, kStep, mSubs, nSubs, lookahead, estimatedCycles, trafficBytes, folds);
    }
}
