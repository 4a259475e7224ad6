package io.rtlbench.testbenches.simt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rtlbench.rtl.simt.SimtConfig;
import io.rtlbench.rtl.simt.SimtIsa;
import io.rtlbench.rtl.simt.TensorShape;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The datapath instructions, one at a time, against Java references: dp4a (rd + four signed byte
 * products, every lane its own operands, edge values -128 and 127) and mma (one tile per warp with
 * the fragment layout documented in TensorUnit: each lane loads its A, B and C words from tables the
 * test laid out by that layout, runs one mma, stores its D words). Also: each op is an illegal
 * instruction on a datapath without it. Seed from -Drtlbench.seed.
 */
class SimtDatapathTest {
    static final long SEED = Long.getLong("rtlbench.seed", 5L);

    /** Per thread (global id g): a word pair of operands in, the result out. */
    @ParameterizedTest(name = "dp4a on {0}")
    @ValueSource(strings = {"1x8,dp4a", "4x8,tensor"})
    void dp4aIsTheSignedByteDotProductPlusRd(String spec) {
        SimtMachine m = SimtMachines.get(spec);
        int n = m.config().warps() * m.config().threads(), rounds = 6;
        Random rnd = new Random(SEED);
        int[] a = new int[n * rounds], b = new int[n * rounds], c = new int[n * rounds];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextInt();
            b[i] = rnd.nextInt();
            c[i] = rnd.nextInt();
        }
        a[0] = 0x80808080;  // -128 * -128 four times: 65536, no overflow in 32 bits
        b[0] = 0x80808080;
        a[1] = 0x7f80807f;
        b[1] = 0x807f7f80;
        StringBuilder asm = new StringBuilder("#include \"test.h\"\nTEST_BEGIN\n    csrr x5, mhartid; slli x5, x5, 2\n");
        for (int r = 0; r < rounds; r++)
            asm.append(String.format("    la x8, ta; add x8, x8, x5; lw x11, %1$d(x8); la x8, tb; add x8, x8, x5; lw x12, %1$d(x8)%n"
                    + "    la x8, tc; add x8, x8, x5; lw x13, %1$d(x8); .insn r 0x2b, 0, 0, x13, x11, x12%n"
                    + "    la x8, td; add x8, x8, x5; sw x13, %1$d(x8)%n", 4 * n * r));
        asm.append("TEST_END\n    .data\n    .align 4\n");
        for (String t : new String[] {"ta", "tb", "tc"}) {
            int[] v = t.equals("ta") ? a : t.equals("tb") ? b : c;
            asm.append(t).append(":");
            for (int i = 0; i < v.length; i++) asm.append(i % 8 == 0 ? "\n    .word " : ", ").append(v[i]);
            asm.append("\n");
        }
        asm.append("td: .space ").append(4 * a.length).append("\n");
        Elf elf = Elf.read(KernelBuild.asmText("dp4a_" + SEED + "_" + n, asm.toString()));
        m.load(elf);
        assertEquals(1, m.run(100_000).tohost());
        for (int i = 0; i < a.length; i++) {
            int want = c[i];
            for (int k = 0; k < 4; k++) want += (byte) (a[i] >> 8 * k) * (byte) (b[i] >> 8 * k);
            assertEquals(want, m.readWord(elf.symbol("td") + 4L * i), String.format("dp4a(0x%08x, 0x%08x) + 0x%08x, element %d, seed %d",
                    a[i], b[i], c[i], i, SEED));
        }
    }

    @ParameterizedTest(name = "mma on {0}")
    @ValueSource(strings = {"1x8,tensor", "4x8,tensor", "2x2,tensor"})
    void mmaComputesOneTilePerWarpWithTheDocumentedLayout(String spec) {
        SimtMachine m = SimtMachines.get(spec);
        int t = m.config().threads(), w = m.config().warps();
        TensorShape s = TensorShape.of(t);
        int g = s.g(), mm = s.m(), nn = s.n(), kk = s.k();
        Random rnd = new Random(SEED * 7 + t);
        byte[][][] A = new byte[w][mm][kk], B = new byte[w][kk][nn];
        int[][][] C = new int[w][mm][nn];
        int[] fa = new int[w * t], fb = new int[w * t], fc0 = new int[w * t], fc1 = new int[w * t];
        for (int wp = 0; wp < w; wp++) {
            for (byte[] row : A[wp]) rnd.nextBytes(row);
            for (byte[] row : B[wp]) rnd.nextBytes(row);
            for (int[] row : C[wp]) for (int j = 0; j < nn; j++) row[j] = rnd.nextInt();
            A[wp][0][0] = Byte.MIN_VALUE;
            B[wp][0][0] = Byte.MIN_VALUE;
            for (int lane = 0; lane < t; lane++) {     // the layout under test (TensorUnit's header)
                int grp = lane / g, tig = lane % g, i = wp * t + lane;
                for (int k = 0; k < 4; k++) {
                    fa[i] |= (A[wp][grp][4 * tig + k] & 0xFF) << 8 * k;
                    fb[i] |= (B[wp][4 * tig + k][grp] & 0xFF) << 8 * k;
                }
                fc0[i] = C[wp][grp][2 * tig];
                fc1[i] = C[wp][grp][2 * tig + 1];
            }
        }
        String asm = "#include \"test.h\"\nTEST_BEGIN\n    csrr x5, mhartid; slli x5, x5, 2\n"
                + "    la x8, ta; add x8, x8, x5; lw x11, 0(x8); la x8, tb; add x8, x8, x5; lw x12, 0(x8)\n"
                + "    la x8, tc0; add x8, x8, x5; lw x28, 0(x8); la x8, tc1; add x8, x8, x5; lw x29, 0(x8)\n"
                + "    .insn r 0x5b, 0, 0, x28, x11, x12\n"
                + "    la x8, td0; add x8, x8, x5; sw x28, 0(x8); la x8, td1; add x8, x8, x5; sw x29, 0(x8)\n"
                + "TEST_END\n    .data\n    .align 4\n" + words("ta", fa) + words("tb", fb) + words("tc0", fc0) + words("tc1", fc1)
                + "td0: .space " + 4 * w * t + "\ntd1: .space " + 4 * w * t + "\n";
        Elf elf = Elf.read(KernelBuild.asmText("mma_" + SEED + "_" + spec.replace(",", "_").replace("x", "_"), asm));
        m.load(elf);
        assertEquals(1, m.run(100_000).tohost());
        for (int wp = 0; wp < w; wp++)
            for (int lane = 0; lane < t; lane++)
                for (int h = 0; h < 2; h++) {
                    int row = lane / g, col = 2 * (lane % g) + h, want = C[wp][row][col];
                    for (int k = 0; k < kk; k++) want += A[wp][row][k] * B[wp][k][col];
                    int got = m.readWord(elf.symbol(h == 0 ? "td0" : "td1") + 4L * (wp * t + lane));
                    assertEquals(want, got, String.format("%s, warp %d: D[%d][%d] (lane %d, rd%s), seed %d", spec, wp, row, col, lane,
                            h == 0 ? "" : "+1", SEED));
                }
    }

    @Test void eachOpIsIllegalWithoutItsDatapath() {
        String dp4a = ".insn r 0x2b, 0, 0, x13, x11, x12", mma = ".insn r 0x5b, 0, 0, x28, x11, x12";
        for (String[] c : new String[][] {{"1x8", dp4a}, {"1x8,dp4a", mma}}) {
            SimtMachine m = SimtMachines.get(c[0]);
            m.load(Elf.read(KernelBuild.asmText("illegal_" + (c[1] == dp4a ? "dp4a" : "mma"), SimtTrapTest.START + "nop; " + c[1])));
            var e = assertThrows(SimtMachine.SimtTrapException.class, () -> m.run(10_000));
            assertEquals(SimtIsa.MCAUSE_ILLEGAL, e.mcause, c[0] + ": " + e.getMessage());
        }
    }

    @Test void tensorDatapathNeedsTwoEightOrThirtyTwoThreads() {
        var e = assertThrows(IllegalArgumentException.class, () -> SimtConfig.parse("4x4,tensor"));
        assertTrue(e.getMessage().contains("needs 2, 8 or 32 threads per warp"), e.getMessage());
        assertEquals("4x4x8,tensor", SimtConfig.parse("4x4x8,TENSOR").spec());
        assertEquals(4 * 64, SimtConfig.parse("4x4x8,tensor").peakMacsPerCycle());
        for (String bad : new String[] {"4x8,fp8", "4x", "0x4x8", "17x4x8", "4x8x8x8", "4x8,dp4a,x"})
            assertThrows(IllegalArgumentException.class, () -> SimtConfig.parse(bad), bad);
    }

    static String words(String label, int[] v) {
        StringBuilder b = new StringBuilder(label).append(":");
        for (int i = 0; i < v.length; i++) b.append(i % 8 == 0 ? "\n    .word " : ", ").append(v[i]);
        return b.append("\n").toString();
    }
}
