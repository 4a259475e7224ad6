package io.rtlbench.testbenches.onnx;

/**
 * The integer program of a GEMM step. Weights are INT8 with the weight zero point already
 * subtracted, laid out per group as K x N_group matrices (Conv: rows (ci, ky, kx), columns output
 * channels; MatMul: B; Gemm: B or B transposed). {@code x}/{@code y} are the activation and output
 * quantizations (y null: raw INT32 output, as MatMulInteger/ConvInteger); {@code rq} the per-channel
 * integer requantization ({@link IntRequant}); {@code biasQ} the INT32 bias at scale
 * x_scale * w_scale (null: none). A MatMul of two activations has {@code weights} null and
 * takes B from its second input (whose zero point must be 0).
 *
 * @param node the Conv / MatMul / Gemm (or QLinear / Integer) node, for geometry and errors
 * @param weightShape the ONNX weight shape (Conv: [Cout, Cin/group, kh, kw])
 */
public record GemmSpec(Node node, boolean conv, int groups, byte[][][] weights, int[] weightShape, int[] biasQ, QParams x,
                       QParams b, QParams y, IntRequant rq, int outChannels) {
    public boolean raw() { return y == null; }
    public boolean dynamicB() { return weights == null; }

    /** Column sums of group g's weights (for folding the input zero point into the bias). */
    public static long[] colSums(byte[][] w) {
        long[] s = new long[w[0].length];
        for (byte[] row : w) for (int j = 0; j < row.length; j++) s[j] += row[j];
        return s;
    }

    /**
     * The bias the core adds for output channels [n0, n0 + w[0].length) of a job with weights w:
     * bias_q - x_zero * colsum(w) + the output zero-point fold (raw output: no fold).
     */
    public int[] hardwareBias(byte[][] w, int n0) {
        long[] cs = colSums(w);
        int[] b = new int[cs.length];
        int zx = x == null ? 0 : x.zero8();
        for (int j = 0; j < b.length; j++) {
            long v = (biasQ == null ? 0 : biasQ[n0 + j]) - (long) zx * cs[j] + (rq == null ? 0 : rq.zeroFold()[n0 + j]);
            if (v != (int) v) throw OnnxException.at(node, "folded bias " + v + " of channel " + (n0 + j) + " does not fit INT32");
            b[j] = (int) v;
        }
        return b;
    }
}
