package io.rtlbench.testbenches.systolic;

import io.rtlbench.rtl.systolic.Cmd;
import io.rtlbench.rtl.systolic.Cmd.Field;
import io.rtlbench.rtl.systolic.Cmd.Op;
import io.rtlbench.rtl.systolic.SystolicConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A pure-Java reference of what the systolic core does with a command stream, written from the
 * command definitions ({@link Cmd}) and the off-chip layout rules of {@link SystolicConfig}, not
 * from the compiler: commands run one after another (the order the in-order dispatcher and the
 * waits guarantee when the waits are right), on scratchpads, an accumulator and a copy of the
 * off-chip image; the final image holds the results. {@link #hazards} checks the waits: every
 * command that touches rows another unit touched before it must, through its own waits or those of
 * a command dispatched before it, wait for that command's completion.
 */
final class CommandInterpreter {
    private CommandInterpreter() {}

    /** Runs the program; returns the final off-chip memory bytes. */
    static byte[] run(SystolicProgram p) {
        SystolicConfig cfg = p.config();
        int r = cfg.rows(), c = cfg.cols(), bus = cfg.busBytes();
        byte[] mem = java.util.Arrays.copyOf(OffChipImage.toBytes(p.image().words(), bus), Math.max(p.image().size(), 1));
        byte[][] spadA = new byte[cfg.memories().spadRows()][r], spadB = new byte[cfg.memories().spadRows()][c];
        int[][] acc = new int[cfg.memories().accRows()][c];
        byte[][] weights = new byte[r][c];
        Requant rq = null;
        for (Cmd.Builder b : p.commands()) {
            BigInteger cmd = b.bits();
            long addr = Cmd.get(cmd, Field.DRAM_ADDR);
            int local = (int) Cmd.get(cmd, Field.LOCAL_ROW), rows = (int) Cmd.get(cmd, Field.ROWS);
            switch (b.op()) {
                case CONFIG -> rq = Cmd.get(cmd, Field.RAW) == 1 ? null
                        : new Requant((int) Cmd.get(cmd, Field.SCALE), (int) Cmd.get(cmd, Field.SHIFT), Cmd.get(cmd, Field.RELU) == 1);
                case MVIN -> {
                    int target = (int) Cmd.get(cmd, Field.TARGET);
                    boolean repeat = Cmd.get(cmd, Field.REPEAT) == 1;
                    for (int i = 0; i < rows; i++) {
                        int src = repeat ? 0 : i;
                        if (target == Cmd.Target.SPAD_A.ordinal()) copy(mem, addr + rowAt(src, r, cfg.packA(), cfg.beatsA(), bus), spadA[local + i]);
                        else if (target == Cmd.Target.SPAD_B.ordinal()) copy(mem, addr + rowAt(src, c, cfg.packB(), cfg.beatsB(), bus), spadB[local + i]);
                        else for (int j = 0; j < c; j++) acc[local + i][j] = OffChipImage.get32(mem, (int) (addr + (long) src * cfg.beatsAcc() * bus + 4L * j));
                    }
                }
                case MVOUT -> {
                    for (int i = 0; i < rows; i++)
                        for (int j = 0; j < c; j++) {
                            int v = acc[local + i][j];
                            if (rq == null) put32(mem, addr + (long) i * cfg.beatsAcc() * bus + 4L * j, v);
                            else mem[(int) (addr + rowAt(i, c, cfg.packOut(), cfg.beatsOut8(), bus) + j)] = rq.apply(v);
                        }
                }
                case PRELOAD -> {
                    int base = (int) Cmd.get(cmd, Field.B_ROW);
                    for (int i = 0; i < r; i++) weights[i] = spadB[base + i].clone();
                }
                case COMPUTE -> compute(cfg, cmd, spadA, spadB, acc, weights);
                case END -> { }
            }
        }
        return mem;
    }

    private static void compute(SystolicConfig cfg, BigInteger cmd, byte[][] spadA, byte[][] spadB, int[][] acc, byte[][] w) {
        int r = cfg.rows(), c = cfg.cols(), t = (int) Cmd.get(cmd, Field.T), aRow = (int) Cmd.get(cmd, Field.A_ROW);
        int bRow = (int) Cmd.get(cmd, Field.B_ROW), accRow = (int) Cmd.get(cmd, Field.ACC_ROW);
        boolean add = Cmd.get(cmd, Field.ACCUMULATE) == 1;
        if (cfg.array().dataflow() == SystolicConfig.Dataflow.WS) {
            for (int s = 0; s < t; s++)  // row s: out[j] = sum over PE rows i of a[i] x w[i][j]
                for (int j = 0; j < c; j++) {
                    int sum = 0;
                    for (int i = 0; i < r; i++) sum += spadA[aRow + s][i] * w[i][j];
                    acc[accRow + s][j] = add ? acc[accRow + s][j] + sum : sum;
                }
        } else {
            for (int i = 0; i < r; i++)  // output (i, j) = sum over steps k of a[k][i] x b[k][j]
                for (int j = 0; j < c; j++) {
                    int sum = 0;
                    for (int k = 0; k < t; k++) sum += spadA[aRow + k][i] * spadB[bRow + k][j];
                    acc[accRow + i][j] = add ? acc[accRow + i][j] + sum : sum;
                }
        }
    }

    /** Byte offset of row {@code i} of {@code rowBytes}: packed {@code pack} rows a beat, or padded to {@code beats} beats. */
    static long rowAt(int i, int rowBytes, int pack, int beats, int bus) { return pack > 1 ? (long) i * rowBytes : (long) i * beats * bus; }

    private static void copy(byte[] mem, long at, byte[] row) { System.arraycopy(mem, (int) at, row, 0, row.length); }

    private static void put32(byte[] mem, long at, int v) { for (int i = 0; i < 4; i++) mem[(int) at + i] = (byte) (v >>> (8 * i)); }

    /** Rows a command reads or writes: memory (A, B, ACC), first row, count, written. */
    record Use(int memory, int first, int count, boolean write) {
        boolean conflicts(Use o) { return memory == o.memory && (write || o.write) && first < o.first + o.count && o.first < first + count; }
    }

    static List<Use> uses(SystolicConfig cfg, Cmd.Builder b) {
        BigInteger cmd = b.bits();
        int t = (int) Cmd.get(cmd, Field.T);
        return switch (b.op()) {
            case MVIN -> List.of(new Use((int) Cmd.get(cmd, Field.TARGET), (int) Cmd.get(cmd, Field.LOCAL_ROW), (int) Cmd.get(cmd, Field.ROWS), true));
            case MVOUT -> List.of(new Use(2, (int) Cmd.get(cmd, Field.LOCAL_ROW), (int) Cmd.get(cmd, Field.ROWS), false));
            case PRELOAD -> List.of(new Use(1, (int) Cmd.get(cmd, Field.B_ROW), cfg.rows(), false));
            case COMPUTE -> cfg.array().dataflow() == SystolicConfig.Dataflow.WS
                    ? List.of(new Use(0, (int) Cmd.get(cmd, Field.A_ROW), t, false), new Use(2, (int) Cmd.get(cmd, Field.ACC_ROW), t, true))
                    : List.of(new Use(0, (int) Cmd.get(cmd, Field.A_ROW), t, false), new Use(1, (int) Cmd.get(cmd, Field.B_ROW), t, false),
                              new Use(2, (int) Cmd.get(cmd, Field.ACC_ROW), cfg.rows(), true));
            default -> List.of();
        };
    }

    /** The first missing wait as text, or null: cross-unit conflicts must be ordered by (prefix) waits. */
    static String hazards(SystolicProgram p) {
        List<Cmd.Builder> cmds = p.commands();
        int n = cmds.size();
        int[] done = new int[n];  // completion number of each command in its unit (PRELOAD: its COMPUTE's)
        boolean[] dma = new boolean[n];
        int d = 0, c = 0;
        for (int i = 0; i < n; i++) {
            Op op = cmds.get(i).op();
            dma[i] = op == Op.CONFIG || op == Op.MVIN || op == Op.MVOUT;
            if (dma[i]) done[i] = ++d;
            else if (op == Op.COMPUTE) done[i] = ++c;
        }
        for (int i = n - 1, next = c + 1; i >= 0; i--) {
            if (cmds.get(i).op() == Op.COMPUTE) next = done[i];
            if (cmds.get(i).op() == Op.PRELOAD) done[i] = next;
        }
        long waitDma = 0, waitCompute = 0;
        // Earlier commands of each unit not yet ordered before the current one by the (monotone) prefix waits.
        java.util.ArrayDeque<Integer> openDma = new java.util.ArrayDeque<>(), openCompute = new java.util.ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            waitDma = Math.max(waitDma, Cmd.get(cmds.get(i).bits(), Field.WAIT_DMA));
            waitCompute = Math.max(waitCompute, Cmd.get(cmds.get(i).bits(), Field.WAIT_COMPUTE));
            while (!openDma.isEmpty() && done[openDma.peekFirst()] <= waitDma) openDma.pollFirst();
            while (!openCompute.isEmpty() && done[openCompute.peekFirst()] <= waitCompute) openCompute.pollFirst();
            List<Use> mine = uses(p.config(), cmds.get(i));
            for (int j : dma[i] ? openCompute : openDma)
                for (Use u : mine)
                    if (uses(p.config(), cmds.get(j)).stream().anyMatch(u::conflicts))
                        return "command " + i + " (" + Cmd.describe(cmds.get(i).bits()) + ") does not wait for command " + j + " ("
                                + Cmd.describe(cmds.get(j).bits()) + ")";
            if (!mine.isEmpty()) (dma[i] ? openDma : openCompute).addLast(i);
        }
        return null;
    }
}
