package io.rtlbench.testbenches.systolic;

/**
 * Which entries of the weight matrix B (K x N) may be non-zero by construction, whatever the data:
 * the compiler skips weight blocks with none, and counts only these multiply-accumulates as real
 * MACs. {@link #DENSE} for ordinary layers; {@link #depthwise} for a depthwise convolution lowered to
 * a block-diagonal GEMM ({@link Layers.DepthwiseConv2d}).
 */
public interface WeightStructure {
    /** How many entries of row k in columns [n0, n0 + len) may be non-zero. */
    int rowCount(int k, int n0, int len);

    /** Every entry may be non-zero. */
    WeightStructure DENSE = (k, n0, len) -> len;

    /** Structural non-zeros in rows [k0, k0 + kLen) x columns [n0, n0 + nLen). */
    default long blockCount(int k0, int kLen, int n0, int nLen) {
        long c = 0;
        for (int k = k0; k < k0 + kLen; k++) c += rowCount(k, n0, nLen);
        return c;
    }

    /**
     * A depthwise convolution of {@code channels} channels with {@code taps} kernel taps each, its
     * channels taken {@code group} at a time: K index = g * taps * G + tap * G_g + c (G_g the size of
     * group g, the last group may be smaller), N index = channel = g * group + c. Row k holds weights
     * of exactly one channel, so B is block-diagonal with diagonal blocks of G_g x G_g per tap.
     */
    static WeightStructure depthwise(int channels, int taps, int group) {
        if (channels < 1 || taps < 1 || group < 1) throw new IllegalArgumentException("depthwise structure needs channels, taps, group >= 1");
        return (k, n0, len) -> {
            int col = depthwiseColumn(channels, taps, group, k);
            return col >= n0 && col < n0 + len ? 1 : 0;
        };
    }

    /** The output channel (column of B) that row k of a depthwise weight matrix belongs to. */
    static int depthwiseColumn(int channels, int taps, int group, int k) {
        int g = Math.min(k / (taps * group), (channels - 1) / group);
        int size = Math.min(group, channels - g * group);
        return g * group + (k - g * taps * group) % size;
    }
}
