package io.rtlbench.testbenches.systolic;

import io.rtlbench.rtl.systolic.Cmd;
import io.rtlbench.rtl.systolic.Cmd.Field;
import io.rtlbench.rtl.systolic.Cmd.Op;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.testbenches.systolic.CommandStream.Pool;
import io.rtlbench.testbenches.systolic.CommandStream.Slot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tiles any GEMM onto the array. WS: folds are (K tile of R) x (N tile of C) weight tiles, each
 * PRELOADed and then streamed with an M block of activation rows (sized so the block's A stays
 * resident across all N tiles when possible), accumulating over K tiles in the accumulator. OS:
 * folds are (M tile of R) x (N tile of C) output tiles streaming a K block of A and B rows; groups
 * of M tiles keep their A resident while the N tiles' B streams past. Edge tiles are zero-padded in
 * the off-chip image; scratchpad rows narrower than a beat are packed when their width divides the
 * bus, else padded to whole beats. Loads for the next fold are emitted right after the current
 * COMPUTE and each tile's MVOUT is spread over the next tile's folds, so DMA and compute overlap;
 * slots are reused least-recently-used first, each reuse waiting for the commands that last used it.
 * Floating-point formats (weight-stationary only) use the same schedule over {@link TileLayout}'s
 * K tiles and tile layouts (MXFP4 packed), with raw FP32 output.
 */
public final class SystolicCompiler {
    private final SystolicConfig cfg;
    private final GemmJob job;
    private final int R, C, bus;
    private final OffChipImage image;
    private final CommandStream cs = new CommandStream();
    private final Map<Object, Integer> tiles = new HashMap<>();
    private final List<SystolicProgram.OutTile> outTiles = new ArrayList<>();
    private final java.util.ArrayDeque<Runnable> pendingMvouts = new java.util.ArrayDeque<>();
    private final int outStride, outPack;  // output row stride in bytes, rows per beat

    private SystolicCompiler(SystolicConfig cfg, GemmJob job) {
        this.cfg = cfg;
        this.job = job;
        R = cfg.rows();
        C = cfg.cols();
        bus = cfg.busBytes();
        image = new OffChipImage(bus);
        outPack = job.requant() == null ? 1 : cfg.packOut();
        outStride = job.requant() == null ? cfg.beatsAcc() * bus : outPack > 1 ? C : cfg.beatsOut8() * bus;
    }

    public static SystolicProgram compile(SystolicConfig cfg, GemmJob job) {
        if (job.format() != cfg.format())
            throw new IllegalArgumentException("the job is " + job.format() + " but the systolic core was built for " + cfg.format());
        SystolicCompiler c = new SystolicCompiler(cfg, job);
        c.config();
        if (cfg.array().dataflow() == SystolicConfig.Dataflow.WS) c.ws(); else c.os();
        c.flushMvouts();
        c.cs.end();
        if (c.cs.cmds.size() > cfg.cmdDepth())
            throw new IllegalArgumentException("the program has " + c.cs.cmds.size() + " commands but the command memory holds "
                    + cfg.cmdDepth() + "; use a larger cmdDepth or a smaller problem");
        if (c.cs.dmaCount() > 0xFFFF || c.cs.computeCount() > 0xFFFF)
            throw new IllegalArgumentException("the program has more than 65535 DMA or COMPUTE commands");
        return new SystolicProgram(cfg, job, List.copyOf(c.cs.cmds), c.image, List.copyOf(c.outTiles), c.outStride);
    }

    private void config() {
        Requant rq = job.requant();
        Cmd.Builder b = new Cmd.Builder(Op.CONFIG);
        if (rq == null) b.set(Field.RAW, 1).set(Field.SCALE, 1);
        else b.set(Field.SCALE, rq.scale()).set(Field.SHIFT, rq.shift()).set(Field.RELU, rq.relu() ? 1 : 0);
        cs.dma(b, 0);
    }

    // ---- weight-stationary --------------------------------------------------------------------
    private void ws() {
        // M block: all K tiles of the block's A stay resident across the N tiles when that still
        // leaves folds of at least 2R rows; otherwise as long as the memories allow.
        TileLayout layout = new TileLayout(cfg, job);
        List<int[]> kTiles = layout.kTiles();
        int spad = cfg.memories().spadRows(), resident = spad / Math.max(2, kTiles.size() + 1);
        int mBlock = balanced(job.m(), Math.min(cfg.memories().accRows() / 2, resident >= 2 * R ? resident : spad / 2));
        Pool aPool = new Pool("scratchpad A", cfg.memories().spadRows(), layout.aRows(mBlock));
        Pool bPool = new Pool("scratchpad B", cfg.memories().spadRows(), layout.bRows());
        Pool accPool = new Pool("accumulator", cfg.memories().accRows(), mBlock);
        int stepsPerTile = kTiles.size();
        for (int m0 = 0; m0 < job.m(); m0 += mBlock) {
            int mLen = Math.min(mBlock, job.m() - m0);
            for (int n0 = 0; n0 < job.n(); n0 += C) {
                int nLen = Math.min(C, job.n() - n0);
                Slot acc = accPool.evict(List.of("acc", m0, n0));
                int accReady = startAcc(acc, n0, mLen);
                for (int[] kt : kTiles) {
                    int k0 = kt[0], kLen = kt[1] - kt[0];
                    Slot a = load(aPool, List.of("A", m0, k0), Cmd.Target.SPAD_A, layout.aRows(mLen), R, cfg.packA(),
                            layout.aLane(m0, k0, mLen, kLen));
                    Slot b = load(bPool, List.of("B", k0, n0), Cmd.Target.SPAD_B, layout.bRows(), C, cfg.packB(),
                            layout.bLane(k0, n0, kLen, nLen));
                    cs.preload(new Cmd.Builder(Op.PRELOAD).set(Field.B_ROW, b.base), b.filledBy);
                    boolean accumulate = k0 > 0 || job.bias() != null;
                    int n = cs.compute(new Cmd.Builder(Op.COMPUTE).set(Field.A_ROW, a.base).set(Field.T, mLen)
                            .set(Field.ACC_ROW, acc.base).set(Field.ACCUMULATE, accumulate ? 1 : 0)
                            .set(Field.MACS, kLen * nLen), Math.max(a.filledBy, accReady), 0);
                    a.lastReader = b.lastReader = acc.lastWriter = n;
                    if (!pendingMvouts.isEmpty()) pendingMvouts.poll().run();
                }
                deferMvout(acc, m0, n0, mLen, nLen, stepsPerTile);
            }
        }
    }

    // ---- output-stationary --------------------------------------------------------------------
    private void os() {
        int kBlock = balanced(job.k(), cfg.memories().spadRows() / 2);
        Pool aPool = new Pool("scratchpad A", cfg.memories().spadRows(), kBlock);
        Pool bPool = new Pool("scratchpad B", cfg.memories().spadRows(), kBlock);
        Pool accPool = new Pool("accumulator", cfg.memories().accRows(), R);
        int stepsPerTile = (job.k() + kBlock - 1) / kBlock;
        // Groups of M tiles whose A rows stay resident while every N tile streams past them once.
        int group = Math.max(1, (cfg.memories().spadRows() / kBlock - 1) / stepsPerTile);
        for (int g0 = 0; g0 < job.m(); g0 += group * R) {
            for (int n0 = 0; n0 < job.n(); n0 += C) {
                for (int m0 = g0; m0 < Math.min(job.m(), g0 + group * R); m0 += R) {
                    int mLen = Math.min(R, job.m() - m0);
                    int nLen = Math.min(C, job.n() - n0);
                    Slot acc = accPool.evict(List.of("acc", m0, n0));
                    int accReady = startAcc(acc, n0, R);
                    for (int k0 = 0; k0 < job.k(); k0 += kBlock) {
                        int kLen = Math.min(kBlock, job.k() - k0), fm0 = m0, fk0 = k0, fn0 = n0;
                        Slot a = load(aPool, List.of("A", m0, k0), Cmd.Target.SPAD_A, kLen, R, cfg.packA(),
                                (k, i) -> i < mLen ? job.a()[fm0 + i][fk0 + k] : 0);
                        Slot b = load(bPool, List.of("B", k0, n0), Cmd.Target.SPAD_B, kLen, C, cfg.packB(),
                                (k, j) -> j < nLen ? job.b()[fk0 + k][fn0 + j] : 0);
                        boolean accumulate = k0 > 0 || job.bias() != null;
                        int n = cs.compute(new Cmd.Builder(Op.COMPUTE).set(Field.A_ROW, a.base).set(Field.B_ROW, b.base)
                                .set(Field.T, kLen).set(Field.ACC_ROW, acc.base).set(Field.ACCUMULATE, accumulate ? 1 : 0)
                                .set(Field.MACS, mLen * nLen), Math.max(Math.max(a.filledBy, b.filledBy), accReady), 0);
                        a.lastReader = b.lastReader = acc.lastWriter = n;
                        if (!pendingMvouts.isEmpty()) pendingMvouts.poll().run();
                    }
                    deferMvout(acc, m0, n0, mLen, nLen, stepsPerTile);
                }
            }
        }
    }

    // ---- shared steps -------------------------------------------------------------------------
    /** Block length <= max splitting n into equal blocks (no short last fold that cannot hide a weight load). */
    static int balanced(int n, int max) {
        int blocks = (n + max - 1) / max;
        return (n + blocks - 1) / blocks;
    }

    interface Lane { int at(int row, int lane); }

    /**
     * Makes a tile resident (MVIN on a miss, after the slot's last reader finished); returns its slot.
     * Off-chip, a tile's rows of rowBytes lanes are packed {@code pack} to a beat, or padded to whole beats.
     */
    private Slot load(Pool pool, Object key, Cmd.Target target, int rows, int rowBytes, int pack, Lane lane) {
        Slot s = pool.find(key);
        if (s != null) return s;
        s = pool.evict(key);
        int stride = pack > 1 ? rowBytes : (rowBytes + bus - 1) / bus * bus;
        int addr = tiles.computeIfAbsent(key, k -> {
            int at = image.alloc(pack > 1 ? (rows + pack - 1) / pack : (long) rows * stride / bus);
            for (int r = 0; r < rows; r++)
                for (int l = 0; l < stride; l++) image.put8(at + r * stride + l, (byte) lane.at(r, l));
            return at;
        });
        s.filledBy = cs.dma(mvin(target, addr, s.base, rows, false), s.lastReader);
        return s;
    }

    /** Prepares an accumulator slot: bias rows moved in (when there is a bias); returns the DMA number computes wait for. */
    private int startAcc(Slot acc, int n0, int rows) {
        if (job.bias() == null) return acc.lastMvout;
        int addr = tiles.computeIfAbsent(List.of("bias", n0), k -> {
            int at = image.alloc(cfg.beatsAcc());
            for (int j = 0; j < C && n0 + j < job.n(); j++) image.put32(at + 4 * j, job.bias()[n0 + j]);
            return at;
        });
        return acc.filledBy = cs.dma(mvin(Cmd.Target.ACC, addr, acc.base, rows, true), acc.lastWriter);
    }

    private static Cmd.Builder mvin(Cmd.Target t, int addr, int row, int rows, boolean repeat) {
        return new Cmd.Builder(Op.MVIN).set(Field.TARGET, t.ordinal()).set(Field.DRAM_ADDR, addr)
                .set(Field.LOCAL_ROW, row).set(Field.ROWS, rows).set(Field.REPEAT, repeat ? 1 : 0);
    }

    /**
     * Queues the tile's MVOUT in chunks of at least 8 rows (whole packed beats), one emitted after
     * each COMPUTE of the next tile, so the stores spread out instead of holding up its loads.
     */
    private void deferMvout(Slot acc, int m0, int n0, int rows, int cols, int steps) {
        flushMvouts();
        int addr = image.alloc(((long) rows * outStride + bus - 1) / bus);
        outTiles.add(new SystolicProgram.OutTile(addr, m0, n0, rows, cols));
        int writer = acc.lastWriter, chunk = (Math.max(8, (rows + steps - 1) / steps) + outPack - 1) / outPack * outPack;
        for (int r0 = 0; r0 < rows; r0 += chunk) {
            int first = r0, n = Math.min(chunk, rows - r0);
            pendingMvouts.add(() -> acc.lastMvout = cs.dma(new Cmd.Builder(Op.MVOUT).set(Field.DRAM_ADDR, addr + first * outStride)
                    .set(Field.LOCAL_ROW, acc.base + first).set(Field.ROWS, n), writer));
        }
    }

    private void flushMvouts() {
        pendingMvouts.forEach(Runnable::run);
        pendingMvouts.clear();
    }
}
