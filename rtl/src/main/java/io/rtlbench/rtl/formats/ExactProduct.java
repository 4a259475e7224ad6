package io.rtlbench.rtl.formats;

import static io.rtlbench.rtl.hw.Hw.*;
import static io.rtlbench.rtl.hw.Ops.*;

import chisel3.Bool;
import chisel3.SInt;
import chisel3.UInt;

/**
 * Generates, inside the calling module, the exact product of two floating-point elements of one
 * {@link NumberFormat}: a signed integer in units of 2^{@link NumberFormat#productLsbExponent()}
 * ({@link NumberFormat#productBits()} + 1 bits: the significands 1.m or 0.m multiplied, shifted
 * left by eEffA + eEffB - 2), and the special-value flags of the product (E4M3: NaN; E5M2: NaN,
 * +Inf, -Inf, with Inf x 0 = NaN). When a flag is set the value is meaningless. Combinational:
 * a (m+1) x (m+1)-bit multiplier, an exponent adder and a barrel shifter.
 */
public final class ExactProduct {
    private ExactProduct() {}

    /** Flags are constant false for formats without such values. */
    public record Result(SInt value, Bool nan, Bool pinf, Bool ninf) {}

    private record Element(Bool sign, UInt sig, UInt eff, Bool nan, Bool inf, Bool zero) {}

    public static Result of(NumberFormat f, UInt a, UInt b) {
        if (!f.isFloat()) throw new IllegalArgumentException("ExactProduct is for floating-point formats, not " + f);
        Element x = decode(f, a, "a"), y = decode(f, b, "b");
        UInt sigProduct = node("sigProduct", mul(x.sig, y.sig));
        UInt shift = node("shift", sub(addExpand(x.eff, y.eff), lit(2, f.expBits + 1)));
        UInt magnitude = node("magnitude", low(shl(sigProduct, shift), f.productBits()));
        Bool negative = node("negative", xor(x.sign, y.sign));
        SInt value = node("productValue", mux(negative, neg(zext(magnitude)), zext(magnitude)));
        Bool nan = lit(false), pinf = lit(false), ninf = lit(false);
        if (f.hasNaN()) {
            Bool invalid = f.hasInfinity() ? or(and(x.inf, y.zero), and(y.inf, x.zero)) : lit(false);
            nan = node("productNan", or(or(x.nan, y.nan), invalid));
        }
        if (f.hasInfinity()) {
            Bool inf = or(x.inf, y.inf);
            pinf = node("productPinf", and(inf, not(negative)));
            ninf = node("productNinf", and(inf, negative));
        }
        return new Result(value, nan, pinf, ninf);
    }

    private static Element decode(NumberFormat f, UInt code, String p) {
        int m = f.mantBits, e = f.expBits;
        Bool sign = bit(code, f.elementBits - 1);
        UInt field = bits(code, m + e - 1, m), mant = bits(code, m - 1, 0);
        Bool normal = orR(field);
        UInt sig = node(p + "Sig", cat(asUInt(normal), mant));
        UInt eff = node(p + "Exp", mux(normal, field, lit(1, e)));
        Bool top = andR(field);
        Bool nan = switch (f) {
            case FP8_E4M3 -> and(top, andR(mant));
            case FP8_E5M2 -> and(top, orR(mant));
            default -> lit(false);
        };
        Bool inf = f.hasInfinity() ? and(top, not(orR(mant))) : lit(false);
        Bool zero = and(not(normal), not(orR(mant)));
        return new Element(sign, sig, eff, nan, inf, zero);
    }
}
