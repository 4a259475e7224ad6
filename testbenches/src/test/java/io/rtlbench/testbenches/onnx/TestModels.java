package io.rtlbench.testbenches.onnx;

import static io.rtlbench.testbenches.onnx.Node.floatAttr;
import static io.rtlbench.testbenches.onnx.Node.intAttr;
import static io.rtlbench.testbenches.onnx.Node.intsAttr;

import java.util.List;

/**
 * Small ONNX models built in Java for the tests: an MLP (MatMul + Add + Relu, Gemm), a CNN with
 * BatchNorm, a depthwise conv, Relu6, max and global average pooling and a HardSwish chain, an
 * attention block with softmax, and a model written with QLinearConv / QLinearMatMul /
 * MatMulInteger directly. Weights are random from a fixed seed.
 */
final class TestModels {
    private TestModels() {}

    static Graph mlp() {
        GraphBuilder b = new GraphBuilder("mlp", 13, 11);
        String x = b.input("x", DType.FLOAT, 2, 48);
        String h = b.op("MatMul", List.of(x, b.random("w1", 0.25f, 48, 40)));
        h = b.op("Add", List.of(h, b.random("b1", 0.5f, 40)));
        h = b.op("Relu", h);
        String y = b.op("Gemm", List.of(h, b.random("w2", 0.25f, 24, 40), b.random("b2", 0.5f, 24)), intAttr("transB", 1));
        return b.output(y).build();
    }

    static Graph cnn() {
        GraphBuilder b = new GraphBuilder("cnn", 13, 12);
        String x = b.input("image", DType.FLOAT, 1, 3, 12, 12);
        String c = b.op("Conv", List.of(x, b.random("c1w", 0.4f, 8, 3, 3, 3)), intsAttr("pads", 1, 1, 1, 1), intsAttr("strides", 1, 1));
        c = b.op("BatchNormalization", List.of(c, b.random("bn1g", 0.5f, 1.5f, 8), b.random("bn1b", 0.2f, 8), b.random("bn1m", 0.2f, 8),
                b.random("bn1v", 0.5f, 1.5f, 8)));
        c = b.op("Relu", c);
        c = b.op("Conv", List.of(c, b.random("dww", 0.5f, 8, 1, 3, 3), b.random("dwb", 0.2f, 8)), intsAttr("pads", 1, 1, 1, 1),
                intAttr("group", 8), intsAttr("strides", 2, 2));
        c = b.op("Clip", List.of(c, b.scalar("lo", 0), b.scalar("hi", 6)));
        c = b.op("MaxPool", c, intsAttr("kernel_shape", 3, 3), intsAttr("strides", 2, 2), intsAttr("pads", 1, 1, 1, 1));
        c = b.op("Conv", List.of(c, b.random("pw", 0.4f, 12, 8, 1, 1), b.random("pwb", 0.1f, 12)));
        String t = b.op("Add", List.of(c, b.scalar("three", 3)));       // HardSwish as Paddle writes it: x * clip(x + 3, 0, 6) / 6
        t = b.op("Clip", List.of(t, b.scalar("lo2", 0), b.scalar("hi2", 6)));
        t = b.op("Mul", List.of(c, t));
        t = b.op("Div", List.of(t, b.scalar("six", 6)));
        String p = b.op("GlobalAveragePool", t);
        p = b.op("Flatten", p);
        String y = b.op("Gemm", List.of(p, b.random("fcw", 0.4f, 12, 5), b.random("fcb", 0.1f, 5)));
        return b.output(y).build();
    }

    static Graph attention() {
        GraphBuilder b = new GraphBuilder("attention", 13, 13);
        int s = 8, d = 16;
        String x = b.input("tokens", DType.FLOAT, 1, s, d);
        String q = b.op("MatMul", List.of(x, b.random("wq", 0.3f, d, d)));
        String k = b.op("MatMul", List.of(x, b.random("wk", 0.3f, d, d)));
        String v = b.op("MatMul", List.of(x, b.random("wv", 0.3f, d, d)));
        String kt = b.op("Transpose", k, intsAttr("perm", 0, 2, 1));
        String sc = b.op("MatMul", List.of(q, kt));
        sc = b.op("Mul", List.of(sc, b.scalar("inv_sqrt_d", 0.25f)));
        String p = b.op("Softmax", sc, intAttr("axis", -1));
        String o = b.op("MatMul", List.of(p, v));
        String y = b.op("MatMul", List.of(o, b.random("wo", 0.3f, d, d)));
        return b.output(y).build();
    }

    /** QLinearConv (UINT8 activations) -> QLinearMatMul after a Reshape -> MatMulInteger, and a ConvInteger branch: an integer-only model. */
    static Graph qlinear() {
        GraphBuilder b = new GraphBuilder("qlinear", 13, 14);
        java.util.Random r = new java.util.Random(5);
        String x = b.input("xq", DType.UINT8, 1, 2, 6, 6);
        long[] w = new long[4 * 2 * 3 * 3];
        for (int i = 0; i < w.length; i++) w[i] = r.nextInt(255) - 127;
        b.constant("cw", Tensor.ofLongs(DType.INT8, new int[] {4, 2, 3, 3}, w));
        b.constant("xs", Tensor.scalar(0.02f));
        b.constant("xz", Tensor.ofLongs(DType.UINT8, new int[0], new long[] {120}));
        b.constant("ws", Tensor.ofFloats(new int[] {4}, new float[] {0.01f, 0.02f, 0.015f, 0.03f}));
        b.constant("wz", Tensor.ofLongs(DType.INT8, new int[] {4}, new long[4]));
        b.constant("ys", Tensor.scalar(0.05f));
        b.constant("yz", Tensor.ofLongs(DType.UINT8, new int[0], new long[] {128}));
        b.constant("cb", Tensor.ofLongs(DType.INT32, new int[] {4}, new long[] {100, -200, 300, -50}));
        String c = b.op("QLinearConv", List.of(x, "xs", "xz", "cw", "ws", "wz", "ys", "yz", "cb"), intsAttr("pads", 1, 1, 1, 1));
        String f = b.op("Reshape", List.of(c, b.ints("shape", 1, 144)));
        long[] m = new long[144 * 6];
        for (int i = 0; i < m.length; i++) m[i] = r.nextInt(255) - 127;
        b.constant("mw", Tensor.ofLongs(DType.INT8, new int[] {144, 6}, m));
        b.constant("ms", Tensor.scalar(0.004f));
        b.constant("mz", Tensor.ofLongs(DType.INT8, new int[0], new long[] {0}));
        b.constant("os", Tensor.scalar(0.08f));
        b.constant("oz", Tensor.ofLongs(DType.UINT8, new int[0], new long[] {100}));
        String y = b.op("QLinearMatMul", List.of(f, "ys", "yz", "mw", "ms", "mz", "os", "oz"));
        String acc = b.op("MatMulInteger", List.of(y, b.constant("iw", Tensor.ofLongs(DType.INT8, new int[] {6, 3},
                new long[] {1, -2, 3, -4, 5, -6, 7, -8, 9, 10, -11, 12, 13, 14, -15, -16, 17, 18})), "oz"));
        String out = b.op("Cast", acc, intAttr("to", 1));
        out = b.op("Mul", List.of(out, b.scalar("accscale", 0.001f)));
        long[] uw = new long[3 * 2 * 3 * 3];  // ConvInteger with UINT8 weights around zero point 128 (ONNX Runtime's form)
        for (int i = 0; i < uw.length; i++) uw[i] = 1 + r.nextInt(254);
        b.constant("uw", Tensor.ofLongs(DType.UINT8, new int[] {3, 2, 3, 3}, uw));
        b.constant("uwz", Tensor.ofLongs(DType.UINT8, new int[0], new long[] {128}));
        String ci = b.op("ConvInteger", List.of(x, "uw", "xz", "uwz"), intsAttr("strides", 2, 2));
        ci = b.op("Cast", ci, intAttr("to", 1));
        return b.output(out).output(ci).build();
    }
}
