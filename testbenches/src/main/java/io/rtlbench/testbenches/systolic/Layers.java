package io.rtlbench.testbenches.systolic;

/**
 * The layer API: each layer lowers to one {@link GemmJob} (so any core that runs GEMMs runs it) and
 * has an independent golden model. INT8 activations, INT8 weights, INT32 bias, then {@link Requant}
 * (null: raw INT32 out). ReLU fuses into the requantization of the layer before it.
 */
public final class Layers {
    private Layers() {}

    /** y = requant(x W + bias): x is M x in, weights in x out. */
    public record Linear(byte[][] weights, int[] bias, Requant requant) {
        public GemmJob job(byte[][] x) { return new GemmJob(x, weights, bias, requant); }
        public int[][] golden(byte[][] x) { return GemmGolden.layer(x, weights, bias, requant); }
    }

    /** ReLU as a layer: folds into the previous layer's requantization (saturating INT8 output). */
    public record ReLU() {
        public Linear after(Linear l) { return new Linear(l.weights(), l.bias(), withRelu(l.requant())); }
        public Conv2d after(Conv2d c) { return new Conv2d(c.weights(), c.bias(), c.stride(), c.padding(), withRelu(c.requant())); }
        private static Requant withRelu(Requant r) {
            if (r == null) throw new IllegalArgumentException("ReLU fuses into an INT8 requantization; the layer before outputs raw INT32");
            return new Requant(r.scale(), r.shift(), true);
        }
    }

    /**
     * 2-D convolution, input Cin x H x W, weights Cout x Cin x KH x KW, zero padding on all sides,
     * output Cout x OH x OW with OH = (H + 2p - KH) / stride + 1. Lowered by im2col on the host:
     * GEMM rows = output pixels (oy * OW + ox), columns = (ci, ky, kx), N = Cout.
     */
    public record Conv2d(byte[][][][] weights, int[] bias, int stride, int padding, Requant requant) {
        public Conv2d {
            if (stride < 1) throw new IllegalArgumentException("conv stride must be >= 1; got " + stride);
            if (padding < 0) throw new IllegalArgumentException("conv padding must be >= 0; got " + padding);
        }

        int cout() { return weights.length; }
        int cin() { return weights[0].length; }
        int kh() { return weights[0][0].length; }
        int kw() { return weights[0][0][0].length; }
        public int outH(int h) { return check((h + 2 * padding - kh()) / stride + 1, h); }
        public int outW(int w) { return check((w + 2 * padding - kw()) / stride + 1, w); }
        private int check(int o, int in) {
            if (o < 1) throw new IllegalArgumentException("conv kernel " + kh() + "x" + kw() + " larger than padded input " + in);
            return o;
        }

        public GemmJob job(byte[][][] x) {
            if (x.length != cin()) throw new IllegalArgumentException("input has " + x.length + " channels, conv expects " + cin());
            int h = x[0].length, w = x[0][0].length, oh = outH(h), ow = outW(w), k = cin() * kh() * kw();
            byte[][] a = new byte[oh * ow][k];
            for (int oy = 0; oy < oh; oy++)
                for (int ox = 0; ox < ow; ox++)
                    for (int ci = 0, col = 0; ci < cin(); ci++)
                        for (int ky = 0; ky < kh(); ky++)
                            for (int kx = 0; kx < kw(); kx++, col++) {
                                int iy = oy * stride + ky - padding, ix = ox * stride + kx - padding;
                                a[oy * ow + ox][col] = iy < 0 || ix < 0 || iy >= h || ix >= w ? 0 : x[ci][iy][ix];
                            }
            byte[][] b = new byte[k][cout()];
            for (int co = 0; co < cout(); co++)
                for (int ci = 0, row = 0; ci < cin(); ci++)
                    for (int ky = 0; ky < kh(); ky++)
                        for (int kx = 0; kx < kw(); kx++, row++) b[row][co] = weights[co][ci][ky][kx];
            return new GemmJob(a, b, bias, requant);
        }

        /** GEMM output (pixels x Cout) back to Cout x OH x OW. */
        public int[][][] fromGemm(int[][] c, int h, int w) {
            int oh = outH(h), ow = outW(w);
            int[][][] y = new int[cout()][oh][ow];
            for (int co = 0; co < cout(); co++)
                for (int p = 0; p < oh * ow; p++) y[co][p / ow][p % ow] = c[p][co];
            return y;
        }

        /** Direct convolution (no im2col): the independent golden model. */
        public int[][][] golden(byte[][][] x) {
            int h = x[0].length, w = x[0][0].length, oh = outH(h), ow = outW(w);
            int[][][] y = new int[cout()][oh][ow];
            for (int co = 0; co < cout(); co++)
                for (int oy = 0; oy < oh; oy++)
                    for (int ox = 0; ox < ow; ox++) {
                        int acc = bias == null ? 0 : bias[co];
                        for (int ci = 0; ci < cin(); ci++)
                            for (int ky = 0; ky < kh(); ky++)
                                for (int kx = 0; kx < kw(); kx++) {
                                    int iy = oy * stride + ky - padding, ix = ox * stride + kx - padding;
                                    if (iy >= 0 && ix >= 0 && iy < h && ix < w) acc += x[ci][iy][ix] * weights[co][ci][ky][kx];
                                }
                        y[co][oy][ox] = requant == null ? acc : requant.apply(acc);
                    }
            return y;
        }
    }

    /**
     * Depthwise 2-D convolution: input C x H x W, weights C x KH x KW (one filter per channel), zero
     * padding, output C x OH x OW. Lowered to one GEMM whose weight matrix is block-diagonal, several
     * channels per pass: channels in groups of {@code group} (the array's column count fills every
     * column), K index = g * taps * G + tap * G_g + c, N index = channel ({@link WeightStructure#depthwise});
     * the compiler skips the all-zero weight blocks and counts only the real MACs.
     */
    public record DepthwiseConv2d(byte[][][] weights, int[] bias, int stride, int padding, Requant requant) {
        public DepthwiseConv2d {
            if (stride < 1) throw new IllegalArgumentException("conv stride must be >= 1; got " + stride);
            if (padding < 0) throw new IllegalArgumentException("conv padding must be >= 0; got " + padding);
        }

        int channels() { return weights.length; }
        int taps() { return weights[0].length * weights[0][0].length; }
        private Conv2d shape() { return new Conv2d(new byte[1][1][weights[0].length][weights[0][0].length], null, stride, padding, null); }

        public WeightStructure structure(int group) { return WeightStructure.depthwise(channels(), taps(), group); }

        public GemmJob job(byte[][][] x, int group) {
            if (x.length != channels()) throw new IllegalArgumentException("input has " + x.length + " channels, the depthwise conv " + channels());
            int kh = weights[0].length, kw = weights[0][0].length, h = x[0].length, w = x[0][0].length;
            int oh = shape().outH(h), ow = shape().outW(w), c = channels(), taps = kh * kw;
            byte[][] a = new byte[oh * ow][c * taps];
            byte[][] b = new byte[c * taps][c];
            for (int k = 0; k < c * taps; k++) {
                int g = Math.min(k / (taps * group), (c - 1) / group), size = Math.min(group, c - g * group), r = k - g * taps * group;
                int ch = g * group + r % size, tap = r / size, ky = tap / kw, kx = tap % kw;
                b[k][ch] = weights[ch][ky][kx];
                for (int oy = 0; oy < oh; oy++)
                    for (int ox = 0; ox < ow; ox++) {
                        int iy = oy * stride + ky - padding, ix = ox * stride + kx - padding;
                        a[oy * ow + ox][k] = iy < 0 || ix < 0 || iy >= h || ix >= w ? 0 : x[ch][iy][ix];
                    }
            }
            return new GemmJob(a, b, bias, requant);
        }

        /** GEMM output (pixels x C) back to C x OH x OW. */
        public int[][][] fromGemm(int[][] out, int h, int w) {
            int oh = shape().outH(h), ow = shape().outW(w);
            int[][][] y = new int[channels()][oh][ow];
            for (int ch = 0; ch < channels(); ch++)
                for (int p = 0; p < oh * ow; p++) y[ch][p / ow][p % ow] = out[p][ch];
            return y;
        }

        /** Direct depthwise convolution: the independent golden model. */
        public int[][][] golden(byte[][][] x) {
            int kh = weights[0].length, kw = weights[0][0].length, h = x[0].length, w = x[0][0].length;
            int oh = shape().outH(h), ow = shape().outW(w);
            int[][][] y = new int[channels()][oh][ow];
            for (int ch = 0; ch < channels(); ch++)
                for (int oy = 0; oy < oh; oy++)
                    for (int ox = 0; ox < ow; ox++) {
                        int acc = bias == null ? 0 : bias[ch];
                        for (int ky = 0; ky < kh; ky++)
                            for (int kx = 0; kx < kw; kx++) {
                                int iy = oy * stride + ky - padding, ix = ox * stride + kx - padding;
                                if (iy >= 0 && ix >= 0 && iy < h && ix < w) acc += x[ch][iy][ix] * weights[ch][ky][kx];
                            }
                        y[ch][oy][ox] = requant == null ? acc : requant.apply(acc);
                    }
            return y;
        }
    }
}
