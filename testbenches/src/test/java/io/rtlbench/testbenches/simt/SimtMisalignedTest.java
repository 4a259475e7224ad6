package io.rtlbench.testbenches.simt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random loads and stores of every width at random byte offsets, different for every lane of a warp
 * instruction, in a 64-byte window per warp (global memory: four 16-byte bus beats; shared memory:
 * sixteen words), so one warp instruction mixes aligned accesses, accesses that straddle a beat
 * or a word, and lanes whose accesses share a word or a beat. The lanes of one store never write the
 * same byte (which lane wins is unspecified, as in CUDA); loads overlap freely. Checked
 * against a Java model of the same instruction stream: every value every thread loaded, and the
 * final bytes of every window. Seed from {@code -Drtlbench.seed}.
 */
class SimtMisalignedTest {
    static final long SEED = Long.getLong("rtlbench.seed", 3L);
    static final String[] OPS = {"lb", "lbu", "lh", "lhu", "lw", "sb", "sh", "sw"};
    static final int WINDOW = 64, SLOT = 128, OPS_PER_RUN = 60;  // 8 disjoint 4-byte stores always fit in 64 bytes

    @ParameterizedTest(name = "{2} memory on {0}x{1}")
    @CsvSource({"1, 8, global", "4, 8, global", "1, 8, shared", "4, 8, shared", "2, 4, global"})
    void randomMisalignedAccessesMatchTheModel(int w, int t, String where) {
        boolean shared = where.equals("shared");
        Random rnd = new Random(SEED * 31 + w * 7 + t + (shared ? 1 : 0));
        int[] op = new int[OPS_PER_RUN];
        int[][] off = new int[OPS_PER_RUN][t];
        StringBuilder asm = new StringBuilder("#include \"test.h\"\nTEST_BEGIN\n");
        // x18: this warp's window; x7: lane; x5: global thread id; x21: offsets table row; x22: where this thread's loads go
        asm.append("    csrr x6, 0xCC1; slli x6, x6, 7\n");
        asm.append(shared ? "    li x18, 0x70000100\n" : "    la x18, win\n");
        asm.append("    add x18, x18, x6; csrr x7, 0xCC0; csrr x5, mhartid; la x21, offs; add x21, x21, x7\n");
        asm.append(String.format("    la x22, loaded; li x9, %d; mul x9, x9, x5; add x22, x22, x9%n", 4 * OPS_PER_RUN));
        for (int k = 0; k < OPS_PER_RUN; k++) {
            op[k] = rnd.nextInt(OPS.length);
            int size = op[k] == 5 ? 1 : op[k] == 6 ? 2 : op[k] == 7 ? 4 : 0;
            boolean[] taken = new boolean[WINDOW];
            for (int l = 0; l < t; l++) {
                int a;
                do a = rnd.nextInt(WINDOW - 3); while (size > 0 && overlaps(taken, a, size));
                for (int i = 0; i < size; i++) taken[a + i] = true;
                off[k][l] = a;
            }
            asm.append(String.format("    lbu x8, %d(x21); add x8, x8, x18%n", 32 * k));
            if (op[k] >= 5) asm.append(String.format("    li x12, %d; addi x13, x5, 1; mul x12, x12, x13; %s x12, 0(x8)%n", value(k), OPS[op[k]]));
            else asm.append(String.format("    %s x13, 0(x8); sw x13, %d(x22)%n", OPS[op[k]], 4 * k));
        }
        if (shared) // copy the shared window out to global memory, word by word (aligned)
            for (int i = 0; i < WINDOW; i += 4) asm.append(String.format("    lw x9, %d(x18); la x8, win; csrr x6, 0xCC1; slli x6, x6, 7; add x8, x8, x6; sw x9, %d(x8)%n", i, i));
        asm.append("TEST_END\n    .data\n    .align 6\nwin: .space ").append(SLOT * w).append("\n    .align 6\nloaded: .space ").append(4 * OPS_PER_RUN * w * t)
                .append("\n    .align 6\noffs:\n");
        for (int k = 0; k < OPS_PER_RUN; k++) {
            asm.append("    .byte ");
            for (int l = 0; l < 32; l++) asm.append(l < t ? off[k][l] : 0).append(l < 31 ? ", " : "\n");
        }
        String name = "misaligned_" + SEED + "_" + w + "x" + t + "_" + where;
        SimtMachine m = SimtMachines.get(w, t);
        Elf elf = Elf.read(KernelBuild.asmText(name, asm.toString()));
        var r = SimtMachines.run(m, KernelBuild.asmText(name, asm.toString()), 1_000_000);
        assertEquals(1, r.tohost(), SimtMachines.verdict(r.tohost()));
        for (int warp = 0; warp < w; warp++) {
            byte[] mem = new byte[WINDOW + 4];
            int[][] loaded = new int[t][OPS_PER_RUN];
            for (int k = 0; k < OPS_PER_RUN; k++)
                for (int l = 0; l < t; l++) {
                    int a = off[k][l];
                    switch (OPS[op[k]]) {
                        case "sb" -> mem[a] = (byte) (value(k) * (warp * t + l + 1));
                        case "sh", "sw" -> {
                            int v = value(k) * (warp * t + l + 1);
                            for (int i = 0; i < (op[k] == 6 ? 2 : 4); i++) mem[a + i] = (byte) (v >>> (8 * i));
                        }
                        default -> loaded[l][k] = load(mem, a, OPS[op[k]]);
                    }
                }
            String ctx = String.format("%s, %dx%d, warp %d, seed %d (-Drtlbench.seed=%d)", where, w, t, warp, SEED, SEED);
            for (int k = 0; k < OPS_PER_RUN; k++)
                for (int l = 0; l < t && op[k] < 5; l++) {
                    int got = m.readWord(elf.symbol("loaded") + 4L * (OPS_PER_RUN * (warp * t + l) + k));
                    if (got != loaded[l][k]) assertEquals(loaded[l][k], got, ctx + ": instruction " + k + ", " + OPS[op[k]]
                            + " at offsets " + java.util.Arrays.toString(off[k]) + ", lane " + l);
                }
            byte[] got = m.readGlobal(elf.symbol("win") + (long) SLOT * warp, WINDOW);
            for (int i = 0; i < WINDOW; i++)
                assertEquals(mem[i], got[i], ctx + ": byte " + i + " of the window");
        }
    }

    static boolean overlaps(boolean[] taken, int a, int size) {
        for (int i = 0; i < size; i++) if (taken[a + i]) return true;
        return false;
    }

    static int value(int k) { return 0x01234567 * (2 * k + 1) ^ (k << 20); }

    static int load(byte[] mem, int a, String op) {
        int b0 = mem[a] & 0xFF, b1 = mem[a + 1] & 0xFF, w = b0 | b1 << 8 | (mem[a + 2] & 0xFF) << 16 | (mem[a + 3] & 0xFF) << 24;
        return switch (op) {
            case "lb" -> (byte) b0;
            case "lbu" -> b0;
            case "lh" -> (short) (b0 | b1 << 8);
            case "lhu" -> b0 | b1 << 8;
            default -> w;
        };
    }
}
