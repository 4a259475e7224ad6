package io.rtlbench.rtl.formats;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.SInt;
import chisel3.UInt;
import chisel3.util.Log2$;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * Rounds an exact value (-1)^neg * mag * 2^exp to IEEE 754 binary32, round to nearest, ties to
 * even, exactly as IEEE 754 defines it: subnormal results, underflow to a zero of the value's sign,
 * overflow to an infinity. A zero magnitude gives +0. With {@code specials}: nan gives the canonical
 * NaN 0x7FC00000, pinf and ninf together NaN, one of them that infinity. Combinational.
 * The result's least significant bit sits at lsb = max(msb(mag) + exp - 23, -149); mag is shifted
 * right to it (guard bit and sticky OR of the bits shifted out) or left (exact).
 * Used at the systolic array's edge (the exact sum of a fold, times the MX scales) and inside
 * {@link Fp32Add} (an aligned sum with guard, round and sticky bits).
 */
public final class FixedToFp32 extends HwModule {
    public static final int EXP_BITS = 10;  // exp in [-512, 511]
    public static final int CANONICAL_NAN = 0x7FC0_0000;

    public static final class FixedToFp32IO extends HwBundle {
        public final Bool neg = in(Bool());
        public final UInt mag;
        public final SInt exp = in(SInt(EXP_BITS));
        public final Bool nan, pinf, ninf;
        public final UInt out = out(UInt(32));

        public FixedToFp32IO(Integer magBits, Boolean specials) {
            super(magBits, specials);
            mag = in(UInt(magBits));
            nan = specials ? in(Bool()) : null;
            pinf = specials ? in(Bool()) : null;
            ninf = specials ? in(Bool()) : null;
        }
    }

    public final FixedToFp32IO io;
    private final String name;

    public FixedToFp32(int magBits, boolean specials) {
        name = "FixedToFp32_" + magBits + (specials ? "s" : "");
        io = io("io", new FixedToFp32IO(magBits, specials));
        int w = magBits;
        SInt msb = node("msb", signExtend(zext(Log2$.MODULE$.apply(io.mag)), 12));
        SInt exp = signExtend(io.exp, 12);
        SInt normalShift = sub(msb, slit(23, 12));
        SInt subnormalShift = sub(slit(-149, 12), exp);
        SInt rshift = node("rshift", mux(gt(normalShift, subnormalShift), normalShift, subnormalShift));
        Bool right = node("right", gt(rshift, slit(0, 12)));
        UInt sL = node("sL", low(asUInt(mux(right, slit(0, 12), neg(rshift))), 5));  // <= 23
        SInt rClamped = mux(gt(rshift, slit(w + 1, 12)), slit(w + 1, 12), rshift);
        UInt sR = node("sR", mux(right, low(asUInt(rClamped), 8), lit(0, 8)));
        UInt sig = node("sig", low(mux(right, shr(io.mag, sR), shl(io.mag, sL)), Math.min(24, w + 23)));
        UInt[] thermometer = new UInt[w + 1];  // bit i set when bit i of mag falls under the result's lsb
        for (int i = 0; i <= w; i++) thermometer[w - i] = asUInt(lt(lit(i, 8), sR));
        UInt below = node("below", cat(thermometer));
        UInt lost = node("lost", and(pad(io.mag, w + 1), below));
        Bool guard = node("guard", orR(and(lost, xor(below, shr(below, 1)))));
        Bool sticky = node("sticky", orR(and(lost, shr(below, 1))));
        Bool roundUp = node("roundUp", and(guard, or(sticky, bit(sig, 0))));
        UInt rounded = node("rounded", addExpand(pad(sig, 24), mux(roundUp, lit(1, 24), lit(0, 24))));  // 25 bits
        Bool carry = bit(rounded, 24);
        UInt sigF = node("sigF", mux(carry, bits(rounded, 24, 1), bits(rounded, 23, 0)));
        SInt lsb = add(rshift, exp);
        SInt field = node("field", add(add(lsb, slit(150, 12)), mux(carry, slit(1, 12), slit(0, 12))));
        Bool normal = bit(sigF, 23);
        Bool overflow = node("overflow", and(normal, ge(field, slit(255, 12))));
        UInt expField = mux(overflow, lit(255, 8), mux(normal, low(asUInt(field), 8), lit(0, 8)));
        UInt mant = mux(overflow, lit(0, 23), bits(sigF, 22, 0));
        Bool signBit = and(io.neg, orR(io.mag));
        UInt finite = node("finite", cat(asUInt(signBit), expField, mant));
        if (!specials) {
            connect(io.out, finite);
            return;
        }
        Bool isNan = or(io.nan, and(io.pinf, io.ninf));
        UInt inf = cat(asUInt(io.ninf), lit(0x7F80_0000L >>> 0, 31));
        connect(io.out, mux(isNan, lit(CANONICAL_NAN, 32), mux(or(io.pinf, io.ninf), inf, finite)));
    }

    @Override public String desiredName() { return name; }
}
