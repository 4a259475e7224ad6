package io.rtlbench.rtl.hw;

import chisel3.Bits;
import chisel3.Bool;
import chisel3.Bool$;
import chisel3.Data;
import chisel3.Input$;
import chisel3.IO$;
import chisel3.Mem;
import chisel3.Mem$;
import chisel3.Flipped$;
import chisel3.Output$;
import chisel3.Reg$;
import chisel3.RegInit$;
import chisel3.RegNext$;
import chisel3.SInt;
import chisel3.SInt$;
import chisel3.SyncReadMem;
import chisel3.SyncReadMem$;
import chisel3.UInt;
import chisel3.UInt$;
import chisel3.Vec;
import chisel3.Vec$;
import chisel3.VecInit$;
import chisel3.Width$;
import chisel3.WhenContext;
import chisel3.Wire$;
import chisel3.experimental.BaseModule;
import chisel3.when$;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Supplier;
import scala.jdk.javaapi.CollectionConverters;
import scala.math.BigInt;

/**
 * The Java-on-Chisel facade: types, literals, named hardware (IO, registers, wires, memories,
 * instances) and control (when/elsewhen/otherwise). Use with {@code import static ...Hw.*} and
 * {@link Ops} for operators. Every constructor here takes a name first: without the Scala compiler
 * plugin Chisel cannot see Java variable names, and every signal must be named to reach the
 * Verilog, the waveforms and the toggle counters under its Java name.
 */
public final class Hw {
    private Hw() {}

    // ---- types ------------------------------------------------------------------------------
    public static UInt UInt(int width) { return UInt$.MODULE$.apply(Width$.MODULE$.apply(width)); }
    public static SInt SInt(int width) { return SInt$.MODULE$.apply(Width$.MODULE$.apply(width)); }
    public static Bool Bool() { return Bool$.MODULE$.apply(); }
    public static <T extends Data> Vec<T> Vec(int n, T element) { return Vec$.MODULE$.apply(n, element, Src.here()); }

    /** Port directions, for fields of a {@link HwBundle} used as IO. */
    public static <T extends Data> T in(T type) { return Input$.MODULE$.apply(() -> type); }
    public static <T extends Data> T out(T type) { return Output$.MODULE$.apply(() -> type); }
    public static <T extends Data> T flipped(T type) { return Flipped$.MODULE$.apply(() -> type); }

    // ---- literals ---------------------------------------------------------------------------
    static BigInt big(long v) { return BigInt.apply(v); }
    static BigInt big(BigInteger v) { return BigInt.apply(v); }

    /** Unsigned literal of {@code width} bits; {@code value} must fit (negative values are refused). */
    public static UInt lit(long value, int width) { return lit(BigInteger.valueOf(value), width); }
    public static UInt lit(BigInteger value, int width) {
        if (value.signum() < 0 || value.bitLength() > width)
            throw new IllegalArgumentException("literal " + value + " does not fit in UInt<" + width + ">");
        return UInt$.MODULE$.Lit(big(value), Width$.MODULE$.apply(width));
    }
    /** Signed literal of {@code width} bits (two's complement range checked). */
    public static SInt slit(long value, int width) {
        if (width < 64 && (value < -(1L << (width - 1)) || value >= (1L << (width - 1))))
            throw new IllegalArgumentException("literal " + value + " does not fit in SInt<" + width + ">");
        return SInt$.MODULE$.Lit(big(value), Width$.MODULE$.apply(width));
    }
    public static Bool lit(boolean value) { return Bool$.MODULE$.Lit(value); }

    // ---- named hardware ---------------------------------------------------------------------
    static <T extends Data> T named(T d, String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("every signal needs a name");
        d.suggestName(() -> name);
        return d;
    }

    /** The module's IO port (a bundle with in/out fields, or a plain type for a single port). */
    public static <T extends Data> T io(String name, T type) { return named(IO$.MODULE$.apply(() -> type, Src.here()), name); }
    public static <T extends Data> T reg(String name, T type) { return named(Reg$.MODULE$.apply(() -> type, Src.here()), name); }
    /** Register reset to {@code init} by the module's implicit (synchronous) reset. */
    public static <T extends Data> T regInit(String name, T init) { return named(RegInit$.MODULE$.apply(init, Src.here()), name); }
    /** Register of type {@code type}, reset to {@code init}. */
    public static <T extends Data> T regInit(String name, T type, T init) { return named(RegInit$.MODULE$.apply(type, init, Src.here()), name); }
    public static <T extends Data> T regNext(String name, T next) { return named(RegNext$.MODULE$.apply(next, Src.here()), name); }
    public static <T extends Data> T wire(String name, T type) { return named(Wire$.MODULE$.apply(() -> type, Src.here()), name); }
    /** A wire driven by {@code value} (a named intermediate signal). */
    public static <T extends Data> T node(String name, T value) {
        @SuppressWarnings("unchecked") T w = wire(name, (T) value.cloneType());
        connect(w, value);
        return w;
    }
    /** Vec of hardware values (e.g. wires) built from a list. */
    public static <T extends Data> Vec<T> vecOf(List<T> elements) {
        return VecInit$.MODULE$.do_apply(CollectionConverters.asScala(elements).toSeq(), Src.here());
    }
    /** Combinational-read memory ({@code depth} words of {@code type}). */
    public static <T extends Data> Mem<T> mem(String name, int depth, T type) {
        Mem<T> m = Mem$.MODULE$.do_apply(depth, type, Src.here());
        m.suggestName(() -> name);
        return m;
    }
    /** Combinational-read memory with an energy role (e.g. a register file, a command memory). */
    public static <T extends Data> Mem<T> mem(String name, int depth, T type, EnergyRole role) {
        Hierarchy.tag(name, role);
        return mem(name, depth, type);
    }
    /** Memory with one-cycle read latency (an SRAM macro). */
    public static <T extends Data> SyncReadMem<T> syncMem(String name, int depth, T type) {
        SyncReadMem<T> m = SyncReadMem$.MODULE$.do_apply(depth, type, Src.here());
        m.suggestName(() -> name);
        return m;
    }
    /** A child module instance; it inherits its parent's energy role. */
    public static <T extends BaseModule> T instance(String name, Supplier<T> gen) {
        T m = Hierarchy.enter(name, () -> chisel3.Module$.MODULE$.do_apply(gen::get, Src.here()));
        m.suggestName(() -> name);
        return m;
    }
    /** A child module instance whose logic (and everything inside it without a role of its own) is charged as {@code role}. */
    public static <T extends BaseModule> T instance(String name, EnergyRole role, Supplier<T> gen) {
        Hierarchy.tag(name, role);
        return instance(name, gen);
    }

    // ---- connections and memories -----------------------------------------------------------
    /** {@code sink := source}. */
    public static void connect(Data sink, Data source) { sink.$colon$eq(() -> source, Src.here()); }
    public static <T extends Data> T read(Mem<T> m, UInt addr) { return m.do_read(addr, Src.here()); }
    public static <T extends Data> void write(Mem<T> m, UInt addr, T data) { m.do_write(addr, data, Src.here()); }
    /** Synchronous read: data appears the cycle after {@code enable}. */
    public static <T extends Data> T read(SyncReadMem<T> m, UInt addr, Bool enable) { return m.do_read(addr, enable, Src.here()); }
    public static <T extends Data> void write(SyncReadMem<T> m, UInt addr, T data) { m.do_write(addr, data, Src.here()); }
    /** Dynamic index into a Vec (static indices: {@code vec.apply(i)}). */
    public static <T extends Data> T at(Vec<T> vec, UInt index) { return vec.do_apply(index, Src.here()); }

    // ---- control ----------------------------------------------------------------------------
    /** {@code when (cond) { body }}; chain {@link When#elsewhen} and {@link When#otherwise}. */
    public static When when(Bool cond, Runnable body) {
        return new When(when$.MODULE$.apply(() -> cond, () -> { body.run(); return null; }, Src.here()));
    }

    /** A when-chain. {@code elsewhen} takes a supplier because Java evaluates arguments eagerly. */
    public static final class When {
        private final WhenContext ctx;
        private When(WhenContext ctx) { this.ctx = ctx; }
        public When elsewhen(Supplier<Bool> cond, Runnable body) {
            return new When(ctx.elsewhen(cond::get, () -> { body.run(); return null; }, Src.here()));
        }
        public void otherwise(Runnable body) { ctx.otherwise(() -> { body.run(); return null; }, Src.here()); }
    }

    /** Width of a typed signal in bits. */
    public static int width(Bits b) { return b.getWidth(); }
}
