package io.rtlbench.rtl.simt;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.UInt;

/**
 * Where one lane's load or store falls, as the {@link Lsu} needs it (combinational helpers, no
 * state). An access of 1, 2 or 4 bytes (funct3 of the load/store) at any byte address covers one
 * or two consecutive "units": bus beats of {@code busBytes} off-chip, 4-byte words in shared memory.
 * Values are raw little-endian bytes: byte 0 of a value is the byte at the access address; loads are
 * sign- or zero-extended only at write-back ({@link #extract}).
 */
final class AccessGeometry {
    private AccessGeometry() {}

    /** Byte-enable mask of the value (1, 3 or 15) for funct3 (lb/sb: 1 byte, lh/sh: 2, lw/sw: 4). */
    static UInt sizeMask(UInt f3) {
        return mux(eq(bits(f3, 1, 0), lit(0, 2)), lit(1, 4), mux(eq(bits(f3, 1, 0), lit(1, 2)), lit(3, 4), lit(15, 4)));
    }

    /** Whether an access at unit offset {@code off} (bits of a unit of {@code unitBytes}) runs into the next unit. */
    static chisel3.Bool straddles(UInt off, UInt f3, int unitBytes) {
        int ob = off.getWidth();
        UInt last = add(pad(off, ob + 1), mux(eq(bits(f3, 1, 0), lit(0, 2)), lit(0, ob + 1),
                mux(eq(bits(f3, 1, 0), lit(1, 2)), lit(1, ob + 1), lit(3, ob + 1))));
        return ge(last, lit(unitBytes, ob + 1));
    }

    /**
     * A value's bytes placed at offset {@code off} of a two-unit window (2 x {@code unitBytes}): data
     * and byte mask, low unit first. The high unit is non-zero only for an access that straddles.
     */
    static UInt[] place(UInt value, UInt mask4, UInt off, int unitBytes) {
        UInt data = low(shl(pad(value, 16 * unitBytes), cat(off, lit(0, 3))), 16 * unitBytes);
        UInt mask = low(shl(pad(mask4, 2 * unitBytes), off), 2 * unitBytes);
        return new UInt[] {data, mask};
    }

    /**
     * The value bytes a unit {@code unit} (read at offset {@code off} of the access) supplies: for the
     * low unit the bytes from off upwards, for the high unit the bytes that spilled over; and which of
     * the 4 value bytes they are.
     */
    static UInt[] take(UInt unit, UInt off, boolean high, int unitBytes) {
        int ob = off.getWidth();
        UInt loVal = low(shr(unit, cat(off, lit(0, 3))), 32);
        // bytes of the value at or past the end of the low unit: value byte i <-> unit byte off + i >= unitBytes
        UInt spill = lit(0, 1);
        for (int i = 3; i >= 0; i--) {
            chisel3.Bool past = ge(add(pad(off, ob + 1), lit(i, ob + 1)), lit(unitBytes, ob + 1));
            spill = i == 3 ? asUInt(past) : cat(spill, asUInt(past));
        }
        if (!high) return new UInt[] {loVal, low(not(spill), 4)};
        // high unit: value byte i = unit byte i - (unitBytes - off) = byte (i + s - 4) of the unit, where
        // s = off + 4 - unitBytes = off mod 4 (1..3 for an access that straddles; units are multiples of 4 bytes)
        UInt s = bits(off, 1, 0);
        UInt hiVal = low(shr(cat(bits(unit, 31, 0), lit(0, 32)), cat(s, lit(0, 3))), 32);
        return new UInt[] {hiVal, spill};
    }

    /** {@code old} with the bytes enabled in {@code mask4} replaced by those of {@code value}. */
    static UInt merge(UInt old, UInt value, UInt mask4) {
        UInt bitMask = expand(mask4, 4);
        return or(and(old, not(bitMask)), and(value, bitMask));
    }

    /** Load data (byte 0 = the addressed byte): lb/lh sign-, lbu/lhu zero-extend, lw as is. */
    static UInt extract(UInt w, UInt f3) {
        UInt b = cat(fill(24, asUInt(and(bit(w, 7), not(bit(f3, 2))))), bits(w, 7, 0));
        UInt h = cat(fill(16, asUInt(and(bit(w, 15), not(bit(f3, 2))))), bits(w, 15, 0));
        UInt sz = bits(f3, 1, 0);
        return mux(eq(sz, lit(0, 2)), b, mux(eq(sz, lit(1, 2)), h, low(w, 32)));
    }

    /** One enable bit per byte -> one per bit. */
    static UInt expand(UInt byteMask, int bytes) {
        UInt[] parts = new UInt[bytes];
        for (int i = 0; i < bytes; i++) parts[bytes - 1 - i] = fill(8, asUInt(bit(byteMask, i)));
        return cat(parts);
    }
}
