package io.rtlbench.rtl.formats;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.UInt;
import io.rtlbench.rtl.hw.HwBundle;
import io.rtlbench.rtl.hw.HwModule;

/**
 * IEEE 754 binary32 addition, round to nearest, ties to even, with subnormals, infinities and
 * NaN (any NaN result is the canonical 0x7FC00000); bit-exact with Java's float addition (the
 * golden model) apart from NaN payloads. Combinational. The operand of larger magnitude keeps its
 * place; the other is aligned right by the exponent difference into 24 + 3 bits (guard, round and
 * a sticky OR of everything shifted further), added or subtracted, and the 28-bit result is rounded
 * by {@link FixedToFp32}. Zero results are +0, except (-0) + (-0) = -0.
 */
public final class Fp32Add extends HwModule {
    public static final class Fp32AddIO extends HwBundle {
        public final UInt a = in(UInt(32));
        public final UInt b = in(UInt(32));
        public final UInt sum = out(UInt(32));
    }

    public final Fp32AddIO io = io("io", new Fp32AddIO());

    public Fp32Add() {
        Bool swap = node("swap", gt(bits(io.b, 30, 0), bits(io.a, 30, 0)));
        UInt big = node("big", mux(swap, io.b, io.a));
        UInt small = node("small", mux(swap, io.a, io.b));
        UInt eBig = bits(big, 30, 23), eSmall = bits(small, 30, 23);
        UInt effBig = node("effBig", mux(orR(eBig), eBig, lit(1, 8)));
        UInt effSmall = mux(orR(eSmall), eSmall, lit(1, 8));
        UInt sigBig = cat(asUInt(orR(eBig)), bits(big, 22, 0), lit(0, 3));      // 27 bits: 1.m and G, R, S
        UInt sigSmall = cat(asUInt(orR(eSmall)), bits(small, 22, 0), lit(0, 3));
        UInt diff = sub(effBig, effSmall);
        UInt shift = node("shift", mux(gt(diff, lit(27, 8)), lit(27, 5), low(diff, 5)));
        UInt[] thermometer = new UInt[27];
        for (int i = 0; i < 27; i++) thermometer[26 - i] = asUInt(lt(lit(i, 5), shift));
        Bool sticky = node("sticky", orR(and(sigSmall, cat(thermometer))));
        UInt aligned = node("aligned", or(shr(sigSmall, shift), mux(sticky, lit(1, 27), lit(0, 27))));
        Bool subtract = node("subtract", xor(bit(big, 31), bit(small, 31)));
        UInt total = node("total", mux(subtract, pad(sub(sigBig, aligned), 28), addExpand(sigBig, aligned)));

        FixedToFp32 round = instance("round", () -> new FixedToFp32(28, false));
        connect(round.io.neg, bit(big, 31));
        connect(round.io.mag, total);
        connect(round.io.exp, signExtend(sub(zext(effBig), slit(153, 10)), FixedToFp32.EXP_BITS));  // lsb = 2^(eff-127-26)

        Bool aNan = isNan(io.a), bNan = isNan(io.b), aInf = isInf(io.a), bInf = isInf(io.b);
        Bool nan = node("nan", or(or(aNan, bNan), and(and(aInf, bInf), xor(bit(io.a, 31), bit(io.b, 31)))));
        Bool inf = node("inf", or(aInf, bInf));
        UInt infinity = cat(asUInt(mux(aInf, bit(io.a, 31), bit(io.b, 31))), lit(0x7F80_0000L, 31));
        Bool negZeros = node("negZeros", and(and(bit(io.a, 31), bit(io.b, 31)),
                and(not(orR(bits(io.a, 30, 0))), not(orR(bits(io.b, 30, 0))))));
        connect(io.sum, mux(nan, lit(FixedToFp32.CANONICAL_NAN, 32), mux(inf, infinity,
                mux(negZeros, lit(0x8000_0000L, 32), round.io.out))));
    }

    static Bool isNan(UInt x) { return and(andR(bits(x, 30, 23)), orR(bits(x, 22, 0))); }
    static Bool isInf(UInt x) { return and(andR(bits(x, 30, 23)), not(orR(bits(x, 22, 0)))); }
}
