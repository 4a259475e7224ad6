package io.rtlbench.testbenches.onnx;

import java.util.List;
import java.util.Set;

/**
 * Quantization operators on the host, per the ONNX specs: QuantizeLinear (round half to even,
 * saturate; per-tensor or per-axis), DequantizeLinear, DynamicQuantizeLinear, and the integer
 * operators QLinearConv, QLinearMatMul (integer accumulation, float requantization as the spec
 * defines it), MatMulInteger and ConvInteger (INT32 results).
 */
final class HostQuant {
    private HostQuant() {}

    static final Set<String> OPS = Set.of("QuantizeLinear", "DequantizeLinear", "DynamicQuantizeLinear", "QLinearConv",
            "QLinearMatMul", "MatMulInteger", "ConvInteger");

    static List<Tensor> eval(Node n, List<Tensor> in, boolean shapeOnly) {
        return switch (n.op()) {
            case "QuantizeLinear" -> List.of(quantize(n, in.get(0), in.get(1), opt(in, 2)));
            case "DequantizeLinear" -> List.of(dequantize(n, in.get(0), in.get(1), opt(in, 2)));
            case "DynamicQuantizeLinear" -> dynamic(in.get(0));
            case "MatMulInteger" -> List.of(matmulInteger(n, in.get(0), in.get(1), opt(in, 2), opt(in, 3), shapeOnly));
            case "ConvInteger" -> List.of(convInteger(n, in.get(0), in.get(1), opt(in, 2), opt(in, 3), null, shapeOnly));
            case "QLinearMatMul" -> {
                Tensor acc = matmulInteger(n, in.get(0), in.get(3), in.get(2), in.get(5), shapeOnly);
                yield List.of(requant(acc, in.get(1).get(0), in.get(4), in.get(6), opt(in, 7), acc.rank() - 1));
            }
            case "QLinearConv" -> {
                Tensor acc = convInteger(n, in.get(0), in.get(3), in.get(2), in.get(5), opt(in, 8), shapeOnly);
                yield List.of(requant(acc, in.get(1).get(0), in.get(4), in.get(6), opt(in, 7), 1));
            }
            default -> throw OnnxException.at(n, "operator not supported");
        };
    }

    static Tensor opt(List<Tensor> in, int i) { return i < in.size() ? in.get(i) : null; }

    /** Index of the quantization parameter for each element: per-tensor (0) or along {@code axis}. */
    static int[] paramIndex(Node n, int[] shape, Tensor scale, long axisAttr) {
        int[] idx = new int[Tensor.size(shape)];
        if (scale.size() == 1) return idx;
        int axis = Broadcast.axis(n, axisAttr, shape.length);
        if (shape[axis] != scale.size())
            throw OnnxException.at(n, "per-axis scale has " + scale.size() + " values for axis " + axis + " of size " + shape[axis]);
        int inner = Tensor.size(java.util.Arrays.copyOfRange(shape, axis + 1, shape.length));
        for (int i = 0; i < idx.length; i++) idx[i] = (i / inner) % shape[axis];
        return idx;
    }

    static Tensor quantize(Node n, Tensor x, Tensor scale, Tensor zp) {
        DType t = zp == null ? DType.UINT8 : zp.type();
        int[] p = paramIndex(n, x.shape(), scale, n.attrInt("axis", 1));
        long[] o = new long[x.size()];
        for (int i = 0; i < o.length; i++) {
            double q = Math.rint(x.get(i) / (float) scale.get(p[i])) + (zp == null ? 0 : zp.getLong(p[i]));
            o[i] = (long) Math.max(t.min(), Math.min(t.max(), q));
        }
        return Tensor.ofLongs(t, x.shape(), o);
    }

    static Tensor dequantize(Node n, Tensor x, Tensor scale, Tensor zp) {
        int[] p = paramIndex(n, x.shape(), scale, n.attrInt("axis", 1));
        float[] o = new float[x.size()];
        for (int i = 0; i < o.length; i++) o[i] = (float) ((x.getLong(i) - (zp == null ? 0 : zp.getLong(p[i]))) * (float) scale.get(p[i]));
        return Tensor.ofFloats(x.shape(), o);
    }

    /** DynamicQuantizeLinear: UINT8, range extended to include 0, zero point rounded half to even. */
    static List<Tensor> dynamic(Tensor x) {
        double lo = 0, hi = 0;
        for (int i = 0; i < x.size(); i++) { lo = Math.min(lo, x.get(i)); hi = Math.max(hi, x.get(i)); }
        float scale = (float) ((hi - lo) / 255);
        long zp = scale == 0 ? 0 : (long) Math.max(0, Math.min(255, Math.rint(-lo / scale)));
        long[] o = new long[x.size()];
        for (int i = 0; i < o.length; i++) o[i] = scale == 0 ? zp : (long) Math.max(0, Math.min(255, Math.rint(x.get(i) / scale) + zp));
        return List.of(Tensor.ofLongs(DType.UINT8, x.shape(), o), Tensor.scalar(scale), Tensor.ofLongs(DType.UINT8, new int[0], new long[] {zp}));
    }

    /** Values minus zero point (per-tensor, or per-axis along {@code axis} when the zero point is 1-D). */
    static double[] minusZero(Node n, Tensor x, Tensor zp, int axis) {
        double[] d = x.toDoubles();
        if (zp == null) return d;
        int[] p = paramIndex(n, x.shape(), zp, axis);
        for (int i = 0; i < d.length; i++) d[i] -= zp.getLong(p[i]);
        return d;
    }

    static Tensor matmulInteger(Node n, Tensor a, Tensor b, Tensor az, Tensor bz, boolean shapeOnly) {
        int[] shape = HostNn.matmulShape(n, a.shape(), b.shape());
        if (shapeOnly) return Tensor.zeros(DType.INT32, shape);
        double[] o = HostNn.matmul(n, a.shape(), minusZero(n, a, az, a.rank() - 2), b.shape(), minusZero(n, b, bz, b.rank() - 1));
        return ints(shape, o);
    }

    static Tensor convInteger(Node n, Tensor x, Tensor w, Tensor xz, Tensor wz, Tensor bias, boolean shapeOnly) {
        ConvGeometry g = ConvGeometry.of(n, x.shape(), w.shape());
        int[] shape = HostNn.convShape(g, x.rank(), w.shape()[0]);
        if (shapeOnly) return Tensor.zeros(DType.INT32, shape);
        double[] o = HostNn.conv(g, w.shape()[0], minusZero(n, x, xz, 0), minusZero(n, w, wz, 0), bias == null ? null : bias.toDoubles());
        return ints(shape, o);
    }

    static Tensor ints(int[] shape, double[] v) {
        long[] l = new long[v.length];
        for (int i = 0; i < l.length; i++) l[i] = (int) (long) v[i];  // INT32 wrap, as the integer hardware does
        return Tensor.ofLongs(DType.INT32, shape, l);
    }

    /** y = saturate(round_half_even(acc * x_scale * w_scale / y_scale) + y_zero), w_scale per channel along {@code axis}. */
    static Tensor requant(Tensor acc, double xs, Tensor ws, Tensor ys, Tensor yz, int axis) {
        DType t = yz == null ? DType.UINT8 : yz.type();
        int inner = Tensor.size(java.util.Arrays.copyOfRange(acc.shape(), axis + 1, acc.rank()));
        long[] o = new long[acc.size()];
        for (int i = 0; i < o.length; i++) {
            double w = ws.size() == 1 ? ws.get(0) : ws.get((i / inner) % acc.shape()[axis]);
            double q = Math.rint(acc.get(i) * (float) (xs * w / ys.get(0))) + (yz == null ? 0 : yz.getLong(0));
            o[i] = (long) Math.max(t.min(), Math.min(t.max(), q));
        }
        return Tensor.ofLongs(t, acc.shape(), o);
    }
}
