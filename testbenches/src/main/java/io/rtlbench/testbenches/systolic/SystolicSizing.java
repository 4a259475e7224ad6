package io.rtlbench.testbenches.systolic;

import io.rtlbench.rtl.systolic.SystolicConfig;
import io.rtlbench.testbenches.systolic.Schedule.Tile;
import java.util.List;

/**
 * What the host needs to know before building the emulator, from layer shapes alone (no tensors):
 * the command-memory entries and off-chip bytes a layer's program needs, in full or sampled, and
 * the output tiles the sampler draws from. Compilation itself does not depend on these sizes, so a
 * host sizes the memories once for all layers of a run ({@link Requirements#max}, then
 * {@link Requirements#applyTo}) and builds one emulator.
 */
public final class SystolicSizing {
    private SystolicSizing() {}

    /** What a program needs of the emulator: command-memory entries and off-chip bytes. */
    public record Requirements(int commands, long offchipBytes) {
        /** The smallest power-of-two command memory (at least 16) that holds the program. */
        public int cmdDepth() {
            if (commands > SystolicConfig.MAX_CMD_DEPTH)
                throw new IllegalArgumentException("the program has " + commands + " commands; the command memory holds at most "
                        + SystolicConfig.MAX_CMD_DEPTH + " (SystolicConfig.MAX_CMD_DEPTH): use sampled emulation for this layer");
            return Math.max(16, Integer.highestOneBit(Math.max(1, commands - 1)) << 1);
        }

        /** The smallest power-of-two off-chip memory (at least 1 MiB) that holds the image. */
        public long offchipSize() {
            long size = Math.max(1L << 20, Long.highestOneBit(Math.max(1, offchipBytes - 1)) << 1);
            if (size > 1L << 30)
                throw new IllegalArgumentException("the program needs " + offchipBytes + " bytes off-chip; the model holds at most 1 GiB");
            return size;
        }

        public Requirements max(Requirements o) { return new Requirements(Math.max(commands, o.commands), Math.max(offchipBytes, o.offchipBytes)); }

        /** {@code cfg} with memories at least this large (its own sizes kept when larger). */
        public SystolicConfig applyTo(SystolicConfig cfg) {
            return new SystolicConfig(cfg.array(), cfg.memories(), cfg.offchip().withSize(Math.max(cfg.offchip().sizeBytes(), offchipSize())),
                    Math.max(cfg.cmdDepth(), cmdDepth()));
        }
    }

    /** An output tile of the schedule (a sampling unit): C rows [m0, m0 + rows) x columns [n0, n0 + cols), in run order. */
    public record OutputTile(int index, int m0, int rows, int n0, int cols) {}

    /** Commands and off-chip bytes of the whole program of an M x K x N GEMM (a dry compile). */
    public static Requirements requirements(SystolicConfig cfg, int m, int k, int n, boolean bias, boolean requant, WeightStructure st) {
        return SystolicCompiler.dryRun(cfg, m, k, n, bias, requant, st);
    }

    /** {@link #requirements} of a job. */
    public static Requirements requirements(SystolicConfig cfg, GemmJob job, WeightStructure st) {
        return requirements(cfg, job.m(), job.k(), job.n(), job.bias() != null, job.requant() != null, st);
    }

    /** The independent output tiles of the mapping the compiler picks, in run order. */
    public static List<OutputTile> tiles(SystolicConfig cfg, int m, int k, int n, boolean bias, boolean requant, WeightStructure st) {
        return schedule(cfg, m, k, n, bias, requant, st).tiles.stream()
                .map(t -> new OutputTile(t.index(), t.m0(), t.mLen(), t.n0(), t.nLen())).toList();
    }

    /**
     * An upper bound on what any program of {@link SystolicCompiler#compileTiles} with at most
     * {@code span} consecutive tiles needs (sampled emulation: {@link SystolicTiledLayer#SPAN}): per tile at most five commands
     * per fold plus two per output block, its operand blocks and outputs (and bias) in the image;
     * plus the warming loads (at most every scratchpad slot) and CONFIG/END.
     */
    public static Requirements sampleRequirements(SystolicConfig cfg, int m, int k, int n, boolean bias, boolean requant,
                                                  WeightStructure st, int span) {
        Schedule s = schedule(cfg, m, k, n, bias, requant, st);
        Mapping map = s.map;
        boolean ws = map.dataflow() == SystolicConfig.Dataflow.WS;
        int spad = cfg.memories().spadRows(), bus = cfg.busBytes();
        long rowBytes = (long) (cfg.beatsA() + cfg.beatsB()) * bus, worstCmds = 0, worstBytes = 0;
        for (Tile t : s.tiles) {
            int folds = s.folds(t).size(), blocks = Schedule.ceil(t.mLen(), map.mStep()) * Schedule.ceil(t.nLen(), cfg.cols());
            worstCmds = Math.max(worstCmds, 5L * folds + 2L * blocks);
            worstBytes = Math.max(worstBytes, (long) folds * (ws ? t.mLen() + cfg.rows() : 2L * map.kStep()) * rowBytes
                    + (long) t.mLen() * Schedule.ceil(t.nLen(), cfg.cols()) * 2 * cfg.beatsAcc() * bus);
        }
        long warmCmds = spad / (ws ? map.mStep() : map.kStep()) + spad / (ws ? cfg.rows() : map.kStep());
        long warmBytes = 2L * spad * bus * Math.max(cfg.beatsA(), cfg.beatsB());
        return new Requirements((int) Math.min(Integer.MAX_VALUE, span * worstCmds + warmCmds + 2), span * worstBytes + warmBytes);
    }

    static Schedule schedule(SystolicConfig cfg, int m, int k, int n, boolean bias, boolean requant, WeightStructure st) {
        return new Schedule(cfg, Mapping.choose(cfg, m, k, n, st, bias, requant ? 1 : 4), m, k, n, st);
    }
}
