package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.SInt;
import chisel3.UInt;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;
import io.rtlbench.rtl.simt.SimtIsa.AluFn;

/**
 * One thread's datapath: the RV32I ALU, the RV32M multiplier (all four forms) and the branch
 * comparator. Combinational: the result is written back at the end of the execute cycle.
 * The multiplier's operands are held at zero unless a multiply executes (operand isolation).
 * Simplification: a single-cycle 32x32 multiplier. Division is not here: DIV/DIVU/REM/REMU go to
 * the iterative {@link Divider}. With the dp4a datapath the lane also has a packed INT8 dot product:
 * four signed 8x8 multipliers (isolated like the 32-bit one) whose sum is added to {@code c}, the
 * accumulator register rd (PTX dp4a.s32.s32: d = c + sum of sext(a.b[i]) * sext(b.b[i])).
 */
public final class Lane extends HwModule {
    public static final class LaneIO extends HwBundle {
        public final UInt fn = in(UInt(AluFn.bits()));
        public final UInt a = in(UInt(32));
        public final UInt b = in(UInt(32));
        public final UInt funct3 = in(UInt(3));
        public final UInt result = out(UInt(32));
        /** Branch condition of the branch whose funct3 is given (a vs b). */
        public final Bool cond = out(Bool());
        /** The accumulator operand (rd) of dp4a; only with the dp4a datapath. */
        public final UInt c;

        public LaneIO(SimtConfig cfg) {
            super(cfg);
            c = cfg.datapath().hasDp4a() ? in(UInt(32)) : null;
        }
    }

    public final LaneIO io;

    public Lane(SimtConfig cfg) {
        io = io("io", new LaneIO(cfg));
        UInt a = io.a, b = io.b;
        SInt sa = asSInt(a), sb = asSInt(b);
        UInt shamt = bits(b, 4, 0);
        Bool lts = node("lts", lt(sa, sb)), ltu = node("ltu", lt(a, b));
        // Operand isolation: the multiplier sees zeros unless a multiply executes (no idle toggling).
        Bool isMul = node("isMul", and(ge(io.fn, lit(AluFn.MUL.ordinal(), AluFn.bits())),
                le(io.fn, lit(AluFn.MULHU.ordinal(), AluFn.bits()))));
        UInt ma = node("mulA", mux(isMul, a, lit(0, 32))), mb = node("mulB", mux(isMul, b, lit(0, 32)));
        UInt prodSS = node("prodSS", asUInt(mul(asSInt(ma), asSInt(mb))));
        UInt prodUU = node("prodUU", mul(ma, mb));
        UInt prodSU = node("prodSU", asUInt(mul(asSInt(ma), mb)));


        UInt[] r = new UInt[AluFn.values().length];
        r[AluFn.ADD.ordinal()] = add(a, b);
        r[AluFn.SUB.ordinal()] = sub(a, b);
        r[AluFn.SLL.ordinal()] = low(shl(a, shamt), 32);
        r[AluFn.SLT.ordinal()] = SimtUtil.widen(lts, 32);
        r[AluFn.SLTU.ordinal()] = SimtUtil.widen(ltu, 32);
        r[AluFn.XOR.ordinal()] = xor(a, b);
        r[AluFn.SRL.ordinal()] = shr(a, shamt);
        r[AluFn.SRA.ordinal()] = asUInt(shr(sa, shamt));
        r[AluFn.OR.ordinal()] = or(a, b);
        r[AluFn.AND.ordinal()] = and(a, b);
        r[AluFn.PASSB.ordinal()] = b;
        r[AluFn.MUL.ordinal()] = low(prodUU, 32);
        r[AluFn.MULH.ordinal()] = bits(prodSS, 63, 32);
        r[AluFn.MULHSU.ordinal()] = bits(prodSU, 63, 32);
        r[AluFn.MULHU.ordinal()] = bits(prodUU, 63, 32);
        if (cfg.datapath().hasDp4a()) r[AluFn.DP4A.ordinal()] = dp4a(a, b);
        UInt result = r[0];
        for (AluFn f : AluFn.values()) if (r[f.ordinal()] != null)
            result = mux(eq(io.fn, lit(f.ordinal(), AluFn.bits())), pad(r[f.ordinal()], 32), result);
        connect(io.result, low(result, 32));

        // funct3: 0 beq, 1 bne, 4 blt, 5 bge, 6 bltu, 7 bgeu
        Bool base = mux(eq(bits(io.funct3, 2, 1), lit(0, 2)), eq(a, b),
                mux(eq(bits(io.funct3, 2, 1), lit(2, 2)), lts, ltu));
        connect(io.cond, xor(base, bit(io.funct3, 0)));
    }

    /** c + sum of the four signed byte products of a and b, with its operands held at zero unless a dp4a executes. */
    private UInt dp4a(UInt a, UInt b) {
        Bool on = node("isDp4a", eq(io.fn, lit(AluFn.DP4A.ordinal(), AluFn.bits())));
        UInt da = node("dotA", mux(on, a, lit(0, 32))), db = node("dotB", mux(on, b, lit(0, 32)));
        SInt sum = signExtend(asSInt(io.c), 32);
        for (int i = 0; i < 4; i++) {
            SInt p = node("dotProd" + i, mul(asSInt(bits(da, 8 * i + 7, 8 * i)), asSInt(bits(db, 8 * i + 7, 8 * i))));
            sum = add(sum, signExtend(p, 32));
        }
        return asUInt(sum);
    }
}
