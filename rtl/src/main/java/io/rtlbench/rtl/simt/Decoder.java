package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.UInt;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;
import io.rtlbench.rtl.simt.SimtIsa.Fmt;
import io.rtlbench.rtl.simt.SimtIsa.Kind;
import io.rtlbench.rtl.simt.SimtIsa.Op;

/**
 * Instruction decoder, generated from the {@link SimtIsa.Op} table: one (inst & mask) == match
 * comparator per instruction of the core's datapath selects the class ({@link Kind}), the lane ALU
 * function, the immediate format and whether rd is written. Purely combinational (0 cycles).
 * Unknown encodings (and ops of a richer datapath) decode to {@link Kind#ILLEGAL}.
 */
public final class Decoder extends HwModule {
    public static final class DecoderIO extends HwBundle {
        public final UInt inst = in(UInt(32));
        public final UInt kind = out(UInt(Kind.bits()));
        public final UInt alu = out(UInt(SimtIsa.AluFn.bits()));
        public final UInt imm = out(UInt(32));
        public final Bool useImm = out(Bool());
        public final Bool writesRd = out(Bool());
        public final UInt rd = out(UInt(5));
        public final UInt rs1 = out(UInt(5));
        public final UInt rs2 = out(UInt(5));
        public final UInt funct3 = out(UInt(3));
        public final UInt csr = out(UInt(12));
    }

    public final DecoderIO io = io("io", new DecoderIO());

    public Decoder(SimtConfig cfg) {
        UInt inst = io.inst;
        UInt kind = lit(Kind.ILLEGAL.ordinal(), Kind.bits());
        UInt alu = lit(0, SimtIsa.AluFn.bits());
        UInt fmt = lit(Fmt.R.ordinal(), 3);
        for (Op op : Op.values()) {
            if (!op.in(cfg.datapath())) continue;
            Bool hit = node("is" + op.name(), eq(and(inst, lit(op.mask & 0xFFFF_FFFFL, 32)), lit(op.match & 0xFFFF_FFFFL, 32)));
            kind = mux(hit, lit(op.kind.ordinal(), Kind.bits()), kind);
            alu = mux(hit, lit(op.alu.ordinal(), SimtIsa.AluFn.bits()), alu);
            fmt = mux(hit, lit(op.fmt.ordinal(), 3), fmt);
        }
        UInt kindN = node("kindN", kind), fmtN = node("fmtN", fmt);

        UInt sign = asUInt(bit(inst, 31));
        UInt immI = cat(fill(20, sign), bits(inst, 31, 20));
        UInt immS = cat(fill(20, sign), bits(inst, 31, 25), bits(inst, 11, 7));
        UInt immB = cat(fill(19, sign), sign, asUInt(bit(inst, 7)), bits(inst, 30, 25), bits(inst, 11, 8), lit(0, 1));
        UInt immU = cat(bits(inst, 31, 12), lit(0, 12));
        UInt immJ = cat(fill(11, sign), sign, bits(inst, 19, 12), asUInt(bit(inst, 20)), bits(inst, 30, 21), lit(0, 1));
        UInt imm = immI;
        imm = mux(eq(fmtN, lit(Fmt.S.ordinal(), 3)), immS, imm);
        imm = mux(eq(fmtN, lit(Fmt.B.ordinal(), 3)), immB, imm);
        imm = mux(eq(fmtN, lit(Fmt.U.ordinal(), 3)), immU, imm);
        imm = mux(eq(fmtN, lit(Fmt.J.ordinal(), 3)), immJ, imm);
        connect(io.imm, imm);
        connect(io.useImm, neq(fmtN, lit(Fmt.R.ordinal(), 3)));

        Bool isSplit = and(eq(kindN, lit(Kind.SIMT.ordinal(), Kind.bits())), eq(bits(inst, 14, 12), lit(Op.SPLIT.simtFunct3(), 3)));
        Bool writes = isSplit;
        for (Kind k : new Kind[] {Kind.ALU, Kind.LUI, Kind.AUIPC, Kind.JAL, Kind.JALR, Kind.LOAD, Kind.CSR})
            writes = or(writes, eq(kindN, lit(k.ordinal(), Kind.bits())));
        if (cfg.datapath().hasTensor()) writes = or(writes, eq(kindN, lit(Kind.MMA.ordinal(), Kind.bits())));
        connect(io.writesRd, and(writes, orR(bits(inst, 11, 7))));
        connect(io.kind, kindN);
        connect(io.alu, alu);
        connect(io.rd, bits(inst, 11, 7));
        connect(io.rs1, bits(inst, 19, 15));
        connect(io.rs2, bits(inst, 24, 20));
        connect(io.funct3, bits(inst, 14, 12));
        connect(io.csr, bits(inst, 31, 20));
    }

}
