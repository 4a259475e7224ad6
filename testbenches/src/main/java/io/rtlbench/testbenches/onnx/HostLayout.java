package io.rtlbench.testbenches.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Layout and shape operators on the host: they move or select elements without arithmetic
 * (Reshape, Flatten, Transpose, Squeeze, Unsqueeze, Concat, Slice, Gather, Shape, Constant,
 * ConstantOfShape, Expand), per the ONNX specs for opsets 9..21 (axes as attribute before opset
 * 13, as input from 13).
 */
final class HostLayout {
    private HostLayout() {}

    static final Set<String> OPS = Set.of("Reshape", "Flatten", "Transpose", "Squeeze", "Unsqueeze", "Concat", "Slice", "Gather",
            "Shape", "Constant", "ConstantOfShape", "Expand");

    /** Operators that only rearrange elements (valid on quantized tensors with the same scale). */
    static final Set<String> PURE = Set.of("Reshape", "Flatten", "Transpose", "Squeeze", "Unsqueeze", "Slice", "Gather", "Expand");

    static List<Tensor> eval(Node n, List<Tensor> in) {
        Tensor x = in.isEmpty() ? null : in.get(0);
        return List.of(switch (n.op()) {
            case "Reshape" -> x.reshape(reshape(n, x.shape(), in.get(1).toInts(), n.attrInt("allowzero", 0) != 0));
            case "Flatten" -> {
                int a = n.attrInt("axis", 1) < 0 ? (int) n.attrInt("axis", 1) + x.rank() : (int) n.attrInt("axis", 1);
                int outer = Tensor.size(Arrays.copyOfRange(x.shape(), 0, a));
                yield x.reshape(new int[] {outer, x.size() / Math.max(1, outer)});
            }
            case "Transpose" -> transpose(x, n.attrInts("perm"));
            case "Squeeze" -> x.reshape(squeeze(n, x.shape(), axes(n, in)));
            case "Unsqueeze" -> x.reshape(unsqueeze(n, x.shape(), axes(n, in)));
            case "Concat" -> concat(n, in);
            case "Slice" -> slice(n, in);
            case "Gather" -> gather(n, x, in.get(1));
            case "Shape" -> {
                long[] s = Arrays.stream(x.shape()).asLongStream().toArray();
                yield Tensor.ofLongs(DType.INT64, new int[] {s.length}, s);
            }
            case "Constant" -> constant(n);
            case "ConstantOfShape" -> {
                var v = n.attr("value");
                Tensor fill = v == null ? Tensor.scalar(0) : OnnxFile.tensor(v.getT(), "ConstantOfShape value");
                int[] s = in.get(0).toInts();
                yield fill.type().isFloat() ? Tensor.ofFloats(s, filled(Tensor.size(s), (float) fill.get(0)))
                        : Tensor.ofLongs(fill.type(), s, java.util.stream.LongStream.generate(() -> fill.getLong(0)).limit(Tensor.size(s)).toArray());
            }
            case "Expand" -> {
                int[] s = Broadcast.shape(n, x.shape(), in.get(1).toInts());
                yield pick(x, s, Broadcast.index(x.shape(), s));
            }
            default -> throw OnnxException.at(n, "operator not supported");
        });
    }

    static float[] filled(int n, float v) { float[] f = new float[n]; Arrays.fill(f, v); return f; }

    static int[] reshape(Node n, int[] in, int[] spec, boolean allowZero) {
        int[] out = spec.clone();
        int infer = -1, known = 1;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0 && !allowZero) out[i] = in[i];
            if (out[i] == -1) {
                if (infer >= 0) throw OnnxException.at(n, "more than one -1 in shape " + Arrays.toString(spec));
                infer = i;
            } else known *= out[i];
        }
        int size = Tensor.size(in);
        if (infer >= 0) out[infer] = known == 0 ? 0 : size / known;
        if (Tensor.size(out) != size) throw OnnxException.at(n, "cannot reshape " + Arrays.toString(in) + " to " + Arrays.toString(spec));
        return out;
    }

    static int[] axes(Node n, List<Tensor> in) {
        if (n.attrInts("axes") != null) return n.attrInts("axes");
        return in.size() > 1 && in.get(1) != null ? in.get(1).toInts() : null;
    }

    static int[] squeeze(Node n, int[] s, int[] axes) {
        List<Integer> out = new ArrayList<>();
        boolean[] drop = new boolean[s.length];
        if (axes == null) for (int i = 0; i < s.length; i++) drop[i] = s[i] == 1;
        else for (int a : axes) drop[Broadcast.axis(n, a, s.length)] = true;
        for (int i = 0; i < s.length; i++) {
            if (drop[i] && s[i] != 1) throw OnnxException.at(n, "cannot squeeze dimension " + i + " of size " + s[i]);
            if (!drop[i]) out.add(s[i]);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    static int[] unsqueeze(Node n, int[] s, int[] axes) {
        int rank = s.length + axes.length;
        boolean[] add = new boolean[rank];
        for (int a : axes) add[Broadcast.axis(n, a, rank)] = true;
        int[] out = new int[rank];
        for (int i = 0, j = 0; i < rank; i++) out[i] = add[i] ? 1 : s[j++];
        return out;
    }

    static Tensor transpose(Tensor x, int[] perm) {
        int r = x.rank();
        if (perm == null) { perm = new int[r]; for (int i = 0; i < r; i++) perm[i] = r - 1 - i; }
        int[] out = new int[r], inStride = Broadcast.strides(x.shape()), stride = new int[r];
        for (int i = 0; i < r; i++) { out[i] = x.shape()[perm[i]]; stride[i] = inStride[perm[i]]; }
        int[] idx = new int[x.size()], pos = new int[r];
        for (int e = 0; e < idx.length; e++) {
            int k = 0;
            for (int i = 0; i < r; i++) k += pos[i] * stride[i];
            idx[e] = k;
            for (int i = r - 1; i >= 0 && ++pos[i] == out[i]; i--) pos[i] = 0;
        }
        return pick(x, out, idx);
    }

    /** A tensor of the given shape whose element e is x's element idx[e]. */
    static Tensor pick(Tensor x, int[] shape, int[] idx) {
        if (x.type().isFloat()) {
            float[] o = new float[idx.length];
            for (int i = 0; i < o.length; i++) o[i] = x.floats()[idx[i]];
            return new Tensor(x.type(), shape, o, null);
        }
        long[] o = new long[idx.length];
        for (int i = 0; i < o.length; i++) o[i] = x.longs()[idx[i]];
        return Tensor.ofLongs(x.type(), shape, o);
    }

    static Tensor concat(Node n, List<Tensor> in) {
        Tensor first = in.get(0);
        int axis = Broadcast.axis(n, n.attrInt("axis", 0), first.rank());
        int[] shape = first.shape().clone();
        shape[axis] = 0;
        for (Tensor t : in) shape[axis] += t.shape()[axis];
        int outer = Tensor.size(Arrays.copyOfRange(shape, 0, axis)), inner = Tensor.size(Arrays.copyOfRange(shape, axis + 1, shape.length));
        int[] srcT = new int[Tensor.size(shape)], srcE = new int[srcT.length];
        int e = 0;
        for (int o = 0; o < outer; o++)
            for (int t = 0; t < in.size(); t++) {
                int chunk = in.get(t).shape()[axis] * inner;
                for (int k = 0; k < chunk; k++, e++) { srcT[e] = t; srcE[e] = o * chunk + k; }
            }
        if (first.type().isFloat()) {
            float[] f = new float[srcT.length];
            for (int i = 0; i < f.length; i++) f[i] = (float) in.get(srcT[i]).get(srcE[i]);
            return Tensor.ofFloats(shape, f);
        }
        long[] l = new long[srcT.length];
        for (int i = 0; i < l.length; i++) l[i] = in.get(srcT[i]).getLong(srcE[i]);
        return Tensor.ofLongs(first.type(), shape, l);
    }

    static Tensor slice(Node n, List<Tensor> in) {
        Tensor x = in.get(0);
        int r = x.rank();
        int[] starts, ends, axes, steps;
        if (n.attrInts("starts") != null) {  // opset < 10
            starts = n.attrInts("starts"); ends = n.attrInts("ends"); axes = n.attrInts("axes"); steps = null;
        } else {
            starts = in.get(1).toInts(); ends = in.get(2).toInts();
            axes = in.size() > 3 && in.get(3) != null ? in.get(3).toInts() : null;
            steps = in.size() > 4 && in.get(4) != null ? in.get(4).toInts() : null;
        }
        int[] lo = new int[r], step = new int[r], out = x.shape().clone();
        Arrays.fill(step, 1);
        for (int i = 0; i < starts.length; i++) {
            int a = Broadcast.axis(n, axes == null ? i : axes[i], r), d = x.shape()[a], st = steps == null ? 1 : steps[i];
            long s = starts[i] < 0 ? (long) starts[i] + d : starts[i], e = ends[i] < 0 ? (long) ends[i] + d : ends[i];
            if (st > 0) { s = Math.max(0, Math.min(d, s)); e = Math.max(0, Math.min(d, e)); out[a] = (int) Math.max(0, (e - s + st - 1) / st); }
            else { s = Math.max(-1, Math.min(d - 1, s)); e = Math.max(-1, Math.min(d - 1, e)); out[a] = (int) Math.max(0, (s - e - st - 1) / -st); }
            lo[a] = (int) s;
            step[a] = st;
        }
        int[] stride = Broadcast.strides(x.shape()), idx = new int[Tensor.size(out)], pos = new int[r];
        for (int e = 0; e < idx.length; e++) {
            int k = 0;
            for (int i = 0; i < r; i++) k += (lo[i] + pos[i] * step[i]) * stride[i];
            idx[e] = k;
            for (int i = r - 1; i >= 0 && ++pos[i] == out[i]; i--) pos[i] = 0;
        }
        return pick(x, out, idx);
    }

    static Tensor gather(Node n, Tensor x, Tensor indices) {
        int axis = Broadcast.axis(n, n.attrInt("axis", 0), x.rank()), d = x.shape()[axis];
        int outer = Tensor.size(Arrays.copyOfRange(x.shape(), 0, axis)), inner = Tensor.size(Arrays.copyOfRange(x.shape(), axis + 1, x.rank()));
        int[] ind = indices.toInts();
        int[] shape = new int[x.rank() - 1 + indices.rank()];
        System.arraycopy(x.shape(), 0, shape, 0, axis);
        System.arraycopy(indices.shape(), 0, shape, axis, indices.rank());
        System.arraycopy(x.shape(), axis + 1, shape, axis + indices.rank(), x.rank() - axis - 1);
        int[] idx = new int[outer * ind.length * inner];
        int e = 0;
        for (int o = 0; o < outer; o++)
            for (int i : ind) {
                int j = i < 0 ? i + d : i;
                if (j < 0 || j >= d) throw OnnxException.at(n, "index " + i + " is out of range for a dimension of " + d);
                for (int k = 0; k < inner; k++) idx[e++] = (o * d + j) * inner + k;
            }
        return pick(x, shape, idx);
    }

    static Tensor constant(Node n) {
        if (n.attr("value") != null) return OnnxFile.tensor(n.attr("value").getT(), "node '" + n.name() + "' (Constant) value");
        if (n.attr("value_float") != null) return Tensor.scalar(n.attrFloat("value_float", 0));
        if (n.attr("value_int") != null) return Tensor.ofLongs(DType.INT64, new int[0], new long[] {n.attrInt("value_int", 0)});
        if (n.attr("value_floats") != null) {
            var l = n.attr("value_floats").getFloatsList();
            float[] f = new float[l.size()];
            for (int i = 0; i < f.length; i++) f[i] = l.get(i);
            return Tensor.ofFloats(new int[] {f.length}, f);
        }
        if (n.attr("value_ints") != null) {
            long[] l = n.attr("value_ints").getIntsList().stream().mapToLong(Long::longValue).toArray();
            return Tensor.ofLongs(DType.INT64, new int[] {l.length}, l);
        }
        throw OnnxException.at(n, "Constant without a value, value_float(s) or value_int(s) attribute is not supported");
    }
}
