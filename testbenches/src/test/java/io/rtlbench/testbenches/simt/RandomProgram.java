package io.rtlbench.testbenches.simt;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random RV32IM program for the SIMT core: ALU, immediates, LUI, multiply, divide, loads and
 * stores of every width to a per-thread scratch area, and (when divergent) if/else blocks compiled
 * to SPLIT / branch / JOIN and loops compiled to PRED whose trip count differs per thread, nested up
 * to 3 deep. Predicates and trip counts come from per-thread data: every thread starts with its own
 * random x1..x15 (a table in .data) and predicates may mix in the hart id, so warps really split.
 * {@link WarpInterpreter} gives the reference trace. Registers: x1..x15 random work; per nesting
 * level L: loop counter x(16+L), trip count x19/x30/x31, SPLIT token or loop mask x(24+2L),
 * predicate x(25+2L); x20 scratch base, x21 hart id, x22 init pointer, x23 a marker written just
 * before the traced part starts (then the dump pointer).
 */
final class RandomProgram {
    static final String[] R = {"add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
        "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"};
    static final String[] I = {"addi", "slti", "sltiu", "xori", "ori", "andi", "slli", "srli", "srai"};
    static final String[] LD = {"lb", "lh", "lw", "lbu", "lhu"}, ST = {"sb", "sh", "sw"};
    static final int SCRATCH = 256, THREADS = 64, MAX_LEVEL = 3, MARKER = 0xABCDE;
    static final int[] TRIP_REG = {19, 30, 31};

    record Ins(String op, int rd, int rs1, int rs2, int imm) {
        @Override public String toString() { return op + " rd=x" + rd + " rs1=x" + rs1 + " rs2=x" + rs2 + " imm=" + imm; }
    }

    /** if/else: {@code pred} computes x{@code predReg}; threads with it non-zero run {@code then}. */
    record If(int level, List<Ins> pred, List<Object> then, List<Object> otherwise) {
        int predReg() { return 25 + 2 * level; }
        int tokenReg() { return 24 + 2 * level; }
    }

    /** Loop: {@code setup} sets the trip count and zeroes the counter; per iteration counter <u trip, body, counter + 1. */
    record Loop(int level, List<Ins> setup, List<Object> body) {
        int counter() { return 16 + level; }
        int trip() { return TRIP_REG[level]; }
        int maskReg() { return 24 + 2 * level; }
        int predReg() { return 25 + 2 * level; }
        Ins test() { return new Ins("sltu", predReg(), counter(), trip(), 0); }
        Ins increment() { return new Ins("addi", counter(), counter(), 0, 1); }
    }

    final List<Object> program = new ArrayList<>();
    /** Initial x1..x15 of every thread (index [thread][reg]). */
    final int[][] initial = new int[THREADS][16];
    private final Random rnd;
    private int labels;

    /** About {@code length} straight-line instructions; with {@code divergent}, about one item in six is an if/else or a loop. */
    RandomProgram(long seed, int length, boolean divergent) {
        rnd = new Random(seed);
        for (int[] t : initial) for (int r = 1; r < 16; r++) t[r] = rnd.nextInt();
        fill(program, length, divergent ? 0 : MAX_LEVEL);
    }

    private void fill(List<Object> out, int budget, int level) {
        while (budget > 0) {
            if (level < MAX_LEVEL && rnd.nextInt(6) == 0) {
                int len = 1 + rnd.nextInt(Math.max(1, Math.min(level == 0 ? 12 : 6, budget)));
                if (rnd.nextInt(5) < 3) {
                    List<Object> a = new ArrayList<>(), b = new ArrayList<>();
                    fill(a, len, level + 1);
                    fill(b, rnd.nextInt(len + 1), level + 1);
                    out.add(new If(level, predicate(25 + 2 * level), a, b));
                } else {
                    List<Object> body = new ArrayList<>();
                    fill(body, Math.min(len, 5), level + 1);
                    Loop l = new Loop(level, new ArrayList<>(), body);
                    l.setup().addAll(tripCount(l.trip()));
                    l.setup().add(new Ins("addi", l.counter(), 0, 0, 0));
                    out.add(l);
                }
                budget -= len;
                continue;
            }
            out.add(straight());
            budget--;
        }
    }

    /** x{@code p} = a predicate that differs between threads: a data bit, a comparison, or a data bit mixed with the hart id. */
    private List<Ins> predicate(int p) {
        int a = 1 + rnd.nextInt(15), b = 1 + rnd.nextInt(15);
        return switch (rnd.nextInt(3)) {
            case 0 -> List.of(new Ins("srli", p, a, 0, rnd.nextInt(32)), new Ins("andi", p, p, 0, 1));
            case 1 -> List.of(new Ins(rnd.nextBoolean() ? "slt" : "sltu", p, a, b, 0));
            default -> List.of(new Ins("xor", p, a, 21, 0), new Ins("andi", p, p, 0, 1 << rnd.nextInt(3)));
        };
    }

    /** Trip count 0..3 from thread data (mixed with the hart id half the time). */
    private List<Ins> tripCount(int t) {
        int a = 1 + rnd.nextInt(15);
        if (rnd.nextBoolean()) return List.of(new Ins("andi", t, a, 0, 3));
        return List.of(new Ins("add", t, a, 21, 0), new Ins("andi", t, t, 0, 3));
    }

    private Ins straight() {
        int rd = rnd.nextInt(16), a = rnd.nextInt(16), b = rnd.nextInt(16);  // x0 included
        switch (rnd.nextInt(12)) {
            case 0, 1, 2, 3 -> { return new Ins(R[rnd.nextInt(R.length)], rd, a, b, 0); }
            case 4, 5, 6 -> {
                String op = I[rnd.nextInt(I.length)];
                int imm = op.equals("slli") || op.equals("srli") || op.equals("srai") ? rnd.nextInt(32) : rnd.nextInt(4096) - 2048;
                return new Ins(op, rd, a, 0, imm);
            }
            case 7 -> { return new Ins("lui", rd, 0, 0, rnd.nextInt(1 << 20)); }
            case 8, 9 -> {
                String op = LD[rnd.nextInt(LD.length)];
                return new Ins(op, rd, 20, 0, align(rnd.nextInt(SCRATCH), op));
            }
            default -> {
                String op = ST[rnd.nextInt(ST.length)];
                return new Ins(op, 0, 20, b, align(rnd.nextInt(SCRATCH), op));
            }
        }
    }

    static int align(int off, String op) {
        int size = op.endsWith("w") ? 4 : op.startsWith("lh") || op.equals("sh") ? 2 : 1;
        return off / size * size;
    }

    String assembly() {
        StringBuilder b = new StringBuilder("#include \"test.h\"\nTEST_BEGIN\n    csrr x21, mhartid\n");
        b.append("    la x20, scratch; slli x22, x21, 8; add x20, x20, x22\n");
        b.append("    la x22, init; slli x23, x21, 6; add x22, x22, x23\n");
        b.append(String.format("    lui x23, 0x%x%n", MARKER));
        for (int r = 1; r <= 15; r++) b.append(String.format("    lw x%d, %d(x22)%n", r, 4 * r));
        emit(b, program);
        b.append("    la x23, dump; slli x22, x21, 6; add x23, x23, x22\n");
        for (int r = 1; r <= 15; r++) b.append(String.format("    sw x%d, %d(x23)%n", r, 4 * r));
        b.append("    .insn r 0x0b, 0, 0, x0, x0, x0\n99: j 99b\n    .data\n    .align 6\ninit:\n");
        for (int[] t : initial)
            for (int r = 0; r < 16; r++) b.append("    .word ").append(t[r]).append('\n');
        b.append("scratch: .space ").append(SCRATCH * THREADS).append("\ndump: .space ").append(64 * THREADS).append('\n');
        return b.toString();
    }

    private void emit(StringBuilder b, List<Object> items) {
        for (Object o : items) {
            if (o instanceof If f) {
                int id = labels++;
                f.pred().forEach(i -> emit(b, i));
                b.append(String.format("    .insn r 0x0b, 2, 0, x%d, x%d, x0%n    beqz x%d, else%d%n", f.tokenReg(), f.predReg(), f.predReg(), id));
                emit(b, f.then());
                b.append(String.format("    j join%d%nelse%d:%n", id, id));
                emit(b, f.otherwise());
                b.append(String.format("join%d:%n    .insn r 0x0b, 3, 0, x0, x%d, x0%n", id, f.tokenReg()));
            } else if (o instanceof Loop l) {
                int id = labels++;
                l.setup().forEach(i -> emit(b, i));
                b.append(String.format("    csrr x%d, 0xCC4%nloop%d:%n", l.maskReg(), id));
                emit(b, l.test());
                b.append(String.format("    .insn r 0x0b, 5, 0, x0, x%d, x%d%n    beqz x%d, end%d%n", l.predReg(), l.maskReg(), l.predReg(), id));
                emit(b, l.body());
                emit(b, l.increment());
                b.append(String.format("    j loop%d%nend%d:%n", id, id));
            } else emit(b, (Ins) o);
        }
    }

    private static void emit(StringBuilder b, Ins i) {
        if (i.op().equals("lui")) b.append(String.format("    lui x%d, %d%n", i.rd(), i.imm()));
        else if (i.op().startsWith("l")) b.append(String.format("    %s x%d, %d(x%d)%n", i.op(), i.rd(), i.imm(), i.rs1()));
        else if (i.op().startsWith("s") && i.op().length() == 2) b.append(String.format("    %s x%d, %d(x%d)%n", i.op(), i.rs2(), i.imm(), i.rs1()));
        else if (List.of(I).contains(i.op())) b.append(String.format("    %s x%d, x%d, %d%n", i.op(), i.rd(), i.rs1(), i.imm()));
        else b.append(String.format("    %s x%d, x%d, x%d%n", i.op(), i.rd(), i.rs1(), i.rs2()));
    }
}
