package io.rtlbench.rtl.demo;

/**
 * Size of the demo MAC grid.
 *
 * @param rows PE rows (activation rows streamed from the left), 1..64
 * @param cols PE columns (weight columns streamed from the top), 1..64
 */
public record MacGridConfig(int rows, int cols) {
    public static final int DATA_BITS = 8;   // INT8 operands
    public static final int ACC_BITS = 32;   // INT32 accumulators

    public MacGridConfig {
        if (rows < 1 || rows > 64 || cols < 1 || cols > 64)
            throw new IllegalArgumentException("MAC grid must be 1..64 x 1..64, got " + rows + "x" + cols);
    }

    /** Cycles from the first skewed input to the last product reaching PE(rows-1, cols-1), for depth k. */
    public int cyclesFor(int k) { return k + rows + cols - 2; }
}
