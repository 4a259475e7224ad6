package io.rtlbench.testbenches.systolic;

import io.rtlbench.rtl.systolic.Cmd;
import io.rtlbench.rtl.systolic.Cmd.Field;
import io.rtlbench.rtl.systolic.Cmd.Op;
import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.testbenches.systolic.CommandStream.Pool;
import io.rtlbench.testbenches.systolic.CommandStream.Slot;
import io.rtlbench.testbenches.systolic.Schedule.Fold;
import io.rtlbench.testbenches.systolic.Schedule.Tile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a GEMM into commands for the {@link Mapping} the mapper picks. Operand blocks (A blocks,
 * weight blocks) live in LRU slots of the scratchpads and stay resident while they fit; the loads of
 * the next {@code lookahead} folds are emitted ahead of each fold's PRELOAD/COMPUTE (the dispatcher is
 * in order, so whatever the DMA should do during a fold must come before the next COMPUTE), a slot is
 * reused only when no fold in that window needs it, and each reuse waits for the COMPUTE that last
 * read it. Each output tile accumulates in its own accumulator slot (bias moved in first, when there
 * is one); its MVOUT is cut into chunks spread over the next tile's folds. Edge blocks are zero-padded
 * in the off-chip image; scratchpad rows narrower than a beat are packed when their width divides the
 * bus, else padded to whole beats. The output is independent of the command-memory depth and the
 * off-chip size; {@link SystolicSizing#requirements} gives both before any tensor exists.
 * Sampled emulation compiles a range of tiles ({@link #compileTiles}): the tiles before it are walked
 * without emitting (so slot contents are those of the full run), the blocks they left resident that
 * the range uses are moved in first (functional warming), then the range's commands are emitted.
 * Floating-point formats (weight-stationary only) use the same schedule over {@link TileLayout}'s
 * K tiles and block layouts (MXFP4 packed), with raw FP32 output; the mapper estimates them with
 * INT8's byte counts (MXFP4 moves 9/16 of them), so its choice for MXFP4 is conservative.
 */
public final class SystolicCompiler {
    private final SystolicConfig cfg;
    private final GemmJob job;                 // null in a dry run
    private final Schedule sched;
    private final OperandImage operands;
    private final CommandStream cs = new CommandStream();
    private final Pool aPool, bPool, accPool;
    private final boolean bias, raw;
    private final int subRows, outStride, outPack;
    private final ArrayDeque<Chunk> pending = new ArrayDeque<>();
    private final List<SystolicProgram.OutTile> outTiles = new ArrayList<>();
    private final List<Integer> tileEnds = new ArrayList<>();
    private final Map<Integer, Slot> accOf = new HashMap<>();
    private final Map<Integer, Integer> accReady = new HashMap<>();
    private int mvoutDelay;

    private record Chunk(Slot slot, Runnable emit) {}

    private SystolicCompiler(SystolicConfig cfg, GemmJob job, int m, int k, int n, boolean bias, boolean raw, WeightStructure st) {
        this.cfg = cfg;
        this.job = job;
        this.bias = bias;
        this.raw = raw;
        Mapping map = Mapping.choose(cfg, m, k, n, st, bias, raw ? 4 : 1);
        sched = new Schedule(cfg, map, m, k, n, st);
        operands = new OperandImage(cfg, job, job == null ? OffChipImage.sizeOnly(cfg.busBytes()) : new OffChipImage(cfg.busBytes()));
        boolean ws = map.dataflow() == SystolicConfig.Dataflow.WS;
        int spad = cfg.memories().spadRows();
        aPool = new Pool("scratchpad A", spad, ws ? operands.aRows(map.mStep()) : map.kStep());
        bPool = new Pool("scratchpad B", spad, ws ? operands.bRows() : map.kStep());
        subRows = ws ? map.mStep() : cfg.rows();
        accPool = new Pool("accumulator", cfg.memories().accRows(), map.mSubs() * map.nSubs() * subRows);
        outPack = raw ? 1 : cfg.packOut();
        outStride = raw ? cfg.beatsAcc() * cfg.busBytes() : outPack > 1 ? cfg.cols() : cfg.beatsOut8() * cfg.busBytes();
    }

    public static SystolicProgram compile(SystolicConfig cfg, GemmJob job) { return compile(cfg, job, WeightStructure.DENSE); }

    public static SystolicProgram compile(SystolicConfig cfg, GemmJob job, WeightStructure st) {
        return compileTiles(cfg, job, st, 0, Integer.MAX_VALUE);
    }

    /** The program of tiles [from, to) of the schedule only (sampled emulation), after functional warming. */
    public static SystolicProgram compileTiles(SystolicConfig cfg, GemmJob job, WeightStructure st, int from, int to) {
        SystolicCompiler c = new SystolicCompiler(cfg, job, job.m(), job.k(), job.n(), job.bias() != null, job.requant() == null, st);
        c.emit(from, to);
        return new SystolicProgram(cfg, job, List.copyOf(c.cs.cmds), c.operands.image(), List.copyOf(c.outTiles), c.outStride,
                c.sched.map.toString(), c.sched.tiles.size(), Math.max(0, from), List.copyOf(c.tileEnds));
    }

    /** Commands and off-chip bytes of the whole program, from the shape alone (a dry compile, no tensors). */
    static SystolicSizing.Requirements dryRun(SystolicConfig cfg, int m, int k, int n, boolean bias, boolean requant, WeightStructure st) {
        SystolicCompiler c = new SystolicCompiler(cfg, null, m, k, n, bias, !requant, st);
        c.emit(0, Integer.MAX_VALUE);
        return new SystolicSizing.Requirements(c.cs.cmds.size(), c.operands.image().size());
    }

    private void emit(int from, int to) {
        Requant rq = job == null ? null : job.requant();
        Cmd.Builder conf = new Cmd.Builder(Op.CONFIG);
        if (raw) conf.set(Field.RAW, 1).set(Field.SCALE, 1);
        else if (rq != null) conf.set(Field.SCALE, rq.scale()).set(Field.SHIFT, rq.shift()).set(Field.RELU, rq.relu() ? 1 : 0);
        cs.dma(conf, 0);
        from = Math.max(0, Math.min(from, sched.tiles.size() - 1));
        to = Math.min(to, sched.tiles.size());
        if (to <= from) throw new IllegalArgumentException("tile range [" + from + ", " + to + ") is empty; the layer has " + sched.tiles.size());
        List<Fold> folds = new ArrayList<>();
        int start = 0;
        int[] lastFold = new int[to];
        for (int t = 0; t < to; t++) {
            if (t == from) start = folds.size();
            folds.addAll(sched.folds(sched.tiles.get(t)));
            lastFold[t] = folds.size() - 1;
        }
        Slot[] aSlot = new Slot[folds.size()], bSlot = new Slot[folds.size()];
        int ahead = 0, look = sched.map.lookahead();
        cs.muted = start > 0;
        for (int f = 0; f < folds.size(); f++) {
            if (f == start && start > 0) warm(folds.subList(start, folds.size()));
            while (ahead < Math.min(folds.size(), f + look + 1) && prefetch(folds.get(ahead), ahead, f, aSlot, bSlot, lastFold)) ahead++;
            if (ahead <= f) throw new IllegalStateException("fold " + f + " does not fit the scratchpads or accumulator");
            compute(folds.get(f), aSlot[f], bSlot[f]);
        }
        flushMvouts();
        cs.end();
    }

    /** Makes fold g's operands (and, at a tile's start, its accumulator slot) resident; false if no slot is free yet. */
    private boolean prefetch(Fold g, int gi, int now, Slot[] aSlot, Slot[] bSlot, int[] lastFold) {
        if (g.first() && g.sub() == 0 && !accOf.containsKey(g.tile()) && !startTile(sched.tiles.get(g.tile()), now, lastFold[g.tile()])) return false;
        boolean ws = sched.map.dataflow() == SystolicConfig.Dataflow.WS;
        Object aKey = List.of("A", g.m0(), g.stepK0()), bKey = List.of("B", g.stepK0(), g.n0());
        aSlot[gi] = load(aPool, aKey, now, gi, row -> mvinA(aKey, g, row));
        if (aSlot[gi] == null) return false;
        bSlot[gi] = load(bPool, bKey, now, gi, row -> mvinB(bKey, g, row));
        return bSlot[gi] != null;
    }

    private Cmd.Builder mvinA(Object key, Fold g, int row) {
        boolean ws = sched.map.dataflow() == SystolicConfig.Dataflow.WS;
        return operands.aBlock(key, row, g.m0(), ws ? g.mLen() : g.stepLen(), g.stepK0(), ws ? g.stepLen() : g.mLen(), ws);
    }

    private Cmd.Builder mvinB(Object key, Fold g, int row) {
        boolean ws = sched.map.dataflow() == SystolicConfig.Dataflow.WS;
        return operands.bBlock(key, row, g.stepK0(), ws ? cfg.rows() : g.stepLen(), g.stepLen(), g.n0(), g.nLen(), ws);
    }

    private Slot load(Pool pool, Object key, int now, int pinTo, java.util.function.IntFunction<Cmd.Builder> mvin) {
        Slot s = pool.find(key);
        if (s == null) {
            s = pool.evict(key, now);
            if (s == null) return null;
            s.filledBy = cs.muted ? 0 : cs.dma(mvin.apply(s.base), s.lastReader);
        }
        s.pinnedUntil = Math.max(s.pinnedUntil, pinTo);
        return s;
    }

    /** Claims an accumulator slot for tile t and moves its bias in; false if none is free yet. */
    private boolean startTile(Tile t, int now, int lastFold) {
        Slot acc = accPool.evict(List.of("acc", t.index()), now);
        if (acc == null) return false;
        for (Chunk c : pending) if (c.slot() == acc) { flushMvouts(); break; }  // its last tile must be stored first
        acc.pinnedUntil = lastFold;
        accOf.put(t.index(), acc);
        accReady.put(t.index(), bias ? loadBias(t, acc) : acc.lastMvout);
        return true;
    }

    /** Moves tile t's bias into every accumulator region of its slot; returns the last MVIN's number. */
    private int loadBias(Tile t, Slot acc) {
        int last = 0;
        for (int i = 0; i * sched.map.mStep() < t.mLen(); i++)
            for (int j = 0; j * cfg.cols() < t.nLen(); j++) {
                int rows = sched.map.dataflow() == SystolicConfig.Dataflow.WS ? Math.min(subRows, t.mLen() - i * subRows) : subRows;
                int addr = cs.muted ? 0 : operands.biasRow(t.n0() + j * cfg.cols());
                last = cs.dma(operands.mvin(Cmd.Target.ACC, addr, acc.base + (i * sched.map.nSubs() + j) * subRows, rows, true), acc.lastWriter);
            }
        return last;
    }

    private void compute(Fold g, Slot a, Slot b) {
        Slot acc = accOf.get(g.tile());
        boolean ws = sched.map.dataflow() == SystolicConfig.Dataflow.WS;
        int off = g.k0() - g.stepK0(), accRow = acc.base + g.sub() * subRows;
        Cmd.Builder c = new Cmd.Builder(Op.COMPUTE).set(Field.A_ROW, a.base + (ws ? 0 : off)).set(Field.T, ws ? g.mLen() : g.kLen())
                .set(Field.ACC_ROW, accRow).set(Field.ACCUMULATE, g.first() && !bias ? 0 : 1).set(Field.MACS, g.macs());
        if (ws) cs.preload(new Cmd.Builder(Op.PRELOAD).set(Field.B_ROW, b.base), b.filledBy);
        else c.set(Field.B_ROW, b.base + off);
        int n = cs.compute(c, Math.max(Math.max(a.filledBy, ws ? 0 : b.filledBy), accReady.get(g.tile())), 0);
        a.lastReader = b.lastReader = acc.lastWriter = n;
        if (g.last()) {
            if (!cs.muted) tileEnds.add(n);
            deferMvout(sched.tiles.get(g.tile()), acc);
        } else if (mvoutDelay > 0) mvoutDelay--;
        else if (!pending.isEmpty()) pending.poll().emit().run();
    }

    /** Functional warming: moves in the blocks left resident by the skipped tiles that the emitted folds use. */
    private void warm(List<Fold> emitted) {
        cs.muted = false;
        Map<Object, Fold> firstUse = new HashMap<>();
        for (Fold g : emitted) {
            firstUse.putIfAbsent(List.of("A", g.m0(), g.stepK0()), g);
            firstUse.putIfAbsent(List.of("B", g.stepK0(), g.n0()), g);
        }
        for (Pool p : List.of(aPool, bPool))
            for (Slot s : p.slots) {
                s.lastReader = 0;
                Fold g = s.key == null ? null : firstUse.get(s.key);
                s.filledBy = g == null ? 0 : cs.dma(p == aPool ? mvinA(s.key, g, s.base) : mvinB(s.key, g, s.base), 0);
            }
        for (Slot s : accPool.slots) s.lastWriter = s.lastMvout = s.filledBy = 0;
        accReady.replaceAll((t, v) -> 0);
        // tiles of the range whose accumulator was claimed while muted (lookahead) still need their bias
        int first = emitted.get(0).tile();
        if (bias) accOf.forEach((t, acc) -> { if (t >= first) accReady.put(t, loadBias(sched.tiles.get(t), acc)); });
    }

    /**
     * Queues tile t's MVOUTs in chunks of at least 8 rows (whole packed beats), one emitted after each
     * COMPUTE of the next tile from its second on, so the stores spread out instead of holding up its loads.
     */
    private void deferMvout(Tile t, Slot acc) {
        flushMvouts();
        if (cs.muted) return;
        int steps = Math.max(1, sched.folds(t).size()), writer = acc.lastWriter;
        for (int i = 0; i * sched.map.mStep() < t.mLen(); i++)
            for (int j = 0; j * cfg.cols() < t.nLen(); j++) {
                int m0 = t.m0() + i * sched.map.mStep(), n0 = t.n0() + j * cfg.cols(), base = acc.base + (i * sched.map.nSubs() + j) * subRows;
                int rows = Math.min(sched.map.mStep(), t.mLen() - i * sched.map.mStep()), cols = Math.min(cfg.cols(), t.nLen() - j * cfg.cols());
                int addr = operands.image().alloc(((long) rows * outStride + cfg.busBytes() - 1) / cfg.busBytes());
                outTiles.add(new SystolicProgram.OutTile(addr, m0, n0, rows, cols, t.index()));
                int subs = sched.map.mSubs() * sched.map.nSubs();
                int chunk = (Math.max(8, (int) ((long) rows * subs / steps + 1)) + outPack - 1) / outPack * outPack;
                for (int r0 = 0; r0 < rows; r0 += chunk) {
                    int first = r0, nr = Math.min(chunk, rows - r0);
                    pending.add(new Chunk(acc, () -> acc.lastMvout = cs.dma(new Cmd.Builder(Op.MVOUT).set(Field.DRAM_ADDR,
                            addr + first * outStride).set(Field.LOCAL_ROW, base + first).set(Field.ROWS, nr), writer)));
                }
            }
        mvoutDelay = 1;
    }

    private void flushMvouts() {
        while (!pending.isEmpty()) pending.poll().emit().run();
    }

    /** Block length <= max splitting n into equal blocks (no short last fold that cannot hide a weight load). */
    static int balanced(int n, int max) {
        int blocks = (n + max - 1) / max;
        return (n + blocks - 1) / blocks;
    }
}
