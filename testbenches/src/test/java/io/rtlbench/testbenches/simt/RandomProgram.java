package io.rtlbench.testbenches.simt;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random RV32IM program (ALU, immediates, LUI, multiply, divide, loads and stores of every width
 * to a per-thread scratch area; optionally nested divergent if/else blocks on thread data, compiled
 * to SPLIT / branch / JOIN) with its reference result: the registers x1..x15 of
 * every thread, computed by a small Java interpreter. Registers start thread-dependent, so every
 * lane computes something different; dependency chains are dense (15 registers) to stress the
 * scoreboard, the LSU slots and the divider. x20 holds the thread's scratch base, x21 its hart id.
 */
final class RandomProgram {
    static final String[] R = {"add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
        "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"};
    static final String[] I = {"addi", "slti", "sltiu", "xori", "ori", "andi", "slli", "srli", "srai"};
    static final String[] LD = {"lb", "lh", "lw", "lbu", "lhu"}, ST = {"sb", "sh", "sw"};
    static final int SCRATCH = 256;

    record Ins(String op, int rd, int rs1, int rs2, int imm) {}

    /** A divergent if/else: the threads whose x{@code pred} has bit {@code bit} set run {@code then}. */
    record If(int pred, int bit, int level, List<Object> then, List<Object> otherwise) {}

    final List<Ins> body = new ArrayList<>();
    /** Straight-line instructions and {@link If} blocks, in program order. */
    final List<Object> program = new ArrayList<>();
    private int labels;

    RandomProgram(long seed, int length) { this(seed, length, false); }

    /** With {@code divergent}, about one item in eight is an if/else (nested up to 3 deep) on thread data. */
    RandomProgram(long seed, int length, boolean divergent) {
        Random rnd = new Random(seed);
        fill(rnd, program, length, divergent ? 0 : 3);
    }

    private void fill(Random rnd, List<Object> out, int length, int level) {
        for (int n = 0; n < length; n++) {
            if (level < 3 && rnd.nextInt(8) == 0) {
                List<Object> a = new ArrayList<>(), b = new ArrayList<>();
                int len = 1 + rnd.nextInt(Math.max(1, Math.min(12, length - n)));
                fill(rnd, a, len, level + 1);
                fill(rnd, b, rnd.nextInt(len + 1), level + 1);
                out.add(new If(1 + rnd.nextInt(15), rnd.nextInt(8), level, a, b));
                n += len;
                continue;
            }
            int before = body.size();
            straight(rnd);
            out.add(body.get(before));
        }
    }

    private void straight(Random rnd) {
        {
            int rd = rnd.nextInt(16), a = rnd.nextInt(16), b = rnd.nextInt(16);  // x0 included
            switch (rnd.nextInt(6)) {
                case 0, 1 -> body.add(new Ins(R[rnd.nextInt(R.length)], rd, a, b, 0));
                case 2 -> {
                    String op = I[rnd.nextInt(I.length)];
                    int imm = op.equals("slli") || op.equals("srli") || op.equals("srai") ? rnd.nextInt(32) : rnd.nextInt(4096) - 2048;
                    body.add(new Ins(op, rd, a, 0, imm));
                }
                case 3 -> body.add(new Ins("lui", rd, 0, 0, rnd.nextInt(1 << 20)));
                case 4 -> {
                    String op = LD[rnd.nextInt(LD.length)];
                    body.add(new Ins(op, rd, 20, 0, align(rnd.nextInt(SCRATCH), op)));
                }
                default -> {
                    String op = ST[rnd.nextInt(ST.length)];
                    body.add(new Ins(op, 0, 20, b, align(rnd.nextInt(SCRATCH), op)));
                }
            }
        }
    }

    static int align(int off, String op) {
        int size = op.endsWith("w") ? 4 : op.startsWith("lh") || op.equals("sh") ? 2 : 1;
        return off / size * size;
    }

    static int initial(int r, int gtid) { return 0x9E3779B9 * r ^ (gtid << (r % 31)) ^ (r * 0x01010101); }

    String assembly() {
        StringBuilder b = new StringBuilder("#include \"test.h\"\nTEST_BEGIN\n    csrr x21, mhartid\n");
        for (int r = 1; r <= 15; r++)
            b.append(String.format("    li x%d, %d; sll x22, x21, %d; xor x%d, x%d, x22%n", r, 0x9E3779B9 * r ^ (r * 0x01010101), r % 31, r, r));
        b.append("    la x20, scratch; slli x22, x21, 8; add x20, x20, x22\n");
        emit(b, program);
        b.append("    la x23, dump; slli x22, x21, 6; add x23, x23, x22\n");
        for (int r = 1; r <= 15; r++) b.append(String.format("    sw x%d, %d(x23)%n", r, 4 * r));
        b.append("    .insn r 0x0b, 0, 0, x0, x0, x0\n99: j 99b\n    .data\n    .align 6\n");
        b.append("scratch: .space ").append(SCRATCH * 1024).append("\ndump: .space ").append(64 * 1024).append('\n');
        return b.toString();
    }

    /** if/else as SPLIT, a branch on the predicate, JOIN (token in x24 + 2 level, predicate in x25 + 2 level). */
    private void emit(StringBuilder b, List<Object> items) {
        for (Object o : items) {
            if (o instanceof If f) {
                int tok = 24 + 2 * f.level, pred = 25 + 2 * f.level, id = labels++;
                b.append(String.format("    srli x%d, x%d, %d; andi x%d, x%d, 1%n", pred, f.pred, f.bit, pred, pred));
                b.append(String.format("    .insn r 0x0b, 2, 0, x%d, x%d, x0%n", tok, pred));
                b.append(String.format("    beqz x%d, else%d%n", pred, id));
                emit(b, f.then);
                b.append(String.format("    j join%d%nelse%d:%n", id, id));
                emit(b, f.otherwise);
                b.append(String.format("join%d:%n    .insn r 0x0b, 3, 0, x0, x%d, x0%n", id, tok));
                continue;
            }
            Ins i = (Ins) o;
            if (i.op.equals("lui")) b.append(String.format("    lui x%d, %d%n", i.rd, i.imm));
            else if (i.op.startsWith("l")) b.append(String.format("    %s x%d, %d(x%d)%n", i.op, i.rd, i.imm, i.rs1));
            else if (i.op.startsWith("s") && i.op.length() == 2) b.append(String.format("    %s x%d, %d(x%d)%n", i.op, i.rs2, i.imm, i.rs1));
            else if (List.of(I).contains(i.op)) b.append(String.format("    %s x%d, x%d, %d%n", i.op, i.rd, i.rs1, i.imm));
            else b.append(String.format("    %s x%d, x%d, x%d%n", i.op, i.rd, i.rs1, i.rs2));
        }
    }

    /** x1..x15 (index 1..15) at the end, for thread gtid. */
    int[] expected(int gtid) {
        int[] x = new int[32];
        for (int r = 1; r <= 15; r++) x[r] = initial(r, gtid);
        run(program, x, new byte[SCRATCH]);
        return x;
    }

    private static void run(List<Object> items, int[] x, byte[] mem) {
        for (Object o : items) {
            if (o instanceof If f) {
                run(((x[f.pred] >>> f.bit) & 1) != 0 ? f.then : f.otherwise, x, mem);
                continue;
            }
            Ins i = (Ins) o;
            int a = x[i.rs1], v = x[i.rs2], imm = i.imm, res;
            switch (i.op) {
                case "sb", "sh", "sw" -> {
                    int n = i.op.equals("sb") ? 1 : i.op.equals("sh") ? 2 : 4;
                    for (int k = 0; k < n; k++) mem[imm + k] = (byte) (v >>> (8 * k));
                    continue;
                }
                case "lb" -> res = mem[imm];
                case "lbu" -> res = mem[imm] & 0xFF;
                case "lh" -> res = (short) ((mem[imm] & 0xFF) | (mem[imm + 1] << 8));
                case "lhu" -> res = (mem[imm] & 0xFF) | ((mem[imm + 1] & 0xFF) << 8);
                case "lw" -> res = (mem[imm] & 0xFF) | ((mem[imm + 1] & 0xFF) << 8) | ((mem[imm + 2] & 0xFF) << 16) | (mem[imm + 3] << 24);
                case "lui" -> res = imm << 12;
                default -> res = alu(i.op, a, List.of(I).contains(i.op) ? imm : v);
            }
            if (i.rd != 0) x[i.rd] = res;
        }
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
