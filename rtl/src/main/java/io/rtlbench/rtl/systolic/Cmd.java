package io.rtlbench.rtl.systolic;

import java.math.BigInteger;

/**
 * The command encoding, shared by the RTL decoder ({@link #field}) and the Java compiler
 * ({@link Builder}). A command is 128 bits; fields of different opcodes overlap. Every command has
 * OP, WAIT_DMA and WAIT_COMPUTE: it is dispatched only when at least WAIT_DMA DMA commands (CONFIG,
 * MVIN, MVOUT) and WAIT_COMPUTE COMPUTE commands have completed, counted from reset modulo 2^16: a
 * wait w is met when (completed - w) mod 2^16 < 2^15, so streams of any length work as long as a wait
 * names one of the last 16,384 commands of its kind (the compiler raises older waits to that).
 */
public final class Cmd {
    public static final int BITS = 128;

    private Cmd() {}

    /** Opcodes. END (0, also what an empty command memory holds) stops the core once all units are idle. */
    public enum Op { END, CONFIG, MVIN, MVOUT, PRELOAD, COMPUTE }

    /** Move-in destinations. */
    public enum Target { SPAD_A, SPAD_B, ACC }

    /** Bit fields: lowest bit and width. */
    public enum Field {
        OP(0, 4), WAIT_DMA(4, 16), WAIT_COMPUTE(20, 16),
        // MVIN / MVOUT: byte address off-chip (beat-aligned), first local row, row count, target, repeat one source row
        DRAM_ADDR(36, 32), LOCAL_ROW(68, 16), ROWS(84, 16), TARGET(100, 2), REPEAT(102, 1),
        // CONFIG: requantization of later MVOUTs (scale: signed INT32), raw = INT32 rows instead of INT8
        SCALE(36, 32), SHIFT(68, 6), RELU(74, 1), RAW(75, 1),
        // PRELOAD (WS): first scratchpad-B row of the R x C weight tile (row i = weights of PE row i)
        // COMPUTE: A rows (WS: T activation rows; OS: T rows of R A-values), B rows (OS: T rows of C
        // B-values), T, first accumulator row, accumulate (else overwrite), real MACs per streamed row
        A_ROW(36, 16), B_ROW(52, 16), T(68, 16), ACC_ROW(84, 16), ACCUMULATE(100, 1), MACS(101, 13);

        public final int lo, width;
        Field(int lo, int width) { this.lo = lo; this.width = width; }
        public int hi() { return lo + width - 1; }
        public long max() { return (1L << width) - 1; }
    }

    /** Builds one command; values are range-checked. Kept as two 64-bit words (compilers build millions). */
    public static final class Builder {
        private long lo, hi;
        private final Op op;

        public Builder(Op op) { this.op = op; set(Field.OP, op.ordinal()); }

        public Builder set(Field f, long value) {
            if (f == Field.SCALE) value &= 0xFFFF_FFFFL;  // two's complement INT32
            if (value < 0 || value > f.max())
                throw new IllegalArgumentException(op + "." + f + " = " + value + " does not fit in " + f.width + " bits");
            long mask = f.max();
            if (f.lo < 64) {
                lo = lo & ~(mask << f.lo) | value << f.lo;
                if (f.lo + f.width > 64) {  // the field straddles the two words
                    int below = 64 - f.lo;
                    hi = hi & ~(mask >>> below) | value >>> below;
                }
            } else hi = hi & ~(mask << (f.lo - 64)) | value << (f.lo - 64);
            return this;
        }

        /** A field's current value. */
        public long get(Field f) {
            long v = f.lo < 64 ? lo >>> f.lo | (f.lo + f.width > 64 ? hi << (64 - f.lo) : 0) : hi >>> (f.lo - 64);
            return v & f.max();
        }

        public Op op() { return op; }
        /** The command as two 64-bit words, low word first (the emulator's memory word order). */
        public long[] words() { return new long[] {lo, hi}; }
        public BigInteger bits() {
            return new BigInteger(Long.toUnsignedString(hi)).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(lo)));
        }
    }

    /** The fields each opcode uses, in listing order (besides OP and the waits). */
    public static java.util.List<Field> fields(Op op) {
        return switch (op) {
            case END -> java.util.List.of();
            case CONFIG -> java.util.List.of(Field.SCALE, Field.SHIFT, Field.RELU, Field.RAW);
            case MVIN -> java.util.List.of(Field.TARGET, Field.DRAM_ADDR, Field.LOCAL_ROW, Field.ROWS, Field.REPEAT);
            case MVOUT -> java.util.List.of(Field.DRAM_ADDR, Field.LOCAL_ROW, Field.ROWS);
            case PRELOAD -> java.util.List.of(Field.B_ROW);
            case COMPUTE -> java.util.List.of(Field.A_ROW, Field.B_ROW, Field.T, Field.ACC_ROW, Field.ACCUMULATE, Field.MACS);
        };
    }

    /** One command as text, e.g. {@code MVIN TARGET=SPAD_A DRAM_ADDR=0x40 ... [wait dma>=1 compute>=0]}. */
    public static String describe(BigInteger cmd) {
        int code = (int) get(cmd, Field.OP);
        if (code >= Op.values().length) return "UNKNOWN(op=" + code + ")";
        Op op = Op.values()[code];
        StringBuilder b = new StringBuilder(op.name());
        for (Field f : fields(op)) {
            long v = get(cmd, f);
            b.append(' ').append(f).append('=').append(switch (f) {
                case SCALE -> String.valueOf((int) v);
                case TARGET -> v < Target.values().length ? Target.values()[(int) v].name() : "?" + v;
                case DRAM_ADDR -> "0x" + Long.toHexString(v);
                default -> String.valueOf(v);
            });
        }
        return b.append(" [wait dma>=").append(get(cmd, Field.WAIT_DMA)).append(" compute>=")
                .append(get(cmd, Field.WAIT_COMPUTE)).append(']').toString();
    }

    /** Reads a field back from a command (for disassembly and tests). */
    public static long get(BigInteger cmd, Field f) { return cmd.shiftRight(f.lo).and(BigInteger.valueOf(f.max())).longValue(); }
}
