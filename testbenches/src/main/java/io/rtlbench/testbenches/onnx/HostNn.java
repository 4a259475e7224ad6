package io.rtlbench.testbenches.onnx;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Neural-network operators on the host in FP32: Conv (groups, dilations, pads), MatMul (batched,
 * broadcast), Gemm, MaxPool, AveragePool, GlobalAveragePool, BatchNormalization (inference),
 * Softmax (opset >= 13 axis semantics; earlier opsets' 2-D coercion when the axis is not the last),
 * ReduceMean. With {@code shapeOnly} the heavy ones return zeros of the output shape.
 */
final class HostNn {
    private HostNn() {}

    static final Set<String> OPS = Set.of("Conv", "MatMul", "Gemm", "MaxPool", "AveragePool", "GlobalAveragePool",
            "GlobalMaxPool", "BatchNormalization", "Softmax", "ReduceMean");

    static List<Tensor> eval(Node n, List<Tensor> in, boolean shapeOnly, int opset) {
        Tensor x = in.get(0);
        return List.of(switch (n.op()) {
            case "Conv" -> conv(n, x.toFloat(), in.get(1).toFloat(), in.size() > 2 ? in.get(2) : null, shapeOnly);
            case "MatMul" -> matmul(n, x.toFloat(), in.get(1).toFloat(), shapeOnly);
            case "Gemm" -> gemm(n, in, shapeOnly);
            case "MaxPool", "AveragePool" -> pool(n, x.toFloat(), n.op().equals("MaxPool"), shapeOnly);
            case "GlobalAveragePool", "GlobalMaxPool" -> global(x.toFloat(), n.op().equals("GlobalMaxPool"));
            case "BatchNormalization" -> batchNorm(n, in);
            case "Softmax" -> softmax(n, x.toFloat(), opset);
            case "ReduceMean" -> reduceMean(n, in);
            default -> throw OnnxException.at(n, "operator not supported");
        });
    }

    static Tensor conv(Node n, Tensor x, Tensor w, Tensor b, boolean shapeOnly) {
        ConvGeometry g = ConvGeometry.of(n, x.shape(), w.shape());
        int[] shape = convShape(g, x.rank(), w.shape()[0]);
        if (shapeOnly) return Tensor.zeros(DType.FLOAT, shape);
        double[] o = conv(g, w.shape()[0], x.toDoubles(), w.toDoubles(), b == null ? null : b.toDoubles());
        float[] f = new float[o.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) o[i];
        return Tensor.ofFloats(shape, f);
    }

    static int[] convShape(ConvGeometry g, int rank, int cout) {
        return rank == 3 ? new int[] {g.n(), cout, g.ow()} : new int[] {g.n(), cout, g.oh(), g.ow()};
    }

    /** Direct convolution in doubles (exact for integer operands): x NCHW, w [Cout, Cin/group, kh, kw]. */
    static double[] conv(ConvGeometry g, int cout, double[] xf, double[] wf, double[] bias) {
        int cpg = g.cin() / g.group(), opg = cout / g.group();
        double[] o = new double[g.n() * cout * g.oh() * g.ow()];
        for (int b0 = 0; b0 < g.n(); b0++)
            for (int co = 0; co < cout; co++) {
                int gi = co / opg;
                for (int oy = 0; oy < g.oh(); oy++)
                    for (int ox = 0; ox < g.ow(); ox++) {
                        double acc = bias == null ? 0 : bias[co];
                        for (int ci = 0; ci < cpg; ci++)
                            for (int ky = 0; ky < g.kh(); ky++) {
                                int iy = g.iy(oy, ky);
                                if (iy < 0 || iy >= g.h()) continue;
                                for (int kx = 0; kx < g.kw(); kx++) {
                                    int ix = g.ix(ox, kx);
                                    if (ix < 0 || ix >= g.w()) continue;
                                    acc += xf[((b0 * g.cin() + gi * cpg + ci) * g.h() + iy) * g.w() + ix]
                                            * wf[((co * cpg + ci) * g.kh() + ky) * g.kw() + kx];
                                }
                            }
                        o[((b0 * cout + co) * g.oh() + oy) * g.ow() + ox] = acc;
                    }
            }
        return o;
    }

    static Tensor matmul(Node n, Tensor a, Tensor b, boolean shapeOnly) {
        int[] shape = matmulShape(n, a.shape(), b.shape());
        if (shapeOnly) return Tensor.zeros(DType.FLOAT, shape);
        double[] o = matmul(n, a.shape(), a.toDoubles(), b.shape(), b.toDoubles());
        float[] f = new float[o.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) o[i];
        return Tensor.ofFloats(shape, f);
    }

    static int[] matmulShape(Node n, int[] a, int[] b) {
        int[] as = a.length == 1 ? new int[] {1, a[0]} : a, bs = b.length == 1 ? new int[] {b[0], 1} : b;
        if (as[as.length - 1] != bs[bs.length - 2])
            throw OnnxException.at(n, "cannot multiply " + Arrays.toString(a) + " by " + Arrays.toString(b));
        int[] batch = Broadcast.shape(n, Arrays.copyOf(as, as.length - 2), Arrays.copyOf(bs, bs.length - 2));
        int[] shape = Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = as[as.length - 2];
        shape[batch.length + 1] = bs[bs.length - 1];
        if (a.length == 1) shape = dropAt(shape, shape.length - 2);
        if (b.length == 1) shape = dropAt(shape, shape.length - 1);
        return shape;
    }

    /** Batched, broadcast matrix product in doubles (exact for integer operands). */
    static double[] matmul(Node n, int[] a, double[] av, int[] b, double[] bv) {
        int[] as = a.length == 1 ? new int[] {1, a[0]} : a, bs = b.length == 1 ? new int[] {b[0], 1} : b;
        int m = as[as.length - 2], k = as[as.length - 1], nn = bs[bs.length - 1];
        int[] batch = Broadcast.shape(n, Arrays.copyOf(as, as.length - 2), Arrays.copyOf(bs, bs.length - 2));
        int[] ia = Broadcast.index(Arrays.copyOf(as, as.length - 2), batch), ib = Broadcast.index(Arrays.copyOf(bs, bs.length - 2), batch);
        double[] o = new double[ia.length * m * nn];
        for (int t = 0; t < ia.length; t++)
            for (int i = 0; i < m; i++)
                for (int j = 0; j < nn; j++) {
                    double acc = 0;
                    for (int q = 0; q < k; q++) acc += av[(ia[t] * m + i) * k + q] * bv[(ib[t] * k + q) * nn + j];
                    o[(t * m + i) * nn + j] = acc;
                }
        return o;
    }

    static int[] dropAt(int[] s, int i) {
        int[] o = new int[s.length - 1];
        for (int j = 0, k = 0; j < s.length; j++) if (j != i) o[k++] = s[j];
        return o;
    }

    static Tensor gemm(Node n, List<Tensor> in, boolean shapeOnly) {
        Tensor a = in.get(0).toFloat(), b = in.get(1).toFloat();
        if (n.attrInt("transA", 0) != 0) a = HostLayout.transpose(a, new int[] {1, 0});
        if (n.attrInt("transB", 0) != 0) b = HostLayout.transpose(b, new int[] {1, 0});
        Tensor y = matmul(n, a, b, shapeOnly);
        double alpha = n.attrFloat("alpha", 1), beta = n.attrFloat("beta", 1);
        Tensor c = in.size() > 2 ? in.get(2) : null;
        int[] ic = c == null ? null : Broadcast.index(c.shape(), y.shape());
        float[] o = y.floats();
        for (int i = 0; i < o.length; i++) o[i] = (float) (alpha * o[i] + (c == null ? 0 : beta * c.get(ic[i])));
        return y;
    }

    static Tensor pool(Node n, Tensor x, boolean max, boolean shapeOnly) {
        ConvGeometry g = ConvGeometry.of(n, x.shape(), null);
        int[] shape = x.rank() == 3 ? new int[] {g.n(), g.cin(), g.ow()} : new int[] {g.n(), g.cin(), g.oh(), g.ow()};
        float[] o = new float[Tensor.size(shape)];
        if (shapeOnly) return Tensor.ofFloats(shape, o);
        boolean includePad = n.attrInt("count_include_pad", 0) != 0;
        for (int c = 0; c < g.n() * g.cin(); c++)
            for (int oy = 0; oy < g.oh(); oy++)
                for (int ox = 0; ox < g.ow(); ox++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    int count = 0;
                    for (int ky = 0; ky < g.kh(); ky++)
                        for (int kx = 0; kx < g.kw(); kx++) {
                            int iy = g.iy(oy, ky), ix = g.ix(ox, kx);
                            boolean inside = iy >= 0 && ix >= 0 && iy < g.h() && ix < g.w();
                            if (!inside) {
                                // padded positions count for count_include_pad, but not beyond the end padding (ceil_mode)
                                if (includePad && iy < g.h() + g.padBottom() && ix < g.w() + g.padRight()) count++;
                                continue;
                            }
                            double v = x.floats()[(c * g.h() + iy) * g.w() + ix];
                            acc = max ? Math.max(acc, v) : acc + v;
                            count++;
                        }
                    o[(c * g.oh() + oy) * g.ow() + ox] = (float) (max ? acc : acc / count);
                }
        return Tensor.ofFloats(shape, o);
    }

    static Tensor global(Tensor x, boolean max) {
        int nc = x.shape()[0] * x.shape()[1], hw = x.size() / nc;
        int[] shape = x.shape().clone();
        for (int i = 2; i < shape.length; i++) shape[i] = 1;
        float[] o = new float[nc];
        for (int c = 0; c < nc; c++) {
            double acc = max ? Double.NEGATIVE_INFINITY : 0;
            for (int i = 0; i < hw; i++) acc = max ? Math.max(acc, x.floats()[c * hw + i]) : acc + x.floats()[c * hw + i];
            o[c] = (float) (max ? acc : acc / hw);
        }
        return Tensor.ofFloats(shape, o);
    }

    static Tensor batchNorm(Node n, List<Tensor> in) {
        Tensor x = in.get(0).toFloat();
        double[] s = bnScale(n, in), sh = bnShift(in, s);
        int c = x.shape()[1], inner = x.size() / (x.shape()[0] * c);
        float[] o = new float[x.size()];
        for (int i = 0; i < o.length; i++) { int ch = (i / inner) % c; o[i] = (float) (x.floats()[i] * s[ch] + sh[ch]); }
        return Tensor.ofFloats(x.shape(), o);
    }

    /** BatchNormalization as y = x * scale + shift per channel: scale = gamma / sqrt(var + eps). */
    static double[] bnScale(Node n, List<Tensor> in) {
        double eps = n.attrFloat("epsilon", 1e-5f);
        double[] gamma = in.get(1).toDoubles(), var = in.get(4).toDoubles(), s = new double[gamma.length];
        for (int i = 0; i < s.length; i++) s[i] = gamma[i] / Math.sqrt(var[i] + eps);
        return s;
    }

    /** shift = beta - mean * scale. */
    static double[] bnShift(List<Tensor> in, double[] scale) {
        double[] beta = in.get(2).toDoubles(), mean = in.get(3).toDoubles(), sh = new double[beta.length];
        for (int i = 0; i < sh.length; i++) sh[i] = beta[i] - mean[i] * scale[i];
        return sh;
    }

    static Tensor softmax(Node n, Tensor x, int opset) {
        int r = x.rank();
        boolean legacy = opset < 13;
        int axis = Broadcast.axis(n, n.attrInt("axis", legacy ? 1 : -1), r);
        int inner = legacy ? x.size() / Tensor.size(Arrays.copyOfRange(x.shape(), 0, axis)) : x.shape()[axis];
        int after = legacy ? 1 : Tensor.size(Arrays.copyOfRange(x.shape(), axis + 1, r));
        int outer = x.size() / (inner * after);
        float[] o = new float[x.size()];
        for (int a = 0; a < outer; a++)
            for (int b = 0; b < after; b++) {
                double mx = Double.NEGATIVE_INFINITY, sum = 0;
                for (int i = 0; i < inner; i++) mx = Math.max(mx, x.floats()[(a * inner + i) * after + b]);
                for (int i = 0; i < inner; i++) sum += Math.exp(x.floats()[(a * inner + i) * after + b] - mx);
                for (int i = 0; i < inner; i++) {
                    int e = (a * inner + i) * after + b;
                    o[e] = (float) (Math.exp(x.floats()[e] - mx) / sum);
                }
            }
        return Tensor.ofFloats(x.shape(), o);
    }

    static Tensor reduceMean(Node n, List<Tensor> in) {
        Tensor x = in.get(0).toFloat();
        int[] axes = n.attrInts("axes") != null ? n.attrInts("axes") : in.size() > 1 && in.get(1) != null ? in.get(1).toInts() : null;
        boolean keep = n.attrInt("keepdims", 1) != 0;
        boolean[] red = new boolean[x.rank()];
        if (axes == null || axes.length == 0) Arrays.fill(red, true);
        else for (int a : axes) red[Broadcast.axis(n, a, x.rank())] = true;
        int[] kept = x.shape().clone();
        for (int i = 0; i < kept.length; i++) if (red[i]) kept[i] = 1;
        int[] idx = Broadcast.index(kept, x.shape());
        double[] sum = new double[Tensor.size(kept)];
        for (int i = 0; i < x.size(); i++) sum[idx[i]] += x.floats()[i];
        int count = x.size() / sum.length;
        float[] o = new float[sum.length];
        for (int i = 0; i < o.length; i++) o[i] = (float) (sum[i] / count);
        int[] shape = keep ? kept : java.util.stream.IntStream.range(0, kept.length).filter(i -> !red[i]).map(i -> kept[i]).toArray();
        return Tensor.ofFloats(shape, o);
    }
}
