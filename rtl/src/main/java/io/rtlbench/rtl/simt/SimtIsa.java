package io.rtlbench.rtl.simt;

/**
 * The SIMT core's instruction set in one place, shared by the RTL decoder ({@link Decoder} builds
 * its match logic from {@link Op}) and the Java side (disassembly in error messages, tests).
 * RV32IM + ecall/ebreak/mret/wfi/fence + Zicsr + the Vortex-style SIMT ops on custom-0 (0x0B,
 * R-type, funct7 = 0; funct3 = {@link Op#simtFunct3}), and per datapath ({@link SimtConfig.Datapath})
 * DP4A on custom-1 (0x2B) and MMA on custom-2 (0x5B). An op exists in a core only when its
 * datapath includes it ({@link Op#datapath}); otherwise it is illegal there.
 */
public final class SimtIsa {
    private SimtIsa() {}

    /** Instruction formats (how the immediate is built). */
    public enum Fmt { R, I, S, B, U, J, SYS }

    /** Lane ALU functions; ordinal = the encoding on the wire. */
    public enum AluFn { ADD, SUB, SLL, SLT, SLTU, XOR, SRL, SRA, OR, AND, PASSB, MUL, MULH, MULHSU, MULHU, DIV, DIVU, REM, REMU, DP4A;
        public static int bits() { return 5; }
    }

    /** Instruction classes steering the execute stage; ordinal = encoding. */
    public enum Kind { ALU, LUI, AUIPC, JAL, JALR, BRANCH, LOAD, STORE, CSR, FENCE, ECALL, EBREAK, MRET, SIMT, ILLEGAL, MMA;
        public static int bits() { return 4; }
    }

    private static final int OPC = 0x7F, F3 = 0x7000, F7 = 0xFE00_0000;

    /** One decodable instruction: (inst & mask) == match. */
    public enum Op {
        LUI(Kind.LUI, Fmt.U, AluFn.PASSB, OPC, 0x37), AUIPC(Kind.AUIPC, Fmt.U, AluFn.ADD, OPC, 0x17),
        JAL(Kind.JAL, Fmt.J, AluFn.ADD, OPC, 0x6F), JALR(Kind.JALR, Fmt.I, AluFn.ADD, OPC | F3, 0x67),
        BEQ(Kind.BRANCH, Fmt.B, AluFn.SUB, OPC | F3, 0x63), BNE(Kind.BRANCH, Fmt.B, AluFn.SUB, OPC | F3, 0x1063),
        BLT(Kind.BRANCH, Fmt.B, AluFn.SLT, OPC | F3, 0x4063), BGE(Kind.BRANCH, Fmt.B, AluFn.SLT, OPC | F3, 0x5063),
        BLTU(Kind.BRANCH, Fmt.B, AluFn.SLTU, OPC | F3, 0x6063), BGEU(Kind.BRANCH, Fmt.B, AluFn.SLTU, OPC | F3, 0x7063),
        LB(Kind.LOAD, Fmt.I, AluFn.ADD, OPC | F3, 0x03), LH(Kind.LOAD, Fmt.I, AluFn.ADD, OPC | F3, 0x1003),
        LW(Kind.LOAD, Fmt.I, AluFn.ADD, OPC | F3, 0x2003), LBU(Kind.LOAD, Fmt.I, AluFn.ADD, OPC | F3, 0x4003),
        LHU(Kind.LOAD, Fmt.I, AluFn.ADD, OPC | F3, 0x5003),
        SB(Kind.STORE, Fmt.S, AluFn.ADD, OPC | F3, 0x23), SH(Kind.STORE, Fmt.S, AluFn.ADD, OPC | F3, 0x1023),
        SW(Kind.STORE, Fmt.S, AluFn.ADD, OPC | F3, 0x2023),
        ADDI(Kind.ALU, Fmt.I, AluFn.ADD, OPC | F3, 0x13), SLTI(Kind.ALU, Fmt.I, AluFn.SLT, OPC | F3, 0x2013),
        SLTIU(Kind.ALU, Fmt.I, AluFn.SLTU, OPC | F3, 0x3013), XORI(Kind.ALU, Fmt.I, AluFn.XOR, OPC | F3, 0x4013),
        ORI(Kind.ALU, Fmt.I, AluFn.OR, OPC | F3, 0x6013), ANDI(Kind.ALU, Fmt.I, AluFn.AND, OPC | F3, 0x7013),
        SLLI(Kind.ALU, Fmt.I, AluFn.SLL, OPC | F3 | F7, 0x1013), SRLI(Kind.ALU, Fmt.I, AluFn.SRL, OPC | F3 | F7, 0x5013),
        SRAI(Kind.ALU, Fmt.I, AluFn.SRA, OPC | F3 | F7, 0x4000_5013),
        ADD(Kind.ALU, Fmt.R, AluFn.ADD, OPC | F3 | F7, 0x33), SUB(Kind.ALU, Fmt.R, AluFn.SUB, OPC | F3 | F7, 0x4000_0033),
        SLL(Kind.ALU, Fmt.R, AluFn.SLL, OPC | F3 | F7, 0x1033), SLT(Kind.ALU, Fmt.R, AluFn.SLT, OPC | F3 | F7, 0x2033),
        SLTU(Kind.ALU, Fmt.R, AluFn.SLTU, OPC | F3 | F7, 0x3033), XOR(Kind.ALU, Fmt.R, AluFn.XOR, OPC | F3 | F7, 0x4033),
        SRL(Kind.ALU, Fmt.R, AluFn.SRL, OPC | F3 | F7, 0x5033), SRA(Kind.ALU, Fmt.R, AluFn.SRA, OPC | F3 | F7, 0x4000_5033),
        OR(Kind.ALU, Fmt.R, AluFn.OR, OPC | F3 | F7, 0x6033), AND(Kind.ALU, Fmt.R, AluFn.AND, OPC | F3 | F7, 0x7033),
        MUL(Kind.ALU, Fmt.R, AluFn.MUL, OPC | F3 | F7, 0x0200_0033), MULH(Kind.ALU, Fmt.R, AluFn.MULH, OPC | F3 | F7, 0x0200_1033),
        MULHSU(Kind.ALU, Fmt.R, AluFn.MULHSU, OPC | F3 | F7, 0x0200_2033), MULHU(Kind.ALU, Fmt.R, AluFn.MULHU, OPC | F3 | F7, 0x0200_3033),
        DIV(Kind.ALU, Fmt.R, AluFn.DIV, OPC | F3 | F7, 0x0200_4033), DIVU(Kind.ALU, Fmt.R, AluFn.DIVU, OPC | F3 | F7, 0x0200_5033),
        REM(Kind.ALU, Fmt.R, AluFn.REM, OPC | F3 | F7, 0x0200_6033), REMU(Kind.ALU, Fmt.R, AluFn.REMU, OPC | F3 | F7, 0x0200_7033),
        FENCE(Kind.FENCE, Fmt.I, AluFn.ADD, OPC, 0x0F),
        ECALL(Kind.ECALL, Fmt.SYS, AluFn.ADD, -1, 0x73), EBREAK(Kind.EBREAK, Fmt.SYS, AluFn.ADD, -1, 0x0010_0073),
        MRET(Kind.MRET, Fmt.SYS, AluFn.ADD, -1, 0x3020_0073), WFI(Kind.FENCE, Fmt.SYS, AluFn.ADD, -1, 0x1050_0073),
        CSRRW(Kind.CSR, Fmt.I, AluFn.PASSB, OPC | F3, 0x1073), CSRRS(Kind.CSR, Fmt.I, AluFn.OR, OPC | F3, 0x2073),
        CSRRC(Kind.CSR, Fmt.I, AluFn.AND, OPC | F3, 0x3073), CSRRWI(Kind.CSR, Fmt.I, AluFn.PASSB, OPC | F3, 0x5073),
        CSRRSI(Kind.CSR, Fmt.I, AluFn.OR, OPC | F3, 0x6073), CSRRCI(Kind.CSR, Fmt.I, AluFn.AND, OPC | F3, 0x7073),
        TMC(Kind.SIMT, Fmt.R, AluFn.ADD, OPC | F3 | F7, 0x0B), WSPAWN(Kind.SIMT, Fmt.R, AluFn.ADD, OPC | F3 | F7, 0x100B),
        SPLIT(Kind.SIMT, Fmt.R, AluFn.ADD, OPC | F3 | F7, 0x200B), JOIN(Kind.SIMT, Fmt.R, AluFn.ADD, OPC | F3 | F7, 0x300B),
        BAR(Kind.SIMT, Fmt.R, AluFn.ADD, OPC | F3 | F7, 0x400B), PRED(Kind.SIMT, Fmt.R, AluFn.ADD, OPC | F3 | F7, 0x500B),
        /** rd = rd + sum over the 4 bytes of sext(rs1.b[i]) * sext(rs2.b[i]) (PTX dp4a.s32.s32). */
        DP4A(Kind.ALU, Fmt.R, AluFn.DP4A, OPC | F3 | F7, 0x2B, SimtConfig.Datapath.DP4A),
        /** {rd, rd+1} = A(rs1) x B(rs2) + {rd, rd+1} across the warp ({@link TensorUnit}); rd even. */
        MMA(Kind.MMA, Fmt.R, AluFn.ADD, OPC | F3 | F7 | 0x80, 0x5B, SimtConfig.Datapath.TENSOR);

        public final Kind kind;
        public final Fmt fmt;
        public final AluFn alu;
        public final int mask, match;
        /** The least datapath that has this op. */
        public final SimtConfig.Datapath datapath;

        Op(Kind kind, Fmt fmt, AluFn alu, int mask, int match) { this(kind, fmt, alu, mask, match, SimtConfig.Datapath.SCALAR); }

        Op(Kind kind, Fmt fmt, AluFn alu, int mask, int match, SimtConfig.Datapath datapath) {
            this.kind = kind;
            this.fmt = fmt;
            this.alu = alu;
            this.mask = mask;
            this.match = match;
            this.datapath = datapath;
        }

        /** Whether a core with datapath {@code d} decodes this op. */
        public boolean in(SimtConfig.Datapath d) { return datapath.ordinal() <= d.ordinal(); }

        public boolean matches(int inst) { return (inst & mask) == match; }
        /** funct3 of a SIMT op (bits 14..12). */
        public int simtFunct3() { return (match >>> 12) & 7; }
        public boolean usesImm() { return fmt != Fmt.R; }
    }

    // ---- CSR numbers ---------------------------------------------------------------------------
    public static final int CSR_MSTATUS = 0x300, CSR_MIE = 0x304, CSR_MTVEC = 0x305, CSR_MSCRATCH = 0x340,
            CSR_MEPC = 0x341, CSR_MCAUSE = 0x342, CSR_MTVAL = 0x343, CSR_MIP = 0x344, CSR_MHARTID = 0xF14;
    public static final int CSR_MCYCLE = 0xB00, CSR_MINSTRET = 0xB02, CSR_MCYCLEH = 0xB80, CSR_MINSTRETH = 0xB82,
            CSR_CYCLE = 0xC00, CSR_INSTRET = 0xC02, CSR_CYCLEH = 0xC80, CSR_INSTRETH = 0xC82;
    /** SIMT CSRs (Vortex numbering): lane, warp, core, thread mask, threads per warp, warps, cores. */
    public static final int CSR_THREAD_ID = 0xCC0, CSR_WARP_ID = 0xCC1, CSR_CORE_ID = 0xCC2, CSR_THREAD_MASK = 0xCC4,
            CSR_NUM_THREADS = 0xFC0, CSR_NUM_WARPS = 0xFC1, CSR_NUM_CORES = 0xFC2;
    /** rtlbench extension: shared-memory size in bytes (start-up code puts thread stacks at its top). */
    public static final int CSR_SHARED_BYTES = 0xFC3;
    /** The plain per-warp machine CSRs, in register-file order. */
    public static final int[] PLAIN_CSRS = {CSR_MSTATUS, CSR_MIE, CSR_MTVEC, CSR_MSCRATCH, CSR_MEPC, CSR_MCAUSE, CSR_MTVAL, CSR_MIP};
    public static final int MCAUSE_MISALIGNED_FETCH = 0, MCAUSE_FETCH_ACCESS = 1, MCAUSE_ILLEGAL = 2, MCAUSE_BREAKPOINT = 3,
            MCAUSE_ECALL_M = 11;

    /** What an mcause value means (the exceptions this core raises). */
    public static String causeName(long mcause) {
        return switch ((int) mcause) {
            case MCAUSE_MISALIGNED_FETCH -> "misaligned instruction fetch";
            case MCAUSE_FETCH_ACCESS -> "instruction fetch outside the instruction memory";
            case MCAUSE_ILLEGAL -> "illegal instruction";
            case MCAUSE_BREAKPOINT -> "ebreak";
            case MCAUSE_ECALL_M -> "ecall";
            default -> "exception " + mcause;
        };
    }

    /** Decodes {@code inst} with every op (null when illegal). */
    public static Op decode(int inst) {
        for (Op op : Op.values()) if (op.matches(inst)) return op;
        return null;
    }

    /** Decodes {@code inst} as a core with datapath {@code d} does (null when illegal there). */
    public static Op decode(int inst, SimtConfig.Datapath d) {
        Op op = decode(inst);
        return op != null && op.in(d) ? op : null;
    }

    /** Short disassembly for messages: mnemonic and register fields. */
    public static String disassemble(int inst) { return disassemble(inst, SimtConfig.Datapath.TENSOR); }

    /** As a core with datapath {@code d} sees it (ops of a richer datapath are illegal there). */
    public static String disassemble(int inst, SimtConfig.Datapath d) {
        Op op = decode(inst, d);
        String rd = "x" + ((inst >>> 7) & 31), rs1 = "x" + ((inst >>> 15) & 31), rs2 = "x" + ((inst >>> 20) & 31);
        if (op == null) return String.format("illegal(0x%08x)", inst);
        return switch (op.fmt) {
            case R -> op.name().toLowerCase() + " " + rd + ", " + rs1 + ", " + rs2;
            case I -> op.name().toLowerCase() + " " + rd + ", " + rs1 + ", " + (inst >> 20);
            case S, B -> op.name().toLowerCase() + " " + rs1 + ", " + rs2;
            case U, J -> op.name().toLowerCase() + " " + rd;
            case SYS -> op.name().toLowerCase();
        };
    }
}
