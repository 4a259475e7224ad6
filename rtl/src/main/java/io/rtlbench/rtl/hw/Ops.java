package io.rtlbench.rtl.hw;

import chisel3.Bits;
import chisel3.Bool;
import chisel3.Data;
import chisel3.Mux$;
import chisel3.SInt;
import chisel3.UInt;
import chisel3.util.Cat$;
import chisel3.util.Fill$;
import java.util.Arrays;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Operators on UInt, SInt and Bool with Chisel's width rules: {@code add}/{@code sub} wrap to the
 * wider operand (Chisel {@code +%}), {@code addExpand} keeps the carry ({@code +&}), {@code mul}
 * returns the sum of the widths. Shifts by a constant change the width as in Chisel.
 */
public final class Ops {
    private Ops() {}

    // ---- arithmetic -------------------------------------------------------------------------
    public static UInt add(UInt a, UInt b) { return a.do_$plus$percent(b, Src.here()); }
    public static SInt add(SInt a, SInt b) { return a.do_$plus$percent(b, Src.here()); }
    public static UInt addExpand(UInt a, UInt b) { return a.do_$plus$amp(b, Src.here()); }
    public static SInt addExpand(SInt a, SInt b) { return a.do_$plus$amp(b, Src.here()); }
    public static UInt sub(UInt a, UInt b) { return a.do_$minus$percent(b, Src.here()); }
    public static SInt sub(SInt a, SInt b) { return a.do_$minus$percent(b, Src.here()); }
    public static UInt mul(UInt a, UInt b) { return a.do_$times(b, Src.here()); }
    public static SInt mul(SInt a, SInt b) { return a.do_$times(b, Src.here()); }
    /** Signed times unsigned (result signed, width wa + wb + 1... as Chisel defines). */
    public static SInt mul(SInt a, UInt b) { return a.do_$times(b, Src.here()); }
    public static UInt div(UInt a, UInt b) { return a.do_$div(b, Src.here()); }
    public static SInt div(SInt a, SInt b) { return a.do_$div(b, Src.here()); }
    public static UInt rem(UInt a, UInt b) { return a.do_$percent(b, Src.here()); }
    public static SInt rem(SInt a, SInt b) { return a.do_$percent(b, Src.here()); }
    public static SInt neg(SInt a) { return a.do_unary_$minus$percent(Src.here()); }

    // ---- logic ------------------------------------------------------------------------------
    public static UInt and(UInt a, UInt b) { return a.do_$amp(b, Src.here()); }
    public static UInt or(UInt a, UInt b) { return a.do_$bar(b, Src.here()); }
    public static UInt xor(UInt a, UInt b) { return a.do_$up(b, Src.here()); }
    public static UInt not(UInt a) { return a.do_unary_$tilde(Src.here()); }
    public static Bool and(Bool a, Bool b) { return a.do_$amp$amp(b, Src.here()); }
    public static Bool or(Bool a, Bool b) { return a.do_$bar$bar(b, Src.here()); }
    public static Bool xor(Bool a, Bool b) { return a.do_$up(b, Src.here()); }
    public static Bool not(Bool a) { return a.do_unary_$bang(Src.here()); }
    public static Bool orR(UInt a) { return a.do_orR(Src.here()); }
    public static Bool andR(UInt a) { return a.do_andR(Src.here()); }

    // ---- shifts -----------------------------------------------------------------------------
    public static UInt shl(UInt a, int n) { return a.do_$less$less(n, Src.here()); }
    public static UInt shl(UInt a, UInt n) { return a.do_$less$less(n, Src.here()); }
    public static UInt shr(UInt a, int n) { return a.do_$greater$greater(n, Src.here()); }
    public static UInt shr(UInt a, UInt n) { return a.do_$greater$greater(n, Src.here()); }
    public static SInt shl(SInt a, int n) { return a.do_$less$less(n, Src.here()); }
    public static SInt shl(SInt a, UInt n) { return a.do_$less$less(n, Src.here()); }
    /** Arithmetic shift right. */
    public static SInt shr(SInt a, int n) { return a.do_$greater$greater(n, Src.here()); }
    public static SInt shr(SInt a, UInt n) { return a.do_$greater$greater(n, Src.here()); }

    // ---- comparisons ------------------------------------------------------------------------
    public static Bool eq(UInt a, UInt b) { return a.do_$eq$eq$eq(b, Src.here()); }
    public static Bool eq(SInt a, SInt b) { return a.do_$eq$eq$eq(b, Src.here()); }
    public static Bool neq(UInt a, UInt b) { return a.do_$eq$div$eq(b, Src.here()); }
    public static Bool neq(SInt a, SInt b) { return a.do_$eq$div$eq(b, Src.here()); }
    public static Bool lt(UInt a, UInt b) { return a.do_$less(b, Src.here()); }
    public static Bool lt(SInt a, SInt b) { return a.do_$less(b, Src.here()); }
    public static Bool le(UInt a, UInt b) { return a.do_$less$eq(b, Src.here()); }
    public static Bool le(SInt a, SInt b) { return a.do_$less$eq(b, Src.here()); }
    public static Bool gt(UInt a, UInt b) { return a.do_$greater(b, Src.here()); }
    public static Bool gt(SInt a, SInt b) { return a.do_$greater(b, Src.here()); }
    public static Bool ge(UInt a, UInt b) { return a.do_$greater$eq(b, Src.here()); }
    public static Bool ge(SInt a, SInt b) { return a.do_$greater$eq(b, Src.here()); }

    // ---- bits, widths, conversions ----------------------------------------------------------
    /** Bits {@code hi..lo} (inclusive) as UInt. */
    public static UInt bits(Bits a, int hi, int lo) { return a.do_apply(hi, lo, Src.here()); }
    public static Bool bit(Bits a, int i) { return a.do_apply(i, Src.here()); }
    public static Bool bit(Bits a, UInt i) { return a.do_apply(i, Src.here()); }
    /** Concatenation, first argument in the most significant bits. */
    public static UInt cat(Bits... parts) {
        return Cat$.MODULE$.do_apply(CollectionConverters.asScala(Arrays.asList(parts)).toSeq(), Src.here());
    }
    public static UInt fill(int n, UInt a) { return Fill$.MODULE$.do_apply(n, a, Src.here()); }
    public static UInt asUInt(Data a) { return a.do_asUInt(Src.here()); }
    public static SInt asSInt(Bits a) { return a.do_asSInt(Src.here()); }
    public static Bool asBool(Bits a) { return a.do_asBool(Src.here()); }
    /** Zero-extend to a signed value one bit wider. */
    public static SInt zext(UInt a) { return a.do_zext(Src.here()); }
    /** Zero-extend (UInt) or sign-extend (SInt) to at least {@code width} bits. */
    public static UInt pad(UInt a, int width) { return (UInt) a.do_pad(width, Src.here()); }
    public static SInt signExtend(SInt a, int width) { return (SInt) a.do_pad(width, Src.here()); }
    /** Keep the low {@code width} bits (truncation). */
    public static UInt low(Bits a, int width) { return bits(a, width - 1, 0); }

    // ---- selection --------------------------------------------------------------------------
    public static <T extends Data> T mux(Bool sel, T whenTrue, T whenFalse) {
        return Mux$.MODULE$.do_apply(sel, whenTrue, whenFalse, Src.here());
    }
}
