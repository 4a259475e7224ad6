package io.rtlbench.testbenches.onnx;

import java.util.List;
import java.util.Map;

/**
 * Builds a {@link GemmSpec} from a QDQ region (DequantizeLinear -> Conv/MatMul/Gemm [-> Relu/Clip]
 * -> QuantizeLinear) or from one QLinearConv / QLinearMatMul / ConvInteger / MatMulInteger node.
 * Returns null (the step then runs on the host) for what the integer pipeline cannot express:
 * per-axis activation parameters, a ReLU with an output zero point other than 0 or -128, a clip
 * below the INT8 maximum, weights along another axis than the output channels.
 */
final class GemmBuild {
    private GemmBuild() {}

    static GemmSpec fromQdq(Shapes.Static s, Map<String, Node> prod, List<Node> body, QParams y) {
        Graph g = s.graph();
        Node op = body.get(0);
        if (op.op().equals("Gemm") && (op.attrInt("transA", 0) != 0 || op.attrFloat("alpha", 1) != 1 || op.attrFloat("beta", 1) != 1)) return null;
        boolean relu = false;
        if (body.size() == 2) {
            Node r = body.get(1);
            if (!r.input(0).equals(op.output()) || !Units.isReluLike(r, g)) return null;
            double hi = HostOps.clipBounds(r, g)[1];
            if (r.op().equals("Clip") && Math.rint(hi / y.scale()) + y.zero8() < 127) return null;
            if (y.zero8() == 0) relu = true;
            else if (y.zero8() != -128) return null;
        }
        Node xdq = prod.get(op.input(0)), wdq = prod.get(op.input(1));
        if (xdq == null || wdq == null || !xdq.op().equals("DequantizeLinear") || !wdq.op().equals("DequantizeLinear")) return null;
        QParams x = Classify.params(g, xdq);
        if (x == null) return null;
        if (!g.isConstant(wdq.input(0))) {  // activation x activation (MatMul only, B zero point 0)
            QParams b = Classify.params(g, wdq);
            if (!op.op().equals("MatMul") || b == null || b.zero8() != 0 || op.hasInput(2)) return null;
            double m = (double) x.scale() * b.scale() / y.scale();
            int n = s.info(op.input(1)).shape()[s.info(op.input(1)).shape().length - 1];
            double[] ms = new double[n];
            java.util.Arrays.fill(ms, m);
            return new GemmSpec(op, false, 1, null, s.info(op.input(1)).shape(), null, x, b, y, IntRequant.of(ms, y.zero8(), relu), n);
        }
        Tensor w = g.constant(wdq.input(0));
        Tensor ws = g.constant(wdq.input(1)), wz = wdq.hasInput(2) ? g.constant(wdq.input(2)) : null;
        if (ws == null || (wdq.hasInput(2) && wz == null)) return null;
        int axis = outAxis(op, w);
        if (ws.size() > 1 && Broadcast.axis(op, wdq.attrInt("axis", 1), w.rank()) != axis) return null;
        int[] biasQ = null;
        if (op.hasInput(2)) {
            Node bdq = prod.get(op.input(2));
            Tensor braw = bdq != null && bdq.op().equals("DequantizeLinear") && g.isConstant(bdq.input(0)) ? g.constant(bdq.input(0)) : g.constant(op.input(2));
            Tensor bscale = bdq != null && bdq.op().equals("DequantizeLinear") ? g.constant(bdq.input(1)) : null;
            if (braw == null) return null;
            biasQ = bias(braw, bscale, x.scale(), ws, w.shape()[axis]);
        }
        return spec(op, w, ws, wz, axis, biasQ, x, y, relu);
    }

    static GemmSpec fromInteger(Shapes.Static s, Node n) {
        Graph g = s.graph();
        return switch (n.op()) {
            case "QLinearConv", "QLinearMatMul" -> {
                boolean conv = n.op().equals("QLinearConv");
                QParams x = qp(g, n, 1, 2), y = qp(g, n, 6, 7);
                Tensor w = g.constant(n.input(3));
                int[] biasQ = conv && n.hasInput(8) ? g.constant(n.input(8)).toInts() : null;
                GemmSpec sp = spec(n, w, g.constant(n.input(4)), g.constant(n.input(5)), outAxis(n, w), biasQ, x, y, false);
                if (sp == null) throw OnnxException.at(n, "weight parameters along a non-output axis are not supported");
                yield sp;
            }
            default -> {  // ConvInteger, MatMulInteger: raw INT32
                Tensor w = g.constant(n.input(1));
                Tensor xz = n.hasInput(2) ? g.constant(n.input(2)) : null, wz = n.hasInput(3) ? g.constant(n.input(3)) : null;
                if (xz != null && xz.size() != 1) throw OnnxException.at(n, "a per-row input zero point is not supported");
                DType xt = s.info(n.input(0)).type();
                QParams x = new QParams(1f, xz == null ? 0 : (int) xz.getLong(0), xt);
                GemmSpec sp = spec(n, w, Tensor.scalar(1f), wz, outAxis(n, w), null, x, null, false);
                if (sp == null) throw OnnxException.at(n, "weight zero points along a non-output axis are not supported");
                yield sp;
            }
        };
    }

    static QParams qp(Graph g, Node n, int scale, int zero) {
        Tensor s = g.constant(n.input(scale)), z = g.constant(n.input(zero));
        if (s.size() != 1 || z.size() != 1) throw OnnxException.at(n, "per-axis activation parameters are not supported");
        return new QParams((float) s.get(0), (int) z.getLong(0), z.type());
    }

    /** The weight axis of output channels: Conv 0, MatMul 1, Gemm transB ? 0 : 1. */
    static int outAxis(Node op, Tensor w) {
        if (op.op().contains("Conv")) return 0;
        return op.op().equals("Gemm") && op.attrInt("transB", 0) != 0 ? 0 : 1;
    }

    /** INT32 bias at scale x_scale * w_scale[n]: taken as is when its scale matches, else requantized from its real value. */
    static int[] bias(Tensor raw, Tensor scale, float xs, Tensor ws, int n) {
        int[] b = new int[n];
        for (int c = 0; c < n; c++) {
            double want = (double) (float) (xs * (float) ws.get(ws.size() == 1 ? 0 : c));
            double real = scale == null ? raw.get(raw.size() == 1 ? 0 : c) : raw.get(raw.size() == 1 ? 0 : c) * scale.get(scale.size() == 1 ? 0 : c);
            boolean same = scale != null && !raw.type().isFloat() && Math.abs(scale.get(scale.size() == 1 ? 0 : c) - want) <= 1e-6 * want;
            b[c] = same ? (int) raw.getLong(raw.size() == 1 ? 0 : c) : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.rint(real / want)));
        }
        return b;
    }

    /** Weights to INT8 minus zero point, grouped K x N per group; the multipliers; the spec. */
    static GemmSpec spec(Node op, Tensor w, Tensor ws, Tensor wz, int axis, int[] biasQ, QParams x, QParams y, boolean relu) {
        boolean conv = op.op().contains("Conv");
        int cout = w.shape()[axis];
        if (ws.size() != 1 && ws.size() != cout) return null;
        int groups = conv ? (int) op.attrInt("group", 1) : 1, opg = cout / groups;
        int k = conv ? w.size() / cout : w.shape()[1 - axis];
        byte[][][] groupsW = new byte[groups][k][opg];
        for (int i = 0; i < w.size(); i++) {
            int co, row;
            if (conv) { co = i / k; row = i % k; }
            else if (axis == 1) { co = i % cout; row = i / cout; }
            else { co = i / k; row = i % k; }
            long v = w.getLong(i) - (wz == null ? 0 : wz.getLong(wz.size() == 1 ? 0 : co));
            if (v < -128 || v > 127)
                throw OnnxException.at(op, "weight " + w.getLong(i) + " minus its zero point does not fit INT8 (asymmetric UINT8 weights are not supported)");
            groupsW[co / opg][row][co % opg] = (byte) v;
        }
        IntRequant rq = null;
        if (y != null) {
            double[] m = new double[cout];
            for (int c = 0; c < cout; c++) m[c] = (double) x.scale() * (float) ws.get(ws.size() == 1 ? 0 : c) / y.scale();
            rq = IntRequant.of(m, y.zero8(), relu);
        }
        return new GemmSpec(op, conv, groups, groupsW, w.shape(), biasQ, x, null, y, rq, cout);
    }
}
