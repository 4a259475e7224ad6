package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.SInt;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * The warp matrix unit of a core with the tensor datapath (like Volta's HMMA / PTX {@code mma.sync}):
 * {@code mma rd, rs1, rs2} computes D = A x B + C for one {@link TensorShape} tile, INT8 inputs,
 * INT32 accumulation (wrapping), with the operands fed from and D written back to the warp's
 * registers. Tile for T threads per warp, T = 2g^2: M = N = 2g, K = 4g (T = 8: m4n4k8; T = 32:
 * m8n8k16, PTX's layout exactly). Fragment layout, with groupID = lane / g, tig = lane % g:
 * <pre>
 *   A (M x K, rs1):   lane holds row groupID, columns 4*tig .. 4*tig+3 (byte i = A[groupID][4*tig + i])
 *   B (K x N, rs2):   lane holds column groupID, rows 4*tig .. 4*tig+3 (byte i = B[4*tig + i][groupID])
 *   C, D (M x N, rd and rd+1, rd even): lane holds row groupID, columns 2*tig (rd) and 2*tig+1 (rd+1)
 * </pre>
 * Operand traffic goes through the register file: the issue stage reads rs1, rs2, rd and rd+1 of every
 * lane (two extra read ports in this datapath) and the unit writes D back through its own write port,
 * rd in the cycle of the last pass and rd+1 in the next one (the scoreboard holds both meanwhile).
 * Pipeline: accepted at the end of execute (operands latched, the accumulators loaded with C), then g
 * passes of M x N four-way INT8 dot products (M*N*4 multipliers) over k = 4p .. 4p+3; a new mma may
 * start in the last pass of the one before (II = g cycles, 2 for g = 1): at T = 8, 128 MACs every 2
 * cycles. All lanes' fragments are used; D is written to the lanes of the thread mask.
 * Simplification: no other types (FP16, FP8, INT4) and no sparsity.
 */
public final class TensorUnit extends HwModule {
    public static final class TensorUnitIO extends HwBundle {
        public final Bool start = in(Bool());
        public final UInt warp, rd = in(UInt(5)), mask;
        /** rs1 (A), rs2 (B), rd (C columns 2*tig), rd+1 (C columns 2*tig+1) of every lane. */
        public final Vec<UInt> a, b, c0, c1;
        /** An mma may be accepted this cycle. */
        public final Bool ready = out(Bool());
        /** Multipliers at work this cycle (for the counters). */
        public final Bool computing = out(Bool());
        public final Bool wbValid = out(Bool());
        public final UInt wbWarp, wbRd = out(UInt(5)), wbMask;
        public final Vec<UInt> wbData;

        public TensorUnitIO(SimtConfig cfg) {
            super(cfg);
            int t = cfg.threads();
            warp = in(UInt(cfg.warpBits()));
            mask = in(UInt(t));
            a = in(Vec(t, UInt(32)));
            b = in(Vec(t, UInt(32)));
            c0 = in(Vec(t, UInt(32)));
            c1 = in(Vec(t, UInt(32)));
            wbWarp = out(UInt(cfg.warpBits()));
            wbMask = out(UInt(t));
            wbData = out(Vec(t, UInt(32)));
        }
    }

    public final TensorUnitIO io;

    public TensorUnit(SimtConfig cfg) {
        io = io("io", new TensorUnitIO(cfg));
        int t = cfg.threads();
        TensorShape shape = TensorShape.of(t);
        int g = shape.g(), m = shape.m(), n = shape.n(), pb = Math.max(1, SimtConfig.log2(g));
        Vec<UInt> opA = reg("opA", Vec(t, UInt(32))), opB = reg("opB", Vec(t, UInt(32)));
        Vec<UInt> acc = reg("acc", Vec(m * n, UInt(32)));            // row-major D[row][col]
        UInt warp = reg("warpR", UInt(cfg.warpBits())), rd = reg("rdR", UInt(5)), mask = reg("maskR", UInt(t));
        Bool busy = regInit("busy", lit(false));
        UInt pass = regInit("pass", lit(0, pb));
        Bool lastPass = node("lastPass", and(busy, eq(pass, lit(g - 1, pb))));
        // the rd+1 half of D waits one cycle for the write port
        Vec<UInt> hiHalf = reg("dHigh", Vec(t, UInt(32)));
        Bool hiValid = regInit("dHighValid", lit(false));
        UInt hiWarp = reg("dHighWarp", UInt(cfg.warpBits())), hiRd = reg("dHighRd", UInt(5)), hiMask = reg("dHighMask", UInt(t));

        // ---- passes: D[r][c] += sum over i < 4 of A[r][4p+i] * B[4p+i][c] --------------------------------
        UInt[] sums = new UInt[m * n];
        for (int r = 0; r < m; r++)
            for (int c = 0; c < n; c++) {
                UInt aw = pickPass(opA, r * g, g, pass), bw = pickPass(opB, c * g, g, pass);
                SInt s = asSInt(acc.apply(r * n + c));
                for (int i = 0; i < 4; i++) {
                    SInt p = mul(asSInt(bits(aw, 8 * i + 7, 8 * i)), asSInt(bits(bw, 8 * i + 7, 8 * i)));
                    s = add(s, signExtend(p, 32));
                }
                sums[r * n + c] = node("sum" + r + "_" + c, asUInt(s));
            }
        Bool accept = node("accept", and(io.start, io.ready));
        when(accept, () -> {
            connect(opA, io.a);
            connect(opB, io.b);
            for (int l = 0; l < t; l++) {               // C: lane l holds row l / g, columns 2(l % g) and 2(l % g) + 1
                int row = l / g, col = 2 * (l % g);
                connect(acc.apply(row * n + col), io.c0.apply(l));
                connect(acc.apply(row * n + col + 1), io.c1.apply(l));
            }
            connect(warp, io.warp);
            connect(rd, io.rd);
            connect(mask, io.mask);
            connect(busy, lit(true));
            connect(pass, lit(0, pb));
        }).elsewhen(() -> busy, () -> {
            for (int k = 0; k < m * n; k++) connect(acc.apply(k), sums[k]);
            connect(pass, low(add(pass, lit(1, pb)), pb));
            when(lastPass, () -> connect(busy, lit(false)));
        });

        // ---- write-back: rd from the last pass's sums, rd+1 a cycle later ----------------------------------
        when(lastPass, () -> {
            for (int l = 0; l < t; l++) connect(hiHalf.apply(l), sums[(l / g) * n + 2 * (l % g) + 1]);
            connect(hiWarp, warp);
            connect(hiRd, rd);
            connect(hiMask, mask);
        });
        connect(hiValid, lastPass);
        Bool writeLo = and(lastPass, neq(rd, lit(0, 5)));
        connect(io.wbValid, or(writeLo, hiValid));
        connect(io.wbWarp, mux(hiValid, hiWarp, warp));
        connect(io.wbRd, mux(hiValid, or(hiRd, lit(1, 5)), rd));
        connect(io.wbMask, mux(hiValid, hiMask, mask));
        for (int l = 0; l < t; l++) connect(io.wbData.apply(l), mux(hiValid, hiHalf.apply(l), sums[(l / g) * n + 2 * (l % g)]));
        // a new mma may enter in the last pass (g >= 2: its own last pass comes after the rd+1 write-back)
        connect(io.ready, g >= 2 ? or(not(busy), lastPass) : not(busy));
        connect(io.computing, busy);
    }

    /** Register {@code base + pass} of the lanes (the thread of a group that holds k = 4*pass .. 4*pass+3). */
    private static UInt pickPass(Vec<UInt> regs, int base, int g, UInt pass) {
        UInt v = regs.apply(base + g - 1);
        for (int p = g - 2; p >= 0; p--) v = mux(eq(pass, lit(p, pass.getWidth())), regs.apply(base + p), v);
        return v;
    }
}
