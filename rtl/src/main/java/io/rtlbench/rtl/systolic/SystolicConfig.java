package io.rtlbench.rtl.systolic;

import io.rtlbench.rtl.formats.NumberFormat;
import io.rtlbench.rtl.mem.OffChipConfig;

/**
 * The one configuration record of the systolic core; each block gets only its slice.
 *
 * @param array    PE grid and dataflow
 * @param memories on-chip SRAM sizes
 * @param offchip  the shared off-chip memory model (bus width, bandwidth, latency, size)
 * @param cmdDepth command memory depth in 128-bit commands (a power of two, 16..{@value #MAX_CMD_DEPTH}); the host
 *                 sizes it from the program ({@code SystolicCompiler.requirements}) before building the emulator
 */
public record SystolicConfig(Array array, Memories memories, OffChipConfig offchip, int cmdDepth) {
    /** Largest command memory (1 Mi commands, 16 MiB): the limit on one program's length. */
    public static final int MAX_CMD_DEPTH = 1 << 20;
    /**
     * Default scratchpad rows (each bank): Gemmini's default config (Configs.scala defaultConfig:
     * sp_capacity 256 KiB at 16x16, i.e. 16,384 rows of 16 bytes, here split between A and B).
     */
    public static final int DEFAULT_SPAD_ROWS = 8192;
    /** Default accumulator rows: Gemmini's default config (acc_capacity 64 KiB = 1,024 rows of 16 INT32 lanes). */
    public static final int DEFAULT_ACC_ROWS = 1024;

    /** Weight-stationary (weights preloaded, double-buffered) or output-stationary (outputs stay in the PEs). */
    public enum Dataflow { WS, OS }

    /**
     * @param rows     PE rows R (2..64): activation lanes entering from the left
     * @param cols     PE columns C (2..64): output lanes leaving at the bottom
     * @param dataflow WS or OS
     * @param format   element format of the PEs (INT8 by default; the floating-point formats run
     *                 weight-stationary and write FP32 results; MXFP4 packs two elements a byte, so
     *                 it needs an even number of rows and columns)
     */
    public record Array(int rows, int cols, Dataflow dataflow, NumberFormat format) {
        public Array {
            if (rows < 2 || rows > 64 || cols < 2 || cols > 64)
                throw new IllegalArgumentException("systolic array must be 2..64 x 2..64 PEs; got " + rows + "x" + cols);
            if (dataflow == null) throw new IllegalArgumentException("dataflow must be WS or OS");
            if (format == null) throw new IllegalArgumentException("format must not be null");
            if (format.isFloat() && dataflow != Dataflow.WS)
                throw new IllegalArgumentException("format " + format + " needs the weight-stationary dataflow (ws); only int8 runs os");
            if (format == NumberFormat.MXFP4 && (rows % 2 != 0 || cols % 2 != 0))
                throw new IllegalArgumentException("format mxfp4 packs two elements a byte and needs an even number of rows and columns; got "
                        + rows + "x" + cols);
        }

        /** An INT8 array. */
        public Array(int rows, int cols, Dataflow dataflow) { this(rows, cols, dataflow, NumberFormat.INT8); }

        /** Width of a partial sum flowing down a column: INT32 for INT8, else the exact sum of R products. */
        public int psBits() { return format == NumberFormat.INT8 ? 32 : format.exactSumBits(rows); }
    }

    /**
     * @param spadRows rows of each scratchpad bank (A: R bytes a row, B: C bytes a row); power of two, 64..65536
     * @param accRows  rows of the accumulator (C INT32 lanes a row); power of two, 64..65536
     */
    public record Memories(int spadRows, int accRows) {
        public Memories {
            if (!pow2In(spadRows, 64, 65536)) throw new IllegalArgumentException("spadRows must be a power of two in 64..65536; got " + spadRows);
            if (!pow2In(accRows, 64, 65536)) throw new IllegalArgumentException("accRows must be a power of two in 64..65536; got " + accRows);
        }
    }

    public SystolicConfig {
        if (array == null || memories == null || offchip == null) throw new IllegalArgumentException("config parts must not be null");
        if (!pow2In(cmdDepth, 16, MAX_CMD_DEPTH))
            throw new IllegalArgumentException("cmdDepth must be a power of two in 16.." + MAX_CMD_DEPTH + "; got " + cmdDepth);
    }

    static boolean pow2In(int v, int lo, int hi) { return v >= lo && v <= hi && Integer.bitCount(v) == 1; }

    /**
     * Defaults: the row counts of Gemmini's default 16x16 configuration ({@link #DEFAULT_SPAD_ROWS},
     * {@link #DEFAULT_ACC_ROWS}; at 16x16 that is 256 KiB of scratchpad and 64 KiB of accumulator,
     * other array sizes scale with the row width), 4096 commands, the default off-chip model.
     */
    public static SystolicConfig of(int rows, int cols, Dataflow dataflow) {
        return new SystolicConfig(new Array(rows, cols, dataflow), new Memories(DEFAULT_SPAD_ROWS, DEFAULT_ACC_ROWS), OffChipConfig.defaults(), 4096);
    }

    public SystolicConfig withCmdDepth(int depth) { return new SystolicConfig(array, memories, offchip, depth); }
    public SystolicConfig withOffChip(OffChipConfig o) { return new SystolicConfig(array, memories, o, cmdDepth); }
    public SystolicConfig withMemories(Memories m) { return new SystolicConfig(array, m, offchip, cmdDepth); }
    public SystolicConfig withFormat(NumberFormat f) {
        return new SystolicConfig(new Array(array.rows(), array.cols(), array.dataflow(), f), memories, offchip, cmdDepth);
    }

    // ---- derived values --------------------------------------------------------------------
    public int rows() { return array.rows(); }
    public int cols() { return array.cols(); }
    public NumberFormat format() { return array.format(); }
    public int busBytes() { return offchip.busBytes(); }
    /** Off-chip beats per scratchpad-A row (R bytes, padded to whole beats). */
    public int beatsA() { return ceil(rows(), busBytes()); }
    /** Scratchpad-A rows packed in one off-chip beat: busBytes / R when R divides the bus, else 1 (padded rows). */
    public int packA() { return pack(rows()); }
    /** Scratchpad-B rows packed in one off-chip beat (C bytes each). */
    public int packB() { return pack(cols()); }
    /** Requantized INT8 output rows (C bytes) packed in one off-chip beat by MVOUT. */
    public int packOut() { return pack(cols()); }
    private int pack(int rowBytes) { return rowBytes < busBytes() && busBytes() % rowBytes == 0 ? busBytes() / rowBytes : 1; }
    /** Off-chip beats per scratchpad-B row (C bytes). */
    public int beatsB() { return ceil(cols(), busBytes()); }
    /** Off-chip beats per accumulator row (C x 4 bytes); also a raw INT32 output row. */
    public int beatsAcc() { return ceil(4 * cols(), busBytes()); }
    /** Off-chip beats per requantized INT8 output row (C bytes). */
    public int beatsOut8() { return ceil(cols(), busBytes()); }
    /** Cycles from injecting an (unskewed) input row to its deskewed WS output row: R + C - 1. */
    public int wsLatency() { return rows() + cols() - 1; }
    public static int log2(int pow2) { return Integer.numberOfTrailingZeros(pow2); }

    static int ceil(int a, int b) { return (a + b - 1) / b; }
}
