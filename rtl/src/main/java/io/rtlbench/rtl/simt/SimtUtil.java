package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.Mem;
import chisel3.UInt;
import chisel3.Vec;
import io.rtlbench.rtl.simt.SimtIsa.Kind;
import java.util.ArrayList;
import java.util.List;

/** Small hardware helpers shared by the SIMT blocks (no state of their own). */
final class SimtUtil {
    private SimtUtil() {}

    /** Dynamic Vec index; a Vec of one element is indexed statically (no width warnings). */
    static <T extends chisel3.Data> T pick(Vec<T> v, UInt idx) { return v.size() == 1 ? v.apply(0) : at(v, idx); }

    /** Bit {@code idx} of {@code v}; a one-bit {@code v} is read statically (no width warnings). */
    static Bool bitAt(UInt v, UInt idx) { return v.getWidth() == 1 ? bit(v, 0) : bit(v, idx); }

    /** Whether {@code addr} is a word address inside the instruction memory (from {@link SimtConfig#GLOBAL_BASE}). */
    static Bool inImem(SimtConfig cfg, UInt addr) {
        int lo = cfg.imemAddrBits() + 2;
        return and(eq(bits(addr, 31, lo), lit(SimtConfig.GLOBAL_BASE >>> lo, 32 - lo)), eq(bits(addr, 1, 0), lit(0, 2)));
    }

    /** Register read: x0 is hard-wired to zero. */
    static UInt regRead(Mem<UInt> rf, UInt warp, UInt reg) {
        return mux(eq(reg, lit(0, 5)), lit(0, 32), read(rf, cat(warp, reg)));
    }

    /** A Bool as an n-bit 0/1 (Chisel's pad does not apply to Bool). */
    static UInt widen(Bool b, int n) { return mux(b, lit(1, n), lit(0, n)); }

    static Bool isKind(UInt kind, Kind k) { return eq(kind, lit(k.ordinal(), Kind.bits())); }

    /** DIV/DIVU/REM/REMU: opcode 0x33, funct7 = 1, funct3 = 1xx. */
    static Bool isDiv(UInt inst) {
        return and(and(eq(bits(inst, 6, 0), lit(0x33, 7)), eq(bits(inst, 31, 25), lit(1, 7))), bit(inst, 14));
    }

    /** dp4a (custom-1 0x2B) or mma (custom-2 0x5B): instructions that also read rd (the accumulator). */
    static Bool readsRd(UInt inst) { return or(eq(bits(inst, 6, 0), lit(0x2B, 7)), isMma(inst)); }

    /** mma: opcode 0x5B (custom-2). */
    static Bool isMma(UInt inst) { return eq(bits(inst, 6, 0), lit(0x5B, 7)); }

    /** fence.i: opcode 0x0F, funct3 1. */
    static Bool isFenceI(UInt inst) { return and(eq(bits(inst, 6, 0), lit(0x0F, 7)), eq(bits(inst, 14, 12), lit(1, 3))); }

    /** Loads (0x03) and stores (0x23): bits 6..0 = 0b0?00011. */
    static Bool isMem(UInt inst) { return and(eq(bits(inst, 4, 0), lit(0x03, 5)), eq(bits(inst, 6, 6), lit(0, 1))); }

    static <T> List<T> repeat(int n, java.util.function.Supplier<T> f) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(f.get());
        return out;
    }
}
