package io.rtlbench.testbenches.simt;

import io.rtlbench.testbenches.simt.RandomProgram.If;
import io.rtlbench.testbenches.simt.RandomProgram.Ins;
import io.rtlbench.testbenches.simt.RandomProgram.Loop;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The reference for {@link RandomProgram}: runs one warp's threads in lock-step, as the SIMT core
 * must behave (an if/else runs its then-threads, then its else-threads; a loop keeps the threads
 * whose trip count is not reached), and records per thread every register write (traced registers
 * only) and every store, in program order. It also measures the divergence the warp reaches: how
 * many if/else blocks split the active threads, how many loops ran with threads leaving at
 * different iterations, and the deepest nesting of such divergent regions.
 */
final class WarpInterpreter {
    /** One register write or store of one thread; {@code by} is the instruction that made it. */
    record Write(int reg, int value, Ins by) {}

    record Store(int offset, int size, int value, Ins by) {}

    /** Divergence reached by a warp: splits that divided the active threads, divergent loops, deepest nesting. */
    record Divergence(int splits, int divergentSplits, int divergentLoops, int maxDepth) {}

    /** Registers the hardware trace is compared on: work registers, loop counters and trip counts, predicates. */
    static boolean traced(int reg) { return reg >= 1 && reg <= 19 || reg == 25 || reg == 27 || reg == 29 || reg == 30 || reg == 31; }

    final List<List<Write>> writes = new ArrayList<>();
    final List<List<Store>> stores = new ArrayList<>();
    private final int[][] x;
    private final byte[][] mem;
    private int splits, divergentSplits, divergentLoops, maxDepth;

    /** Runs the threads {@code firstThread .. firstThread + threads - 1} (one warp). */
    WarpInterpreter(RandomProgram p, int firstThread, int threads) {
        x = new int[threads][32];
        mem = new byte[threads][RandomProgram.SCRATCH];
        BitSet all = new BitSet();
        for (int l = 0; l < threads; l++) {
            x[l][21] = firstThread + l;
            writes.add(new ArrayList<>());
            stores.add(new ArrayList<>());
            for (int r = 1; r <= 15; r++) write(l, r, p.initial[firstThread + l][r], null);
            all.set(l);
        }
        run(p.program, all, 0);
    }

    Divergence divergence() { return new Divergence(splits, divergentSplits, divergentLoops, maxDepth); }

    private void run(List<Object> items, BitSet active, int depth) {
        maxDepth = Math.max(maxDepth, depth);
        for (Object o : items) {
            if (o instanceof If f) {
                f.pred().forEach(i -> exec(i, active));
                BitSet taken = new BitSet(), other = new BitSet();
                active.stream().forEach(l -> (x[l][f.predReg()] != 0 ? taken : other).set(l));
                boolean split = !taken.isEmpty() && !other.isEmpty();
                splits++;
                if (split) divergentSplits++;
                if (!taken.isEmpty()) run(f.then(), taken, depth + (split ? 1 : 0));
                if (!other.isEmpty()) run(f.otherwise(), other, depth + (split ? 1 : 0));
            } else if (o instanceof Loop l) {
                l.setup().forEach(i -> exec(i, active));
                BitSet cur = (BitSet) active.clone();
                boolean diverged = false;
                while (true) {
                    exec(l.test(), cur);
                    BitSet next = new BitSet();
                    cur.stream().filter(t -> x[t][l.predReg()] != 0).forEach(next::set);
                    if (next.isEmpty()) break;
                    boolean partial = !next.equals(active);
                    diverged |= partial;
                    run(l.body(), next, depth + (partial ? 1 : 0));
                    exec(l.increment(), next);
                    cur = next;
                }
                if (diverged) divergentLoops++;
            } else exec((Ins) o, active);
        }
    }

    private void exec(Ins i, BitSet active) {
        for (int l = active.nextSetBit(0); l >= 0; l = active.nextSetBit(l + 1)) exec(i, l);
    }

    private void exec(Ins i, int l) {
        int[] r = x[l];
        byte[] m = mem[l];
        int a = r[i.rs1()], v = r[i.rs2()], imm = i.imm(), res;
        switch (i.op()) {
            case "sb", "sh", "sw" -> {
                int n = i.op().equals("sb") ? 1 : i.op().equals("sh") ? 2 : 4;
                for (int k = 0; k < n; k++) m[imm + k] = (byte) (v >>> (8 * k));
                stores.get(l).add(new Store(imm, n, n == 4 ? v : v & ((1 << (8 * n)) - 1), i));
                return;
            }
            case "lb" -> res = m[imm];
            case "lbu" -> res = m[imm] & 0xFF;
            case "lh" -> res = (short) ((m[imm] & 0xFF) | (m[imm + 1] << 8));
            case "lhu" -> res = (m[imm] & 0xFF) | ((m[imm + 1] & 0xFF) << 8);
            case "lw" -> res = (m[imm] & 0xFF) | ((m[imm + 1] & 0xFF) << 8) | ((m[imm + 2] & 0xFF) << 16) | (m[imm + 3] << 24);
            case "lui" -> res = imm << 12;
            default -> res = alu(i.op(), a, List.of(RandomProgram.I).contains(i.op()) ? imm : v);
        }
        write(l, i.rd(), res, i);
    }

    private void write(int l, int reg, int value, Ins by) {
        if (reg == 0) return;
        x[l][reg] = value;
        if (traced(reg)) writes.get(l).add(new Write(reg, value, by));
    }

    static int alu(String op, int a, int b) {
        long ua = a & 0xFFFF_FFFFL, ub = b & 0xFFFF_FFFFL;
        return switch (op) {
            case "add", "addi" -> a + b;
            case "sub" -> a - b;
            case "sll", "slli" -> a << (b & 31);
            case "slt", "slti" -> a < b ? 1 : 0;
            case "sltu", "sltiu" -> Integer.compareUnsigned(a, b) < 0 ? 1 : 0;
            case "xor", "xori" -> a ^ b;
            case "srl", "srli" -> a >>> (b & 31);
            case "sra", "srai" -> a >> (b & 31);
            case "or", "ori" -> a | b;
            case "and", "andi" -> a & b;
            case "mul" -> a * b;
            case "mulh" -> (int) (((long) a * b) >> 32);
            case "mulhsu" -> (int) (((long) a * ub) >> 32);
            case "mulhu" -> (int) ((ua * ub) >>> 32);
            case "div" -> b == 0 ? -1 : (a == Integer.MIN_VALUE && b == -1) ? a : a / b;
            case "divu" -> b == 0 ? -1 : (int) (ua / ub);
            case "rem" -> b == 0 ? a : (a == Integer.MIN_VALUE && b == -1) ? 0 : a % b;
            case "remu" -> b == 0 ? a : (int) (ua % ub);
            default -> throw new IllegalArgumentException(op);
        };
    }
}
